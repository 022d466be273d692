# The breakpoints of the seed transcripts (seed 000: socket, accept4, connect, every segment;
# seed 001: socket, bind, listen, accept4, connect), plus both sides of the three-way handshake.
# Use after tools/gdb/kernel.gdb (make debug), then `continue` and type `replyhi` then `hello`
# in the guest shell:
#     (gdb) source tools/gdb/handshake.gdb
#     (gdb) continue
# At each stop: `bt` shows the call chain, `tcp-sock sk` the connection, `skb-print skb` the
# segment, `tcp-socks` every socket.
break __sys_socket
break __sys_bind
break __sys_listen
break __sys_accept4
break __sys_connect
break tcp_v4_connect
break tcp_v4_rcv
break tcp_v4_conn_request
break tcp_v4_send_synack
break tcp_rcv_synsent_state_process
break tcp_finish_connect
break tcp_check_req
break tcp_v4_syn_recv_sock
break tcp_child_process
