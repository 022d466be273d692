"""Batch gdb against a guest started with `run-qemu.sh --gdb=PORT --run CMDS`.

    r = gdb_run('name', [{'spec': 'start_kernel', 'once': True}, {'spec': 'ksys_write', 'bt': True}],
                run='echo hi; poweroff', max_hits=2)
    r.hits -> [{'function': 'start_kernel', 'file': 'kernel/main.c', 'args': {...}}, ...]
    r.qemu_status, r.console, r.gdb_output

QEMU waits at reset for gdb; gdb loads tools/gdb/kernel.gdb (symbols, architecture), connects, and runs
gdbdriver.py, which records each breakpoint hit and detaches at the end so the --run commands finish and
QEMU exits. Both processes are killed on timeout.
"""
import json
import os
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field

from guest import LOG_DIR, PCAP_DIR, REPO, BUILD, GuestError, _netns_prefix, clean, free_port, \
    run_qemu_args, safe_name

KERNEL = os.path.join(BUILD, 'kernel.elf')
GDB_SCRIPT = os.path.join(REPO, 'tools', 'gdb', 'kernel.gdb')
DRIVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gdbdriver.py')


@dataclass
class GdbResult:
    hits: list
    end: str
    qemu_status: int
    console: str
    gdb_output: str
    functions: list = field(default_factory=list)


def _wait_port(port, proc, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection(('127.0.0.1', port), timeout=1):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def gdb_argv(port):
    """The gdb command line a student would use, in batch mode: kernel.gdb, then our port."""
    argv = ['gdb', '-batch', '-nx', '-iex', 'set auto-load safe-path /', '-ex', 'set pagination off',
            '-ex', 'set confirm off']
    if os.path.exists(GDB_SCRIPT):
        argv += ['-x', GDB_SCRIPT]
    argv += ['-ex', 'file %s' % KERNEL, '-ex', 'set architecture i386:x86-64',
             '-ex', 'target remote 127.0.0.1:%d' % port]
    return argv


def gdb_run(name, breaks, run, netns=None, max_hits=50, until=None, after=0, timeout=240, qemu_wait=60,
            **opts):
    """gdb times out after `timeout` s; then QEMU gets `qemu_wait` s to finish the --run commands
    (qemu_status None if it did not, 0 if they succeeded)."""
    os.makedirs(LOG_DIR, exist_ok=True)
    os.makedirs(PCAP_DIR, exist_ok=True)
    name = safe_name(name)
    port = free_port()
    if opts.get('nic') != 'none' and 'pcap' not in opts:
        opts['pcap'] = os.path.join(PCAP_DIR, name + '.pcap')
    qemu_argv = _netns_prefix(netns) + run_qemu_args(gdb=port, run=run, **opts)
    console_path = os.path.join(LOG_DIR, name + '.log')
    console = open(console_path, 'w+b')
    console.write(('$ %s\n' % ' '.join(qemu_argv)).encode())
    console.flush()
    qemu = subprocess.Popen(qemu_argv, cwd=REPO, stdin=subprocess.DEVNULL, stdout=console,
                            stderr=subprocess.STDOUT, start_new_session=True)
    gdb = None
    try:
        if netns:
            # The stub listens inside the namespace; gdb must run there too.
            stub_ready = _wait_in_netns(netns, port, qemu, 30)
        else:
            stub_ready = _wait_port(port, qemu, 30)
        if not stub_ready:
            raise GuestError('%s: QEMU gdb stub on port %d never came up' % (name, port))
        with tempfile.NamedTemporaryFile('r', suffix='.json', delete=False) as out:
            out_path = out.name
        cfg = {'breaks': breaks, 'max_hits': max_hits, 'until': until, 'after': after, 'out': out_path}
        env = dict(os.environ, QA_GDB_CONFIG=json.dumps(cfg))
        env.pop('GDB_PORT', None)  # kernel.gdb would connect to that port itself
        gdb = subprocess.Popen(_netns_prefix(netns) + gdb_argv(port) + ['-x', DRIVER], cwd=REPO, env=env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)
        try:
            gdb_out, _ = gdb.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(gdb.pid, signal.SIGKILL)
            gdb_out, _ = gdb.communicate()
            raise GuestError('%s: gdb did not finish within %ss:\n%s' % (name, timeout,
                                                                         gdb_out.decode()[-3000:]))
        gdb_out = gdb_out.decode('utf-8', 'replace')
        with open(os.path.join(LOG_DIR, name + '.gdb.log'), 'w') as f:
            f.write(gdb_out)
        try:
            with open(out_path) as f:
                rec = json.load(f)
        except (OSError, ValueError):
            raise GuestError('%s: gdb driver wrote no result; gdb said:\n%s' % (name, gdb_out[-3000:])) \
                from None
        finally:
            os.unlink(out_path)
        try:
            status = qemu.wait(timeout=qemu_wait)
        except subprocess.TimeoutExpired:
            status = None
        console.seek(0)
        text = clean(console.read().decode('utf-8', 'replace'))
        return GdbResult(rec['hits'], rec['end'], status, text, gdb_out,
                         [h['function'] for h in rec['hits']])
    finally:
        for p in (gdb, qemu):
            if p is not None and p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                p.wait()
        console.close()


def _wait_in_netns(netns, port, proc, timeout):
    probe = ('import socket,sys,time\nfor i in range(%d):\n try:\n  socket.create_connection(("127.0.0.1",%d),1)'
             '\n  sys.exit(0)\n except OSError: time.sleep(0.1)\nsys.exit(1)') % (timeout * 10, port)
    r = subprocess.run(_netns_prefix(netns) + ['/usr/bin/python3', '-c', probe], timeout=timeout + 10)
    return r.returncode == 0 and proc.poll() is None
