"""Helpers shared by the network tests: booting a guest on a namespace's tap, waiting for the link,
reading ping summaries, UDP echo peers in the namespace."""
import re

NICS = ('e1000', 'virtio')

# QEMU's e1000 holds received frames for 1 s (guest time) after the driver enables RX
# (platform-facts.md); a test waits until the guest has been up this long before sending to it.
LINK_SETTLE = 1.5

PING_SUMMARY = re.compile(r'(\d+) packets transmitted, (\d+) received(?:, \+(\d+) duplicates)?'
                          r'(?:, \+(\d+) errors)?, ([\d.]+)% packet loss')


def guest_uptime(g):
    return float(g.run('cat /proc/uptime').split()[0])


def settle(g):
    """Sleep inside the guest until its NIC passes frames (no traffic is sent to find out)."""
    left = LINK_SETTLE - guest_uptime(g)
    if left > 0:
        g.run('sleep %.2f' % left)


def boot_on_tap(guests, ns, nic, guest_ip=None, tap='tap0', **opts):
    g = guests(nic=nic, netns=ns.name, net='tap:' + tap, cmdline=ns.guest_cmdline(guest_ip), **opts)
    g.boot()
    settle(g)
    return g


def ping_summary(out):
    """(transmitted, received, loss %) from an iputils-style summary, ours or Linux's."""
    m = PING_SUMMARY.search(out)
    assert m, 'no ping summary in:\n' + out
    return int(m.group(1)), int(m.group(2)), float(m.group(5))


def assert_all_replies(out, count):
    tx, rx, loss = ping_summary(out)
    assert (tx, rx, loss) == (count, count, 0.0), out


# A UDP echo server for the namespace side: every datagram goes back to its sender.
UDP_ECHO_SERVER = r'''
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("0.0.0.0", int(sys.argv[1])))
print("ready", flush=True)
while True:
    data, peer = s.recvfrom(65535)
    s.sendto(data, peer)
'''

# A UDP client for the namespace side: sends datagrams of the given sizes, checks each echo.
UDP_ECHO_CLIENT = r'''
import socket, sys
host, port = sys.argv[1], int(sys.argv[2])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(3)
s.connect((host, port))
for i, size in enumerate(int(x) for x in sys.argv[3:]):
    data = bytes((i * 7 + j) & 0xff for j in range(size))
    s.send(data)
    try:
        got = s.recv(65535)
    except socket.timeout:
        got = None
    assert got == data, "size %d: echo %s" % (size, "missing" if got is None else "differs")
    print("ok", size)
'''


def start_server(g, cmd, port, timeout=10):
    """Start a server program in the background (`cmd &`) and wait until it listens on TCP port."""
    g.run(cmd + ' &')
    for _ in range(int(timeout / 0.2)):
        if re.search(r':%d\s+0\.0\.0\.0:\*\s+LISTEN' % port, g.run('netstat -t -l')):
            return
        g.run('sleep 0.2')
    raise AssertionError('%r never listened on port %d:\n%s' % (cmd, port, g.run('netstat -t -a')))
