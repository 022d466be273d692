# gdb helpers for the kernel core (sourced by tools/gdb/kernel.gdb), in the spirit of Linux's
# scripts/gdb (lx-dmesg): commands that read kernel data structures from guest memory.
import gdb


class Dmesg(gdb.Command):
    """Print the kernel log buffer (what the shell's dmesg shows): dmesg, or lx-dmesg as in Linux"""

    def __init__(self, name):
        super().__init__(name, gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        buf = gdb.parse_and_eval("log_buf")
        size = int(buf.type.sizeof)
        head = int(gdb.parse_and_eval("log_head"))
        start = max(0, head - size)
        data = bytes(gdb.selected_inferior().read_memory(buf.address, size))
        out = bytes(data[i % size] for i in range(start, head))
        if start:
            # The ring wrapped: skip the partial oldest line.
            out = out[out.find(b"\n") + 1:]
        gdb.write(out.decode("utf-8", "replace"))


class Jiffies(gdb.Function):
    """$jiffies(): the current jiffies value (HZ=1000 ticks since boot)."""

    def __init__(self):
        super().__init__("jiffies")

    def invoke(self):
        return gdb.parse_and_eval("jiffies")


Dmesg("dmesg")
Dmesg("lx-dmesg")
Jiffies()
