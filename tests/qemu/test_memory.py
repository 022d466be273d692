"""Nothing leaks: pages and kernel objects in use return to their baseline after programs exit.

meminfo prints /proc/meminfo (PagesUsed, SlabObjects, KmallocBytes, OpenFiles, Tasks) and the slab
caches; the counters after a workload must equal the ones before it, exactly (empty slabs go back to the
page allocator at once, so there is no slack to allow for)."""
import pytest

from guest import parse_counters

COUNTERS = ('PagesUsed', 'SlabObjects', 'KmallocBytes', 'OpenFiles', 'Tasks')
# After network traffic the slab caches hold the same objects, but possibly in more partly used slab
# pages (NIC receive buffers are refilled in another order): objects and the pages outside the slab
# allocator must match exactly, slab pages are reported.
NET_COUNTERS = ('SlabObjects', 'KmallocBytes', 'OpenFiles', 'Tasks', 'NonSlabPages')

# Programs that start, allocate (processes, page tables, files, pipes, /proc buffers) and exit.
WORKLOAD = ('uname -a; ps; uptime; cat /proc/meminfo /proc/slabinfo > /dev/null; sleep 0.1; '
            'echo x | cat | cat; dmesg > /dev/null; no-such-program; help > /dev/null')


@pytest.fixture
def sh(guests):
    g = guests(nic='none')
    g.boot()
    return g


def snapshot(g, keys=COUNTERS):
    c = parse_counters(g.run('meminfo'))
    if 'PagesUsed' in c and 'Slab' in c:
        c['NonSlabPages'] = c['PagesUsed'] - c['Slab'] // 4
    missing = [k for k in keys if k not in c]
    assert not missing, 'meminfo lacks %s' % missing
    return {k: c[k] for k in keys}


def settled(g, before, seconds=15, keys=COUNTERS):
    """Snapshots once a second (guest time) until the kernel objects are back to `before` (TIME_WAIT
    and deferred frees take a moment), at most `seconds`; returns the last one."""
    for _ in range(seconds):
        now = snapshot(g, keys)
        if now == before:
            break
        g.run('sleep 1')
    return now


def test_programs_leave_no_pages_or_objects_behind(sh):
    before = snapshot(sh)
    for _ in range(3):
        sh.run(WORKLOAD)
    after = snapshot(sh)
    assert after == before


def slab_active(g):
    """{cache: active objects} from /proc/slabinfo."""
    active = {}
    for line in g.run('cat /proc/slabinfo').splitlines():
        f = line.split()
        if len(f) > 2 and f[1].isdigit() and not line.startswith('#'):
            active[f[0]] = int(f[1])
    return active


def slab_diff(before, after):
    """Caches whose active objects changed: {cache: (before, after)} -- for failure messages."""
    return {k: (before.get(k, 0), after.get(k, 0)) for k in set(before) | set(after)
            if before.get(k, 0) != after.get(k, 0)}
