#!/usr/bin/python3
"""Suite `libc`: everything user space, run natively on this Linux host (our programs are ordinary
static Linux executables). Writes one TAP stream:

  - each tests/libc/test_*.c program (built with our libc), its TAP lines prefixed by its name;
  - printf's floating-point conversions (oracle_printf.c) against Python's % operator;
  - include/uapi constants and struct layouts against the host's Linux headers (check_uapi.py);
  - usertests run natively: every "test NAME: OK" is one TAP line (Linux is the reference);
  - the init shell: -c status, pipes, unknown commands, a crashing program, and the line editor
    driven through a pseudo-terminal (backspace, Ctrl-U, Ctrl-C, arrows, history);
  - the small programs (uname, cat, sleep, ps, meminfo) against what the host says;
  - every program is a static x86_64 ELF, and build/initrd.tar carries them all.

usage: run.py BUILD_DIR OUTPUT.tap
"""
import glob
import os
import platform
import pty
import re
import select
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_uapi  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


class Tap:
    def __init__(self):
        self.lines = []
        self.n = 0

    def result(self, ok, desc, skip=None, diag=None):
        self.n += 1
        desc = desc.replace("#", "\\#")
        line = "%sok %d - %s" % ("" if ok else "not ", self.n, desc)
        if skip:
            line += " # SKIP " + skip
        self.lines.append(line)
        if diag and not ok:
            self.lines.extend("# " + d for d in diag.rstrip("\n").splitlines()[-30:])

    def text(self):
        return "\n".join(self.lines + ["1..%d" % self.n]) + "\n"


def run(cmd, env=None, timeout=60, stdin=None):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout,
                              stdin=stdin if stdin is not None else subprocess.DEVNULL)
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(cmd, -999, e.stdout or "", "timeout after %ds" % timeout)


def libc_programs(tap, build):
    tests = sorted(p for p in glob.glob(os.path.join(build, "user", "tests", "test_*")) if "." not in os.path.basename(p))
    if not tests:
        tap.result(False, "libc test programs were built")
    for exe in tests:
        name = os.path.basename(exe)
        r = run([exe])
        plan = None
        count = 0
        for line in r.stdout.splitlines():
            m = re.match(r"(not )?ok \d+ - (.*)", line)
            if m:
                count += 1
                tap.result(not m.group(1), "%s: %s" % (name, m.group(2)))
            elif re.match(r"1\.\.(\d+)$", line):
                plan = int(line[3:])
            elif line.startswith("#") and tap.lines:
                tap.lines.append(line)
        tap.result(r.returncode in (0, 1) and plan == count, "%s ran to completion (%d tests)" % (name, count),
                   diag="exit status %d\n%s" % (r.returncode, r.stderr))


def printf_oracle(tap, build):
    """Our printf's floating-point conversions against Python's % operator, which follows C."""
    r = run([os.path.join(build, "user", "tests", "oracle_printf")])
    wrong = []
    lines = r.stdout.splitlines()
    for line in lines:
        fmt, value, got = line.split("\t", 2)
        want = fmt % float.fromhex(value)
        if got != want:
            wrong.append("%s of %r: got %r, want %r" % (fmt, float.fromhex(value), got, want))
    tap.result(r.returncode == 0 and len(lines) > 500 and not wrong,
               "printf %%f %%e %%g: %d conversions agree with C rules (Python's %%)" % (len(lines) - len(wrong)),
               diag="\n".join(wrong[:30]))


def uapi(tap):
    try:
        for ok, desc in check_uapi.check(os.path.join(ROOT, "include", "uapi")):
            tap.result(ok, desc)
    except Exception as e:  # a compile error in our headers is a failure, not a crash of the suite
        tap.result(False, "uapi headers compile and can be compared", diag=str(e))


