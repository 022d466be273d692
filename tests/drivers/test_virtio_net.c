/*
 * Host tests of virtio_net (drivers/net/virtio_net.c) on the real split virtqueues
 * (drivers/virtio/virtio_ring.c) and net's host library, with the test as the device: it takes
 * the buffers the driver posts, fills or consumes them and returns them as used, then raises the
 * queue interrupt through vring_interrupt. Checks the MAC and header size from the negotiated
 * features, a full RX queue after open, delivery through skb_recv_done -> NAPI -> virtnet_poll
 * -> netif_receive_skb with refills, short frames counted, the TX header, a full TX queue
 * stopping the stack (NETDEV_TX_BUSY, nothing dropped), completions waking it, and link changes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "../../drivers/net/virtio_net.c"
#include "host.h"
#include "drivers_host.h"
#include "fake_vring.h"

#define ETH_P_TEST	0x88b5
#define QSIZE		256

/* ---- the fake device --------------------------------------------------------------------- */

static struct {
	struct virtio_device vdev;
	u8 status;
	struct virtio_net_config cfg;
	struct fake_vring rx, tx;
	unsigned int kicks[2];
} fv;

static bool fake_notify(struct virtqueue *vq)
{
	fv.kicks[vq->index]++;
	return true;
}

static void fake_get(struct virtio_device *vdev, unsigned int offset, void *buf, unsigned int len)
{
	assert_true(offset + len <= sizeof(fv.cfg));
	memcpy(buf, (u8 *)&fv.cfg + offset, len);
}

static u8 fake_get_status(struct virtio_device *vdev)
{
	return fv.status;
}

static void fake_set_status(struct virtio_device *vdev, u8 status)
{
	fv.status = status;
}

static void fake_reset(struct virtio_device *vdev)
{
	fv.status = 0;
}

static int fake_find_vqs(struct virtio_device *vdev, unsigned int nvqs, struct virtqueue *vqs[],
			 vq_callback_t *callbacks[], const char * const names[])
{
	unsigned int i;

	for (i = 0; i < nvqs; i++) {
		vqs[i] = vring_create_virtqueue(i, QSIZE, VIRTIO_PCI_VRING_ALIGN, vdev, fake_notify,
						callbacks[i], names[i]);
		assert_non_null(vqs[i]);
	}
	fake_vring_attach(&fv.rx, vqs[0]);
	fake_vring_attach(&fv.tx, vqs[1]);
	return 0;
}

static void fake_del_vqs(struct virtio_device *vdev)
{
	struct virtqueue *vq, *n;

	list_for_each_entry_safe(vq, n, &vdev->vqs, list)
		vring_del_virtqueue(vq);
}

/* The virtio bus (drivers/virtio/virtio.c) is not linked: the test calls virtnet_probe itself. */
int register_virtio_driver(struct virtio_driver *drv)
{
	return 0;
}

static const struct virtio_config_ops fake_config_ops = {
	.get		= fake_get,
	.get_status	= fake_get_status,
	.set_status	= fake_set_status,
	.reset		= fake_reset,
	.find_vqs	= fake_find_vqs,
	.del_vqs	= fake_del_vqs,
};

/* ---- fixture ----------------------------------------------------------------------------- */

static struct virtnet_info *vi;
static struct net_device *netdev;
static unsigned int delivered, delivered_len;

static int test_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
		    struct net_device *orig_dev)
{
	delivered++;
	delivered_len = skb->len;
	consume_skb(skb);
	return 0;
}

static struct packet_type test_packet_type = { .type = htons(ETH_P_TEST), .func = test_rcv };

static void bring_up(u64 features)
{
	static const u8 mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x57 };

	host_net_setup();
	host_leak_mark();
	memset(&fv, 0, sizeof(fv));
	memcpy(fv.cfg.mac, mac, ETH_ALEN);
	fv.cfg.status = VIRTIO_NET_S_LINK_UP;
	INIT_LIST_HEAD(&fv.vdev.vqs);
	fv.vdev.config = &fake_config_ops;
	fv.vdev.features = features;
	fv.status = VIRTIO_CONFIG_S_ACKNOWLEDGE | VIRTIO_CONFIG_S_DRIVER;
	delivered = 0;
	assert_int_equal(virtnet_probe(&fv.vdev), 0);
	vi = fv.vdev.priv;
	netdev = vi->dev;
	assert_int_equal(dev_open(netdev), 0);
	host_run_softirqs();
	dev_add_pack(&test_packet_type);
}

