# gdb helpers for the network stack, auto-loaded next to build/kernel.elf (make copies this file to
# build/kernel.elf-gdb.py, as Linux's vmlinux-gdb.py). They only read guest memory.
#
#   tcp-socks          every TCP socket: listeners, connections, request socks, TIME_WAIT
#   tcp-sock ADDR      the key fields of one struct tcp_sock (sequence space, windows, RTT, cwnd)
#   skb-print ADDR     a struct sk_buff with its Ethernet/ARP/IPv4/TCP/UDP/ICMP headers decoded
#
# `help tcp-socks` etc. describe each. They also work on the host build of net/ (tests/host), whose
# structures are the same.
import gdb

TCP_STATES = {
    1: "ESTABLISHED", 2: "SYN_SENT", 3: "SYN_RECV", 4: "FIN_WAIT1", 5: "FIN_WAIT2",
    6: "TIME_WAIT", 7: "CLOSE", 8: "CLOSE_WAIT", 9: "LAST_ACK", 10: "LISTEN",
    11: "CLOSING", 12: "NEW_SYN_RECV",
}
CA_STATES = {0: "Open", 1: "Disorder", 2: "CWR", 3: "Recovery", 4: "Loss"}


def ntohs(v):
    v = int(v) & 0xFFFF
    return ((v & 0xFF) << 8) | (v >> 8)


def ip4(v):
    """An IPv4 address stored in network order in a u32 (as skc_daddr is)."""
    v = int(v) & 0xFFFFFFFF
    return "%d.%d.%d.%d" % (v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF, (v >> 24) & 0xFF)


def container_of(ptr, typename, member):
    t = gdb.lookup_type(typename)
    offset = 0
    for f in t.fields():
        if f.name == member:
            offset = f.bitpos // 8
            break
    return gdb.Value(int(ptr) - offset).cast(t.pointer())


def hlist_socks(head):
    """struct sock_common pointers on an hlist linked through skc_node."""
    common = gdb.lookup_type("struct sock_common")
    node_off = None
    for f in common.fields():
        if f.name is None:  # anonymous unions: look inside
            for g in f.type.fields():
                if g.name == "skc_node":
                    node_off = (f.bitpos + g.bitpos) // 8
        elif f.name == "skc_node":
            node_off = f.bitpos // 8
    node = head["first"]
    while int(node):
        yield gdb.Value(int(node) - node_off).cast(common.pointer())
        node = node["next"]