def usertests(tap, bindir):
    r = run([os.path.join(bindir, "usertests")], timeout=300)
    seen = 0
    for line in r.stdout.splitlines():
        m = re.match(r"test (\w+): (OK|FAILED|SKIPPED)(.*)", line)
        if not m:
            continue
        seen += 1
        name, verdict = m.group(1), m.group(2)
        if verdict == "SKIPPED":
            tap.result(True, "usertests %s on Linux" % name, skip="skipped by usertests (see its output)")
        else:
            tap.result(verdict == "OK", "usertests %s on Linux" % name, diag=r.stdout)
    tap.result(seen > 10 and "ALL TESTS PASSED" in r.stdout and r.returncode == 0,
               "usertests passes natively on Linux (%d tests)" % seen, diag=r.stdout + r.stderr)


def shell_env(bindir):
    env = dict(os.environ)
    env["PATH"] = bindir
    return env


def init_c(tap, bindir):
    init = os.path.join(bindir, "init")
    env = shell_env(bindir)

    r = run([init, "-c", "echo hi; false"], env=env)
    tap.result(r.stdout == "hi\n" and r.returncode == 1, "init -c 'echo hi; false' prints hi and exits 1",
               diag="stdout %r status %d" % (r.stdout, r.returncode))
    r = run([init, "-c", "false; echo $?; true && echo and; false || echo or; false && echo no"], env=env)
    tap.result(r.stdout == "1\nand\nor\n" and r.returncode == 1, "$? and && || follow each command",
               diag="stdout %r status %d" % (r.stdout, r.returncode))
    r = run([init, "-c", "echo a\n\necho b # comment; echo no\nfalse &&\necho no; echo c"], env=env)
    tap.result(r.stdout == "a\nb\nc\n" and r.returncode == 0, "newlines separate commands, # comments end at the line",
               diag="stdout %r status %d" % (r.stdout, r.returncode))
    r = run([init, "-c", "nosuchcommand arg"], env=env)
    tap.result(r.returncode == 127 and "nosuchcommand: command not found" in r.stderr,
               "unknown command: message and status 127", diag=r.stderr)
    r = run([init, "-c", "echo 'a  b' \"c $?\" | cat; echo x > %s/redir.txt; cat < %s/redir.txt" % (
        os.environ.get("TMPDIR", "/tmp"), os.environ.get("TMPDIR", "/tmp"))], env=env)
    tap.result(r.stdout == "a  b c 0\nx\n", "quotes, pipe to a program, > and < redirections",
               diag="stdout %r" % r.stdout)
    r = run([init, "-c", "echo 'unterminated"], env=env)
    tap.result(r.returncode == 2 and "unterminated" in r.stderr, "syntax error: message and status 2", diag=r.stderr)
    r = run([init, "-c", "crash null; echo shell survived $?"], env=env)
    tap.result("shell survived 139" in r.stdout and "Segmentation fault" in r.stderr,
               "a faulting program is reported and the shell goes on", diag=r.stdout + r.stderr)
    r = run([init, "-c", "sleep 1 & echo started; jobs; wait; echo waited $?"], env=env)
    tap.result(re.search(r"\[1\] \d+\nstarted\n\[1\] Running +sleep 1\n\[1\]\+ Done +sleep 1\nwaited 0\n",
                         r.stdout) is not None, "& runs in the background; jobs and wait", diag=r.stdout)
    r = run([init, "-c", "help"], env=env)
    tap.result(r.returncode == 0 and all(re.search(r"^%s - " % c, r.stdout, re.M) for c in
                                          ("help", "echo", "exit", "kill", "wait", "poweroff", "uname", "ps",
                                           "meminfo", "dmesg", "usertests")),
               "help lists built-ins and the installed programs, one per line", diag=r.stdout)
    r = run([init, "-c", "export GREETING='hi there'; echo $GREETING; unset GREETING; echo [$GREETING]; "
                         "cd /proc; pwd; time sleep 0.1"], env=env)
    tap.result(r.stdout == "hi there\n[]\n/proc\n" and re.search(r"real\t0\.[1-9]\d*s", r.stderr) is not None,
               "export, unset, cd, pwd and time", diag=r.stdout + r.stderr)
    r = run([init, "-c", "echo -e 'a\\tb\\x41\\0102'; echo -ne 'x\\n'; echo -n -e 'y\\cz'; echo; echo -x -n"], env=env)
    tap.result(r.stdout == "a\tbAB\nx\ny\n-x -n\n", "echo -e escapes, -n, combined options, non-options",
               diag=repr(r.stdout))
    r = run([init, "-c", "poweroff"], env=env)
    tap.result(r.returncode == 1 and "only init (pid 1)" in r.stderr, "poweroff refuses outside pid 1",
               diag=r.stderr)
    r = run([init], env=env, stdin=open(os.devnull))
    tap.result(r.returncode == 0 and r.stdout == "", "non-interactive init at EOF exits quietly")