static int setup_modern(void **state)
{
	bring_up(1ULL << VIRTIO_F_VERSION_1 | 1ULL << VIRTIO_NET_F_MAC | 1ULL << VIRTIO_NET_F_STATUS);
	return 0;
}

static int setup_legacy(void **state)
{
	bring_up(1ULL << VIRTIO_NET_F_MAC | 1ULL << VIRTIO_NET_F_STATUS);
	return 0;
}

static int teardown(void **state)
{
	dev_remove_pack(&test_packet_type);
	dev_close(netdev);
	virtnet_remove(&fv.vdev);
	host_run_softirqs();
	assert_int_equal(drivers_host_dma_blocks(), 0);
	assert_int_equal(host_leak_count(), 0);
	return 0;
}

/* The device receives a frame of len bytes into the next posted buffer and interrupts. */
static void device_receive(unsigned int len)
{
	struct vring_desc *data;
	unsigned int n;
	void *hdr;
	u8 *buf;
	u16 head;

	head = fake_vring_pop(&fv.rx, &n, &hdr);
	assert_int_equal(n, 2);
	assert_int_equal(fv.rx.vr.desc[head].len, vi->hdr_len);
	assert_true(fv.rx.vr.desc[head].flags & VRING_DESC_F_WRITE);
	memset(hdr, 0, vi->hdr_len);
	data = fake_vring_next(&fv.rx, head);
	assert_true(data->flags & VRING_DESC_F_WRITE);
	assert_true(data->len >= ETH_FRAME_LEN);
	buf = (u8 *)(uintptr_t)data->addr;
	assert_ptr_equal(buf, (u8 *)hdr + vi->hdr_len);
	memcpy(buf, netdev->dev_addr, ETH_ALEN);
	memset(buf + ETH_ALEN, 0x11, ETH_ALEN);
	buf[12] = ETH_P_TEST >> 8;
	buf[13] = ETH_P_TEST & 0xff;
	fake_vring_push(&fv.rx, head, vi->hdr_len + len);
}

/*
 * The device interrupts: vring_interrupt runs as in hard-IRQ context, where softirqs wait (the
 * host shim would otherwise run NAPI inside the raise). *cb_off: whether the driver turned the
 * queue's callbacks off in its handler. The pending NET_RX softirq runs on the way out.
 */
