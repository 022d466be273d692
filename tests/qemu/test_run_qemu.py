"""run-qemu.sh itself: documented options, clear errors for bad ones, the QEMU command it builds.
No guest boots here (--dry-run), so these run in a fraction of a second."""
import subprocess

from guest import REPO, RUN_QEMU


def rq(*args):
    return subprocess.run([RUN_QEMU] + list(args), cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, timeout=30, stdin=subprocess.DEVNULL)


def test_run_qemu_help_documents_every_option():
    r = rq('--help')
    assert r.returncode == 0
    for opt in ('--nic', '--net', '--fwd', '--pcap', '--mem', '--accel', '--gdb', '--cmdline', '--run',
                '--timeout', '--serial-log'):
        assert opt in r.stdout, opt
    for backend in ('user', 'tap:', 'dgram:', 'stream:'):
        assert backend in r.stdout, backend


def test_run_qemu_rejects_bad_options_clearly():
    for args, words in ((['--nic', 'rtl8139'], 'rtl8139'), (['--mem', 'lots'], '--mem'),
                        (['--accel', 'hax'], '--accel'), (['--net', 'carrier-pigeon'], 'carrier-pigeon'),
                        (['--fwd', 'tcp:80'], '--fwd'), (['--bogus'], '--bogus'), (['--gdb=x'], '--gdb')):
        r = rq('--dry-run', *args)
        assert r.returncode == 2, (args, r.returncode, r.stdout)
        assert words in r.stderr and 'run-qemu.sh:' in r.stderr, (args, r.stderr)


def test_run_qemu_builds_the_documented_qemu_command():
    r = rq('--dry-run', '--nic', 'e1000', '--nic', 'virtio-modern', '--net', 'tap:tap0', '--net',
           'dgram:7000:7001', '--pcap', '/tmp/x.pcap', '--gdb=4321', '--mem', '256')
    assert r.returncode == 0, r.stderr
    cmd = r.stdout.replace('\\', '')  # printed with %q: commas come escaped
    assert '-accel tcg' in cmd and '-m 256' in cmd
    assert 'isa-debug-exit,iobase=0xf4,iosize=0x04' in cmd
    assert 'tap,id=n0,ifname=tap0,script=no,downscript=no' in cmd
    assert 'e1000,netdev=n0' in cmd
    assert 'local.port=7000' in cmd and 'remote.port=7001' in cmd
    assert 'virtio-net-pci,disable-legacy=on,netdev=n1' in cmd
    assert 'filter-dump,id=dump0,netdev=n0,file=/tmp/x.pcap' in cmd
    assert 'filter-dump,id=dump1,netdev=n1,file=/tmp/x.pcap.1' in cmd
    assert '-S -gdb tcp::4321' in cmd
