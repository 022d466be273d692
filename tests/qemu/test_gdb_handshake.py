"""The gdb transcripts of the source documents, reproduced on this kernel (seeds 000 and 001 in
../shared/seeds/, reference/call-chains.md): replyhi (server) and hello (client) over 127.0.0.1:5001,
with breakpoints on the socket system calls and the TCP handshake. Batch gdb records every hit with its
arguments; the tests check the order, the arguments and the files, as a student would read them."""
import re


from gdbrun import gdb_run

RUN = 'replyhi & sleep 0.5; hello'
TCP_FLAGS = {name: '((struct tcphdr *)skb->data)->%s' % name for name in ('syn', 'ack', 'fin', 'rst', 'psh')}
TCP_FLAGS['payload'] = 'skb->len - ((struct tcphdr *)skb->data)->doff * 4'
# for the failure message: when the segment came, and which one it was
DIAG = dict(TCP_FLAGS, jiffies='jiffies', seq='((struct tcphdr *)skb->data)->seq')


def brk(spec, **kw):
    return dict(spec=spec, **kw)


def segment(hit):
    """'S', 'SA', 'A', 'PA+5' ... for a tcp_v4_rcv hit (flags of the segment, payload bytes)."""
    e = hit['eval']
    flags = ''.join(c for c, k in (('S', 'syn'), ('F', 'fin'), ('R', 'rst'), ('P', 'psh'), ('A', 'ack'))
                    if e[k] == '1')
    return flags + ('+%s' % e['payload'] if e['payload'] != '0' else '')


def test_seed_000_socket_accept_connect_then_handshake_segments(request):
    r = gdb_run(request.node.name, [brk('__sys_socket'), brk('__sys_accept4'), brk('tcp_v4_connect'),
                                    brk('tcp_v4_rcv', eval=DIAG)],
                run=RUN, max_hits=9, timeout=180, nic='none')
    f = r.functions
    assert f[:4] == ['__sys_socket', '__sys_accept4', '__sys_socket', 'tcp_v4_connect'], (f, r.gdb_output[-3000:])
    for hit in (r.hits[0], r.hits[2]):
        assert hit['args'] == {'family': '2', 'type': '1', 'protocol': '0'}, hit
        assert hit['file'] == 'net/socket.c', hit
    accept = r.hits[1]
    assert accept['file'] == 'net/socket.c' and accept['args']['flags'] == '0', accept
    assert set(accept['args']) == {'fd', 'upeer_sockaddr', 'upeer_addrlen', 'flags'}, accept
    connect = r.hits[3]
    assert connect['file'] == 'net/ipv4/tcp_ipv4.c' and connect['args']['addr_len'] == '16', connect
    assert re.match(r'^0xffff888[0-9a-f]{9}$', connect['args']['sk']), connect
    rcv = r.hits[4:9]
    assert [h['function'] for h in rcv] == ['tcp_v4_rcv'] * 5, f
    assert all(h['file'] == 'net/ipv4/tcp_ipv4.c' for h in rcv)
    assert all(re.match(r'^0xffff888[0-9a-f]{9}$', h['args']['skb']) for h in rcv), rcv
    segs = [segment(h) for h in rcv]
    why = [(segment(h), h['args']['skb'], h['eval']['jiffies'], h['eval']['seq']) for h in r.hits[4:]]
    # SYN, SYN+ACK, ACK, then hello's 5 bytes ("hello") and replyhi's 2 ("hi"), each possibly carrying
    # an ACK of what came before.
    assert segs[:3] == ['S', 'SA', 'A'], why
    assert segs[3] in ('PA+5', 'A+5'), why
    assert segs[4] in ('PA+2', 'A+2', 'A'), why


