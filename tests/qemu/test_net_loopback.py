"""Loopback: 127.0.0.1 through loopback_xmit -> netif_rx, ping and UDP. No network card needed."""
import re

from nethelp import assert_all_replies


def test_ping_and_udp_over_loopback(guests):
    g = guests(nic='none')
    g.boot()
    out = g.run('ping -c 3 -i 0.2 127.0.0.1', timeout=30)
    assert_all_replies(out, 3)
    assert re.search(r'^64 bytes from 127\.0\.0\.1: icmp_seq=1 ttl=64 ', out, re.M), out
    g.run('udpecho -s 7007 &')
    out = g.run('udpecho -n 100 -l 3000 127.0.0.1 7007', timeout=60)
    assert re.search(r'^100/100 echoes ok, 0 lost, 0 bad, 3000 bytes each', out, re.M), out
    out = g.run('udpecho 127.0.0.1 7007 over-lo')
    assert 'echo from 127.0.0.1:7007: over-lo' in out, out
