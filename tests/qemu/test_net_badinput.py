"""Bad input from the wire: scapy in the namespace sends truncated, bad-length, bad-checksum, bad-header,
overlapping-fragment, oversized (ping of death) and random frames at the guest. The guest must count
and drop them (netstat -s, Linux's counter names) and keep answering ping. Needs root."""
import re

import pytest

import pcapcheck
from nethelp import NICS, assert_all_replies, settle

pytestmark = pytest.mark.root

GUEST_MAC = '52:54:00:12:34:56'

SCAPY = r'''
import random, sys
from scapy.all import Ether, IP, UDP, TCP, ICMP, ARP, Raw, sendp, conf
conf.verb = 0
dst_ip, dst_mac, src_mac = sys.argv[1], sys.argv[2], sys.argv[3]
eth = Ether(dst=dst_mac, src=src_mac)
base = IP(src="192.168.76.1", dst=dst_ip)
frames = []
# IP header damage: checksum, version, header length, total length both ways, truncation
eth4 = Ether(dst=dst_mac, src=src_mac, type=0x0800)
frames.append(eth4 / Raw(bytes(IP(src="192.168.76.1", dst=dst_ip, chksum=0xdead) / ICMP())))
frames.append(eth4 / Raw(bytes(IP(version=6, src="192.168.76.1", dst=dst_ip) / ICMP())))
frames.append(eth4 / Raw(bytes(IP(ihl=3, src="192.168.76.1", dst=dst_ip) / ICMP())))
frames.append(eth4 / Raw(bytes(IP(len=1400, src="192.168.76.1", dst=dst_ip) / ICMP() / b"short")))
frames.append(eth4 / Raw(bytes(IP(len=12, src="192.168.76.1", dst=dst_ip) / ICMP())))
frames.append(eth4 / Raw(bytes(base / ICMP())[:12]))
# transport checksums
frames.append(eth / base / UDP(sport=1234, dport=7, chksum=0x1234) / b"bad udp checksum")
frames.append(eth / base / TCP(sport=1234, dport=80, flags="S", chksum=0x1234))
frames.append(eth / base / ICMP(chksum=0x1234) / b"bad icmp checksum")
# a UDP length longer than the datagram
frames.append(eth4 / Raw(bytes(base / UDP(sport=1, dport=7, len=500) / b"tiny")))
# overlapping fragments (RFC 5722 style), then a datagram over 65535 bytes (ping of death)
payload = bytes(ICMP(type=8, id=7, seq=1)) + b"A" * 1000
frames.append(eth / IP(src="192.168.76.1", dst=dst_ip, id=4242, flags="MF", frag=0, proto=1) / Raw(payload[:512]))
frames.append(eth / IP(src="192.168.76.1", dst=dst_ip, id=4242, flags="MF", frag=32, proto=1) / Raw(b"B" * 512))
frames.append(eth / IP(src="192.168.76.1", dst=dst_ip, id=4242, frag=64, proto=1) / Raw(payload[512:]))
frames.append(eth / IP(src="192.168.76.1", dst=dst_ip, id=4343, flags="MF", frag=0, proto=1) / Raw(b"\x08\x00" + b"C" * 1398))
frames.append(eth / IP(src="192.168.76.1", dst=dst_ip, id=4343, frag=8190, proto=1) / Raw(b"D" * 1000))
# ARP nonsense: bad lengths, an unknown operation, a reply about the guest's own address
frames.append(eth / ARP(op=2, hwlen=3, plen=9, psrc="192.168.76.1", pdst=dst_ip))
frames.append(eth / ARP(op=77, psrc="192.168.76.1", pdst=dst_ip))
frames.append(Ether(dst="ff:ff:ff:ff:ff:ff", src=src_mac) / ARP(op=2, psrc=dst_ip, hwsrc="02:00:00:00:00:66", pdst=dst_ip))
# random frames, seeded: random EtherTypes and bytes, and random bytes after a valid IP header
rng = random.Random(1)
for i in range(300):
    n = rng.randrange(14, 1514)
    frames.append(Ether(dst=dst_mac, src=src_mac, type=rng.choice([0x0800, 0x0806, 0x86dd, rng.randrange(65536)]))
                  / Raw(bytes(rng.randrange(256) for _ in range(n - 14))))
for i in range(200):
    frames.append(eth / base / Raw(bytes(rng.randrange(256) for _ in range(rng.randrange(0, 1400)))))
for f in frames:
    sendp(f, iface="tap0")
print(len(frames))
'''


def counters(g):
    """netstat -s as {'Ip.InHdrErrors': n, ...}."""
    out, section, c = g.run('netstat -s'), None, {}
    for line in out.splitlines():
        m = re.match(r'^(\w+):\s*$', line)
        if m:
            section = m.group(1)
            continue
        m = re.match(r'^\s+(\w+):\s+(-?\d+)\s*$', line)
        if m and section:
            c['%s.%s' % (section, m.group(1))] = int(m.group(2))
    return c


@pytest.mark.parametrize('nic', NICS)
def test_bad_frames_are_counted_and_dropped_and_ping_still_works(netns, guests, nic):
    g = guests(nic=nic, netns=netns.name, net='tap:tap0', cmdline=netns.guest_cmdline(), check_pcap=False)
    g.boot()
    settle(g)
    r = netns.run(['ping', '-c', '1', '-W', '2', netns.guest_ip], check=False)  # ARP both ways
    assert_all_replies(r.stdout + r.stderr, 1)
    ns_mac = re.search(r'link/ether ([0-9a-f:]{17})', netns.ip('link', 'show', 'tap0').stdout).group(1)
    before = counters(g)
    r = netns.run(['/usr/bin/python3', '-c', SCAPY, netns.guest_ip, GUEST_MAC, ns_mac], check=False, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    g.run('sleep 1')
    after = counters(g)
    grew = {k: after[k] - before.get(k, 0) for k in after if after[k] != before.get(k, 0)}
    print('counters that moved:', grew)
    for key in ('Ip.InHdrErrors', 'IpExt.InCsumErrors', 'IpExt.InTruncatedPkts', 'Udp.InCsumErrors',
                'Tcp.InCsumErrors', 'Icmp.InCsumErrors', 'IpExt.ReasmOverlaps', 'Ip.ReasmFails'):
        assert grew.get(key, 0) >= 1, (key, grew)
    # still alive and answering, both ways
    r = netns.run(['ping', '-c', '5', '-i', '0.2', '-W', '2', netns.guest_ip], check=False)
    assert_all_replies(r.stdout + r.stderr, 5)
    assert_all_replies(g.run('ping -c 3 -i 0.2 %s' % netns.peer_ip, timeout=30), 3)
    # the guest did not learn the forged ARP reply about its own address
    assert '02:00:00:00:00:66' not in g.run('arp -n')
    g.close()
    # whatever the guest itself sent in reply stays well formed
    pcapcheck.check_sent(g.pcap, GUEST_MAC)