static irqreturn_t device_interrupt(struct virtqueue *vq, bool *cb_off)
{
	struct fake_vring *f = vq == vi->rvq ? &fv.rx : &fv.tx;
	irqreturn_t ret;

	local_bh_disable();
	ret = vring_interrupt(0, vq);
	if (cb_off)
		*cb_off = f->vr.avail->flags & VRING_AVAIL_F_NO_INTERRUPT;
	local_bh_enable();
	return ret;
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

static void test_virtio_net_probe_and_open(void **state)
{
	assert_int_equal(vi->hdr_len, 12);
	assert_memory_equal(netdev->dev_addr, fv.cfg.mac, ETH_ALEN);
	assert_true(fv.status & VIRTIO_CONFIG_S_DRIVER_OK);
	assert_true(netif_carrier_ok(netdev));
	/* Every RX descriptor holds a buffer (2 per frame) and the device was told. */
	assert_int_equal(vi->rvq->num_free, 0);
	assert_int_equal(fv.rx.vr.avail->idx, QSIZE / 2);
	assert_true(fv.kicks[0] >= 1);
}

static void test_virtio_net_legacy_header_is_10_bytes(void **state)
{
	unsigned int n;
	void *hdr;
	u16 head;

	assert_int_equal(vi->hdr_len, 10);
	assert_int_equal(start_xmit(test_frame(60), netdev), NETDEV_TX_OK);
	head = fake_vring_pop(&fv.tx, &n, &hdr);
	assert_int_equal(n, 2);
	assert_int_equal(fv.tx.vr.desc[head].len, 10);
	device_receive(60);
	device_interrupt(vi->rvq, NULL);
	assert_int_equal(delivered, 1);
	assert_int_equal(delivered_len, 60 - ETH_HLEN);
	fake_vring_push(&fv.tx, head, 0);
}

static void test_virtio_net_rx_interrupt_napi_delivery_and_refill(void **state)
{
	unsigned int i;
	bool cb_off;

	for (i = 0; i < 5; i++)
		device_receive(60 + i);
	assert_int_equal(device_interrupt(vi->rvq, &cb_off), IRQ_HANDLED);	/* skb_recv_done */
	assert_true(cb_off);				/* callbacks off while NAPI is pending */
	assert_int_equal(delivered, 5);
	assert_int_equal(delivered_len, 64 - ETH_HLEN);
	assert_int_equal(netdev->stats.rx_packets, 5);
	assert_int_equal(netdev->stats.rx_bytes, 60 + 61 + 62 + 63 + 64);
	/* Refilled, and interrupts are back on. */
	assert_int_equal(vi->rvq->num_free, 0);
	assert_int_equal(fv.rx.vr.avail->idx, QSIZE / 2 + 5);
	assert_false(fv.rx.vr.avail->flags & VRING_AVAIL_F_NO_INTERRUPT);
	assert_int_equal(device_interrupt(vi->rvq, NULL), IRQ_NONE);	/* nothing new */
}

static void test_virtio_net_rx_budget_and_bad_lengths(void **state)
{
	unsigned int i;

	for (i = 0; i < 100; i++)
		device_receive(60);
	device_receive(ETH_HLEN - 1);					/* runt */
	device_interrupt(vi->rvq, NULL);	/* 64 + 37: NAPI is polled again after using its budget */
	assert_int_equal(delivered, 100);
	assert_int_equal(netdev->stats.rx_length_errors, 1);
	assert_int_equal(netdev->stats.rx_errors, 1);
	assert_int_equal(vi->rvq->num_free, 0);
}

static void test_virtio_net_tx_full_queue_stops_and_completion_wakes(void **state)
{
	unsigned int i, n, sent = 0;
	struct sk_buff *skb;
	u16 heads[QSIZE];
	void *hdr;

	while (!netif_queue_stopped(netdev)) {
		assert_int_equal(start_xmit(test_frame(100), netdev), NETDEV_TX_OK);
		sent++;
		assert_true(sent <= QSIZE / 2);
	}
	assert_int_equal(sent, QSIZE / 2);
	skb = test_frame(100);
	assert_int_equal(start_xmit(skb, netdev), NETDEV_TX_BUSY);	/* refused, not dropped */
	assert_int_equal(netdev->stats.tx_dropped, 0);

	for (i = 0; i < sent; i++) {
		heads[i] = fake_vring_pop(&fv.tx, &n, &hdr);
		assert_int_equal(n, 2);
		assert_memory_equal(hdr, "\0\0\0\0\0\0\0\0\0\0\0\0", 12);	/* no offloads */
		assert_int_equal(fake_vring_next(&fv.tx, heads[i])->len, 100);
	}
	for (i = 0; i < 10; i++)
		fake_vring_push(&fv.tx, heads[i], 0);
	assert_int_equal(device_interrupt(vi->svq, NULL), IRQ_HANDLED);	/* skb_xmit_done */
	assert_false(netif_queue_stopped(netdev));
	assert_int_equal(netdev->stats.tx_packets, 10);
	assert_int_equal(netdev->stats.tx_bytes, 1000);
	assert_int_equal(start_xmit(skb, netdev), NETDEV_TX_OK);
	/* The device sends the rest; every skb is freed (teardown checks for leaks). */
	for (; i < sent; i++)
		fake_vring_push(&fv.tx, heads[i], 0);
	heads[0] = fake_vring_pop(&fv.tx, &n, &hdr);
	fake_vring_push(&fv.tx, heads[0], 0);
	device_interrupt(vi->svq, NULL);
	assert_int_equal(netdev->stats.tx_packets, sent + 1);
	assert_int_equal(vi->svq->num_free, QSIZE);
}

static void test_virtio_net_link_change(void **state)
{
	fv.cfg.status = 0;
	virtnet_config_changed(&fv.vdev);
	host_run_softirqs();
	assert_false(netif_carrier_ok(netdev));
	fv.cfg.status = VIRTIO_NET_S_LINK_UP;
	virtnet_config_changed(&fv.vdev);
	host_run_softirqs();
	assert_true(netif_carrier_ok(netdev));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_virtio_net_probe_and_open, setup_modern, teardown),
		cmocka_unit_test_setup_teardown(test_virtio_net_legacy_header_is_10_bytes, setup_legacy, teardown),
		cmocka_unit_test_setup_teardown(test_virtio_net_rx_interrupt_napi_delivery_and_refill,
						setup_modern, teardown),
		cmocka_unit_test_setup_teardown(test_virtio_net_rx_budget_and_bad_lengths, setup_modern, teardown),
		cmocka_unit_test_setup_teardown(test_virtio_net_tx_full_queue_stops_and_completion_wakes,
						setup_modern, teardown),
		cmocka_unit_test_setup_teardown(test_virtio_net_link_change, setup_modern, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
