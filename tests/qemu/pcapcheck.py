"""tshark checks over the pcap every QEMU test writes (run-qemu.sh --pcap, QEMU's filter-dump).

check_pcap(path) fails the test when tshark finds a malformed frame, a bad IPv4/ICMP/UDP/TCP checksum or
any other expert item of severity "error". frames(path, filter, fields) returns decoded fields for tests
that look at what went over the wire (handshakes, ARP, fragments).
"""
import os
import re
import shutil
import subprocess

CHECKSUM_PREFS = ['-o', 'ip.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE',
                  '-o', 'udp.check_checksum:TRUE']
# A TCP checksum of 0xffff where 0x0000 was computed is the other one's-complement zero (RFC 1624 3):
# receivers accept it and Linux sends it, so it is not a bad checksum.
BAD_FILTER = ('_ws.malformed || _ws.expert.severity >= error || ip.checksum.status == "Bad"'
              ' || icmp.checksum.status == "Bad" || udp.checksum.status == "Bad"'
              ' || (tcp.checksum.status == "Bad" && !tcp.checksum.ffff)')


def have_tshark():
    return shutil.which('tshark') is not None


_heuristics = None


def _no_heuristics():
    """--disable-heuristic for every heuristic dissector on TCP and UDP. Test payloads (the ttcp stream,
    random bytes) are not application protocols, and a heuristic dissector that takes them for one
    (CLASSIC-STUN ...) then calls them malformed; the checks here are about Ethernet, ARP, IP, ICMP,
    UDP and TCP."""
    global _heuristics
    if _heuristics is None:
        rows = subprocess.run(['tshark', '-G', 'heuristic-decodes'], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, timeout=60).stdout.splitlines()
        _heuristics = ['%s_%s' % (f[1], f[0]) for f in (r.split('\t') for r in rows)
                       if len(f) == 3 and f[0] in ('tcp', 'udp') and f[2] == 'T']
    return [a for name in _heuristics for a in ('--disable-heuristic', name)]


def tshark(args, timeout=120):
    global _heuristics
    for _ in range(3):
        r = subprocess.run(['tshark', '-n'] + CHECKSUM_PREFS + _no_heuristics() + list(args),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=timeout)
        # Not every heuristic's table entry has a name --disable-heuristic knows: drop those, retry.
        unknown = set(re.findall(r"No such protocol (\S+), can't disable", r.stderr))
        if r.returncode == 0 or not unknown:
            break
        _heuristics = [h for h in _heuristics if h not in unknown]
    err = '\n'.join(l for l in r.stderr.splitlines() if 'Running as user "root"' not in l)
    if r.returncode != 0:
        raise AssertionError('tshark %s failed (%d): %s' % (' '.join(args), r.returncode, err))
    return r.stdout


def frames(path, display_filter='', fields=('frame.number', '_ws.col.Info')):
    """Rows of fields for the frames matching display_filter (first occurrence of each field: the outer
    header when an ICMP error quotes another)."""
    args = ['-r', path, '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=f']
    if display_filter:
        args += ['-Y', display_filter]
    for f in fields:
        args += ['-e', f]
    return [line.split('\t') for line in tshark(args).splitlines() if line]


def count(path, display_filter=''):
    return len(frames(path, display_filter, ('frame.number',)))


def check_pcap(path, display_filter='', min_frames=1):
    """Assert the capture exists, holds at least min_frames frames (matching display_filter) and that
    none of them is malformed or has a bad checksum. Returns the number of frames checked."""
    assert os.path.exists(path), 'no pcap written: %s' % path
    scope = '(%s) && ' % display_filter if display_filter else ''
    bad = frames(path, scope + '(%s)' % BAD_FILTER,
                 ('frame.number', '_ws.expert.message', '_ws.col.Protocol', '_ws.col.Info'))
    assert not bad, '%s: %d bad frames, first ones:\n%s' % (
        path, len(bad), '\n'.join('  '.join(row) for row in bad[:10]))
    n = count(path, display_filter)
    assert n >= min_frames, '%s: %d frames matching %r, expected at least %d' % (
        path, n, display_filter, min_frames)
    return n


ICMP_ERRORS = '{3, 4, 5, 11, 12}'


def check_sent(path, mac):
    """Check the frames a guest sent (source MAC `mac`) when what it received was bad on purpose. An
    ICMP error quotes the bad datagram it answers, and tshark's complaints about the quoted bytes are
    not about the guest: for those only the outer IP and ICMP checksums (first layer) are checked."""
    own = 'eth.src == %s' % mac
    n = check_pcap(path, '%s && !(icmp.type#1 in %s)' % (own, ICMP_ERRORS), min_frames=1)
    errors = count(path, '%s && icmp.type#1 in %s' % (own, ICMP_ERRORS))
    good = count(path, '%s && icmp.type#1 in %s && ip.checksum.status#1 == "Good" && '
                 'icmp.checksum.status#1 == "Good"' % (own, ICMP_ERRORS))
    assert good == errors, '%s: %d of the %d ICMP errors sent have a bad checksum' % (path, errors - good, errors)
    return n + errors
