# Host build of net/ (DESIGN.md "The stack builds on the host too"): every net/**/*.c (and the
# loopback driver, and the kernel's portable timer wheel kernel/timer.c) plus the
# kernel-service shim in tests/host/shim/ goes into build/host/libnet.a, compiled as an ordinary
# Linux program with sanitizers. Each tests/host/test_<subsystem>_*.c (except test_kernel_*, which
# "core" builds) links against it into its own cmocka binary; suite `net-host` runs them all and
# merges their TAP. Test files need no Makefile edit: drop tests/host/test_udp_foo.c in and it runs.
#
# The library is linked whole (--whole-archive) because initcalls (inet_init, loopback) are only
# reached through their section, never by a symbol reference.

HOST_DIR   := $(BUILD)/host
HOST_LIB   := $(HOST_DIR)/libnet.a
# HOST_EXCLUDE: patterns of sources to leave out while someone's work in the shared tree does not
# link yet, e.g. make test-net-host HOST_EXCLUDE='net/ipv4/tcp%'.
HOST_EXCLUDE   ?=
HOST_NET_SRCS  := $(filter-out $(HOST_EXCLUDE),$(sort $(shell find net -name '*.c' 2>/dev/null)) drivers/net/loopback.c \
	kernel/timer.c)
HOST_SHIM_SRCS := $(sort $(wildcard tests/host/shim/*.c))
HOST_LIB_OBJS  := $(patsubst %.c,$(HOST_DIR)/%.o,$(HOST_NET_SRCS) $(HOST_SHIM_SRCS))
# test_kernel_* and test_proc_* belong to the kernel-host and proc-host suites (their own fragments).
HOST_TEST_SRCS := $(sort $(filter-out tests/host/test_kernel_%.c tests/host/test_proc_%.c,\
	$(wildcard tests/host/test_*.c)))
HOST_TESTS     := $(patsubst tests/host/%.c,$(HOST_DIR)/%,$(HOST_TEST_SRCS))
HOST_LIBS      := -lcmocka

$(HOST_DIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(HOST_CFLAGS) -MMD -MP -c $< -o $@

# Rebuild the archive when the object list changes (a file added or excluded), not only when one changes.
HOST_OBJS_LIST := $(HOST_DIR)/libnet.objs
$(shell mkdir -p $(HOST_DIR) && echo '$(HOST_LIB_OBJS)' | cmp -s - $(HOST_OBJS_LIST) || \
	echo '$(HOST_LIB_OBJS)' > $(HOST_OBJS_LIST))

$(HOST_LIB): $(HOST_LIB_OBJS) $(HOST_OBJS_LIST)
	@rm -f $@
	ar rcs $@ $(HOST_LIB_OBJS)

$(HOST_DIR)/test_%: $(HOST_DIR)/tests/host/test_%.o $(HOST_LIB)
	$(CC) $(HOST_LDFLAGS) -o $@ $< -Wl,--whole-archive $(HOST_LIB) -Wl,--no-whole-archive $(HOST_LIBS)

-include $(HOST_LIB_OBJS:.o=.d) $(patsubst %,$(HOST_DIR)/tests/host/%.d,$(notdir $(HOST_TESTS)))

.PHONY: host-tests test-net-host
host-tests: $(HOST_TESTS)

# Every binary runs even if one crashes; tests/host/run-tap.py merges the TAP streams into one
# plan and turns a crash, a short plan or a missing binary into a failure line.
# A binary that does not build is reported by run-tap.py as a failure; the others still run.
test-net-host:
	@mkdir -p $(RESULTS)
	@$(MAKE) --no-print-directory -k host-tests || true
	@$(PYTHON) tests/host/run-tap.py $(HOST_TESTS) > $(RESULTS)/net-host.tap || true

TEST_SUITES += net-host

# ---- Fuzzing the receive path (tests/fuzz/fuzz_net.c) with libFuzzer, ASan and UBSan ----
# `make fuzz-net` runs until stopped (FUZZ_ARGS to add libFuzzer flags, corpus kept in
# build/fuzz/corpus-net); suite `net-fuzz` runs it briefly from the seeds in make test.
FUZZ_CC     := clang
FUZZ_DIR    := $(BUILD)/fuzz
FUZZ_CFLAGS := $(filter-out -fsanitize=%,$(HOST_CFLAGS)) -fsanitize=fuzzer-no-link,address,undefined
FUZZ_LIB_OBJS := $(patsubst %.c,$(FUZZ_DIR)/%.o,$(HOST_NET_SRCS) $(HOST_SHIM_SRCS))
FUZZ_NET    := $(FUZZ_DIR)/fuzz_net
FUZZ_RUNS   ?= 200000

$(FUZZ_DIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

$(FUZZ_DIR)/libnet.a: $(FUZZ_LIB_OBJS) $(HOST_OBJS_LIST)
	@rm -f $@
	ar rcs $@ $(FUZZ_LIB_OBJS)

$(FUZZ_NET): $(FUZZ_DIR)/tests/fuzz/fuzz_net.o $(FUZZ_DIR)/libnet.a
	$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o $@ $< -Wl,--whole-archive $(FUZZ_DIR)/libnet.a \
		-Wl,--no-whole-archive

-include $(FUZZ_LIB_OBJS:.o=.d) $(FUZZ_DIR)/tests/fuzz/fuzz_net.d

.PHONY: fuzz-net test-net-fuzz
fuzz-net: $(FUZZ_NET)
	@mkdir -p $(FUZZ_DIR)/corpus-net
	$(FUZZ_NET) -max_len=4096 $(FUZZ_ARGS) $(FUZZ_DIR)/corpus-net tests/fuzz/seeds-net

# A short deterministic run (fixed seed, FUZZ_RUNS inputs) as one TAP test; a crash fails it.
test-net-fuzz:
	@mkdir -p $(RESULTS) $(FUZZ_DIR)/corpus-short
	@if ! $(MAKE) --no-print-directory $(FUZZ_NET) > $(FUZZ_DIR)/build.log 2>&1; then \
		printf '1..1\nnot ok 1 - fuzz_net: did not build (see %s)\n' $(FUZZ_DIR)/build.log; \
	elif (cd $(FUZZ_DIR) && ./fuzz_net -seed=1 -runs=$(FUZZ_RUNS) -max_total_time=30 -max_len=4096 corpus-short \
		$(CURDIR)/tests/fuzz/seeds-net) > $(FUZZ_DIR)/short.log 2>&1; then \
		printf '1..1\nok 1 - fuzz_net: %s inputs through the receive path without a sanitizer error\n' $(FUZZ_RUNS); \
	else \
		printf '1..1\nnot ok 1 - fuzz_net: crashed (see %s)\n' $(FUZZ_DIR)/short.log; \
	fi > $(RESULTS)/net-fuzz.tap

TEST_SUITES += net-fuzz
