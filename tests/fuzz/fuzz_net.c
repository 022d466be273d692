/*
 * libFuzzer target over the receive path of the host build: Ethernet -> eth_type_trans ->
 * __netif_receive_skb_core -> arp_rcv | ip_rcv -> reassembly -> icmp_rcv / udp_rcv / tcp_v4_rcv,
 * including whatever they send back (ARP replies, ICMP errors, RSTs).
 *
 * The first input byte steers: bits 0-1 pick how the rest is framed (0: a whole Ethernet frame;
 * 1: an IPv4 packet, 2: an ARP packet, each behind an Ethernet header to our address; 3: an IPv4
 * packet whose header checksum is fixed so the fuzzer gets past ip_rcv's check), bit 7 advances
 * the virtual clock by 1 s afterwards so timers (ARP, reassembly, TCP) run too.
 */
#include <linux/string.h>
#include "host_inet.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

static struct net_device *dev;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	dev = host_inet_nic();
	host_learn_neigh(dev, PEER_IP, peer_mac);
	return 0;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static u8 frame_buf[ETH_HLEN + 65536 + 2] __aligned(8);
	u8 *frame = frame_buf + 2;
	unsigned int len;
	u8 mode;

	if (size < 1 || size > 65535)
		return 0;
	mode = data[0];
	data++;
	size--;
	if ((mode & 3) == 0) {
		memcpy(frame, data, size);
		len = size;
	} else {
		memcpy(frame, host_mac, ETH_ALEN);
		memcpy(frame + ETH_ALEN, peer_mac, ETH_ALEN);
		frame[12] = 0x08;	/* ETH_P_IP 0x0800 or ETH_P_ARP 0x0806 */
		frame[13] = (mode & 3) == 2 ? 0x06 : 0x00;
		memcpy(frame + ETH_HLEN, data, size);
		len = ETH_HLEN + size;
		if ((mode & 3) == 3 && size >= sizeof(struct iphdr)) {
			struct iphdr *iph = (struct iphdr *)(frame + ETH_HLEN);

			if (iph->ihl >= 5 && iph->ihl * 4u <= size)
				ip_send_check(iph);
		}
	}
	host_netdev_inject(dev, frame, len);
	host_run_softirqs();
	if (mode & 0x80)
		host_advance_time(1000);
	host_netdev_tx_purge(dev);
	return 0;
}
