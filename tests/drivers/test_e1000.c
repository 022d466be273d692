/*
 * Host tests of the e1000 driver's rings (drivers/net/e1000.c) with the real net/ core of the
 * host build (build/host/libnet.a): the test plays the NIC. Its registers are plain memory, and
 * it "receives" by writing frames into the buffers the driver posted and setting DD/EOP, and
 * "sends" by setting DD on transmit descriptors. Checks ring filling and RDT/TDT, delivery to
 * netif_receive_skb, error and oversize frames counted and dropped, the NAPI budget, a full TX
 * ring stopping the queue (NETDEV_TX_BUSY, nothing dropped) and completions waking it, and the
 * interrupt handler's shared-line behaviour. e1000.c is included to reach its static functions.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "../../drivers/net/e1000.c"
#include "host.h"
#include "drivers_host.h"

/* ---- what the driver needs from PCI, IRQs, DMA and delays -------------------------------- */

static u32 fake_regs[0x20000 / 4];	/* BAR0 */
static bool irq_requested;

int pci_enable_device(struct pci_dev *dev) { return 0; }
void pci_disable_device(struct pci_dev *dev) { }
void pci_set_master(struct pci_dev *dev) { }
void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen) { return fake_regs; }
void pci_iounmap(struct pci_dev *dev, void __iomem *addr) { }
int pci_register_driver(struct pci_driver *drv) { return 0; }
void udelay(unsigned long usecs) { }
void mdelay(unsigned long msecs) { }

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev)
{
	irq_requested = true;
	return 0;
}

void free_irq(unsigned int irq, void *dev)
{
	irq_requested = false;
}

/* ---- fixture: an opened eth device on the fake NIC --------------------------------------- */

#define ETH_P_TEST	0x88b5	/* IEEE local experimental EtherType */

static struct pci_dev pdev;
static struct net_device *netdev;
static struct e1000_adapter *adapter;
static unsigned int delivered, delivered_len;

static u32 reg(u32 off)
{
	return fake_regs[off / 4];
}

static void set_reg(u32 off, u32 v)
{
	fake_regs[off / 4] = v;
}

static int test_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
		    struct net_device *orig_dev)
{
	delivered++;
	delivered_len = skb->len;
	assert_ptr_equal(dev, netdev);
	consume_skb(skb);
	return 0;
}

static struct packet_type test_packet_type = { .type = htons(ETH_P_TEST), .func = test_rcv };

static int setup(void **state)
{
	static const u8 mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

	host_net_setup();
	host_leak_mark();
	memset(fake_regs, 0, sizeof(fake_regs));
	set_reg(E1000_STATUS, E1000_STATUS_LU | E1000_STATUS_FD | E1000_STATUS_SPEED_1000);
	delivered = 0;
	netdev = alloc_etherdev(sizeof(struct e1000_adapter));
	assert_non_null(netdev);
	adapter = netdev_priv(netdev);
	adapter->netdev = netdev;
	adapter->pdev = &pdev;
	adapter->hw_addr = (u8 __iomem *)fake_regs;
	netdev->netdev_ops = &e1000_netdev_ops;
	eth_hw_addr_set(netdev, mac);
	netif_napi_add(netdev, &adapter->napi, e1000_clean);
	assert_int_equal(register_netdev(netdev), 0);
	assert_int_equal(dev_open(netdev), 0);
	dev_add_pack(&test_packet_type);
	return 0;
}

static int teardown(void **state)
{
	dev_remove_pack(&test_packet_type);
	dev_close(netdev);
	assert_false(irq_requested);
	unregister_netdev(netdev);
	free_netdev(netdev);
	host_run_softirqs();
	assert_int_equal(drivers_host_dma_blocks(), 0);
	assert_int_equal(host_leak_count(), 0);
	return 0;
}

/* The NIC receives a frame into descriptor i: data into the posted buffer, then DD. */
static void nic_receive(unsigned int i, unsigned int len, u8 status, u8 errors)
{
	struct e1000_rx_desc *d = &adapter->rx_ring.desc[i];
	u8 *buf = phys_to_virt(d->buffer_addr);

	memset(buf, 0, len);
	memcpy(buf, netdev->dev_addr, ETH_ALEN);
	buf[12] = ETH_P_TEST >> 8;
	buf[13] = ETH_P_TEST & 0xff;
	d->length = len;
	d->errors = errors;
	d->status = status;
}

static struct sk_buff *test_frame(unsigned int len)
{
	struct sk_buff *skb = alloc_skb(len, GFP_KERNEL);

