/*
 * netdb "lite": no resolver, no /etc files. Hosts are numeric addresses or "localhost"; services
 * are numbers or a few well-known names. getaddrinfo returns one result per socket type asked for
 * (SOCK_STREAM and SOCK_DGRAM when the hints leave it open), as glibc does.
 */
#include <netdb.h>
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <errno.h>

int h_errno;

static const struct {
	const char *name;
	int port;
} services[] = {
	{ "echo", 7 }, { "discard", 9 }, { "daytime", 13 }, { "ftp", 21 }, { "ssh", 22 },
	{ "telnet", 23 }, { "smtp", 25 }, { "domain", 53 }, { "http", 80 }, { "https", 443 },
	{ "ttcp", 5001 },
};

static int lookup_host(const char *name, struct in_addr *addr)
{
	if (!strcmp(name, "localhost")) {
		addr->s_addr = htonl(INADDR_LOOPBACK);
		return 1;
	}
	return inet_aton(name, addr);
}

struct hostent *gethostbyname(const char *name)
{
	static struct in_addr addr;
	static char *addr_list[2];
	static char *aliases[1];
	static char hname[NI_MAXHOST];
	static struct hostent he;

	if (!lookup_host(name, &addr)) {
		h_errno = HOST_NOT_FOUND;
		return NULL;
	}
	snprintf(hname, sizeof(hname), "%s", name);
	addr_list[0] = (char *)&addr;
	addr_list[1] = NULL;
	aliases[0] = NULL;
	he.h_name = hname;
	he.h_aliases = aliases;
	he.h_addrtype = AF_INET;
	he.h_length = sizeof(addr);
	he.h_addr_list = addr_list;
	return &he;
}

const char *hstrerror(int err)
{
	switch (err) {
	case HOST_NOT_FOUND:
		return "Unknown host";
	case TRY_AGAIN:
		return "Host name lookup failure";
	case NO_RECOVERY:
		return "Unknown server error";
	case NO_DATA:
		return "No address associated with name";
	}
	return "Unknown resolver error";
}

/* Port number (host order) of a numeric or known service, or -1. */
static int lookup_service(const char *name, int numeric_only)
{
	char *end;
	unsigned long v;
	size_t i;

	v = strtoul(name, &end, 10);
	if (*name && !*end)
		return v <= 65535 ? (int)v : -1;
	if (numeric_only)
		return -1;
	for (i = 0; i < sizeof(services) / sizeof(services[0]); i++)
		if (!strcmp(services[i].name, name))
			return services[i].port;
	return -1;
}

struct servent *getservbyname(const char *name, const char *proto)
{
	static struct servent se;
	static char sname[32], sproto[8];
	static char *aliases[1];
	int port = lookup_service(name, 0);

	if (port < 0)
		return NULL;
	snprintf(sname, sizeof(sname), "%s", name);
	snprintf(sproto, sizeof(sproto), "%s", proto ? proto : "tcp");
	se.s_name = sname;
	se.s_aliases = aliases;
	se.s_port = htons((uint16_t)port);
	se.s_proto = sproto;
	return &se;
}

struct ai_block {
	struct addrinfo ai;
	struct sockaddr_in sin;
};

int getaddrinfo(const char *restrict node, const char *restrict service, const struct addrinfo *restrict hints,
		struct addrinfo **restrict res)
{
	static const int types[] = { SOCK_STREAM, SOCK_DGRAM };
	struct addrinfo h = { 0 }, *head = NULL, **tail = &head;
	struct ai_block *b;
	struct in_addr addr;
	int port = 0, i;

	if (hints)
		h = *hints;
	if (!node && !service)
		return EAI_NONAME;
	if (h.ai_family != AF_UNSPEC && h.ai_family != AF_INET)
		return EAI_FAMILY;
	if (h.ai_socktype && h.ai_socktype != SOCK_STREAM && h.ai_socktype != SOCK_DGRAM &&
	    h.ai_socktype != SOCK_RAW)
		return EAI_SOCKTYPE;
	if (node) {
		if (h.ai_flags & AI_NUMERICHOST ? inet_pton(AF_INET, node, &addr) != 1 : !lookup_host(node, &addr))
			return EAI_NONAME;
	} else {
		addr.s_addr = htonl(h.ai_flags & AI_PASSIVE ? INADDR_ANY : INADDR_LOOPBACK);
	}
	if (service) {
		port = lookup_service(service, h.ai_flags & AI_NUMERICSERV);
		if (port < 0)
			return EAI_SERVICE;
	}
	for (i = 0; i < 2; i++) {
		if (h.ai_socktype && h.ai_socktype != types[i] && !(h.ai_socktype == SOCK_RAW && i == 0))
			continue;
		b = calloc(1, sizeof(*b));
		if (!b) {
			freeaddrinfo(head);
			return EAI_MEMORY;
		}
		b->sin.sin_family = AF_INET;
		b->sin.sin_port = htons((uint16_t)port);
		b->sin.sin_addr = addr;
		b->ai.ai_family = AF_INET;
		b->ai.ai_socktype = h.ai_socktype ? h.ai_socktype : types[i];
		b->ai.ai_protocol = h.ai_protocol ? h.ai_protocol :
				    b->ai.ai_socktype == SOCK_STREAM ? IPPROTO_TCP :
				    b->ai.ai_socktype == SOCK_DGRAM ? IPPROTO_UDP : 0;
		b->ai.ai_addrlen = sizeof(b->sin);
		b->ai.ai_addr = (struct sockaddr *)&b->sin;
		if ((h.ai_flags & AI_CANONNAME) && !head && node)
			b->ai.ai_canonname = strdup(node);
		*tail = &b->ai;
		tail = &b->ai.ai_next;
		if (h.ai_socktype)
			break;
	}
	*res = head;
	return 0;
}

void freeaddrinfo(struct addrinfo *res)
{
	struct addrinfo *next;

	for (; res; res = next) {
		next = res->ai_next;
		free(res->ai_canonname);
		free(res);	/* the addrinfo is the first member of its ai_block */
	}
}

const char *gai_strerror(int err)
{
	switch (err) {
	case 0:
		return "Success";
	case EAI_BADFLAGS:
		return "Bad value for ai_flags";
	case EAI_NONAME:
		return "Name or service not known";
	case EAI_AGAIN:
		return "Temporary failure in name resolution";
	case EAI_FAIL:
		return "Non-recoverable failure in name resolution";
	case EAI_FAMILY:
		return "ai_family not supported";
	case EAI_SOCKTYPE:
		return "ai_socktype not supported";
	case EAI_SERVICE:
		return "Servname not supported for ai_socktype";
	case EAI_MEMORY:
		return "Memory allocation failure";
	case EAI_SYSTEM:
		return "System error";
	case EAI_OVERFLOW:
		return "Argument buffer overflow";
	}
	return "Unknown error";
}

int getnameinfo(const struct sockaddr *restrict sa, socklen_t salen, char *restrict host, socklen_t hostlen,
		char *restrict serv, socklen_t servlen, int flags)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)sa;

	if (!sa || salen < sizeof(*sin) || sa->sa_family != AF_INET)
		return EAI_FAMILY;
	if (host && hostlen && !inet_ntop(AF_INET, &sin->sin_addr, host, hostlen))
		return EAI_OVERFLOW;
	if (serv && servlen && snprintf(serv, servlen, "%u", ntohs(sin->sin_port)) >= (int)servlen)
		return EAI_OVERFLOW;
	(void)flags;	/* everything is numeric here */
	return 0;
}
