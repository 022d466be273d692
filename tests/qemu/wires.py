"""Wiring guests together: a direct QEMU `dgram` wire, or one through the lossy relay (relay.py).

    a_net, b_net = dgram_pair()                     # guests(net=a_net), guests(net=b_net)
    with Relay(drop=0.05, seed=1) as r:             # A <-> relay <-> B
        guests(net=r.a_net) ...; guests(net=r.b_net) ...
    r.stats -> {'a->b': {'in':..., 'dropped':...}, 'b->a': {...}}
    with Relay(b='tap:tap0', netns=ns) as r:        # A <-> relay <-> Linux in the namespace
"""
import json
import os
import signal
import subprocess
import tempfile

from guest import free_port

RELAY = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'relay.py')


def dgram_pair():
    """run-qemu.sh --net values for two guests on one wire."""
    pa, pb = free_port(), free_port()
    return 'dgram:%d:%d' % (pa, pb), 'dgram:%d:%d' % (pb, pa)


class Relay:
    """relay.py between guest A (a_net) and guest B (b_net) or a tap device (b='tap:IF')."""

    def __init__(self, drop=0.0, dup=0.0, reorder=0.0, corrupt=0.0, seed=1, b=None, netns=None):
        self.rates = dict(drop=drop, dup=dup, reorder=reorder, corrupt=corrupt)
        self.seed = seed
        self.netns = netns
        ga, ra = free_port(), free_port()
        self.a_net = 'dgram:%d:%d' % (ga, ra)
        self.a_end = 'udp:%d:%d' % (ra, ga)
        if b:
            self.b_net, self.b_end = None, b
        else:
            gb, rb = free_port(), free_port()
            self.b_net = 'dgram:%d:%d' % (gb, rb)
            self.b_end = 'udp:%d:%d' % (rb, gb)
        self.stats = None
        self.proc = None

    def __enter__(self):
        fd, self.stats_path = tempfile.mkstemp(suffix='.json')
        os.close(fd)
        argv = ['/usr/bin/python3', RELAY, '--a', self.a_end, '--b', self.b_end, '--seed', str(self.seed),
                '--stats', self.stats_path]
        for k, v in self.rates.items():
            argv += ['--' + k, str(v)]
        if self.netns:
            argv = self.netns.argv(argv)
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     start_new_session=True, text=True)
        line = self.proc.stdout.readline()
        if 'relay ready' not in line:
            self.proc.kill()
            raise AssertionError('relay did not start: %r' % line)
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        try:
            with open(self.stats_path) as f:
                self.stats = json.load(f)
        except (OSError, ValueError):
            self.stats = None
        os.unlink(self.stats_path)
