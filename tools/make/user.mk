# User space: our C library (libc/), the programs in userland/, and the initrd that carries them.
#
#   build/user/libc.a, build/user/crt0.o   libc/src/*.c libc/lib/*.c libc/arch/x86_64/*.S
#   build/user/libuser.a                   userland/lib/*.c (helpers shared by several programs)
#   build/user/bin/NAME                    userland/NAME.c or userland/NAME/*.c, static, with symbols
#   build/initrd.tar                       ustar of bin/NAME (stripped), a multiboot2 module for the ISO
#
# Programs are ordinary static Linux x86_64 executables: they also run on the build host, which is
# how suite `libc` tests the library and the programs before the kernel can run them.

USER_DIR := $(BUILD)/user

LIBC_C_SRCS := $(sort $(wildcard libc/src/*.c libc/lib/*.c))
LIBC_S_SRCS := $(filter-out libc/arch/x86_64/crt0.S,$(sort $(wildcard libc/arch/x86_64/*.S)))
LIBC_OBJS   := $(patsubst %.c,$(USER_DIR)/%.o,$(LIBC_C_SRCS)) $(patsubst %.S,$(USER_DIR)/%.o,$(LIBC_S_SRCS))
LIBC_A      := $(USER_DIR)/libc.a
USER_CRT0   := $(USER_DIR)/crt0.o
# gcc must not turn the loops of memset/memcpy-like functions back into calls to themselves.
LIBC_CFLAGS := $(USER_CFLAGS) -fno-tree-loop-distribute-patterns

USERLIB_SRCS := $(sort $(wildcard userland/lib/*.c))
USERLIB_OBJS := $(patsubst %.c,$(USER_DIR)/%.o,$(USERLIB_SRCS))
USERLIB_A    := $(USER_DIR)/libuser.a

# One program per userland/NAME.c and per directory userland/NAME/ (except userland/lib/).
USER_SINGLE := $(basename $(notdir $(wildcard userland/*.c)))
USER_MULTI  := $(filter-out lib,$(notdir $(patsubst %/,%,$(dir $(wildcard userland/*/*.c)))))
USER_PROGS  := $(sort $(USER_SINGLE) $(USER_MULTI))
USER_BINS   := $(addprefix $(USER_DIR)/bin/,$(USER_PROGS))
USER_PROG_CFLAGS := $(USER_CFLAGS) -Iuserland/lib
USER_LINK_LIBS := $(USERLIB_A) $(LIBC_A) -lgcc

INITRD := $(BUILD)/initrd.tar
ALL_TARGETS += $(USER_BINS) $(INITRD)
ISO_MODULES += $(INITRD)

$(USER_DIR)/libc/%.o: libc/%.c
	@mkdir -p $(dir $@)
	$(CC) $(LIBC_CFLAGS) -MMD -MP -c $< -o $@

$(USER_DIR)/libc/%.o: libc/%.S
	@mkdir -p $(dir $@)
	$(CC) $(LIBC_CFLAGS) -MMD -MP -c $< -o $@

$(USER_CRT0): libc/arch/x86_64/crt0.S
	@mkdir -p $(dir $@)
	$(CC) $(LIBC_CFLAGS) -c $< -o $@

$(LIBC_A): $(LIBC_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(USER_DIR)/userland/%.o: userland/%.c
	@mkdir -p $(dir $@)
	$(CC) $(USER_PROG_CFLAGS) -MMD -MP -c $< -o $@

$(USERLIB_A): $(USERLIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

# A program's objects: userland/NAME.o, or every userland/NAME/*.o.
user_prog_objs = $(patsubst %.c,$(USER_DIR)/%.o,$(wildcard userland/$(1).c userland/$(1)/*.c))

.SECONDEXPANSION:
$(USER_DIR)/bin/%: $$(call user_prog_objs,%) $(USER_CRT0) $(USERLIB_A) $(LIBC_A)
	@mkdir -p $(dir $@)
	$(CC) $(USER_LDFLAGS) -Wl,-z,noexecstack -o $@ $(USER_CRT0) $(call user_prog_objs,$*) $(USER_LINK_LIBS)

# Deterministic archive (fixed owner, mode and time, sorted): the same programs give the same bytes.
$(INITRD): $(USER_BINS) tools/make/user.mk
	@rm -rf $(USER_DIR)/initrd && mkdir -p $(USER_DIR)/initrd/bin
	$(foreach p,$(USER_PROGS),strip -o $(USER_DIR)/initrd/bin/$(p) $(USER_DIR)/bin/$(p) &&) true
	tar --format=ustar --owner=0 --group=0 --numeric-owner --mode=0755 --mtime=@0 --sort=name \
		-cf $@ -C $(USER_DIR)/initrd bin

.PHONY: user
user: $(USER_BINS) $(INITRD)

-include $(LIBC_OBJS:.o=.d) $(USERLIB_OBJS:.o=.d) $(patsubst %.c,$(USER_DIR)/%.d,$(wildcard userland/*.c userland/*/*.c))

# Suite `libc` (tests/libc/run.py): the libc test programs (test_*.c print TAP; oracle_*.c print data that
# run.py checks against Python), usertests and the shell, all run natively.
LIBC_TEST_SRCS := $(sort $(wildcard tests/libc/*.c))
LIBC_TESTS := $(patsubst tests/libc/%.c,$(USER_DIR)/tests/%,$(LIBC_TEST_SRCS))
TEST_SUITES += libc

$(USER_DIR)/tests/%.o: tests/libc/%.c tests/libc/tap.h
	@mkdir -p $(dir $@)
	$(CC) $(USER_PROG_CFLAGS) -MMD -MP -c $< -o $@

$(USER_DIR)/tests/%: $(USER_DIR)/tests/%.o $(USER_CRT0) $(LIBC_A)
	$(CC) $(USER_LDFLAGS) -Wl,-z,noexecstack -o $@ $(USER_CRT0) $< $(LIBC_A) -lgcc

.PHONY: test-libc
test-libc: $(LIBC_TESTS) $(USER_BINS) $(INITRD)
	@mkdir -p $(RESULTS)
	$(PYTHON) tests/libc/run.py $(BUILD) $(RESULTS)/libc.tap