	assert_non_null(skb);
	memset(skb_put(skb, len), 0xab, len);
	skb->dev = netdev;
	return skb;
}

/* ---- tests ------------------------------------------------------------------------------- */

static void test_e1000_open_posts_every_rx_buffer(void **state)
{
	unsigned int i;

	assert_true(irq_requested);
	assert_true(netif_carrier_ok(netdev));
	assert_true(reg(E1000_RCTL) & E1000_RCTL_EN);
	assert_true(reg(E1000_RCTL) & E1000_RCTL_BAM);
	assert_true(reg(E1000_TCTL) & E1000_TCTL_EN);
	assert_int_equal(reg(E1000_RDLEN), E1000_DEFAULT_RXD * 16);
	/* All but one descriptor belong to the NIC: RDT is the last one filled. */
	assert_int_equal(reg(E1000_RDT), E1000_DEFAULT_RXD - 1);
	for (i = 0; i < E1000_DEFAULT_RXD - 1; i++)
		assert_non_null(adapter->rx_ring.buffer_info[i].skb);
	assert_int_equal(reg(E1000_IMS), E1000_IMS_ENABLE_MASK);
}

static void test_e1000_rx_frames_reach_netif_receive_skb(void **state)
{
	unsigned int i;

	for (i = 0; i < 3; i++)
		nic_receive(i, 60 + i, E1000_RXD_STAT_DD | E1000_RXD_STAT_EOP, 0);
	assert_int_equal(e1000_clean(&adapter->napi, 64), 3);
	assert_int_equal(delivered, 3);
	assert_int_equal(delivered_len, 62 - ETH_HLEN);
	assert_int_equal(netdev->stats.rx_packets, 3);
	assert_int_equal(netdev->stats.rx_bytes, 60 + 61 + 62);
	/* The three descriptors got fresh buffers and went back to the NIC. */
	assert_int_equal(reg(E1000_RDT), 2);
	assert_int_equal(adapter->rx_ring.next_to_clean, 3);
	assert_int_equal(adapter->rx_ring.desc[0].status, 0);
}

static void test_e1000_rx_bad_frames_counted_and_dropped(void **state)
{
	nic_receive(0, 64, E1000_RXD_STAT_DD | E1000_RXD_STAT_EOP, E1000_RXD_ERR_CE);
	/* A frame over two buffers (no EOP on the first): dropped whole. */
	nic_receive(1, 2048, E1000_RXD_STAT_DD, 0);
	nic_receive(2, 100, E1000_RXD_STAT_DD | E1000_RXD_STAT_EOP, 0);
	nic_receive(3, 10, E1000_RXD_STAT_DD | E1000_RXD_STAT_EOP, 0);	/* runt */
	nic_receive(4, 60, E1000_RXD_STAT_DD | E1000_RXD_STAT_EOP, 0);	/* a good one */
	assert_int_equal(e1000_clean(&adapter->napi, 64), 5);
	assert_int_equal(delivered, 1);
	assert_int_equal(netdev->stats.rx_packets, 1);
	assert_int_equal(netdev->stats.rx_crc_errors, 1);
	assert_int_equal(netdev->stats.rx_length_errors, 2);
	assert_int_equal(netdev->stats.rx_errors, 4);
	assert_false(adapter->rx_ring.discarding);
	/* Dropped frames' buffers are reused: every descriptor still has one. */
	assert_non_null(adapter->rx_ring.buffer_info[0].skb);
	assert_int_equal(reg(E1000_RDT), 4);
}

static void test_e1000_rx_napi_budget(void **state)
{
	unsigned int i;

	for (i = 0; i < 100; i++)
		nic_receive(i, 60, E1000_RXD_STAT_DD | E1000_RXD_STAT_EOP, 0);
	set_reg(E1000_IMS, 0);
	assert_int_equal(e1000_clean(&adapter->napi, 64), 64);
	assert_int_equal(delivered, 64);
	assert_int_equal(reg(E1000_IMS), 0);		/* still polling: interrupts stay off */
	assert_int_equal(e1000_clean(&adapter->napi, 64), 36);
	assert_int_equal(delivered, 100);
}

static void test_e1000_rx_wraps_around_the_ring(void **state)
{
	unsigned int i, n;

	for (n = 0; n < 3 * E1000_DEFAULT_RXD; n += 50) {
		for (i = 0; i < 50; i++)
			nic_receive((n + i) % E1000_DEFAULT_RXD, 60, E1000_RXD_STAT_DD | E1000_RXD_STAT_EOP, 0);
		assert_int_equal(e1000_clean(&adapter->napi, 64), 50);
	}
	assert_int_equal(delivered, n);
	assert_int_equal(reg(E1000_RDT), (n + E1000_DEFAULT_RXD - 1) % E1000_DEFAULT_RXD);
}