class Pty:
    def __init__(self, argv, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(argv[0], argv, env)
        self.buf = b""

    def expect(self, token, timeout=5):
        end = time.time() + timeout
        while token not in self.buf and time.time() < end:
            r, _, _ = select.select([self.fd], [], [], 0.1)
            if r:
                try:
                    self.buf += os.read(self.fd, 4096)
                except OSError:
                    break
        found = token in self.buf
        out, self.buf = self.buf, self.buf[self.buf.find(token) + len(token):] if found else b""
        return found, out

    def send(self, data):
        os.write(self.fd, data)

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def line_editor(tap, bindir):
    p = Pty([os.path.join(bindir, "init")], shell_env(bindir))
    prompt = b"MenuOS>> "
    try:
        ok, out = p.expect(prompt)
        tap.result(ok, "interactive init shows the prompt on a terminal", diag=repr(out))
        cases = [
            (b"echo abc\x7f\x7fxy\r", b"\r\naxy\r\n", "backspace (DEL) deletes before the cursor"),
            (b"echo ab\x08c\r", b"\r\nac\r\n", "Ctrl-H deletes too"),
            (b"junk\x15echo killed\r", b"\r\nkilled\r\n", "Ctrl-U kills the line"),
            (b"echo 12345\x1b[D\x1b[D\x7fX\r", b"\r\n12X45\r\n", "left arrow then edit in the middle"),
            (b"echo first\r", b"\r\nfirst\r\n", "a command for the history"),
            (b"echo second\r", b"\r\nsecond\r\n", "another one"),
            (b"\x1b[A\x1b[A\r", b"\r\nfirst\r\n", "up arrow twice recalls the command before last"),
            (b"\x1b[A\x1b[A\x1b[A\x1b[B\r", b"\r\nsecond\r\n", "up x3, down walks the history back"),
            (b"\x1bOA\r", b"\r\nsecond\r\n", "ESC O A (application cursor keys) also recalls"),
            (b"slee\t0\r", b"sleep 0\r\n", "Tab completes a unique command name"),
            (b"abandoned\x03", b"^C", "Ctrl-C abandons the line"),
            (b"echo $?\r", b"\r\n130\r\n", "Ctrl-C at the prompt sets $? to 130"),
        ]
        for keys, want, desc in cases:
            p.send(keys)
            ok, out = p.expect(prompt)
            tap.result(ok and want in out, "line editor: " + desc, diag=repr(out))
        p.send(b"sleep 5\r")
        time.sleep(0.5)
        p.send(b"\x03")
        t0 = time.time()
        ok, out = p.expect(prompt)
        tap.result(ok and time.time() - t0 < 3, "Ctrl-C interrupts a running program, the shell survives",
                   diag=repr(out))
        p.send(b"history\r")
        ok, out = p.expect(prompt)
        tap.result(ok and b"echo first" in out and b"echo second" in out, "history lists earlier commands",
                   diag=repr(out))
        p.send(b"exit 7\r")
        _, status = os.waitpid(p.pid, 0)
        p.pid = None
        tap.result(os.WIFEXITED(status) and os.WEXITSTATUS(status) == 7, "exit 7 leaves with status 7")
    finally:
        if p.pid:
            p.close()


def programs(tap, bindir):
    u = platform.uname()
    r = run([os.path.join(bindir, "uname"), "-s", "-r", "-m"])
    tap.result(r.stdout.strip() == "%s %s %s" % (u.system, u.release, u.machine), "uname -srm matches the host",
               diag=r.stdout)
    r = run([os.path.join(bindir, "uname"), "-x"])
    tap.result(r.returncode == 2 and "usage" in r.stderr, "uname with a bad option: usage and status 2")
    r = run([os.path.join(bindir, "cat"), "/proc/version", "/nonexistent"])
    tap.result(r.stdout == open("/proc/version").read() and r.returncode == 1 and "No such file" in r.stderr,
               "cat prints files and reports missing ones", diag=r.stderr)
    r = run([os.path.join(bindir, "ls"), bindir])
    names = r.stdout.split()
    tap.result(r.returncode == 0 and names == sorted(os.listdir(bindir)), "ls lists a directory, sorted",
               diag=r.stdout)
    r = run([os.path.join(bindir, "ls"), "-l", bindir])
    size = os.path.getsize(os.path.join(bindir, "ls"))
    tap.result(re.search(r"^-rwxr-xr-x +\d+ +%d ls$" % size, r.stdout, re.M) is not None,
               "ls -l shows mode, links, size and name", diag=r.stdout)
    r = run([os.path.join(bindir, "ls"), "/nonexistent"])
    tap.result(r.returncode == 2 and "No such file" in r.stderr, "ls of a missing path: message and status 2")
    text = "Alpha\nbeta\nALPHA beta\n"
    r = subprocess.run([os.path.join(bindir, "grep"), "-in", "alpha"], input=text, capture_output=True, text=True)
    tap.result(r.stdout == "1:Alpha\n3:ALPHA beta\n" and r.returncode == 0, "grep -in", diag=r.stdout)
    r = subprocess.run([os.path.join(bindir, "grep"), "-vc", "beta"], input=text, capture_output=True, text=True)
    tap.result(r.stdout == "1\n", "grep -vc counts non-matching lines", diag=r.stdout)
    r = subprocess.run([os.path.join(bindir, "grep"), "zzz"], input=text, capture_output=True, text=True)
    tap.result(r.stdout == "" and r.returncode == 1, "grep without a match exits 1")
    r = subprocess.run([os.path.join(bindir, "head"), "-n", "2"], input=text, capture_output=True, text=True)
    tap.result(r.stdout == "Alpha\nbeta\n", "head -n 2", diag=r.stdout)
    r = subprocess.run([os.path.join(bindir, "wc")], input=text, capture_output=True, text=True)
    tap.result(r.stdout.split() == ["3", "4", "22"], "wc counts lines, words, bytes", diag=r.stdout)
    t0 = time.time()
    r = run([os.path.join(bindir, "sleep"), "0.3"])
    tap.result(r.returncode == 0 and 0.29 < time.time() - t0 < 2, "sleep 0.3 sleeps 0.3 s")
    r = run([os.path.join(bindir, "sleep"), "abc"])
    tap.result(r.returncode == 2 and "invalid time interval" in r.stderr, "sleep rejects a bad interval")
    r = run([os.path.join(bindir, "ps")])
    tap.result(r.returncode == 0 and re.search(r"^\s*1\s+0\s", r.stdout, re.M) is not None
               and "PID" in r.stdout.splitlines()[0], "ps lists processes from /proc (pid 1 included)",
               diag=r.stdout[:2000])
    r = run([os.path.join(bindir, "meminfo")])
    tap.result(r.returncode == 0 and r.stdout.startswith("MemTotal:"), "meminfo prints /proc/meminfo",
               diag=r.stdout[:500])
    r = run([os.path.join(bindir, "uptime")])
    tap.result(r.returncode == 0 and r.stdout.startswith(" up ") and "load average" in r.stdout,
               "uptime prints the time since boot and the load", diag=r.stdout)
    r = run([os.path.join(bindir, "dmesg")])
    if r.returncode != 0 and "Operation not permitted" in r.stderr:
        tap.result(True, "dmesg reads the kernel log", skip="not allowed to read the host's kernel log")
    else:
        tap.result(r.returncode == 0 and re.search(r"^\[ *\d+\.\d+\]", r.stdout, re.M) is not None,
                   "dmesg reads the kernel log (syslog READ_ALL)", diag=r.stderr)
    for fault, sig in (("null", signal.SIGSEGV), ("kernel", signal.SIGSEGV), ("kwrite", signal.SIGSEGV),
                       ("ud2", signal.SIGILL), ("div0", signal.SIGFPE), ("hlt", signal.SIGSEGV),
                       ("stack", signal.SIGSEGV)):
        r = run([os.path.join(bindir, "crash"), fault])
        tap.result(r.returncode == -sig, "crash %s dies with %s" % (fault, signal.Signals(sig).name),
                   diag="status %d" % r.returncode)


def images(tap, build, bindir):
    """Every program is a static x86_64 executable the kernel's ELF loader can take, and the initrd
    (ustar) holds each of them under bin/."""
    import struct
    import tarfile
    progs = sorted(os.listdir(bindir))
    bad = []
    for name in progs:
        with open(os.path.join(bindir, name), "rb") as f:
            data = f.read()
        ident, etype, machine = data[:16], struct.unpack_from("<H", data, 16)[0], struct.unpack_from("<H", data, 18)[0]
        entry, phoff = struct.unpack_from("<QQ", data, 24)
        phentsize, phnum = struct.unpack_from("<HH", data, 54)
        ptypes = [struct.unpack_from("<I", data, phoff + i * phentsize)[0] for i in range(phnum)]
        problems = []
        if ident[:4] != b"\x7fELF" or ident[4] != 2 or ident[5] != 1:
            problems.append("not ELF64 little-endian")
        if etype != 2 or machine != 62:
            problems.append("not ET_EXEC for x86_64 (type %d, machine %d)" % (etype, machine))
        if 3 in ptypes or 2 in ptypes:
            problems.append("has PT_INTERP/PT_DYNAMIC (not static)")
        if 1 not in ptypes or not 0x400000 <= entry < 0x800000000000:
            problems.append("no PT_LOAD or entry %#x outside user space" % entry)
        if problems:
            bad.append("%s: %s" % (name, "; ".join(problems)))
    tap.result(progs and not bad, "all %d programs are static x86_64 ELF executables" % len(progs),
               diag="\n".join(bad))
    path = os.path.join(build, "initrd.tar")
    try:
        with tarfile.open(path, format=tarfile.USTAR_FORMAT) as t:
            members = {m.name: m for m in t.getmembers()}
    except (OSError, tarfile.TarError) as e:
        tap.result(False, "initrd.tar is a readable ustar archive", diag=str(e))
        return
    missing = [p for p in progs if "bin/" + p not in members or not members["bin/" + p].isfile()
               or members["bin/" + p].mode != 0o755]
    tap.result("bin" in members and not missing, "initrd.tar has bin/NAME (mode 0755) for every program",
               diag="missing or wrong: %s" % missing)


def main():
    build, out = sys.argv[1], sys.argv[2]
    bindir = os.path.abspath(os.path.join(build, "user", "bin"))
    tap = Tap()
    for part in (lambda: libc_programs(tap, build), lambda: printf_oracle(tap, build), lambda: uapi(tap), lambda: usertests(tap, bindir),
                 lambda: init_c(tap, bindir), lambda: line_editor(tap, bindir), lambda: programs(tap, bindir),
                 lambda: images(tap, build, bindir)):
        try:
            part()
        except Exception as e:
            tap.result(False, "suite part ran without an exception", diag=repr(e))
    with open(out, "w") as f:
        f.write(tap.text())


if __name__ == "__main__":
    main()