def test_seed_001_socket_bind_listen_accept_socket_connect(request):
    r = gdb_run(request.node.name, [brk(s) for s in ('__sys_socket', '__sys_bind', '__sys_listen',
                                                     '__sys_accept4', '__sys_connect')],
                run=RUN, max_hits=6, timeout=180, nic='none')
    assert r.functions == ['__sys_socket', '__sys_bind', '__sys_listen', '__sys_accept4', '__sys_socket',
                           '__sys_connect'], (r.functions, r.gdb_output[-3000:])
    assert all(h['file'] == 'net/socket.c' for h in r.hits)
    bind, listen, connect = r.hits[1], r.hits[2], r.hits[5]
    assert set(bind['args']) == {'fd', 'umyaddr', 'addrlen'} and bind['args']['addrlen'] == '16', bind
    assert set(listen['args']) == {'fd', 'backlog'} and listen['args']['fd'] == bind['args']['fd'], listen
    assert set(connect['args']) == {'fd', 'uservaddr', 'addrlen'} and connect['args']['addrlen'] == '16', connect


# reference/call-chains.md, sections socket(), bind(), listen(), connect(), accept(), output and receive
# paths below TCP, the server and client sides of the handshake, data: each is hit during replyhi/hello
# over loopback. (Not ip_route_input_noref: as in Linux, a looped-back skb keeps the route it was sent
# with, so ip_rcv_finish has nothing to look up.)
CALL_CHAIN = {
    'socket': ['__sys_socket', 'sock_create', '__sock_create', 'sock_alloc', 'inet_create', 'sk_alloc',
               'sock_init_data', 'tcp_v4_init_sock', 'sock_map_fd'],
    'bind': ['__sys_bind', 'sockfd_lookup_light', 'move_addr_to_kernel', 'inet_bind', '__inet_bind',
             'inet_csk_get_port'],
    'listen': ['__sys_listen', 'inet_listen', 'inet_csk_listen_start', 'inet_hash', '__inet_hash'],
    'connect': ['__sys_connect', 'inet_stream_connect', '__inet_stream_connect', 'tcp_v4_connect',
                'ip_route_connect', 'tcp_set_state', 'inet_hash_connect', '__inet_hash_connect',
                'inet_ehash_nolisten', 'inet_ehash_insert', 'secure_tcp_seq', 'tcp_connect', 'tcp_connect_init',
                'tcp_connect_queue_skb', 'tcp_transmit_skb', '__tcp_transmit_skb', 'tcp_v4_send_check',
                'ip_queue_xmit', 'inet_wait_for_connect'],
    'output below TCP': ['__ip_queue_xmit', 'ip_route_output_flow', '__ip_route_output_key', 'fib_lookup',
                         'ip_local_out', 'dst_output', 'ip_output', 'ip_finish_output', 'ip_finish_output2',
                         'neigh_output', 'dev_queue_xmit', '__dev_queue_xmit', 'dev_hard_start_xmit',
                         'loopback_xmit'],
    'receive below TCP': ['netif_rx', 'net_rx_action', 'eth_type_trans', '__netif_receive_skb_core', 'ip_rcv',
                          'ip_rcv_finish', 'ip_local_deliver', 'ip_local_deliver_finish', 'tcp_v4_rcv'],
    'server handshake': ['__inet_lookup_skb', '__inet_lookup_established', '__inet_lookup_listener',
                         'tcp_v4_do_rcv', 'tcp_rcv_state_process', 'tcp_v4_conn_request', 'tcp_conn_request',
                         'inet_reqsk_alloc', 'tcp_openreq_init', 'tcp_v4_init_req', 'inet_csk_reqsk_queue_hash_add',
                         'tcp_v4_send_synack', 'tcp_check_req', 'tcp_v4_syn_recv_sock', 'tcp_create_openreq_child',
                         'inet_csk_complete_hashdance', 'inet_csk_reqsk_queue_add', 'tcp_child_process'],
    'client handshake': ['tcp_rcv_synsent_state_process', 'tcp_finish_connect', 'tcp_send_ack'],
    'accept': ['__sys_accept4', 'inet_accept', 'inet_csk_accept', 'inet_csk_wait_for_connect', 'reqsk_queue_remove',
               'sock_graft', 'move_addr_to_user'],
    'data': ['sock_sendmsg', 'inet_sendmsg', 'tcp_sendmsg', 'tcp_push', '__tcp_push_pending_frames',
             'tcp_write_xmit', 'sock_recvmsg', 'inet_recvmsg', 'tcp_recvmsg', 'tcp_rcv_established', 'tcp_ack'],
}


