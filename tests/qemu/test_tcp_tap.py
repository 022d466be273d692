"""TCP between the guest and Linux's own stack in a network namespace (tap), for e1000 and virtio-net:
curl against the guest's httpd, 10 MB each way checked by sha256, ECONNREFUSED, 200 sequential and 50
concurrent connections, and everything back to baseline afterwards. Needs root (else skipped)."""
import hashlib
import os
import re

import pytest

import pcapcheck
from nethelp import NICS, settle, start_server
from test_memory import NET_COUNTERS, settled, slab_active, slab_diff, snapshot

pytestmark = pytest.mark.root

MB10 = 10 * 1024 * 1024
# tcp.msl=1: TIME_WAIT lasts 2 s, so a test can wait for it to drain.
CMDLINE_EXTRA = 'tcp.msl=1'


def stream(n):
    """The test stream of ttcp and httpd: byte i is i mod 251."""
    return (bytes(range(251)) * (n // 251 + 1))[:n]


def sha(data):
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(params=NICS)
def tcpguest(request, netns, guests):
    g = guests(nic=request.param, netns=netns.name, net='tap:tap0',
               cmdline=netns.guest_cmdline() + ' ' + CMDLINE_EXTRA)
    g.boot()
    settle(g)
    return g


def test_curl_fetches_pages_and_a_10mb_body_from_httpd(netns, tcpguest, tmp_path):
    start_server(tcpguest, 'httpd -p 80 -q', 80)
    url = 'http://%s' % netns.guest_ip
    r = netns.run(['curl', '-sS', '--max-time', '30', url + '/'], check=False)
    assert r.returncode == 0 and 'Hello from the teaching kernel' in r.stdout, r.stdout + r.stderr
    r = netns.run(['curl', '-sS', '-o', '/dev/null', '-w', '%{http_code}', '--max-time', '30', url + '/nope'],
                  check=False)
    assert r.stdout == '404', r.stdout + r.stderr
    body = tmp_path / 'body'
    r = netns.run(['curl', '-sS', '--max-time', '240', '-o', str(body), '-w', '%{http_code} %{size_download}',
                   url + '/bytes/%d' % MB10], check=False, timeout=300)
    assert r.stdout == '200 %d' % MB10, r.stdout + r.stderr
    assert sha(body.read_bytes()) == sha(stream(MB10))
    tcpguest.close()
    handshakes_ok(tcpguest.pcap, netns.guest_ip, 80)


def test_nc_sends_10mb_to_guest_ttcp(netns, tcpguest, tmp_path):
    start_server(tcpguest, 'ttcp -r -p 5001', 5001)
    src = tmp_path / 'src'
    src.write_bytes(stream(MB10))
    with open(src, 'rb') as f:
        # -N: shut the write side down at EOF, so ttcp sees the end of the stream
        nc = netns.popen(['nc', '-N', '-w', '30', netns.guest_ip, '5001'], stdin=f)
        tcpguest.expect(r'ttcp-r: (\d+) bytes in [\d.]+ s = [\d.]+ KB/s\s+ttcp-r: sha256 ([0-9a-f]{64})',
                        timeout=300)
        nbytes, digest = tcpguest.child.match.group(1), tcpguest.child.match.group(2)
        assert nc.wait(timeout=60) == 0, nc.stderr.read()
    assert int(nbytes) == MB10
    assert digest == sha(stream(MB10))
    tcpguest.close()
    handshakes_ok(tcpguest.pcap, netns.guest_ip, 5001)


def test_guest_ttcp_sends_10mb_to_nc(netns, tcpguest, tmp_path):
    dst = tmp_path / 'dst'
    with open(dst, 'wb') as f:
        nc = netns.popen(['nc', '-l', '5001'], stdout=f)
        try:
            netns.run(['sh', '-c', 'for i in $(seq 50); do ss -ltn | grep -q :5001 && exit 0; sleep 0.1; done;'
                       ' exit 1'])
            out = tcpguest.run('ttcp -t -n %d %s 5001' % (MB10, netns.peer_ip), timeout=300)
            assert nc.wait(timeout=60) == 0
        finally:
            if nc.poll() is None:
                nc.kill()
    m = re.search(r'ttcp-t: (\d+) bytes in [\d.]+ s = [\d.]+ KB/s\s+ttcp-t: sha256 ([0-9a-f]{64})', out)
    assert m, out
    expect = sha(stream(MB10))
    assert int(m.group(1)) == MB10 and m.group(2) == expect, out
    assert os.path.getsize(dst) == MB10 and sha(dst.read_bytes()) == expect
    tcpguest.close()
    handshakes_ok(tcpguest.pcap, netns.peer_ip, 5001)


def test_connect_to_a_closed_port_is_refused(netns, tcpguest):
    out = tcpguest.run('hello %s 9; echo status=$?' % netns.peer_ip)
    assert 'Connection refused' in out, out
    assert 'status=0' not in out, out
    tcpguest.close()
    # Linux answered the SYN with RST+ACK (RFC 9293 3.10.7.1)
    rst = pcapcheck.frames(tcpguest.pcap, 'tcp.srcport == 9 && tcp.flags.reset == 1 && tcp.flags.ack == 1')
    assert len(rst) >= 1


SEQ_AND_CONCURRENT = r'''
import socket, sys, threading
host = sys.argv[1]
def get(path):
    s = socket.create_connection((host, 80), timeout=30)
    s.sendall(("GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" % path).encode())
    data = b""
    while True:
        b = s.recv(65536)
        if not b:
            break
        data += b
    s.close()
    head, _, body = data.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200"), head
    return body
expect = (bytes(range(251)) * 40)[:10000]
for i in range(200):
    assert get("/bytes/10000") == expect, "sequential %d" % i
errors = []
def worker(i):
    try:
        assert get("/bytes/10000") == expect
    except Exception as e:
        errors.append("%d: %r" % (i, e))
threads = [threading.Thread(target=worker, args=(i,)) for i in range(50)]
for t in threads: t.start()
for t in threads: t.join()
assert not errors, errors
print("ok")
'''


def tcp_sockets(g):
    """Rows of `netstat -t -a`: (local, remote, state)."""
    rows = []
    for line in g.run('netstat -t -a').splitlines():
        f = line.split()
        if len(f) >= 6 and f[0] == 'tcp':
            rows.append((f[3], f[4], f[5]))
    return rows


def test_200_sequential_and_50_concurrent_connections_then_baseline(netns, tcpguest):
    start_server(tcpguest, 'httpd -p 80 -q', 80)
    # warm-up: the neighbour entry and the listener exist before the baseline is taken
    netns.run(['curl', '-sS', '--max-time', '10', '-o', '/dev/null', 'http://%s/' % netns.guest_ip])
    tcpguest.run('sleep 3')  # TIME_WAIT (2 * tcp.msl) of the warm-up
    before = snapshot(tcpguest, NET_COUNTERS)
    slabs = slab_active(tcpguest)
    r = netns.run(['/usr/bin/python3', '-c', SEQ_AND_CONCURRENT, netns.guest_ip], check=False, timeout=600)
    assert r.returncode == 0 and r.stdout.strip() == 'ok', r.stdout + r.stderr
    after = settled(tcpguest, before, keys=NET_COUNTERS)
    socks = tcp_sockets(tcpguest)
    assert socks == [('0.0.0.0:80', '0.0.0.0:*', 'LISTEN')], socks
    assert after == before, ('caches that did not come back:', slab_diff(slabs, slab_active(tcpguest)),
                             tcpguest.run('netstat -s'))
    tcpguest.close()
    assert handshakes_ok(tcpguest.pcap, netns.guest_ip, 80) == 1 + 200 + 50


def handshakes_ok(pcap, server_ip, port):
    """Every connection to the server opened SYN, SYN+ACK, ACK with relative numbers 0/0/1, 1/1.
    Returns the number of connections. (One tshark pass; tshark numbers the connections tcp.stream.)"""
    rows = pcapcheck.frames(pcap, 'tcp.port == %d' % port,
                            ('tcp.stream', 'tcp.flags.syn', 'tcp.flags.ack', 'tcp.seq', 'tcp.ack', 'ip.src'))
    streams = {}
    for stream_no, *fields in rows:
        streams.setdefault(stream_no, []).append(tuple(fields))
    opened = [segs for segs in streams.values() if segs[0][:2] == ('1', '0') and segs[0][4] != server_ip]
    assert opened, 'no connection to %s:%d in %s' % (server_ip, port, pcap)
    for segs in opened:
        (s1, a1, q1, _, src1), (s2, a2, q2, k2, src2), (s3, a3, q3, k3, src3) = segs[:3]
        assert (s1, a1, q1) == ('1', '0', '0'), segs[:3]
        assert (s2, a2, q2, k2, src2) == ('1', '1', '0', '1', server_ip), segs[:3]
        assert (s3, a3, q3, k3) == ('0', '1', '1', '1') and src3 == src1, segs[:3]
    return len(opened)
