"""TCP survives a bad wire: the relay (relay.py) between the guest's dgram netdev and its peer drops 5%
of the frames and duplicates, reorders and corrupts 1% each, with a fixed seed; 10 MB still arrive
intact (sha256), guest to guest and guest to Linux in a namespace. The guests' own transmissions in
their pcaps must be clean (what they receive is corrupted on purpose)."""
import hashlib
import re

import pytest

import pcapcheck
from nethelp import settle, start_server
from wires import Relay

MB10 = 10 * 1024 * 1024
RATES = dict(drop=0.05, dup=0.01, reorder=0.01, corrupt=0.01, seed=1)
MAC_A, MAC_B = '52:54:00:12:34:56', '52:54:00:12:35:56'
TIMEOUT = 600


def expected_sha():
    return hashlib.sha256((bytes(range(251)) * (MB10 // 251 + 1))[:MB10]).hexdigest()


def static(ip, gw='0.0.0.0'):
    return 'ip=%s::%s:255.255.255.0::eth0:off tcp.msl=1' % (ip, gw)


def assert_relay_did_its_job(stats):
    ab = stats['a->b']
    assert ab['in'] > 5000 and ab['dropped'] > 0.03 * ab['in'] and ab['corrupted'] > 0 \
        and ab['duplicated'] > 0 and ab['reordered'] > 0, stats


def test_10mb_guest_to_guest_through_a_lossy_wire(guests):
    with Relay(**RATES) as relay:
        a = guests('a', nic='e1000', net=relay.a_net, cmdline=static('192.168.77.1'), mac=MAC_A,
                   check_pcap=False)
        b = guests('b', nic='virtio', net=relay.b_net, cmdline=static('192.168.77.2'), mac=MAC_B,
                   check_pcap=False)
        a.start()
        b.start()
        a.boot()
        b.boot()
        settle(a)
        settle(b)
        start_server(b, 'ttcp -r -p 5001', 5001)
        out = a.run('ttcp -t -n %d 192.168.77.2 5001' % MB10, timeout=TIMEOUT)
        b.expect(r'ttcp-r: (\d+) bytes in [\d.]+ s = [\d.]+ KB/s\s+ttcp-r: sha256 ([0-9a-f]{64})', timeout=60)
        got_bytes, got_sha = b.child.match.group(1), b.child.match.group(2)
        a.close()
        b.close()
    print('relay:', relay.stats)
    m = re.search(r'ttcp-t: (\d+) bytes in ([\d.]+) s = ([\d.]+) KB/s\s+ttcp-t: sha256 ([0-9a-f]{64})', out)
    assert m, out
    print('10 MB at 5%% loss: %s s, %s KB/s' % (m.group(2), m.group(3)))
    assert int(m.group(1)) == MB10 and m.group(4) == expected_sha(), out
    assert int(got_bytes) == MB10 and got_sha == expected_sha()
    assert_relay_did_its_job(relay.stats)
    pcapcheck.check_pcap(a.pcap, 'eth.src == %s' % MAC_A)
    pcapcheck.check_pcap(b.pcap, 'eth.src == %s' % MAC_B)


@pytest.mark.root
def test_10mb_guest_to_namespace_through_a_lossy_wire(netns, guests, tmp_path):
    dst = tmp_path / 'dst'
    with Relay(b='tap:tap0', netns=netns, **RATES) as relay:
        g = guests(nic='virtio', netns=netns.name, net=relay.a_net, cmdline=static(netns.guest_ip, netns.peer_ip),
                   check_pcap=False)
        g.boot()
        settle(g)
        with open(dst, 'wb') as f:
            nc = netns.popen(['nc', '-l', '5001'], stdout=f)
            try:
                netns.run(['sh', '-c', 'for i in $(seq 50); do ss -ltn | grep -q :5001 && exit 0; sleep 0.1;'
                           ' done; exit 1'])
                out = g.run('ttcp -t -n %d %s 5001' % (MB10, netns.peer_ip), timeout=TIMEOUT)
                assert nc.wait(timeout=60) == 0
            finally:
                if nc.poll() is None:
                    nc.kill()
        g.close()
    print('relay:', relay.stats)
    m = re.search(r'ttcp-t: (\d+) bytes in ([\d.]+) s = ([\d.]+) KB/s\s+ttcp-t: sha256 ([0-9a-f]{64})', out)
    assert m, out
    print('10 MB at 5%% loss: %s s, %s KB/s' % (m.group(2), m.group(3)))
    assert int(m.group(1)) == MB10 and m.group(4) == expected_sha(), out
    assert hashlib.sha256(dst.read_bytes()).hexdigest() == expected_sha()
    assert_relay_did_its_job(relay.stats)
    pcapcheck.check_pcap(g.pcap, 'eth.src == 52:54:00:12:34:56')
