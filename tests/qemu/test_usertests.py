"""User programs that misbehave hurt only themselves: `crash` faults in every way a program can and is
killed with a message while the shell goes on; `usertests` (xv6 style) calls system calls with bad fds,
bad pointers, huge lengths and bad flags and gets Linux's errors back; nothing leaks."""
import re

import pytest

from guest import run_batch
from test_memory import snapshot

SIGILL, SIGABRT, SIGFPE, SIGSEGV = 4, 6, 8, 11
FAULTS = {'null': SIGSEGV, 'write0': SIGSEGV, 'kernel': SIGSEGV, 'kwrite': SIGSEGV, 'kjump': SIGSEGV,
          'ud2': SIGILL, 'div0': SIGFPE, 'hlt': SIGSEGV, 'stack': SIGSEGV, 'abort': SIGABRT}


@pytest.fixture
def sh(guests):
    g = guests(nic='none')
    g.boot()
    return g


def test_faulting_programs_are_killed_and_the_shell_survives(sh):
    before = snapshot(sh)
    for fault, sig in FAULTS.items():
        out = sh.run('crash %s; echo status=$?' % fault, kernel_lines=True)
        assert re.search(r'^\[pid (\d+)\] killed by signal %d\b' % sig, out, re.M), (fault, out)
        assert 'status=%d' % (128 + sig) in out, (fault, out)
        assert 'Kernel panic' not in out and 'Oops' not in out, (fault, out)
    # the kernel says why for a memory fault, Linux style: "crash[pid]: segfault at 0 ip ... error N"
    out = sh.run('crash null', kernel_lines=True)
    assert re.search(r'crash\[\d+\]: segfault at 0 ip [0-9a-f]+ sp [0-9a-f]+ error \d', out), out
    assert sh.run('echo alive').strip() == 'alive'
    assert snapshot(sh) == before


def test_usertests_pass(request):
    status, out = run_batch(request.node.name, 'usertests', nic='none', timeout=120)
    failed = re.findall(r'^test (\w+): FAILED.*$', out, re.M)
    assert not failed, '\n'.join(l for l in out.splitlines() if not l.startswith('['))[-3000:]
    assert 'ALL TESTS PASSED' in out, out[-3000:]
    assert status == 0
    ran = re.findall(r'^test (\w+): OK$', out, re.M)
    for name in ('badfd', 'badptr', 'hugelen', 'badargs', 'memleak'):
        assert name in ran, ran


def test_usertests_from_the_shell_leave_memory_at_baseline(sh):
    # The first run fills caches that stay by design (the neighbour entry of 127.0.0.1, as Linux keeps
    # it); the baseline is taken after it, and a second full run must come back to it exactly.
    out = sh.run('usertests', timeout=120)
    assert 'ALL TESTS PASSED' in out, out[-3000:]
    before = snapshot(sh)
    out = sh.run('usertests', timeout=120)
    assert 'ALL TESTS PASSED' in out, out[-3000:]
    assert snapshot(sh) == before
