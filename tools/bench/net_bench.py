#!/usr/bin/python3
"""Network benchmarks of issues 3 and 4 (make bench): figures, not pass/fail.

For e1000 and virtio-net, with the guest on a tap device in a network namespace (Linux's stack as the
peer, as in tests/qemu/test_net_tap.py) and QEMU under TCG:
  - ping RTT median, namespace -> guest and guest -> namespace
  - UDP throughput guest -> namespace (guest `nc -u` from /dev/zero for a few seconds, counted by a sink)
  - TCP bulk throughput guest -> namespace (ttcp -t -> nc -l) and namespace -> guest (nc -> ttcp -r), 10 MiB
  - TCP connection setup rate (connect + close, sequential, against the guest's httpd)
  - HTTP request latency, median (one keep-alive connection, GET /)
Each figure is printed with the command that produced it. Needs root (namespace, tap); otherwise it
says so and exits 0. Usage: tools/bench/net_bench.py [--nic e1000|virtio ...]
"""
import argparse
import os
import re
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'tests', 'qemu'))

from guest import Guest  # noqa: E402
from nethelp import settle, start_server  # noqa: E402
from netns import NetNS, have_root  # noqa: E402

MB10 = 10 * 1024 * 1024

UDP_SINK = r'''
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
s.bind(("0.0.0.0", int(sys.argv[1])))
s.settimeout(float(sys.argv[2]))
n = nbytes = 0
sizes = set()
t0 = t1 = None
try:
    while True:
        d = s.recv(65535)
        t1 = time.monotonic()
        if t0 is None:
            t0 = t1
        n += 1
        nbytes += len(d)
        sizes.add(len(d))
except socket.timeout:
    pass
print(n, nbytes, (t1 - t0) if t0 else 0, max(sizes) if sizes else 0)
'''

CONN_RATE = r'''
import socket, sys, time
host, n = sys.argv[1], int(sys.argv[2])
t0 = time.monotonic()
for i in range(n):
    s = socket.create_connection((host, 80), timeout=10)
    s.close()
print(n / (time.monotonic() - t0))
'''

LATENCY = r'''
import socket, statistics, sys, time
host, n = sys.argv[1], int(sys.argv[2])
s = socket.create_connection((host, 80), timeout=10)
lat = []
for i in range(n):
    t = time.monotonic()
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    data = b""
    while b"</html>" not in data:
        data += s.recv(65536)
    lat.append(time.monotonic() - t)
print(statistics.median(lat) * 1000, min(lat) * 1000, max(lat) * 1000)
'''


def figure(name, value, unit, cmd):
    print('  %-44s %10s %-6s  (%s)' % (name, value, unit, cmd))


def bench_nic(nic):
    print('%s (TCG, tap in a namespace, guest %s):' % (nic, '192.168.76.2'))
    with NetNS('bench-' + nic) as ns:
        g = Guest('bench-' + nic, netns=ns.name, nic=nic, net='tap:tap0', pcap=False,
                  cmdline=ns.guest_cmdline() + ' tcp.msl=1')
        with g:
            g.boot()
            settle(g)
            # ping RTT, both directions
            cmd = 'ping -c 20 -i 0.05 %s' % ns.guest_ip
            out = ns.run(cmd.split(), check=False).stdout
            rtts = [float(x) for x in re.findall(r'time=([\d.]+) ms', out)]
            figure('ping RTT median, namespace -> guest', '%.3f' % statistics.median(rtts), 'ms', cmd)
            cmd = 'ping -c 20 -i 0.05 %s' % ns.peer_ip
            out = g.run(cmd, timeout=60)
            rtts = [float(x) for x in re.findall(r'time=([\d.]+) ms', out)]
            figure('ping RTT median, guest -> namespace', '%.3f' % statistics.median(rtts), 'ms',
                   'guest: ' + cmd)
            # UDP guest -> namespace
            sink = ns.popen(['/usr/bin/python3', '-c', UDP_SINK, '9000', '3'], text=True)
            time.sleep(0.3)
            cmd = 'nc -u %s 9000 < /dev/zero' % ns.peer_ip
            g.run(cmd + ' &')
            g.run('sleep 5')
            g.run('kill %1')
            n, nbytes, secs, size = sink.communicate(timeout=30)[0].split()
            rate = int(nbytes) / max(float(secs), 1e-6) / 1024
            figure('UDP throughput guest -> namespace', '%.1f' % rate, 'KB/s',
                   'guest: %s; %s datagrams of up to %s bytes' % (cmd, n, size))
            # TCP bulk, both directions
            nc = ns.popen(['sh', '-c', 'nc -l 5001 > /dev/null'])
            ns.run(['sh', '-c', 'for i in $(seq 50); do ss -ltn | grep -q :5001 && exit 0; sleep 0.1; done'])
            cmd = 'ttcp -t -n %d %s 5001' % (MB10, ns.peer_ip)
            out = g.run(cmd, timeout=600)
            nc.wait(timeout=60)
            m = re.search(r'ttcp-t: \d+ bytes in [\d.]+ s = ([\d.]+) KB/s', out)
            figure('TCP bulk guest -> namespace (10 MiB)', m.group(1) if m else '?', 'KB/s',
                   'guest: %s; namespace: nc -l 5001' % cmd)
            start_server(g, 'ttcp -r -p 5001', 5001)
            cmd = 'head -c %d /dev/zero | nc -N %s 5001' % (MB10, ns.guest_ip)
            ns.run(['sh', '-c', cmd], timeout=600)
            g.expect(r'ttcp-r: \d+ bytes in [\d.]+ s = ([\d.]+) KB/s', timeout=120)
            figure('TCP bulk namespace -> guest (10 MiB)', g.child.match.group(1), 'KB/s',
                   'namespace: %s; guest: ttcp -r -p 5001' % cmd)
            # connection setup rate and request latency against httpd
            start_server(g, 'httpd -p 80 -q', 80)
            out = ns.run(['/usr/bin/python3', '-c', CONN_RATE, ns.guest_ip, '200'], timeout=600).stdout
            figure('TCP connection setup rate', '%.1f' % float(out), 'conn/s',
                   'namespace: 200 x connect()+close() to guest httpd :80, sequential')
            med, lo, hi = ns.run(['/usr/bin/python3', '-c', LATENCY, ns.guest_ip, '200'], timeout=600).stdout.split()
            figure('HTTP request latency median (min/max)', '%.2f' % float(med), 'ms',
                   'namespace: 200 x GET / on one keep-alive connection, min %.2f max %.2f' % (float(lo), float(hi)))


def main():
    ap = argparse.ArgumentParser(description='network benchmarks (figures, not pass/fail)')
    ap.add_argument('--nic', action='append', choices=('e1000', 'virtio'))
    args = ap.parse_args()
    if not have_root():
        print('net-bench: skipped, needs root (network namespace with a tap device)')
        return 0
    for nic in args.nic or ('e1000', 'virtio'):
        bench_nic(nic)
    return 0


if __name__ == '__main__':
    sys.exit(main())
