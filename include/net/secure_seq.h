/* Initial sequence numbers and timestamp offsets that an off-path attacker cannot predict (RFC 6528). */
#ifndef _NET_SECURE_SEQ_H
#define _NET_SECURE_SEQ_H

#include <linux/types.h>

struct net;

/* ISN = M + F(localip, localport, remoteip, remoteport, secretkey), M a 4 us clock (RFC 6528 3). */
u32 secure_tcp_seq(__be32 saddr, __be32 daddr, __be16 sport, __be16 dport);
/* Per-host-pair offset added to TCP timestamps, so they leak neither uptime nor clock (RFC 7323 7.1). */
u32 secure_tcp_ts_off(const struct net *net, __be32 saddr, __be32 daddr);
/* The keyed hash itself (SipHash-2-4), for tests. */
u64 secure_seq_siphash(const u64 key[2], const void *data, size_t len);

#endif
