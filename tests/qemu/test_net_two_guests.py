"""Two guests on one wire (QEMU dgram netdevs pointing at each other): ARP, ping and UDP between two
copies of our own stack. No root needed."""
import re

from nethelp import assert_all_replies, settle
from wires import dgram_pair

A, B = '192.168.77.1', '192.168.77.2'
MAC_A, MAC_B = '52:54:00:12:34:56', '52:54:00:12:35:56'


def static(ip):
    return 'ip=%s::0.0.0.0:255.255.255.0::eth0:off' % ip


def test_two_guests_ping_and_udp(guests):
    a_net, b_net = dgram_pair()
    a = guests('a', nic='e1000', net=a_net, cmdline=static(A))
    b = guests('b', nic='virtio', net=b_net, cmdline=static(B), mac=MAC_B)
    a.start()
    b.start()
    a.boot()
    b.boot()
    settle(a)
    settle(b)
    assert_all_replies(a.run('ping -c 3 -i 0.2 %s' % B, timeout=30), 3)
    assert_all_replies(b.run('ping -c 3 -i 0.2 %s' % A, timeout=30), 3)
    b.run('udpecho -s 7007 &')
    out = a.run('udpecho -n 20 -l 2000 %s 7007' % B, timeout=60)
    assert re.search(r'^20/20 echoes ok', out, re.M), out
    assert re.search(r'^%s\s+ether\s+%s\s' % (re.escape(A), MAC_A), b.run('arp -n'), re.M)
