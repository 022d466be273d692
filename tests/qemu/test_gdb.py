"""gdb against the running kernel: what a student does first (`make debug`, `break start_kernel`).

Batch gdb with tools/gdb/kernel.gdb attaches to `run-qemu.sh --gdb=PORT --run ...` (QEMU waits at reset),
so breakpoints are set before GRUB runs, as in `make debug`.
"""
from gdbrun import gdb_run


def test_gdb_breaks_at_start_kernel(request):
    r = gdb_run(request.node.name, [{'spec': 'start_kernel', 'once': True, 'bt': True}],
                run='true', max_hits=1, timeout=120, qemu_wait=5, nic='none')
    assert r.functions == ['start_kernel'], r.gdb_output[-2000:]
    hit = r.hits[0]
    assert hit['file'] == 'kernel/main.c'
    # GRUB hands over the multiboot2 magic; gdb reads it from the argument, so debug info is right.
    assert int(hit['args']['magic']) == 0x36d76289, hit['args']
