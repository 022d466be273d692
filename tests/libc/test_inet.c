/* arpa/inet.h and netdb.h: text <-> binary addresses, byte order, getaddrinfo. */
#include <arpa/inet.h>
#include <netdb.h>
#include <errno.h>
#include "tap.h"

static void pton4(const char *s, int want_ret, uint32_t want_host)
{
	struct in_addr a = { 0 };
	int r = inet_pton(AF_INET, s, &a);

	ok(r == want_ret && (r != 1 || ntohl(a.s_addr) == want_host), "inet_pton(AF_INET, \"%s\") = %d", s, r);
}

static void round6(const char *in, const char *want)
{
	unsigned char a[16];
	char out[INET6_ADDRSTRLEN];

	if (!ok(inet_pton(AF_INET6, in, a) == 1, "inet_pton(AF_INET6, \"%s\")", in))
		return;
	is_str(inet_ntop(AF_INET6, a, out, sizeof(out)), want, "inet_ntop(AF_INET6) canonical form");
}

int main(void)
{
	struct addrinfo hints = { 0 }, *res;
	struct sockaddr_in *sin;
	struct in_addr a;
	unsigned char a6[16];
	char buf[INET_ADDRSTRLEN];

	ok(htons(0x1234) == 0x3412 && htonl(0x12345678) == 0x78563412 && ntohs(htons(80)) == 80, "byte order");
	pton4("127.0.0.1", 1, 0x7f000001);
	pton4("255.255.255.255", 1, 0xffffffff);
	pton4("0.0.0.0", 1, 0);
	pton4("10.0.2.15", 1, 0x0a00020f);
	pton4("256.0.0.1", 0, 0);
	pton4("1.2.3", 0, 0);
	pton4("1.2.3.4.5", 0, 0);
	pton4("1.2.3.4 ", 0, 0);
	pton4("01.2.3.4", 0, 0);
	pton4("0x1.2.3.4", 0, 0);
	pton4("", 0, 0);
	errno = 0;
	ok(inet_pton(12345, "1.2.3.4", &a) == -1 && errno == EAFNOSUPPORT, "inet_pton bad family");

	a.s_addr = htonl(0xc0a80101);
	is_str(inet_ntop(AF_INET, &a, buf, sizeof(buf)), "192.168.1.1", "inet_ntop");
	errno = 0;
	ok(inet_ntop(AF_INET, &a, buf, 5) == NULL && errno == ENOSPC, "inet_ntop too small -> ENOSPC");
	is_str(inet_ntoa(a), "192.168.1.1", "inet_ntoa");

	ok(inet_aton("10.1", &a) && ntohl(a.s_addr) == 0x0a000001, "inet_aton a.b form");
	ok(inet_aton("0x7f.1", &a) && ntohl(a.s_addr) == 0x7f000001, "inet_aton hex part");
	ok(inet_aton("2130706433", &a) && ntohl(a.s_addr) == 0x7f000001, "inet_aton single number");
	ok(!inet_aton("1.2.3.256", &a) && !inet_aton("x", &a), "inet_aton rejects");
	ok(inet_addr("1.2.3.4") == htonl(0x01020304) && inet_addr("bad") == INADDR_NONE, "inet_addr");

	round6("::", "::");
	round6("::1", "::1");
	round6("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1");
	round6("fe80::1:2", "fe80::1:2");
	round6("::ffff:10.0.0.1", "::ffff:10.0.0.1");
	round6("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8");
	ok(inet_pton(AF_INET6, "1::2::3", a6) == 0 && inet_pton(AF_INET6, "12345::", a6) == 0 &&
	   inet_pton(AF_INET6, ":1::", a6) == 0 && inet_pton(AF_INET6, "1:2:3:4:5:6:7:8:9", a6) == 0,
	   "inet_pton(AF_INET6) rejects malformed text");

	hints.ai_socktype = SOCK_STREAM;
	ok(getaddrinfo("127.0.0.1", "5001", &hints, &res) == 0, "getaddrinfo numeric");
	sin = (struct sockaddr_in *)res->ai_addr;
	ok(res->ai_family == AF_INET && res->ai_socktype == SOCK_STREAM && res->ai_protocol == IPPROTO_TCP &&
	   sin->sin_port == htons(5001) && sin->sin_addr.s_addr == htonl(INADDR_LOOPBACK) && !res->ai_next,
	   "getaddrinfo result");
	freeaddrinfo(res);
	ok(getaddrinfo("localhost", "http", NULL, &res) == 0 && res->ai_next, "getaddrinfo localhost/http: two socket types");
	ok(((struct sockaddr_in *)res->ai_addr)->sin_port == htons(80), "service name http -> 80");
	freeaddrinfo(res);
	hints.ai_flags = AI_PASSIVE;
	ok(getaddrinfo(NULL, "80", &hints, &res) == 0 &&
	   ((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr == htonl(INADDR_ANY), "AI_PASSIVE gives INADDR_ANY");
	freeaddrinfo(res);
	ok(getaddrinfo("no.such.host", "80", NULL, &res) == EAI_NONAME, "unknown host -> EAI_NONAME");
	ok(getaddrinfo("1.2.3.4", "99999", NULL, &res) == EAI_SERVICE, "bad port -> EAI_SERVICE");
	ok(gethostbyname("10.0.0.1") && gethostbyname("10.0.0.1")->h_length == 4, "gethostbyname numeric");
	return done_testing();
}