def test_every_call_chain_function_is_hit_during_handshake_and_transfer(request):
    names = sorted({n for chain in CALL_CHAIN.values() for n in chain})
    r = gdb_run(request.node.name, [brk(n, once=True) for n in names], run=RUN, max_hits=len(names),
                timeout=300, nic='none')
    hit = set(r.functions)
    missing = {sect: [n for n in chain if n not in hit] for sect, chain in CALL_CHAIN.items()}
    missing = {k: v for k, v in missing.items() if v}
    assert not missing, 'never hit (not on the path, inlined, or missing): %s\n%s' % (
        missing, r.gdb_output[-1500:])


def test_callers_of_tcp_v4_connect_show_their_arguments_in_bt(request):
    # DESIGN.md: the default build is the one students step through; `bt`, `up` and `info args` on the
    # call-chain functions must read sensibly, not as <optimized out> or stale register values.
    r = gdb_run(request.node.name, [brk('tcp_v4_connect', once=True, bt_args=True)], run=RUN, max_hits=1,
                timeout=120, nic='none')
    assert r.functions == ['tcp_v4_connect'], r.gdb_output[-2000:]
    frames = dict((fn, args) for fn, args in r.hits[0]['bt_args'])
    for fn, length in (('tcp_v4_connect', 'addr_len'), ('__inet_stream_connect', 'addr_len'),
                       ('inet_stream_connect', 'addr_len'), ('__sys_connect', 'addrlen')):
        assert fn in frames, (fn, list(frames))
        args = frames[fn]
        assert not [a for a, v in args.items() if 'optimized out' in v], (fn, args)
        assert args[length] == '16', (fn, args)


def test_gdb_helpers_show_sockets_segments_and_tcp_state(request):
    # At the third segment of the handshake (the client's ACK reaching the server), the helpers that
    # load with the kernel (tools/gdb/kernel.elf-gdb.py) show what a student wants to see; in
    # tcp_finish_connect, tcp-sock shows the client's connection.
    cmds = ['tcp-socks', 'skb-print skb', 'help tcp-socks', 'help skb-print', 'help tcp-sock']
    r = gdb_run(request.node.name, [brk('tcp_v4_rcv', cmds=cmds, eval=DIAG),
                                    brk('tcp_finish_connect', once=True, cmds=['tcp-sock sk'])],
                run=RUN, max_hits=4, timeout=120, nic='none')
    rcv = [h for h in r.hits if h['function'] == 'tcp_v4_rcv']
    assert [segment(h) for h in rcv] == ['S', 'SA', 'A'], r.gdb_output[-2000:]
    out = rcv[2]['cmds']
    socks = out['tcp-socks']
    assert re.search(r'LISTEN\s+127\.0\.0\.1:5001\s', socks), socks
    assert re.search(r'ESTABLISHED\s+127\.0\.0\.1:\d+\s+127\.0\.0\.1:5001\s', socks), socks
    assert re.search(r'NEW_SYN_RECV\s+127\.0\.0\.1:5001\s+127\.0\.0\.1:\d+', socks), socks
    assert re.search(r'^3 socket\(s\)$', socks, re.M), socks
    assert '127.0.0.1' in out['skb-print skb'] and '5001' in out['skb-print skb'], out['skb-print skb']
    for cmd in ('tcp-socks', 'skb-print', 'tcp-sock'):
        assert 'Usage: %s' % cmd in out['help ' + cmd], out['help ' + cmd]
    fin = [h for h in r.hits if h['function'] == 'tcp_finish_connect']
    assert fin, r.functions
    tcp_sock = fin[0]['cmds']['tcp-sock sk']
    assert '127.0.0.1' in tcp_sock and '5001' in tcp_sock and 'cwnd' in tcp_sock, tcp_sock
