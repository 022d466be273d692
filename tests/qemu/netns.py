"""A Linux network namespace with a tap device: the real Linux peer of the QEMU tests.

    with NetNS('ping') as ns:              # namespace qa-<pid>-ping, tap0 = 192.168.76.1/24, lo up
        g = Guest('x', netns=ns.name, net='tap:tap0', cmdline=ns.guest_cmdline())
        ns.run(['ping', '-c', '3', ns.guest_ip])

QEMU runs inside the namespace (`ip netns exec`), so the tap device, its addresses and everything the
test starts there vanish with the namespace; the host's own interfaces are never touched. Each test has
its own namespace, so tests in parallel can all use tap0 and the same addresses. Needs root.
"""
import os
import subprocess

SUBNET = '192.168.76'


def have_root():
    return os.geteuid() == 0


def _ip(*args, check=True):
    return subprocess.run(['ip'] + list(args), check=check, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, timeout=20)


class NetNS:
    """Namespace with one tap per wire. `taps` lists (ifname, peer address/prefix) pairs."""

    def __init__(self, tag, taps=(('tap0', SUBNET + '.1/24'),), guest_ip=SUBNET + '.2'):
        self.name = 'qa-%d-%s' % (os.getpid(), tag)
        self.taps = list(taps)
        self.peer_ip = self.taps[0][1].split('/')[0] if self.taps else None
        self.guest_ip = guest_ip

    def __enter__(self):
        _ip('netns', 'del', self.name, check=False)
        _ip('netns', 'add', self.name)
        try:
            self.ip('link', 'set', 'lo', 'up')
            # No IPv6 chatter (MLD, router solicitations) from Linux in the captures: the guest is IPv4 only.
            self.run(['sysctl', '-qw', 'net.ipv6.conf.default.disable_ipv6=1'])
            self.run(['sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1'])
            for ifname, addr in self.taps:
                self.add_tap(ifname, addr)
        except BaseException:
            self.delete()
            raise
        return self

    def __exit__(self, *exc):
        self.delete()

    def add_tap(self, ifname, addr=None):
        self.ip('tuntap', 'add', 'dev', ifname, 'mode', 'tap')
        if addr:
            self.ip('addr', 'add', addr, 'dev', ifname)
        self.ip('link', 'set', ifname, 'up')

    def delete(self):
        # Kill whatever still runs inside (a QEMU a failed test left behind), then the namespace.
        pids = subprocess.run(['ip', 'netns', 'pids', self.name], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True).stdout.split()
        for pid in pids:
            try:
                os.kill(int(pid), 9)
            except (ProcessLookupError, ValueError):
                pass
        _ip('netns', 'del', self.name, check=False)

    # -- running things inside -------------------------------------------------------------------
    def argv(self, cmd):
        return ['ip', 'netns', 'exec', self.name] + list(cmd)

    def ip(self, *args):
        return self.run(['ip'] + list(args))

    def run(self, cmd, timeout=60, check=True, input=None):
        """Run a command in the namespace; returns CompletedProcess (text); raises on failure if check."""
        r = subprocess.run(self.argv(cmd), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           timeout=timeout, input=input)
        if check and r.returncode != 0:
            raise AssertionError('in %s: %s -> %d\n%s%s' % (self.name, ' '.join(cmd), r.returncode,
                                                             r.stdout, r.stderr))
        return r

    def popen(self, cmd, **kw):
        """Start a long-running command in the namespace (its own process group, for killing)."""
        kw.setdefault('stdout', subprocess.PIPE)
        kw.setdefault('stderr', subprocess.PIPE)
        return subprocess.Popen(self.argv(cmd), start_new_session=True, **kw)

    def guest_cmdline(self, guest_ip=None, dev='eth0'):
        """Linux-style static address for the guest: ip=<client>::<gw>:<netmask>::<device>:off."""
        return 'ip=%s::%s:255.255.255.0::%s:off' % (guest_ip or self.guest_ip, self.peer_ip, dev)

    def neigh(self, ifname='tap0'):
        return self.ip('neigh', 'show', 'dev', ifname).stdout
