"""Compare include/uapi against the Linux headers installed on this host (linux-libc-dev, glibc).

Every numeric macro our uapi headers define is evaluated twice by small C programs: once with only
our headers, once with the host's. A value that differs is a bug in ours (Linux's ABI is the
reference). Struct sizes and field offsets that user programs depend on are compared the same way.
Returns a list of (ok, description) pairs.
"""
import os
import re
import subprocess
import tempfile

OUR_HEADERS = """asm/unistd.h linux/in.h linux/tcp.h linux/if.h linux/sockios.h linux/route.h linux/if_arp.h
linux/icmp.h linux/utsname.h linux/time.h linux/signal.h linux/wait.h asm/mman.h linux/reboot.h linux/sysinfo.h
linux/stat.h asm/stat.h asm-generic/termbits.h linux/dirent.h linux/syslog.h linux/random.h linux/net.h
asm-generic/errno.h asm-generic/fcntl.h asm-generic/poll.h""".split()

# Host headers that define the same names, in groups that can be included together.
HOST_GROUPS = [
    """asm/unistd_64.h linux/in.h linux/socket.h asm/socket.h linux/tcp.h linux/sockios.h linux/icmp.h
    linux/utsname.h linux/wait.h asm/mman.h linux/mman.h linux/reboot.h linux/sysinfo.h linux/stat.h
    asm/termbits.h asm/ioctls.h linux/random.h asm/errno.h asm/fcntl.h asm/poll.h""".split(),
    "linux/if.h linux/if_arp.h linux/route.h".split(),
    ["asm/signal.h"],
    ["linux/time.h"],
    "sys/socket.h netinet/in.h sys/klog.h dirent.h sys/syscall.h".split(),
]

# Macros only the kernel defines under __KERNEL__, or that are ours alone.
IGNORE = {"SIGRTMAX"}

LAYOUT_CHECKS = """SZ(sockaddr_in) SZ(sockaddr) SZ(linger) SZ(ifreq) SZ(ifconf) SZ(rtentry) OFF(rtentry,rt_flags)
OFF(rtentry,rt_metric) OFF(rtentry,rt_dev) OFF(rtentry,rt_irtt) SZ(arpreq) OFF(arpreq,arp_flags)
OFF(arpreq,arp_dev) SZ(icmphdr) SZ(tcphdr) SZ(sysinfo) OFF(sysinfo,procs) OFF(sysinfo,mem_unit) SZ(stat)
OFF(stat,st_mode) OFF(stat,st_size) OFF(stat,st_mtime) OFF(tcp_info,tcpi_rto) OFF(tcp_info,tcpi_snd_cwnd)
OFF(tcp_info,tcpi_total_retrans) SZ(timespec) SZ(timeval) SZ(iovec) SZ(arphdr)""".split()

LAYOUT_OURS = ["linux/in.h", "linux/tcp.h", "linux/if.h", "linux/route.h", "linux/if_arp.h", "linux/icmp.h",
               "linux/sysinfo.h", "asm/stat.h", "linux/time.h"]
LAYOUT_HOST = ["netinet/in.h", "linux/tcp.h", "net/if.h", "net/route.h", "net/if_arp.h", "linux/icmp.h",
               "sys/sysinfo.h", "sys/stat.h", "time.h", "sys/socket.h"]


def _compile_run(src, args, workdir):
    path = os.path.join(workdir, "p.c")
    exe = os.path.join(workdir, "p")
    with open(path, "w") as f:
        f.write(src)
    r = subprocess.run(["gcc", "-w", "-o", exe] + args + [path], capture_output=True, text=True)
    if r.returncode:
        raise RuntimeError(r.stderr[:2000])
    out = subprocess.run([exe], capture_output=True, text=True, check=True).stdout
    return dict(line.split(" ", 1) for line in out.splitlines())


def _printer(includes, names):
    src = "".join("#include <%s>\n" % h for h in includes)
    src += "int printf(const char *, ...);\nint main(void) {\n"
    for n in names:
        src += '#ifdef %s\nprintf("%s %%lld\\n", (long long)(%s));\n#endif\n' % (n, n, n)
    return src + "return 0; }\n"


def check(uapi_dir):
    gcc_inc = subprocess.run(["gcc", "-print-file-name=include"], capture_output=True, text=True).stdout.strip()
    ours_args = ["-nostdinc", "-isystem", gcc_inc, "-I" + uapi_dir]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        src = "".join("#include <%s>\n" % h for h in OUR_HEADERS)
        with open(os.path.join(tmp, "ours.c"), "w") as f:
            f.write(src)
        defs = subprocess.run(["gcc", "-dM", "-E"] + ours_args + [os.path.join(tmp, "ours.c")],
                              capture_output=True, text=True, check=True).stdout
        names = []
        for line in defs.splitlines():
            m = re.match(r"#define ([A-Z]\w*) (.*)", line)
            if m and m.group(1) not in IGNORE and re.fullmatch(r"[\w\s()+\-*|<>x.~/]*", m.group(2)):
                names.append(m.group(1))
        ours = _compile_run(_printer(OUR_HEADERS, names), ours_args, tmp)
        host = {}
        for group in HOST_GROUPS:
            for k, v in _compile_run(_printer(group, names), [], tmp).items():
                host.setdefault(k, v)
        compared = 0
        for name in sorted(ours):
            if name in host:
                compared += 1
                if host[name] != ours[name]:
                    results.append((False, "uapi %s = %s, Linux has %s" % (name, ours[name], host[name])))
        results.append((compared > 500, "uapi: %d numeric constants compared with the host's Linux headers" % compared))

        body = ""
        for c in LAYOUT_CHECKS:
            kind, rest = c.split("(", 1)
            rest = rest.rstrip(")")
            if kind == "SZ":
                body += 'printf("sizeof(struct_%s) %%zu\\n", sizeof(struct %s));\n' % (rest, rest)
            else:
                s, fld = rest.split(",")
                body += 'printf("offsetof(%s.%s) %%zu\\n", __builtin_offsetof(struct %s, %s));\n' % (s, fld, s, fld)
        ours_l = _compile_run("".join("#include <%s>\n" % h for h in LAYOUT_OURS) +
                              "int printf(const char *, ...);\nint main(void) {\n" + body + "return 0; }\n",
                              ours_args, tmp)
        host_l = _compile_run("".join("#include <%s>\n" % h for h in LAYOUT_HOST) +
                              "#include <stdio.h>\nint main(void) {\n" + body + "return 0; }\n", [], tmp)
        for k in sorted(ours_l):
            if ours_l[k] != host_l.get(k):
                results.append((False, "uapi %s = %s, Linux has %s" % (k, ours_l[k], host_l.get(k))))
        results.append((len(ours_l) == len(LAYOUT_CHECKS),
                        "uapi: %d struct sizes/offsets compared with the host's" % len(ours_l)))
    return results
