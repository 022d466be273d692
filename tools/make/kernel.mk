# The kernel: build/kernel.elf from every .c under kernel/ drivers/ net/ arch/ fs/ and every .asm under
# boot/ arch/ kernel/ (found by wildcard: adding a file needs no edit here).
#
# Two links, so backtraces can name functions: the first link (with an empty symbol table) gives
# the addresses, tools/gen-kallsyms.sh turns its `nm` output into build/kallsyms.c, and the second
# link puts that table into section .kallsyms, which lies after all code (linker.ld), so no function
# moves between the links (checked after the second link).

# Directories whose code does not build into the kernel yet (logged in /work/coord/LOG.md).
KERNEL_EXCLUDE ?=

KERNEL_SRC_DIRS := kernel drivers net arch fs
KERNEL_ASM_DIRS := boot arch kernel

kernel_find = $(shell find $(1) -name '$(2)' -type f 2>/dev/null | sort)
KERNEL_C_SRCS := $(filter-out $(addsuffix /%,$(KERNEL_EXCLUDE)),$(call kernel_find,$(KERNEL_SRC_DIRS),*.c))
KERNEL_ASM_SRCS := $(filter-out $(addsuffix /%,$(KERNEL_EXCLUDE)),$(call kernel_find,$(KERNEL_ASM_DIRS),*.asm))
KERNEL_OBJS := $(patsubst %.c,$(BUILD)/kobj/%.o,$(KERNEL_C_SRCS)) \
	       $(patsubst %.asm,$(BUILD)/kobj/%.asm.o,$(KERNEL_ASM_SRCS))

KERNEL_ELF := $(BUILD)/kernel.elf

# nasm objects carry no .note.GNU-stack; the image is one RWX load segment on purpose (early boot).
KERNEL_LDFLAGS += -z noexecstack --no-warn-rwx-segments --fatal-warnings

ALL_TARGETS += $(KERNEL_ELF)

# Relink when the object list changes (a file added, removed or excluded), not only when one changes.
KERNEL_OBJS_LIST := $(BUILD)/kernel.objs
$(shell mkdir -p $(BUILD) && echo '$(KERNEL_OBJS)' | cmp -s - $(KERNEL_OBJS_LIST) || \
	echo '$(KERNEL_OBJS)' > $(KERNEL_OBJS_LIST))

# The code students step through in gdb is built at -O0: at -Og, gcc's location lists leave caller
# arguments "in a register" after the callee has reused it, so `bt` printed stale values in the
# frames above a breakpoint (e.g. __sys_connect's arguments under tcp_v4_connect). At -O0 every
# argument lives in its stack slot for the whole function. The rest of the kernel stays -Og.
KERNEL_O0_DIRS := net arch/x86/entry
KERNEL_O0_FILES := fs/read_write.c
$(foreach d,$(KERNEL_O0_DIRS),$(eval $(BUILD)/kobj/$(d)/%.o: KERNEL_CFLAGS += -O0))
$(foreach f,$(KERNEL_O0_FILES),$(eval $(BUILD)/kobj/$(f:.c=.o): KERNEL_CFLAGS += -O0))

# Objects also depend on the flags' makefiles: a flag change rebuilds them.
$(BUILD)/kobj/%.o: %.c tools/make/config.mk tools/make/kernel.mk
	@mkdir -p $(@D)
	$(CC) $(KERNEL_CFLAGS) -MMD -MP -c $< -o $@

# The boot trampoline mixes low (physical) and higher-half sections, whose DWARF line tables
# confuse gdb's backtraces ("pc in address map, but not in symtab"): symbols only there.
$(BUILD)/kobj/boot/%.asm.o: NASMFLAGS := -f elf64

$(BUILD)/kobj/%.asm.o: %.asm tools/make/config.mk tools/make/kernel.mk
	@mkdir -p $(@D)
	$(NASM) $(NASMFLAGS) -MD $(@:.o=.d) -MP $< -o $@

# The generated tables are data only: no prototypes to check.
KALLSYMS_CFLAGS := $(filter-out -Wmissing-prototypes,$(KERNEL_CFLAGS))

$(BUILD)/kallsyms0.c: tools/gen-kallsyms.sh
	@mkdir -p $(@D)
	tools/gen-kallsyms.sh > $@

$(BUILD)/kallsyms.c: $(BUILD)/kernel.pass1.elf tools/gen-kallsyms.sh
	NM=$(NM) tools/gen-kallsyms.sh $< > $@

$(BUILD)/kallsyms0.o $(BUILD)/kallsyms.o: %.o: %.c
	$(CC) $(KALLSYMS_CFLAGS) -c $< -o $@

$(BUILD)/kernel.pass1.elf: $(KERNEL_OBJS) $(BUILD)/kallsyms0.o linker.ld $(KERNEL_OBJS_LIST)
	$(LD) $(KERNEL_LDFLAGS) -o $@ $(KERNEL_OBJS) $(BUILD)/kallsyms0.o

$(KERNEL_ELF): $(KERNEL_OBJS) $(BUILD)/kallsyms.o linker.ld $(KERNEL_OBJS_LIST)
	$(LD) $(KERNEL_LDFLAGS) -o $@ $(KERNEL_OBJS) $(BUILD)/kallsyms.o
	@NM=$(NM) tools/gen-kallsyms.sh $@ | cmp -s - $(BUILD)/kallsyms.c || \
		{ echo "kernel.mk: functions moved between the two links; fix linker.ld" >&2; rm -f $@; exit 1; }
	@grub-file --is-x86-multiboot2 $@ || \
		{ echo "kernel.mk: $@ is not a multiboot2 kernel" >&2; rm -f $@; exit 1; }

-include $(KERNEL_OBJS:.o=.d)
