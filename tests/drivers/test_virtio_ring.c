/*
 * Host tests of the split virtqueue (drivers/virtio/virtio_ring.c) against a fake device that
 * reads the available ring and writes the used ring through the addresses the driver published,
 * as a real device does (Virtio 1.0 spec 2.4). Covers the descriptor free list, chains, 16-bit
 * index wraparound, out-of-order completion, interrupt/notification suppression and a device
 * that returns a bad id.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>
#include <linux/errno.h>
#include "drivers_host.h"
#include "fake_vring.h"

#define QSZ	8

struct fake_device {
	struct fake_vring ring;
	unsigned int kicks;
	unsigned int callbacks;
};

static struct fake_device fdev;
static struct virtio_device vdev;

static bool fake_notify(struct virtqueue *vq)
{
	fdev.kicks++;
	return true;
}

static void fake_callback(struct virtqueue *vq)
{
	fdev.callbacks++;
}

static struct virtqueue *new_vq(unsigned int num)
{
	struct virtqueue *vq;

	memset(&fdev, 0, sizeof(fdev));
	memset(&vdev, 0, sizeof(vdev));
	INIT_LIST_HEAD(&vdev.vqs);
	vq = vring_create_virtqueue(0, num, VIRTIO_PCI_VRING_ALIGN, &vdev, fake_notify, fake_callback, "test");
	assert_non_null(vq);
	fake_vring_attach(&fdev.ring, vq);
	return vq;
}

static u16 dev_pop_avail(unsigned int *ndesc, void **first_buf)
{
	return fake_vring_pop(&fdev.ring, ndesc, first_buf);
}

static void dev_push_used(u16 head, u32 len)
{
	fake_vring_push(&fdev.ring, head, len);
}

static int add_out(struct virtqueue *vq, void *token, void *buf, unsigned int n)
{
	struct scatterlist sg[2];

	sg_init_table(sg, 2);
	sg_set_buf(&sg[0], buf, 10);
	sg_set_buf(&sg[1], (char *)buf + 10, 100);
	return virtqueue_add_outbuf(vq, sg, n, token, 0);
}

static void test_virtio_ring_add_kick_get(void **state)
{
	char bufs[3][200];
	struct virtqueue *vq = new_vq(QSZ);
	unsigned int len, ndesc, i;
	void *first;
	u16 head;

	for (i = 0; i < 3; i++)
		assert_int_equal(add_out(vq, bufs[i], bufs[i], 2), 0);
	assert_int_equal(vq->num_free, QSZ - 6);
	assert_null(virtqueue_get_buf(vq, &len));	/* nothing used yet */
	assert_true(virtqueue_kick(vq));
	assert_int_equal(fdev.kicks, 1);

	for (i = 0; i < 3; i++) {
		head = dev_pop_avail(&ndesc, &first);
		assert_int_equal(ndesc, 2);
		assert_ptr_equal(first, bufs[i]);
		assert_int_equal(fdev.ring.vr.desc[head].len, 10);
		assert_false(fdev.ring.vr.desc[head].flags & VRING_DESC_F_WRITE);
		dev_push_used(head, 0);
	}
	for (i = 0; i < 3; i++) {
		assert_ptr_equal(virtqueue_get_buf(vq, &len), bufs[i]);
		assert_int_equal(len, 0);
	}
	assert_null(virtqueue_get_buf(vq, &len));
	assert_int_equal(vq->num_free, QSZ);
	vring_del_virtqueue(vq);
	assert_int_equal(drivers_host_live_blocks(), 0);
}

