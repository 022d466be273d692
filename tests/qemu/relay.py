#!/usr/bin/python3
"""A lossy wire: relays Ethernet frames between two endpoints, dropping, duplicating, reordering and
corrupting them at set rates with a seeded generator (the same seed gives the same faults).

Endpoints:
  udp:LISTEN:PEER  a QEMU `dgram` netdev: receive on 127.0.0.1:LISTEN, send to 127.0.0.1:PEER
                   (the guest runs `run-qemu.sh --net dgram:PEER:LISTEN`)
  tap:IFNAME       an existing tap device (ip tuntap add ... mode tap), e.g. inside a test namespace,
                   so the peer is Linux's own stack

    relay.py --a udp:7001:7000 --b udp:7101:7100 --drop 0.05 --seed 1 --stats stats.json

Runs until SIGTERM/SIGINT, then writes counters per direction (frames in, dropped, duplicated,
reordered, corrupted, out) to --stats (JSON) and stderr. Used by the loss tests (test_tcp_loss.py);
usable by hand between two `make run`-style guests.
"""
import argparse
import fcntl
import json
import os
import random
import select
import signal
import socket
import struct
import sys
import time

TUNSETIFF = 0x400454ca
IFF_TAP = 0x0002
IFF_NO_PI = 0x1000
ETH_HLEN = 14
REORDER_HOLD = 0.05  # seconds a held-back frame waits for a successor before it is sent anyway


class UdpEnd:
    def __init__(self, listen, peer):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        # A burst from a guest must not overflow the socket before we read it: that would be loss we
        # did not choose.
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        self.sock.bind(('127.0.0.1', listen))
        self.peer = ('127.0.0.1', peer)

    def fileno(self):
        return self.sock.fileno()

    def recv(self):
        return self.sock.recv(65536)

    def send(self, frame):
        try:
            self.sock.sendto(frame, self.peer)
        except ConnectionRefusedError:  # the guest is not up yet: the frame is lost, as on a wire
            pass


class TapEnd:
    def __init__(self, ifname):
        self.fd = os.open('/dev/net/tun', os.O_RDWR)
        fcntl.ioctl(self.fd, TUNSETIFF, struct.pack('16sH', ifname.encode(), IFF_TAP | IFF_NO_PI))

    def fileno(self):
        return self.fd

    def recv(self):
        return os.read(self.fd, 65536)

    def send(self, frame):
        try:
            os.write(self.fd, frame)
        except OSError:  # interface down: lost
            pass


def endpoint(spec):
    kind, _, rest = spec.partition(':')
    if kind == 'udp':
        listen, peer = rest.split(':')
        return UdpEnd(int(listen), int(peer))
    if kind == 'tap':
        return TapEnd(rest)
    raise SystemExit('bad endpoint %r (udp:LISTEN:PEER or tap:IFNAME)' % spec)


class Direction:
    """Faults for frames going one way; owns its counters and the frame held back for reordering."""

    def __init__(self, name, out, rates, rng):
        self.name, self.out, self.rates, self.rng = name, out, rates, rng
        self.held = None
        self.held_since = 0.0
        self.stats = dict.fromkeys(('in', 'dropped', 'duplicated', 'reordered', 'corrupted', 'out'), 0)

    def _send(self, frame):
        self.out.send(frame)
        self.stats['out'] += 1

    def _corrupt(self, frame):
        # Flip one bit past the Ethernet header, so the damage is for IP/TCP/UDP checksums to catch.
        if len(frame) <= ETH_HLEN:
            return frame
        b = bytearray(frame)
        i = self.rng.randrange(ETH_HLEN, len(b))
        b[i] ^= 1 << self.rng.randrange(8)
        self.stats['corrupted'] += 1
        return bytes(b)

    def frame(self, frame):
        r = self.rates
        self.stats['in'] += 1
        if self.rng.random() < r['drop']:
            self.stats['dropped'] += 1
            return
        if self.rng.random() < r['corrupt']:
            frame = self._corrupt(frame)
        copies = 2 if self.rng.random() < r['dup'] else 1
        self.stats['duplicated'] += copies - 1
        if self.held is None and self.rng.random() < r['reorder']:
            self.held, self.held_since = frame, time.monotonic()
            self.stats['reordered'] += 1
            return
        for _ in range(copies):
            self._send(frame)
        self.flush()

    def flush(self):
        if self.held is not None:
            self._send(self.held)
            self.held = None

    def tick(self, now):
        if self.held is not None and now - self.held_since > REORDER_HOLD:
            self.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--a', required=True, help='first endpoint')
    ap.add_argument('--b', required=True, help='second endpoint')
    for k in ('drop', 'dup', 'reorder', 'corrupt'):
        ap.add_argument('--' + k, type=float, default=0.0, help='rate 0..1 of %s frames' % k)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--stats', help='write counters as JSON here at exit')
    args = ap.parse_args()

    rates = {k: getattr(args, k) for k in ('drop', 'dup', 'reorder', 'corrupt')}
    a, b = endpoint(args.a), endpoint(args.b)
    # One generator per direction, so the faults one way do not depend on the traffic the other way.
    dirs = {a.fileno(): (a, Direction('a->b', b, rates, random.Random(args.seed * 2))),
            b.fileno(): (b, Direction('b->a', a, rates, random.Random(args.seed * 2 + 1)))}

    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    print('relay ready', flush=True)
    while not stop:
        try:
            ready, _, _ = select.select(list(dirs), [], [], REORDER_HOLD / 2)
        except InterruptedError:
            continue
        for fd in ready:
            end, d = dirs[fd]
            try:
                d.frame(end.recv())
            except OSError:
                pass
        now = time.monotonic()
        for _, d in dirs.values():
            d.tick(now)

    stats = {d.name: d.stats for _, d in dirs.values()}
    text = json.dumps(stats, indent=1)
    print(text, file=sys.stderr)
    if args.stats:
        with open(args.stats, 'w') as f:
            f.write(text)


if __name__ == '__main__':
    main()
