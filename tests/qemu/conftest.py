"""Fixtures of the QEMU tests (run by `make test-qemu`; see docs/testing.md).

- the build artefacts must exist (`make` runs once before pytest, never inside a test);
- `guests`: a factory, guests('e1000', nic='e1000', ...) -> Guest not yet booted; every guest is killed
  after the test, and the pcap of every guest is checked with tshark (no malformed frames, no bad checksum);
- `guest`: one booted guest with run-qemu.sh's defaults (e1000 on user networking);
- `netns`: a network namespace with tap0 = 192.168.76.1/24 and the guest at .2 (root only, else skipped);
- guest.free_port(): a free TCP/UDP port on 127.0.0.1, for gdb stubs, dgram wires and forwards.
"""
import glob
import hashlib
import os
import shutil

import pytest

from guest import BUILD, RUN_QEMU, Guest
from netns import NetNS, have_root
import pcapcheck

ISO = os.path.join(BUILD, 'os.iso')
KERNEL = os.path.join(BUILD, 'kernel.elf')


@pytest.fixture(scope='session', autouse=True)
def artefacts():
    missing = [p for p in (ISO, KERNEL, RUN_QEMU) if not os.path.exists(p)]
    if missing:
        pytest.fail('missing %s: run `make` first (make test-qemu does)' % ', '.join(missing), pytrace=False)


def node_name(request, suffix=''):
    return request.node.nodeid.split('::', 1)[-1].replace('/', '_') + (('-' + suffix) if suffix else '')


@pytest.fixture
def guests(request):
    made = []

    def make(suffix='', check_pcap=True, **opts):
        g = Guest(node_name(request, suffix), **opts)
        g.check_pcap = check_pcap
        made.append(g)
        return g

    yield make
    for g in made:
        g.close()
    # The pcap check runs after QEMU is gone (filter-dump has flushed) and only on a passing test, so a
    # failure here is about the frames, not a consequence of the test's own failure.
    if getattr(request.node, 'rep_call', None) is not None and request.node.rep_call.passed:
        for g in made:
            if g.check_pcap and g.pcap and pcapcheck.have_tshark():
                # card 0 writes FILE, card N FILE.N (run-qemu.sh --pcap)
                for path in [g.pcap] + sorted(glob.glob(glob.escape(g.pcap) + '.[0-9]*')):
                    if os.path.exists(path):
                        pcapcheck.check_pcap(path, min_frames=0)


@pytest.fixture
def guest(guests):
    g = guests()
    g.boot()
    print('boot to prompt: %.2f s' % g.boot_seconds)
    return g


@pytest.fixture
def netns(request):
    if not have_root():
        pytest.skip('needs root: creates a network namespace with a tap device')
    if shutil.which('ip') is None:
        pytest.skip('needs iproute2 (ip)')
    tag = hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:8]
    with NetNS(tag) as ns:
        yield ns


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # Lets fixtures see whether the test body passed (request.node.rep_call).
    outcome = yield
    rep = outcome.get_result()
    setattr(item, 'rep_' + rep.when, rep)
