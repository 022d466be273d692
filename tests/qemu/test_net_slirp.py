"""QEMU user networking (slirp), the default of `make run`: DHCP configures eth0 as 10.0.2.15/24 with
gateway 10.0.2.2, and the gateway answers ping. No root needed."""
import re

import pytest

import pcapcheck
from nethelp import NICS, assert_all_replies


@pytest.mark.parametrize('nic', NICS)
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
