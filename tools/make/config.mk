# Tool chain and flags shared by every fragment.
#
# The kernel is built for the debugger (DESIGN.md): -Og keeps arguments and locals visible in gdb,
# frame pointers give exact backtraces, and call-chain functions are marked noinline in the source.

CC      := gcc
LD      := ld
NASM    := nasm
OBJCOPY := objcopy
NM      := nm
PYTHON  := /usr/bin/python3	# Debian's python3: pytest and scapy come from Debian packages

GCC_INCLUDE := $(shell $(CC) -print-file-name=include)

WARNINGS := -Wall -Wextra -Werror -Wno-unused-parameter -Wstrict-prototypes -Wmissing-prototypes

# Kernel: freestanding, higher half (-mcmodel=kernel), no red zone and no SSE in interrupt paths.
KERNEL_CFLAGS := -std=gnu11 -ffreestanding -fno-builtin -nostdinc -isystem $(GCC_INCLUDE) -Iinclude \
	-fno-pie -fno-pic -mcmodel=kernel -mno-red-zone -mgeneral-regs-only -fno-stack-protector \
	-fno-omit-frame-pointer -fno-optimize-sibling-calls -fno-strict-aliasing -fno-common \
	-Og -g3 $(WARNINGS) -D__KERNEL__
KERNEL_LDFLAGS := -n -no-pie -z max-page-size=0x1000 -T linker.ld
NASMFLAGS := -f elf64 -g -F dwarf

# User programs: static, no libc but ours, Linux x86_64 ABI (they also run on a Linux host).
USER_CFLAGS := -std=gnu11 -ffreestanding -fno-builtin -nostdinc -isystem $(GCC_INCLUDE) \
	-Ilibc/include -Iinclude/uapi -fno-pie -fno-pic -fno-stack-protector -fno-omit-frame-pointer \
	-O2 -g $(WARNINGS)
USER_LDFLAGS := -static -nostdlib -no-pie

# Host build of net/ against tests/host/ shims: ordinary Linux program, sanitizers on.
HOST_CFLAGS := -std=gnu11 -Iinclude -Itests/host/include -O1 -g -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined $(WARNINGS) -DHOST_BUILD
HOST_LDFLAGS := -fsanitize=address,undefined
