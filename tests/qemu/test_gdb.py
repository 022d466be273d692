"""gdb against the running kernel: what a student does first (`make debug`, `break start_kernel`), and a
system call seen from inside the kernel.

Batch gdb with tools/gdb/kernel.gdb attaches to `run-qemu.sh --gdb=PORT --run ...` (QEMU waits at reset),
so breakpoints are set before GRUB runs, as in `make debug`. After the last recorded hit gdb detaches and
the guest finishes its commands.
"""
from gdbrun import gdb_run


def test_gdb_breaks_at_start_kernel(request):
    r = gdb_run(request.node.name, [{'spec': 'start_kernel', 'once': True, 'bt': True}],
                run='true', max_hits=1, timeout=120, nic='none')
    assert r.functions == ['start_kernel'], r.gdb_output[-2000:]
    hit = r.hits[0]
    assert hit['file'] == 'kernel/main.c'
    # GRUB hands over the multiboot2 magic; gdb reads it from the argument, so debug info is right.
    assert int(hit['args']['magic']) == 0x36d76289, hit['args']
    assert r.qemu_status == 0, r.console[-2000:]


def test_gdb_write_syscall_backtrace_shows_entry_path(request):
    # uname is a separate user program; its one write(1, "Linux\n", 6) is the first write of the run.
    r = gdb_run(request.node.name, [{'spec': 'start_kernel', 'once': True},
                                    {'spec': 'ksys_write', 'once': True, 'bt': True}],
                run='uname', max_hits=2, timeout=120, nic='none')
    assert r.functions == ['start_kernel', 'ksys_write'], r.gdb_output[-2000:]
    hit = r.hits[1]
    assert hit['file'] == 'fs/read_write.c'
    assert hit['args']['fd'] == '1' and hit['args']['count'] == '6', hit['args']
    bt = hit['bt']
    for fn in ('ksys_write', '__x64_sys_write', 'do_syscall_64', 'entry_SYSCALL_64'):
        assert fn in bt, bt
    assert bt.index('do_syscall_64') < bt.index('entry_SYSCALL_64'), bt
    assert r.qemu_status == 0 and 'Linux' in r.console, r.console[-2000:]
