"""QEMU user networking (slirp), the default of `make run`: DHCP configures eth0 as 10.0.2.15/24 with
gateway 10.0.2.2, and the gateway answers ping. No root needed."""
import re
import socket

import pytest

import pcapcheck
from guest import free_port
from nethelp import NICS, assert_all_replies, start_server


@pytest.mark.parametrize('nic', NICS + ('virtio-legacy', 'virtio-modern'))
def test_dhcp_configures_eth0_and_gateway_answers_ping(guests, nic):
    g = guests(nic=nic)
    boot = g.boot()
    out = g.run('ifconfig eth0')
    assert re.search(r'inet 10\.0\.2\.15\s+netmask 255\.255\.255\.0', out), out
    assert re.search(r'^default\s+10\.0\.2\.2\s', g.run('route'), re.M) or \
        re.search(r'^0\.0\.0\.0\s+10\.0\.2\.2\s', g.run('route -n'), re.M)
    out = g.run('ping -c 3 -i 0.2 10.0.2.2', timeout=30)
    assert_all_replies(out, 3)
    g.close()
    # the whole exchange is in the capture: DISCOVER, OFFER, REQUEST, ACK (RFC 2131 3.1)
    types = [int(row[0]) for row in pcapcheck.frames(g.pcap, 'dhcp', ('dhcp.option.dhcp',))]
    assert types[:4] == [1, 2, 3, 5], (types, boot[-2000:])


def test_host_reaches_guest_server_through_fwd(guests):
    # slirp accepts the host's connection itself even with the guest stopped, so the test must get data
    # back from the guest's server, not just connect (platform-facts.md).
    port = free_port()
    g = guests(nic='e1000', fwd=['tcp:%d:5001' % port])
    g.boot()
    start_server(g, 'replyhi 0.0.0.0 5001', 5001)
    for msg in (b'hello', b'from the host'):
        with socket.create_connection(('127.0.0.1', port), timeout=10) as s:
            s.sendall(msg)
            s.settimeout(10)
            assert s.recv(100) == b'hi'
    g.run('echo')
    # the guest saw the host's connections come from slirp's gateway address
    assert re.search(r'replyhi: from 10\.0\.2\.2:\d+: hello\n', g.tail()), g.tail()
    assert re.search(r'replyhi: from 10\.0\.2\.2:\d+: from the host\n', g.tail()), g.tail()
