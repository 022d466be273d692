/*
 * Helpers shared by the TCP programs (replyhi, hello, ttcp, httpd): address parsing, the
 * deterministic test stream, a monotonic clock.
 */
#ifndef _NETPROG_H
#define _NETPROG_H

#include <stddef.h>
#include <netinet/in.h>

/* Fills sa from a dotted-quad or host name and a decimal port; prints why and returns -1 if bad. */
int netprog_sockaddr(const char *prog, const char *host, const char *port, struct sockaddr_in *sa);

/*
 * The test stream of ttcp and httpd's /bytes/N: byte i is (i mod 251). The period is prime so it
 * never lines up with buffer or segment sizes; `python3 -c` or a few lines of any language
 * regenerate it to compare.
 */
void netprog_pattern(unsigned char *buf, size_t len, unsigned long long offset);

/* Seconds since an arbitrary point, from CLOCK_MONOTONIC. */
double netprog_now(void);

#endif
