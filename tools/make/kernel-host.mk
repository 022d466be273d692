# Suite `kernel-host`: the kernel's own library code (kernel/lib/vsprintf.c, string.c, kernel/timer.c,
# kernel/mm/slab.c, kernel/printk.c) compiled for Linux and unit-tested with cmocka (tests/host/test_kernel_*.c).
# The real kernel files are compiled, not copies: their names that clash with the C library are
# renamed with -D (snprintf -> kernel_snprintf ...) in every file of a test binary, and
# tests/host/kernel-include/asm/page.h replaces the direct-map arithmetic (pointer == physical)
# so kernel/mm/slab.c runs on a page arena (tests/host/kernel_host.c). Sanitizers are on.

KHOST_DIR := $(BUILD)/kernel-host

KHOST_RENAMES := $(foreach f,vsnprintf vscnprintf snprintf scnprintf sprintf simple_strtoul kstrtouint \
	memcpy memmove memset memcmp memchr strlen strnlen strcmp strncmp strcpy strncpy strchr strrchr \
	strstr strsep strscpy,-D$(f)=kernel_$(f))
KHOST_CFLAGS := -std=gnu11 -Itests/host/kernel-include -Iinclude -O1 -g -fno-omit-frame-pointer \
	-fno-builtin -fsanitize=address,undefined -fno-sanitize-recover=undefined $(WARNINGS) \
	-Wno-missing-prototypes -Wno-type-limits -DHOST_BUILD $(KHOST_RENAMES)
KHOST_LDFLAGS := -fsanitize=address,undefined

# Kernel files every test binary gets, and the ones only some tests need.
KHOST_COMMON := kernel/lib/vsprintf.c kernel/lib/string.c tests/host/kernel_host.c
KHOST_UNITS_test_kernel_vsprintf :=
KHOST_UNITS_test_kernel_string :=
KHOST_UNITS_test_kernel_timer := kernel/timer.c
KHOST_UNITS_test_kernel_slab := kernel/mm/slab.c
KHOST_UNITS_test_kernel_printk := kernel/printk.c

KHOST_TEST_SRCS := $(sort $(wildcard tests/host/test_kernel_*.c))
KHOST_TESTS := $(patsubst tests/host/%.c,$(KHOST_DIR)/%,$(KHOST_TEST_SRCS))

$(KHOST_DIR)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(KHOST_CFLAGS) -MMD -MP -c $< -o $@

.SECONDEXPANSION:
# Objects of a test binary (through a function: a literal % or : in a pattern rule's
# prerequisites would be taken as the stem or as a second rule separator).
khost_objs = $(addprefix $(KHOST_DIR)/,$(patsubst %.c,%.o,$(KHOST_COMMON) $(KHOST_UNITS_test_kernel_$(1))))
$(KHOST_DIR)/test_kernel_%: $(KHOST_DIR)/tests/host/test_kernel_%.o $$(call khost_objs,$$*)
	$(CC) $(KHOST_LDFLAGS) -o $@ $^ -lcmocka

# Keep the objects (make would delete them as intermediates of the pattern rule).
.SECONDARY: $(patsubst %.c,$(KHOST_DIR)/%.o,$(KHOST_COMMON) $(KHOST_TEST_SRCS) \
	$(foreach t,$(notdir $(KHOST_TESTS)),$(KHOST_UNITS_$(t))))

-include $(shell find $(KHOST_DIR) -name '*.d' 2>/dev/null)

.PHONY: test-kernel-host kernel-host-tests
kernel-host-tests: $(KHOST_TESTS)

test-kernel-host: kernel-host-tests
	@mkdir -p $(RESULTS)
	@$(PYTHON) tests/host/run-tap.py $(KHOST_TESTS) > $(RESULTS)/kernel-host.tap || true

TEST_SUITES += kernel-host
