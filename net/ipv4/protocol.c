/* The IP protocol table (include/net/protocol.h): inet_protos[] indexed by the IP protocol number. */
#include <net/protocol.h>
#include <linux/errno.h>

const struct net_protocol *inet_protos[MAX_INET_PROTOS];

int inet_add_protocol(const struct net_protocol *prot, unsigned char protocol)
{
	if (inet_protos[protocol])
		return -1;
	inet_protos[protocol] = prot;
	return 0;
}

int inet_del_protocol(const struct net_protocol *prot, unsigned char protocol)
{
	if (inet_protos[protocol] != prot)
		return -1;
	inet_protos[protocol] = NULL;
	return 0;
}
