"""A booted guest driven over its serial console, for the QEMU tests.

Every QEMU start in the tests goes through run-qemu.sh (the one place QEMU is started). A Guest boots the
image, waits for the shell prompt, types commands and returns their output; run_batch() uses
`run-qemu.sh --run` and returns QEMU's exit status. Every wait has a timeout, and close() kills the whole
process group (ip netns exec -> run-qemu.sh -> qemu), so a hung guest fails one test, never the suite.
"""
import os
import re
import signal
import socket
import subprocess
import time

import pexpect

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
BUILD = os.path.join(REPO, os.environ.get('BUILD', 'build'))
RESULTS = os.environ.get('RESULTS', os.path.join(BUILD, 'test-results'))
LOG_DIR = os.path.join(RESULTS, 'qemu')
PCAP_DIR = os.path.join(RESULTS, 'pcap')
RUN_QEMU = os.path.join(REPO, 'run-qemu.sh')

# The init shell's prompt (userland/init.c). Anchored at a line start so a command's output that merely
# contains the text does not end the wait early.
PROMPT = os.environ.get('QA_PROMPT', 'MenuOS>>')
PROMPT_RE = r'(?:^|\n)' + re.escape(PROMPT) + r' ?'

BOOT_TIMEOUT = float(os.environ.get('QA_BOOT_TIMEOUT', '60'))
CMD_TIMEOUT = float(os.environ.get('QA_CMD_TIMEOUT', '30'))

# Exit statuses run-qemu.sh documents for --run.
EXIT_PANIC = 127
EXIT_NO_POWEROFF = 125

ANSI_RE = re.compile(r'\x1b\[[0-9;?]*[A-Za-z]')
KERNEL_LINE_RE = re.compile(r'^\[\s*\d+\.\d{6}\] [^\n]*\n?', re.M)


def clean(text):
    """Serial output as a test wants to read it: \\n line ends, no terminal escapes."""
    return ANSI_RE.sub('', text.replace('\r\n', '\n').replace('\r', ''))


def safe_name(name):
    return re.sub(r'[^A-Za-z0-9_.-]+', '_', name)[:120]


def run_qemu_args(nic=None, net=None, fwd=(), pcap=None, mem=None, cmdline=None, gdb=None, run=None,
                  timeout=None, mac=None, extra=()):
    """The run-qemu.sh argument list for these options (None = run-qemu.sh's default)."""
    args = [RUN_QEMU]
    nics = [nic] if isinstance(nic, str) else list(nic or [])
    nets = [net] if isinstance(net, str) else list(net or [])
    for n in nics:
        args += ['--nic', n]
    for n in nets:
        args += ['--net', n]
    for f in fwd:
        args += ['--fwd', f]
    if pcap:
        args += ['--pcap', pcap]
    if mem:
        args += ['--mem', str(mem)]
    if mac:
        args += ['--mac', mac]
    if cmdline:
        args += ['--cmdline', cmdline]
    if gdb is not None:
        args += ['--gdb=%d' % gdb if gdb else '--gdb']
    if run is not None:
        args += ['--run', run]
    if timeout is not None:
        args += ['--timeout', str(int(timeout))]
    args += list(extra)
    return args


def _netns_prefix(netns):
    return ['ip', 'netns', 'exec', netns] if netns else []


class GuestError(AssertionError):
    """The guest did not do what the test waited for (timeout, QEMU exit); carries the console tail."""


