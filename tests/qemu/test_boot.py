"""Boot: the kernel log looks like Linux's, panics and kernel faults end QEMU with status 127 and a
symbolized backtrace (lkdtm=TYPE on the command line crashes on purpose, as Linux's lkdtm does)."""
import re

from guest import EXIT_PANIC, Guest, run_batch

TIMESTAMP = re.compile(r'^\[\s*\d+\.\d{6}\] ', re.M)


def test_boot_log_has_linux_timestamps(request):
    with Guest(request.node.name, nic='none') as g:
        g.start()
        g.expect(r'Kernel command line: [^\n]*\n', timeout=30)
        lines = [l for l in g.child.before.replace('\r', '').split('\n') if l.strip()]
    kernel_lines = [l for l in lines if l.startswith('[')]
    assert kernel_lines, lines
    for line in kernel_lines:
        assert TIMESTAMP.match(line), line


def test_panic_exits_127_with_symbolized_backtrace(request):
    status, out = run_batch(request.node.name, 'true', nic='none', cmdline='lkdtm=panic', timeout=60)
    assert status == EXIT_PANIC, out[-2000:]
    assert 'Kernel panic - not syncing: lkdtm: panic requested' in out
    # function+offset/size, innermost first, down to start_kernel
    trace = re.findall(r'\[<ffffffff[0-9a-f]{8}>\] (\w+)\+0x[0-9a-f]+/0x[0-9a-f]+', out)
    assert trace[:2] == ['panic', 'lkdtm_do_crash'], out[-2000:]
    assert 'start_kernel' in trace


def test_kernel_page_fault_oopses_and_panics(request):
    status, out = run_batch(request.node.name, 'true', nic='none', cmdline='lkdtm=null', timeout=60)
    assert status == EXIT_PANIC, out[-2000:]
    assert 'BUG: unable to handle page fault for address: 0000000000000000' in out
    assert re.search(r'RIP: 0010:lkdtm_do_crash\+0x[0-9a-f]+/0x[0-9a-f]+', out), out[-2000:]
    for reg in ('RAX', 'RSP', 'R15', 'CR2'):
        assert re.search(r'\b%s: (?:[0-9a-f]{4}:)?[0-9a-f]{16}' % reg, out), reg
    assert 'CR2: 0000000000000000' in out


def test_make_run_default_boot_reaches_the_prompt_within_5_seconds(guest):
    # issue 2 "done when": under TCG, with the default e1000 on user networking (DHCP included)
    assert guest.boot_seconds < 5.0, guest.boot_seconds
    assert re.search(r'inet 10\.0\.2\.15 ', guest.run('ifconfig eth0'))
