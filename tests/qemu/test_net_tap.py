"""The guest against a real Linux peer: a network namespace the test creates, a tap device, static
addresses 192.168.76.1 (Linux) and .2 (guest, ip= on the kernel command line). Each test runs for
e1000 and for virtio-net. Needs root (else skipped). Every frame is in the test's pcap, which the
fixture checks with tshark (no malformed frames, no bad checksums)."""
import re

import pytest

import pcapcheck
from nethelp import NICS, UDP_ECHO_CLIENT, UDP_ECHO_SERVER, assert_all_replies, boot_on_tap

pytestmark = pytest.mark.root

GUEST_MAC = '52:54:00:12:34:56'


@pytest.fixture(params=NICS)
def tapguest(request, netns, guests):
    return boot_on_tap(guests, netns, request.param)


def test_ping_namespace_to_guest(netns, tapguest):
    r = netns.run(['ping', '-c', '5', '-i', '0.2', '-W', '2', netns.guest_ip], check=False)
    assert_all_replies(r.stdout + r.stderr, 5)


def test_ping_guest_to_namespace(netns, tapguest):
    out = tapguest.run('ping -c 5 -i 0.2 %s' % netns.peer_ip, timeout=30)
    assert_all_replies(out, 5)
    seqs = [int(s) for s in re.findall(r'^64 bytes from %s: icmp_seq=(\d+) ttl=64 time=[\d.]+ ms$'
                                       % re.escape(netns.peer_ip), out, re.M)]
    assert seqs == [1, 2, 3, 4, 5], out
    assert re.search(r'^rtt min/avg/max/mdev = [\d.]+/[\d.]+/[\d.]+/[\d.]+ ms$', out, re.M), out


def test_ping_3000_bytes_both_ways_fragments_and_reassembles(netns, tapguest):
    r = netns.run(['ping', '-c', '3', '-i', '0.3', '-W', '2', '-s', '3000', netns.guest_ip], check=False)
    assert_all_replies(r.stdout + r.stderr, 3)
    out = tapguest.run('ping -c 3 -i 0.3 -s 3000 %s' % netns.peer_ip, timeout=30)
    assert_all_replies(out, 3)
    assert re.search(r'^3008 bytes from %s: icmp_seq=1 ' % re.escape(netns.peer_ip), out, re.M), out
    tapguest.close()
    # Both sides sent fragments (MF set on all but the last of each datagram): 3 requests and 3 replies
    # each way, 3 fragments apiece at MTU 1500.
    for src in (netns.guest_ip, netns.peer_ip):
        first = pcapcheck.count(tapguest.pcap, 'ip.src == %s && ip.flags.mf == 1 && ip.frag_offset == 0' % src)
        last = pcapcheck.count(tapguest.pcap, 'ip.src == %s && ip.flags.mf == 0 && ip.frag_offset > 0' % src)
        assert first == 6 and last == 6, (src, first, last)


def test_udp_echo_both_ways(netns, tapguest):
    # namespace -> guest server
    out = tapguest.run('udpecho -s 7007 &')
    assert re.search(r'\[\d+\] \d+', out), out
    tapguest.run('sleep 0.2')
    r = netns.run(['/usr/bin/python3', '-c', UDP_ECHO_CLIENT, netns.guest_ip, '7007',
                   '1', '64', '1472', '1473', '3000', '8000'], check=False, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr
    # guest client -> namespace server
    server = netns.popen(['/usr/bin/python3', '-c', UDP_ECHO_SERVER, '7008'], text=True)
    try:
        assert server.stdout.readline().strip() == 'ready'
        out = tapguest.run('udpecho -n 50 -l 1000 %s 7008' % netns.peer_ip, timeout=60)
        assert re.search(r'^50/50 echoes ok, 0 lost, 0 bad, 1000 bytes each', out, re.M), out
        out = tapguest.run('udpecho %s 7008 hello-from-guest' % netns.peer_ip)
        assert 'echo from %s:7008: hello-from-guest' % netns.peer_ip in out, out
    finally:
        server.kill()
        server.wait()


def test_arp_caches_hold_the_peers(netns, tapguest):
    r = netns.run(['ping', '-c', '1', '-W', '2', netns.guest_ip], check=False)
    assert_all_replies(r.stdout + r.stderr, 1)
    ns_mac = re.search(r'link/ether ([0-9a-f:]{17})', netns.ip('link', 'show', 'tap0').stdout).group(1)
    out = tapguest.run('arp -n')
    assert re.search(r'^%s\s+ether\s+%s\s+C\s.*eth0$' % (re.escape(netns.peer_ip), ns_mac), out, re.M), out
    neigh = netns.neigh()
    assert re.search(r'^%s lladdr %s (REACHABLE|STALE|DELAY|PROBE)' % (re.escape(netns.guest_ip), GUEST_MAC),
                     neigh, re.M), neigh


def test_udp_to_a_closed_port_gets_port_unreachable(netns, tapguest):
    # namespace -> guest: Linux turns the guest's ICMP port unreachable into ECONNREFUSED
    probe = ('import socket\ns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\ns.settimeout(3)\n'
             's.connect(("%s", 9))\ns.send(b"x")\ntry:\n    s.recv(100)\nexcept ConnectionRefusedError:\n'
             '    print("refused")\n' % netns.guest_ip)
    r = netns.run(['/usr/bin/python3', '-c', probe], check=False)
    assert r.stdout.strip() == 'refused', r.stdout + r.stderr
    # guest -> namespace: our udp_err turns Linux's ICMP into ECONNREFUSED for the connected socket
    out = tapguest.run('udpecho -w 3 %s 9 anyone; echo status=$?' % netns.peer_ip)
    assert 'Connection refused' in out and 'status=1' in out, out
    tapguest.close()
    unreach = pcapcheck.frames(tapguest.pcap, 'icmp.type == 3 && icmp.code == 3', ('ip.src',))
    assert sorted(r[0] for r in unreach) == [netns.peer_ip, netns.guest_ip], unreach