class Guest:
    """One QEMU guest on a pty.

    g = Guest('test_name', nic='e1000'); g.boot(); out = g.run('uname'); g.close()
    Options are run-qemu.sh's (see run_qemu_args); netns runs QEMU inside that network namespace.
    The console transcript goes to build/test-results/qemu/<name>.log, the pcap (unless nic='none')
    to build/test-results/pcap/<name>.pcap.
    """

    def __init__(self, name, netns=None, pcap=True, **opts):
        os.makedirs(LOG_DIR, exist_ok=True)
        os.makedirs(PCAP_DIR, exist_ok=True)
        self.name = safe_name(name)
        self.netns = netns
        self.opts = opts
        self.pcap = None
        if pcap and opts.get('nic') != 'none':
            self.pcap = pcap if isinstance(pcap, str) else os.path.join(PCAP_DIR, self.name + '.pcap')
            opts['pcap'] = self.pcap
        self.log_path = os.path.join(LOG_DIR, self.name + '.log')
        self.child = None
        self.boot_seconds = None
        self.exitstatus = None

    # -- life cycle -----------------------------------------------------------------------------
    def start(self):
        argv = _netns_prefix(self.netns) + run_qemu_args(**self.opts)
        self._log = open(self.log_path, 'w', encoding='utf-8', errors='replace')
        self._log.write('$ %s\n' % ' '.join(argv))
        self._log.flush()
        self.t0 = time.monotonic()
        self.child = pexpect.spawn(argv[0], argv[1:], cwd=REPO, encoding='utf-8', codec_errors='replace',
                                   timeout=CMD_TIMEOUT, maxread=65536, searchwindowsize=None,
                                   dimensions=(50, 200))
        self.child.logfile_read = self._log
        return self

    def boot(self, timeout=BOOT_TIMEOUT):
        """Start QEMU and wait for the first shell prompt; returns the boot transcript."""
        if self.child is None:
            self.start()
        self.expect_prompt(timeout)
        self.boot_seconds = time.monotonic() - self.t0
        return clean(self.child.before)

    def close(self):
        """Kill QEMU (and everything run-qemu.sh started) unless it already exited."""
        if self.child is None:
            return
        if self.child.isalive():
            try:
                os.killpg(self.child.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            self.child.close(force=True)
        except Exception:  # noqa: BLE001 - closing a dead pty must never mask the test's own failure
            pass
        self.exitstatus = self.child.exitstatus
        self._log.close()
        self.child = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- console ------------------------------------------------------------------------------
    def tail(self, n=3000):
        try:
            with open(self.log_path, errors='replace') as f:
                return clean(f.read()[-n:])
        except OSError:
            return ''

    def expect(self, pattern, timeout=CMD_TIMEOUT):
        """Wait for a regex (or list of them) on the console; returns the index matched."""
        try:
            return self.child.expect(pattern, timeout=timeout)
        except pexpect.TIMEOUT:
            raise GuestError('%s: no %r within %ss; console tail:\n%s' % (self.name, pattern, timeout,
                                                                          self.tail())) from None
        except pexpect.EOF:
            raise GuestError('%s: QEMU ended while waiting for %r; console tail:\n%s' % (
                self.name, pattern, self.tail())) from None

    def expect_prompt(self, timeout=CMD_TIMEOUT):
        self.expect(PROMPT_RE, timeout)

    def send(self, text):
        """Type text without Enter."""
        self.child.send(text)

    def sendline(self, line):
        """Type a line and press Enter (a terminal sends CR)."""
        self.child.send(line + '\r')

    def run(self, cmd, timeout=CMD_TIMEOUT, kernel_lines=False):
        """Type a command, wait for the next prompt, return what was printed in between.

        The echo of the command is dropped, and so are kernel log lines (`[    1.234567] ...`) that
        the console interleaves with the output, unless kernel_lines=True (dmesg tests want them).
        """
        self.sendline(cmd)
        self.expect(PROMPT_RE, timeout)
        out = clean(self.child.before)
        echo = cmd + '\n'
        i = out.find(echo)
        if i >= 0:
            out = out[i + len(echo):]
        if not kernel_lines:
            out = KERNEL_LINE_RE.sub('', out)
        return out

    def run_bg(self, cmd, timeout=CMD_TIMEOUT):
        """Start `cmd &` and return the shell's output for it (the prompt comes back at once)."""
        return self.run(cmd + ' &', timeout)

    def wait_exit(self, timeout=CMD_TIMEOUT):
        """Wait for QEMU to end (after poweroff); returns run-qemu.sh's exit status."""
        self.expect(pexpect.EOF, timeout)
        self.child.close()
        self.exitstatus = self.child.exitstatus
        return self.exitstatus

    def meminfo(self):
        """The shell's `meminfo` as a dict of integers (lines `Name: number [unit]`)."""
        return parse_counters(self.run('meminfo'))


def parse_counters(text):
    """`Key: 123 kB` / `key 123` lines into {key: 123}; other lines are ignored."""
    values = {}
    for line in text.splitlines():
        m = re.match(r'^\s*([A-Za-z_][\w()./ -]*?)\s*[:=]?\s+(-?\d+)\b', line)
        if m:
            values[m.group(1).strip()] = int(m.group(2))
    return values


def run_batch(name, run, netns=None, timeout=120, **opts):
    """`run-qemu.sh --run RUN` to completion: returns (exit status, console output).

    The whole process group is killed if it outlives timeout; that is reported as a test failure,
    not a hang.
    """
    os.makedirs(LOG_DIR, exist_ok=True)
    os.makedirs(PCAP_DIR, exist_ok=True)
    name = safe_name(name)
    if opts.get('nic') != 'none' and 'pcap' not in opts:
        opts['pcap'] = os.path.join(PCAP_DIR, name + '.pcap')
    argv = _netns_prefix(netns) + run_qemu_args(run=run, **opts)
    proc = subprocess.Popen(argv, cwd=REPO, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        text = clean(out.decode('utf-8', 'replace'))
        _write_log(name, argv, text)
        raise GuestError('%s: run-qemu.sh --run did not end within %ss; tail:\n%s' % (name, timeout,
                                                                                      text[-3000:]))
    text = clean(out.decode('utf-8', 'replace'))
    _write_log(name, argv, text)
    return proc.returncode, text


def _write_log(name, argv, text):
    with open(os.path.join(LOG_DIR, name + '.log'), 'w', encoding='utf-8') as f:
        f.write('$ %s\n%s' % (' '.join(argv), text))


def free_port():
    """A port nothing listens on now (TCP and UDP), for a QEMU gdb stub, dgram wire or forward."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(('127.0.0.1', 0))
            port = s.getsockname()[1]
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
                u.bind(('127.0.0.1', port))
        except OSError:
            continue
        return port
