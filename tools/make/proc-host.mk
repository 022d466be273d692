# Suite `proc-host`: pieces of the process/file code that run on their own, compiled for Linux from
# the real kernel files and tested with cmocka (sanitizers on): the initrd tar reader (fs/tar.c) on
# archives GNU tar makes, ELF validation (kernel/elf.c) on a static executable gcc makes and broken
# copies of it, the wait-queue logic (kernel/sched/wait.c) and path normalisation (fs/path.c). tests/host/proc_host.c stands in for
# the few kernel services they call.

PHOST_DIR := $(BUILD)/proc-host
PHOST_CFLAGS := -std=gnu11 -Iinclude -Itests/host -O1 -g -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined $(WARNINGS) -Wno-missing-prototypes \
	-DHOST_BUILD -DPROC_TINY_PATH='"$(PHOST_DIR)/proc_tiny"'
PHOST_LDFLAGS := -fsanitize=address,undefined

PHOST_UNITS_test_proc_tar := fs/tar.c
PHOST_UNITS_test_proc_elf := kernel/elf.c
PHOST_UNITS_test_proc_wait := kernel/sched/wait.c
PHOST_UNITS_test_proc_path := fs/path.c
PHOST_TESTS := $(addprefix $(PHOST_DIR)/,test_proc_tar test_proc_elf test_proc_wait test_proc_path)

$(PHOST_DIR)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(PHOST_CFLAGS) -MMD -MP -c $< -o $@

# The ELF test's input: a real static, non-PIE x86_64 executable.
$(PHOST_DIR)/proc_tiny: tests/host/proc_tiny.c
	@mkdir -p $(@D)
	$(CC) -static -nostdlib -no-pie -fno-pie -O1 -o $@ $<

.SECONDEXPANSION:
# Through a function: a literal % in a pattern rule's prerequisites would be taken as the stem.
phost_objs = $(addprefix $(PHOST_DIR)/,$(patsubst %.c,%.o,$(PHOST_UNITS_test_proc_$(1))))
$(PHOST_DIR)/test_proc_%: $(PHOST_DIR)/tests/host/test_proc_%.o $(PHOST_DIR)/tests/host/proc_host.o \
		$$(call phost_objs,$$*)
	$(CC) $(PHOST_LDFLAGS) -o $@ $^ -lcmocka

.SECONDARY: $(PHOST_DIR)/tests/host/proc_host.o $(foreach t,tar elf wait path,$(call phost_objs,$(t)) \
	$(PHOST_DIR)/tests/host/test_proc_$(t).o)

-include $(shell find $(PHOST_DIR) -name '*.d' 2>/dev/null)

.PHONY: test-proc-host proc-host-tests
proc-host-tests: $(PHOST_TESTS) $(PHOST_DIR)/proc_tiny

test-proc-host: proc-host-tests
	@mkdir -p $(RESULTS)
	@$(PYTHON) tests/host/run-tap.py $(PHOST_TESTS) > $(RESULTS)/proc-host.tap || true

TEST_SUITES += proc-host
