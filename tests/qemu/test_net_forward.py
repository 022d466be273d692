"""The guest as a router: two NICs on two networks, each with a Linux namespace behind it.

  namespace A (192.168.76.1) --tap0-- eth0 [guest, ip_forward=1] eth1 --tap1-- namespace B (192.168.78.1)

QEMU opens both taps in namespace A, then tap1 moves to namespace B (an open tap keeps working across
the move). A pings B through the guest (TTL decremented once), and a TTL-1 ping is answered by the
guest with ICMP time exceeded, as traceroute expects. Needs root."""
import re

import pytest

from nethelp import assert_all_replies, settle
from netns import NetNS

pytestmark = pytest.mark.root


def test_guest_forwards_between_two_networks_and_answers_ttl_expiry(netns, guests):
    a = netns
    a.add_tap('tap1')
    g = guests(nic=['e1000', 'virtio'], netns=a.name, net=['tap:tap0', 'tap:tap1'],
               cmdline=a.guest_cmdline() + ' net.ipv4.ip_forward=1')
    g.start()
    with NetNS(a.name.split('-')[-1] + 'b', taps=()) as b:
        g.boot()
        a.ip('link', 'set', 'tap1', 'netns', b.name)
        b.ip('addr', 'add', '192.168.78.1/24', 'dev', 'tap1')
        b.ip('link', 'set', 'tap1', 'up')
        out = g.run('ifconfig eth1 192.168.78.2 netmask 255.255.255.0 up')
        assert 'error' not in out.lower(), out
        a.ip('route', 'add', '192.168.78.0/24', 'via', a.guest_ip)
        b.ip('route', 'add', '192.168.76.0/24', 'via', '192.168.78.2')
        settle(g)
        r = a.run(['ping', '-c', '3', '-i', '0.3', '-W', '2', '192.168.78.1'], check=False)
        assert_all_replies(r.stdout + r.stderr, 3)
        # B's reply crossed the guest once: Linux's TTL 64, minus one
        assert re.search(r'from 192\.168\.78\.1: icmp_seq=1 ttl=63 ', r.stdout), r.stdout
        r = a.run(['ping', '-c', '1', '-t', '1', '-W', '2', '192.168.78.1'], check=False)
        assert re.search(r'From 192\.168\.76\.2 icmp_seq=1 Time to live exceeded', r.stdout), r.stdout + r.stderr
        r = b.run(['ping', '-c', '2', '-i', '0.3', '-W', '2', a.peer_ip], check=False)
        assert_all_replies(r.stdout + r.stderr, 2)
        g.close()