def all_tcp_socks():
    h = gdb.parse_and_eval("tcp_hashinfo")
    lh = h["listening_hash"]
    for i in range(int(lh.type.sizeof // lh[0].type.sizeof)):
        for sk in hlist_socks(lh[i]["head"]):
            yield sk
    if int(h["ehash"]):
        for i in range(int(h["ehash_mask"]) + 1):
            for sk in hlist_socks(h["ehash"][i]["chain"]):
                yield sk


def sock_line(skc):
    state = int(skc["skc_state"])
    local = "%s:%d" % (ip4(skc["skc_rcv_saddr"]), int(skc["skc_num"]))
    remote = "%s:%d" % (ip4(skc["skc_daddr"]), ntohs(skc["skc_dport"]))
    name = TCP_STATES.get(state, str(state))
    line = "%-18s %-12s %-21s %-21s" % ("0x%x" % int(skc), name, local, remote)
    if state in (6, 12):
        return line
    tp = skc.cast(gdb.lookup_type("struct tcp_sock").pointer())
    return line + " una=%u nxt=%u rcv_nxt=%u cwnd=%u ssthresh=%u" % (
        int(tp["snd_una"]), int(tp["snd_nxt"]), int(tp["rcv_nxt"]),
        int(tp["snd_cwnd"]), int(tp["snd_ssthresh"]))


class TcpSocks(gdb.Command):
    """List every TCP socket: address, state, local and remote address:port, and for full
sockets snd_una, snd_nxt, rcv_nxt, cwnd and ssthresh (segments). Walks tcp_hashinfo: the
listening hash, then the established hash (connections, request socks in NEW_SYN_RECV,
TIME_WAIT socks). Usage: tcp-socks"""

    def __init__(self):
        super().__init__("tcp-socks", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        n = 0
        gdb.write("%-18s %-12s %-21s %-21s %s\n" % ("sk", "state", "local", "remote", "sequence/cwnd"))
        for skc in all_tcp_socks():
            gdb.write(sock_line(skc) + "\n")
            n += 1
        gdb.write("%d socket(s)\n" % n)


class TcpSock(gdb.Command):
    """Print the key fields of a struct tcp_sock: state, addresses, send and receive sequence
space (RFC 9293 3.3.1), windows and scaling, MSS, RTT estimate and RTO (RFC 6298), congestion
state (cwnd, ssthresh, in flight, retransmits) and queue lengths.
Usage: tcp-sock ADDR    (ADDR: a struct sock * / struct tcp_sock *, e.g. $rdi or sk)"""

    def __init__(self):
        super().__init__("tcp-sock", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if not arg:
            raise gdb.GdbError("usage: tcp-sock ADDR")
        addr = int(gdb.parse_and_eval(arg))
        tp = gdb.Value(addr).cast(gdb.lookup_type("struct tcp_sock").pointer())
        skc = gdb.Value(addr).cast(gdb.lookup_type("struct sock_common").pointer())
        icsk = tp["inet_conn"]
        opt = tp["rx_opt"]
        w = gdb.write
        w(sock_line(skc) + "\n")
        w("  send:    snd_una=%u snd_nxt=%u write_seq=%u snd_wnd=%u (wscale %u) max_window=%u\n" % (
            int(tp["snd_una"]), int(tp["snd_nxt"]), int(tp["write_seq"]), int(tp["snd_wnd"]),
            int(opt["snd_wscale"]), int(tp["max_window"])))
        w("  receive: rcv_nxt=%u copied_seq=%u rcv_wnd=%u (wscale %u) rcv_wup=%u\n" % (
            int(tp["rcv_nxt"]), int(tp["copied_seq"]), int(tp["rcv_wnd"]), int(opt["rcv_wscale"]),
            int(tp["rcv_wup"])))
        w("  mss:     mss_cache=%u advmss=%u mss_clamp=%u  options: ts=%u sack=%u wscale=%u\n" % (
            int(tp["mss_cache"]), int(tp["advmss"]), int(opt["mss_clamp"]), int(opt["tstamp_ok"]),
            int(opt["sack_ok"]), int(opt["wscale_ok"])))
        w("  rtt:     srtt=%u us rttvar=%u us rto=%u ms backoff=%u retransmits=%u\n" % (
            int(tp["srtt_us"]) >> 3, int(tp["mdev_us"]) >> 2, int(icsk["icsk_rto"]),
            int(icsk["icsk_backoff"]), int(icsk["icsk_retransmits"])))
        w("  cong:    %s cwnd=%u ssthresh=%u packets_out=%u sacked_out=%u lost_out=%u retrans_out=%u "
          "total_retrans=%u\n" % (
              CA_STATES.get(int(icsk["icsk_ca_state"]), "?"), int(tp["snd_cwnd"]), int(tp["snd_ssthresh"]),
              int(tp["packets_out"]), int(tp["sacked_out"]), int(tp["lost_out"]), int(tp["retrans_out"]),
              int(tp["total_retrans"])))
        sk = gdb.Value(addr).cast(gdb.lookup_type("struct sock").pointer())
        w("  queues:  write=%u rtx=%u receive=%u ofo=%u  sndbuf=%d rcvbuf=%d wmem_queued=%d\n" % (
            int(sk["sk_write_queue"]["qlen"]), int(tp["tcp_rtx_queue"]["qlen"]),
            int(sk["sk_receive_queue"]["qlen"]), int(tp["out_of_order_queue"]["qlen"]),
            int(sk["sk_sndbuf"]), int(sk["sk_rcvbuf"]), int(sk["sk_wmem_queued"])))


TCP_FLAGS = [(0x02, "S"), (0x01, "F"), (0x04, "R"), (0x08, "P"), (0x10, "."), (0x20, "U"),
             (0x40, "E"), (0x80, "W")]


def read(addr, n):
    return bytes(gdb.selected_inferior().read_memory(addr, n))


def be16(b, o):
    return (b[o] << 8) | b[o + 1]


def be32(b, o):
    return (b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]


def decode_tcp(b):
    doff = (b[12] >> 4) * 4
    flags = "".join(c for bit, c in TCP_FLAGS if b[13] & bit) or "none"
    out = "TCP %d > %d Flags [%s] seq %u ack %u win %u len(hdr) %d csum 0x%04x" % (
        be16(b, 0), be16(b, 2), flags, be32(b, 4), be32(b, 8), be16(b, 14), doff, be16(b, 16))
    i, opts = 20, []
    while i < min(doff, len(b)):
        kind = b[i]
        if kind == 0:
            break
        if kind == 1:
            opts.append("nop")
            i += 1
            continue
        ln = b[i + 1] if i + 1 < len(b) else 0
        if ln < 2:
            opts.append("bad")
            break
        if kind == 2 and ln == 4:
            opts.append("mss %d" % be16(b, i + 2))
        elif kind == 3 and ln == 3:
            opts.append("wscale %d" % b[i + 2])
        elif kind == 4:
            opts.append("sackOK")
        elif kind == 5:
            blocks = ["%u-%u" % (be32(b, j), be32(b, j + 4)) for j in range(i + 2, i + ln - 7, 8)]
            opts.append("sack " + " ".join(blocks))
        elif kind == 8 and ln == 10:
            opts.append("TS val %u ecr %u" % (be32(b, i + 2), be32(b, i + 6)))
        else:
            opts.append("opt%d" % kind)
        i += ln
    if opts:
        out += " options [" + ",".join(opts) + "]"
    return out, doff


def decode_ip(b):
    ihl = (b[0] & 0xF) * 4
    proto = b[9]
    src = ".".join(str(x) for x in b[12:16])
    dst = ".".join(str(x) for x in b[16:20])
    out = ["IPv4 %s > %s proto %d ttl %d id %d len %d csum 0x%04x" % (
        src, dst, proto, b[8], be16(b, 4), be16(b, 2), be16(b, 10))]
    rest = b[ihl:]
    if proto == 6 and len(rest) >= 20:
        t, doff = decode_tcp(rest)
        out.append(t + " payload %d" % max(0, be16(b, 2) - ihl - doff))
    elif proto == 17 and len(rest) >= 8:
        out.append("UDP %d > %d len %d" % (be16(rest, 0), be16(rest, 2), be16(rest, 4)))
    elif proto == 1 and len(rest) >= 4:
        out.append("ICMP type %d code %d" % (rest[0], rest[1]))
    return out


class SkbPrint(gdb.Command):
    """Print a struct sk_buff: length, headroom, owning socket, device, and its headers decoded
(Ethernet, ARP, IPv4, TCP with flags/options, UDP, ICMP), starting from the outermost header
whose offset is set (mac_header, network_header, transport_header) or skb->data.
Usage: skb-print ADDR    (e.g. skb-print skb at a breakpoint on tcp_v4_rcv)"""

    def __init__(self):
        super().__init__("skb-print", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if not arg:
            raise gdb.GdbError("usage: skb-print ADDR")
        skb = gdb.parse_and_eval(arg)
        skb = gdb.Value(int(skb)).cast(gdb.lookup_type("struct sk_buff").pointer())
        head = int(skb["head"])
        data = int(skb["data"])
        tail = int(skb["tail"])
        unset = 0xFFFF
        dev = skb["dev"]
        gdb.write("skb 0x%x len %d headroom %d sk 0x%x dev %s\n" % (
            int(skb), int(skb["len"]), data - head, int(skb["sk"]),
            dev["name"].string() if int(dev) else "-"))
        mac, net, trans = int(skb["mac_header"]), int(skb["network_header"]), int(skb["transport_header"])
        if mac != unset and head + mac <= data:
            start, layer = head + mac, "eth"
        elif net != unset and head + net <= data:
            start, layer = head + net, "ip"
        elif trans != unset and head + trans <= data:
            start, layer = head + trans, "tcp"
        else:
            start, layer = data, "guess"
        b = read(start, max(0, min(tail - start, 256)))
        lines = []
        if layer in ("eth", "guess") and len(b) >= 14 and (layer == "eth" or be16(b, 12) in (0x0800, 0x0806)):
            mac_s = lambda x: ":".join("%02x" % c for c in x)
            etype = be16(b, 12)
            lines.append("Ethernet %s > %s type 0x%04x" % (mac_s(b[6:12]), mac_s(b[0:6]), etype))
            b = b[14:]
            if etype == 0x0806 and len(b) >= 28:
                lines.append("ARP %s who-has %s tell %s" % (
                    "request" if be16(b, 6) == 1 else "reply",
                    ".".join(str(x) for x in b[24:28]), ".".join(str(x) for x in b[14:18])))
                layer = "done"
            else:
                layer = "ip"
        if layer in ("ip", "guess") and len(b) >= 20 and (b[0] >> 4) == 4:
            lines += decode_ip(b)
        elif layer == "tcp" and len(b) >= 20:
            lines.append(decode_tcp(b)[0])
        for ln in lines:
            gdb.write("  " + ln + "\n")


TcpSocks()
TcpSock()
SkbPrint()