static void test_virtio_ring_inbuf_is_device_writable(void **state)
{
	struct virtqueue *vq = new_vq(QSZ);
	struct scatterlist sg[1];
	char buf[64];
	unsigned int ndesc, len;
	void *first;
	u16 head;

	sg_init_one(sg, buf, sizeof(buf));
	assert_int_equal(virtqueue_add_inbuf(vq, sg, 1, buf, 0), 0);
	head = dev_pop_avail(&ndesc, &first);
	assert_int_equal(ndesc, 1);
	assert_true(fdev.ring.vr.desc[head].flags & VRING_DESC_F_WRITE);
	assert_int_equal(fdev.ring.vr.desc[head].len, sizeof(buf));
	dev_push_used(head, 42);
	assert_ptr_equal(virtqueue_get_buf(vq, &len), buf);
	assert_int_equal(len, 42);
	vring_del_virtqueue(vq);
	assert_int_equal(drivers_host_live_blocks(), 0);
}

static void test_virtio_ring_full_returns_enospc(void **state)
{
	struct virtqueue *vq = new_vq(QSZ);
	char buf[200];
	int tokens[QSZ], i;

	for (i = 0; i < QSZ / 2; i++)
		assert_int_equal(add_out(vq, &tokens[i], buf, 2), 0);
	assert_int_equal(vq->num_free, 0);
	assert_int_equal(add_out(vq, &tokens[0], buf, 1), -ENOSPC);
	vring_del_virtqueue(vq);
}

/*
 * 70000 rounds drive the free-running 16-bit avail/used indexes past 65535 several times;
 * completions come back in reverse order of submission, so the free list is reshuffled all the
 * time. Every token must come back exactly once with its own length.
 */
static void test_virtio_ring_wraparound_out_of_order(void **state)
{
	struct virtqueue *vq = new_vq(QSZ);
	char buf[200];
	int tokens[3];
	u16 heads[3];
	unsigned int round, k, ndesc, len;
	void *first;

	for (round = 0; round < 70000; round++) {
		for (k = 0; k < 3; k++)
			assert_int_equal(add_out(vq, &tokens[k], buf, 1 + (round + k) % 2), 0);
		virtqueue_kick(vq);
		for (k = 0; k < 3; k++) {
			heads[k] = dev_pop_avail(&ndesc, &first);
			assert_int_equal(ndesc, 1 + (round + k) % 2);
		}
		for (k = 3; k-- > 0; )
			dev_push_used(heads[k], 1000 + k);
		for (k = 3; k-- > 0; ) {
			assert_ptr_equal(virtqueue_get_buf(vq, &len), &tokens[k]);
			assert_int_equal(len, 1000 + k);
		}
		assert_int_equal(vq->num_free, QSZ);
	}
	/* The device's view of the indexes really wrapped. */
	assert_int_equal(fdev.ring.vr.avail->idx, (u16)(70000 * 3));
	vring_del_virtqueue(vq);
}

static void test_virtio_ring_bad_used_id_breaks_queue(void **state)
{
	struct virtqueue *vq = new_vq(QSZ);
	unsigned int len;
	char buf[200];

	assert_int_equal(add_out(vq, buf, buf, 1), 0);
	dev_push_used(QSZ + 3, 0);		/* not a descriptor index at all */
	assert_null(virtqueue_get_buf(vq, &len));
	assert_true(virtqueue_is_broken(vq));
	assert_int_equal(add_out(vq, buf, buf, 1), -EIO);
	vring_del_virtqueue(vq);

	vq = new_vq(QSZ);
	assert_int_equal(add_out(vq, buf, buf, 2), 0);
	dev_push_used(5, 0);			/* in range, but not a head we handed out */
	assert_null(virtqueue_get_buf(vq, &len));
	assert_true(virtqueue_is_broken(vq));
	vring_del_virtqueue(vq);
}