static void test_e1000_tx_full_ring_stops_queue_and_completions_wake_it(void **state)
{
	unsigned int i, sent = 0;
	struct sk_buff *skb;

	/* 255 frames fit (one descriptor stays empty); the queue stops when the ring is full. */
	while (!netif_queue_stopped(netdev)) {
		assert_int_equal(e1000_xmit_frame(test_frame(60), netdev), NETDEV_TX_OK);
		sent++;
		assert_true(sent < E1000_DEFAULT_TXD);
	}
	assert_int_equal(sent, E1000_DEFAULT_TXD - 1);
	assert_int_equal(reg(E1000_TDT), E1000_DEFAULT_TXD - 1);
	assert_int_equal(adapter->tx_ring.desc[0].cmd,
			 E1000_TXD_CMD_EOP | E1000_TXD_CMD_IFCS | E1000_TXD_CMD_RS);

	/* One more is refused, not dropped: the caller keeps it. */
	skb = test_frame(60);
	assert_int_equal(e1000_xmit_frame(skb, netdev), NETDEV_TX_BUSY);
	assert_int_equal(netdev->stats.tx_dropped, 0);

	/* The NIC sends 10: not enough room yet to wake. */
	for (i = 0; i < 10; i++)
		adapter->tx_ring.desc[i].status = E1000_TXD_STAT_DD;
	e1000_clean(&adapter->napi, 64);
	assert_int_equal(netdev->stats.tx_packets, 10);
	assert_int_equal(netdev->stats.tx_bytes, 600);
	assert_true(netif_queue_stopped(netdev));
	/* 30 more: above the wake threshold. */
	for (; i < 40; i++)
		adapter->tx_ring.desc[i].status = E1000_TXD_STAT_DD;
	e1000_clean(&adapter->napi, 64);
	assert_false(netif_queue_stopped(netdev));
	assert_int_equal(e1000_xmit_frame(skb, netdev), NETDEV_TX_OK);
	/* TDT wrapped past the end of the ring. */
	assert_int_equal(reg(E1000_TDT), 0);
}

static void test_e1000_tx_bad_length_dropped_and_counted(void **state)
{
	assert_int_equal(e1000_xmit_frame(test_frame(E1000_MAX_TX_FRAME + 1), netdev), NETDEV_TX_OK);
	assert_int_equal(netdev->stats.tx_dropped, 1);
	assert_int_equal(reg(E1000_TDT), 0);
}

static void test_e1000_intr_shared_line_and_link_change(void **state)
{
	set_reg(E1000_ICR, 0);
	assert_int_equal(e1000_intr(11, netdev), IRQ_NONE);	/* another device's interrupt */

	set_reg(E1000_ICR, E1000_ICR_LSC | E1000_ICR_RXT0);
	set_reg(E1000_STATUS, 0);				/* link went down */
	assert_int_equal(e1000_intr(11, netdev), IRQ_HANDLED);
	assert_int_equal(reg(E1000_IMC), ~0U);			/* masked until NAPI is done */
	host_run_softirqs();					/* net_rx_action -> e1000_clean */
	assert_false(netif_carrier_ok(netdev));

	set_reg(E1000_ICR, E1000_ICR_LSC);
	set_reg(E1000_STATUS, E1000_STATUS_LU | E1000_STATUS_FD | E1000_STATUS_SPEED_1000);
	set_reg(E1000_IMS, 0);
	assert_int_equal(e1000_intr(11, netdev), IRQ_HANDLED);
	host_run_softirqs();
	assert_true(netif_carrier_ok(netdev));
	assert_int_equal(reg(E1000_IMS), E1000_IMS_ENABLE_MASK);	/* NAPI done: unmasked */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_e1000_open_posts_every_rx_buffer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_e1000_rx_frames_reach_netif_receive_skb, setup, teardown),
		cmocka_unit_test_setup_teardown(test_e1000_rx_bad_frames_counted_and_dropped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_e1000_rx_napi_budget, setup, teardown),
		cmocka_unit_test_setup_teardown(test_e1000_rx_wraps_around_the_ring, setup, teardown),
		cmocka_unit_test_setup_teardown(test_e1000_tx_full_ring_stops_queue_and_completions_wake_it,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_e1000_tx_bad_length_dropped_and_counted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_e1000_intr_shared_line_and_link_change, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
