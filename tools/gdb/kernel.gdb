# gdb setup for the kernel: symbols, architecture, and the kernel's gdb helpers.
#
# `make debug` starts QEMU waiting for gdb (./run-qemu.sh --gdb) and runs
#     GDB_PORT=1234 gdb -x tools/gdb/kernel.gdb
# To do it by hand, from the top of the repository, in two terminals:
#     ./run-qemu.sh --gdb                  # QEMU stops at reset, waits on tcp::1234
#     gdb -x tools/gdb/kernel.gdb -ex 'target remote :1234'
#     (gdb) break start_kernel
#     (gdb) continue
# Breakpoints work even before GRUB has loaded the kernel: under TCG, QEMU keeps them itself.
# This file connects only when $GDB_PORT is set, so test scripts can choose their own port.
#
# A panic normally ends QEMU (and so the gdb session): `break panic`, or boot with
# `make debug RUN_ARGS="--cmdline panic=0"` to make the kernel halt instead.
#
# The 32-bit boot stub (boot/head.asm) is disassembled wrongly as 64-bit code; read it with
# `objdump -d -m i386 build/kernel.elf`. Helpers defined below: `dmesg` (the kernel log).

set architecture i386:x86-64
# Read code from kernel.elf, not from the guest: breakpoints are set at reset, before GRUB has
# loaded the kernel, and gdb must see each function's prologue to put the breakpoint after it
# (else `info args` reads the stack slots of -O0 code before they are written).
set trust-readonly-sections on
set pagination off
set confirm off
set print pretty on

# build/kernel.elf-gdb.py (copied from tools/gdb/kernel.elf-gdb.py by make) loads with the
# symbols, as Linux's vmlinux-gdb.py does; allow it.
python
import os
gdb.execute("add-auto-load-safe-path " + os.path.abspath("build"))
end

file build/kernel.elf
source tools/gdb/core.py

# QEMU may still be starting: try for a few seconds before giving up.
python
import os, time
if os.environ.get("GDB_PORT"):
    for attempt in range(40):
        try:
            gdb.execute("target remote 127.0.0.1:" + os.environ["GDB_PORT"])
            break
        except gdb.error:
            if attempt == 39:
                raise
            time.sleep(0.25)
end
