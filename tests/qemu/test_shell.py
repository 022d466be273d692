"""The MenuOS shell (/bin/init) on the serial console: every command of issue 2, errors, jobs, history,
and `run-qemu.sh --run` exit statuses. Guests here have no network card (--nic none): faster, and
nothing here needs one."""
import re

import pytest

from guest import EXIT_NO_POWEROFF, Guest, run_batch

ISSUE_COMMANDS = ('help', 'echo', 'uname', 'uptime', 'ps', 'kill', 'meminfo', 'dmesg', 'sleep', 'poweroff',
                  'reboot')


@pytest.fixture
def sh(guests):
    g = guests(nic='none')
    g.boot()
    print('boot to prompt: %.2f s' % g.boot_seconds)
    return g


def uptime_seconds(g):
    return float(g.run('cat /proc/uptime').split()[0])


def test_boot_reaches_prompt_with_welcome(sh):
    assert "Welcome to MenuOS. Type 'help' for the list of commands." in sh.tail()


def test_help_lists_every_command_with_one_line(sh):
    out = sh.run('help')
    lines = [l for l in out.splitlines() if ' - ' in l]
    names = [l.split(' - ', 1)[0] for l in lines]
    for cmd in ISSUE_COMMANDS:
        assert cmd in names, (cmd, out)
    # every program installed in /bin has a description of its own, and nothing is listed twice
    assert not [l for l in lines if '(program in /bin)' in l], out
    assert len(names) == len(set(names)), names
    assert all(len(l.split(' - ', 1)[1]) > 5 for l in lines), out
    assert sh.run('help uname').strip() == 'uname - ' + dict(l.split(' - ', 1) for l in lines)['uname']


def test_echo_and_exit_status(sh):
    assert sh.run('echo hello   world').strip() == 'hello world'
    assert sh.run('echo -n abc; echo def').strip() == 'abcdef'
    assert sh.run('true; echo $?').strip() == '0'
    assert sh.run('false; echo $?').strip() == '1'


def test_uname(sh):
    assert sh.run('uname').strip() == 'Linux'
    fields = sh.run('uname -a').split()
    assert fields[0] == 'Linux' and '0.1.0' in fields and 'x86_64' in fields, fields


def test_uptime_counts_guest_time(sh):
    out = sh.run('uptime')
    m = re.search(r'up .*?(\d+) processes?, +load average: [\d.]+, [\d.]+, [\d.]+', out)
    assert m, out
    assert int(m.group(1)) >= 2  # init and uptime itself


def test_sleep_sleeps_that_long(sh):
    t0 = uptime_seconds(sh)
    sh.run('sleep 1.5')
    dt = uptime_seconds(sh) - t0
    assert 1.5 <= dt < 3.0, dt


def test_ps_lists_init_and_itself(sh):
    out = sh.run('ps')
    header, *rows = [l for l in out.splitlines() if l.strip()]
    assert header.split()[:2] == ['PID', 'PPID'] and header.split()[-1] == 'CMD', header
    procs = {int(r.split()[0]): r for r in rows}
    assert procs[1].split()[5] == 'init', procs
    assert any(r.split()[5] == 'ps' and int(r.split()[1]) == 1 for r in rows), rows


def test_background_job_and_kill(sh):
    out = sh.run('sleep 100 &')
    m = re.search(r'\[1\] (\d+)', out)
    assert m, out
    pid = int(m.group(1))
    assert re.search(r'^\s*%d\s+1\s.*\bsleep\b' % pid, sh.run('ps'), re.M)
    assert 'sleep 100' in sh.run('jobs')
    sh.run('kill %d' % pid)
    # the job is reaped and reported before a later prompt, and is gone from ps
    out = sh.run('echo reaped?') + sh.run('ps')
    assert not re.search(r'^\s*%d\s' % pid, sh.run('ps'), re.M), out


def test_kill_bad_arguments_are_errors(sh):
    out = sh.run('kill 99999; echo status=$?')
    assert 'status=1' in out and 'kill' in out.split('status=')[0], out
    out = sh.run('kill -NOSUCHSIG 1; echo status=$?')
    assert 'status=0' not in out, out


def test_meminfo_shows_pages_and_objects(sh):
    out = sh.run('meminfo')
    for key in ('MemTotal:', 'MemFree:', 'PagesUsed:', 'SlabObjects:'):
        assert re.search(r'^%s\s+\d+' % key, out, re.M), (key, out)
    assert re.search(r'^ObjectsInUse: \d+ in \d+ caches', out, re.M), out
    assert re.search(r'^kmalloc-64\s+\d+\s+\d+\s+64$', out, re.M), out


def test_dmesg_shows_timestamped_kernel_log(sh):
    out = sh.run('dmesg', kernel_lines=True)
    lines = [l for l in out.splitlines() if l.strip()]
    assert any('Linux-style teaching kernel' in l for l in lines), out[:2000]
    assert any('Run /bin/init' in l for l in lines), out[:3000]
    for l in lines:
        assert re.match(r'^\[\s*\d+\.\d{6}\] ', l), l


def test_unknown_command_is_an_error_and_the_shell_goes_on(sh):
    out = sh.run('frobnicate --now')
    assert "frobnicate: command not found (try 'help')" in out
    assert sh.run('echo $?').strip() == '127'
    assert sh.run('echo still here').strip() == 'still here'


def test_history_and_arrow_keys(sh):
    assert sh.run('echo first').strip() == 'first'
    assert sh.run('echo second').strip() == 'second'
    # Up twice recalls "echo first"; Enter runs it.
    sh.send('\x1b[A\x1b[A\r')
    sh.expect_prompt()
    assert re.search(r'^first$', sh.child.before.replace('\r', ''), re.M), sh.child.before
    hist = sh.run('history')
    assert re.search(r'echo first[\s\S]*echo second[\s\S]*echo first', hist), hist


def test_line_editing_backspace(sh):
    sh.send('echo abX\x7fc\r')
    sh.expect_prompt()
    assert re.search(r'^abc$', sh.child.before.replace('\r', ''), re.M), sh.child.before


def test_poweroff_ends_qemu_with_success(sh):
    sh.sendline('poweroff')
    assert sh.wait_exit(30) == 0


def test_run_prints_uname_and_meminfo_and_exits_0(request):
    status, out = run_batch(request.node.name, 'uname; meminfo; poweroff', nic='none', timeout=60)
    assert status == 0, out[-2000:]
    assert re.search(r'^Linux$', out, re.M), out[-3000:]
    assert re.search(r'^MemTotal:\s+\d+ kB$', out, re.M), out[-3000:]


def test_run_exit_status_is_the_last_commands(request):
    status, out = run_batch(request.node.name + '-false', 'false', nic='none', timeout=60)
    assert status == 1, out[-2000:]
    status, out = run_batch(request.node.name + '-true-last', 'false; true', nic='none', timeout=60)
    assert status == 0, out[-2000:]
    status, out = run_batch(request.node.name + '-exit', 'exit 42', nic='none', timeout=60)
    assert status == 42, out[-2000:]


def test_reboot_restarts_the_machine(request):
    # QEMU runs with -no-reboot, so the reset ends it; under --run that is "no power-off" (125).
    status, out = run_batch(request.node.name, 'reboot', nic='none', timeout=60)
    assert status == EXIT_NO_POWEROFF, out[-2000:]
    assert 'init exited' not in out


def test_commands_given_at_boot_run_in_order(request):
    with Guest(request.node.name, nic='none', run='echo one; echo two; false; echo three') as g:
        g.start()
        g.expect(r'one\s+two\s+three', 60)
        assert g.wait_exit(30) == 0