static void test_virtio_ring_callback_suppression(void **state)
{
	struct virtqueue *vq = new_vq(QSZ);
	unsigned int ndesc, len;
	char buf[200];
	void *first;

	assert_int_equal(vring_interrupt(0, vq), IRQ_NONE);	/* nothing used: not ours */
	virtqueue_disable_cb(vq);
	assert_true(fdev.ring.vr.avail->flags & VRING_AVAIL_F_NO_INTERRUPT);
	assert_true(virtqueue_enable_cb(vq));			/* nothing pending */
	assert_false(fdev.ring.vr.avail->flags & VRING_AVAIL_F_NO_INTERRUPT);

	assert_int_equal(add_out(vq, buf, buf, 1), 0);
	dev_push_used(dev_pop_avail(&ndesc, &first), 0);
	virtqueue_disable_cb(vq);
	assert_false(virtqueue_enable_cb(vq));			/* used meanwhile: caller must poll */
	assert_int_equal(vring_interrupt(0, vq), IRQ_HANDLED);
	assert_int_equal(fdev.callbacks, 1);
	assert_ptr_equal(virtqueue_get_buf(vq, &len), buf);
	vring_del_virtqueue(vq);
}

static void test_virtio_ring_kick_respects_no_notify(void **state)
{
	struct virtqueue *vq = new_vq(QSZ);
	char buf[200];

	assert_false(virtqueue_kick_prepare(vq));		/* nothing added */
	fdev.ring.vr.used->flags = VRING_USED_F_NO_NOTIFY;
	assert_int_equal(add_out(vq, buf, buf, 1), 0);
	assert_true(virtqueue_kick(vq));
	assert_int_equal(fdev.kicks, 0);
	fdev.ring.vr.used->flags = 0;
	assert_int_equal(add_out(vq, buf + 1, buf, 1), 0);
	assert_true(virtqueue_kick(vq));
	assert_int_equal(fdev.kicks, 1);
	vring_del_virtqueue(vq);
}

static void test_virtio_ring_detach_unused(void **state)
{
	struct virtqueue *vq = new_vq(QSZ);
	char buf[200];
	int tokens[3], seen = 0, k;
	void *t;

	for (k = 0; k < 3; k++)
		assert_int_equal(add_out(vq, &tokens[k], buf, 2), 0);
	while ((t = virtqueue_detach_unused_buf(vq)) != NULL) {
		assert_true(t == &tokens[0] || t == &tokens[1] || t == &tokens[2]);
		seen++;
	}
	assert_int_equal(seen, 3);
	assert_int_equal(vq->num_free, QSZ);
	vring_del_virtqueue(vq);
	assert_int_equal(drivers_host_live_blocks(), 0);
}

/* Legacy devices find the used ring from the queue address alone (spec 2.4.2). */
static void test_virtio_ring_legacy_layout(void **state)
{
	struct virtqueue *vq = new_vq(256);
	dma_addr_t desc = virtqueue_get_desc_addr(vq);

	assert_int_equal(desc % 4096, 0);
	assert_int_equal(virtqueue_get_avail_addr(vq) - desc, 256 * 16);
	assert_int_equal(virtqueue_get_used_addr(vq) - desc, 8192);	/* 4096 + 518 rounded up */
	assert_int_equal(vring_size(256, 4096), 8192 + 6 + 8 * 256);
	assert_int_equal(virtqueue_get_vring_size(vq), 256);
	vring_del_virtqueue(vq);
	assert_null(vring_create_virtqueue(0, 6, 4096, &vdev, fake_notify, NULL, "bad"));
	assert_int_equal(drivers_host_live_blocks(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_virtio_ring_add_kick_get),
		cmocka_unit_test(test_virtio_ring_inbuf_is_device_writable),
		cmocka_unit_test(test_virtio_ring_full_returns_enospc),
		cmocka_unit_test(test_virtio_ring_wraparound_out_of_order),
		cmocka_unit_test(test_virtio_ring_bad_used_id_breaks_queue),
		cmocka_unit_test(test_virtio_ring_callback_suppression),
		cmocka_unit_test(test_virtio_ring_kick_respects_no_notify),
		cmocka_unit_test(test_virtio_ring_detach_unused),
		cmocka_unit_test(test_virtio_ring_legacy_layout),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
