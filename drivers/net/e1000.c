/*
 * Intel 82540EM gigabit Ethernet (QEMU -device e1000, PCI 8086:100E), written for this kernel.
 * Transmit: dev_queue_xmit -> ... -> ndo_start_xmit = e1000_xmit_frame puts the frame on the TX
 * descriptor ring and bumps TDT. Receive: the NIC DMAs frames into RX ring buffers and raises
 * an interrupt; e1000_intr masks it and schedules NAPI; net_rx_action calls e1000_clean, which
 * reclaims sent frames (e1000_clean_tx_irq) and passes received ones up through
 * e1000_clean_rx_irq -> eth_type_trans -> netif_receive_skb, refilling the ring as it goes.
 */
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/byteorder.h>
#include <asm/barrier.h>
#include "e1000.h"

static const struct pci_device_id e1000_pci_tbl[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_INTEL, 0x100e) },	/* 82540EM, QEMU's default NIC */
	{ 0 }
};

/* ---- hardware setup ---------------------------------------------------------------------- */

/* Mask every interrupt cause and throw away causes already latched. */
static void e1000_irq_disable(struct e1000_adapter *adapter)
{
	ew32(adapter, E1000_IMC, ~0U);
	e1000_write_flush(adapter);
}

static void e1000_irq_enable(struct e1000_adapter *adapter)
{
	ew32(adapter, E1000_IMS, E1000_IMS_ENABLE_MASK);
	e1000_write_flush(adapter);
}

/* Global reset (manual 14.5): quiesce RX/TX first, then CTRL.RST, which clears itself. */
static int e1000_reset_hw(struct e1000_adapter *adapter)
{
	int i;

	e1000_irq_disable(adapter);
	ew32(adapter, E1000_RCTL, 0);
	ew32(adapter, E1000_TCTL, E1000_TCTL_PSP);
	e1000_write_flush(adapter);
	mdelay(10);	/* let DMA in flight finish */

	ew32(adapter, E1000_CTRL, er32(adapter, E1000_CTRL) | E1000_CTRL_RST);
	for (i = 0; i < 100; i++) {
		mdelay(1);
		if (!(er32(adapter, E1000_CTRL) & E1000_CTRL_RST))
			break;
	}
	if (i == 100)
		return -EIO;
	e1000_irq_disable(adapter);
	er32(adapter, E1000_ICR);
	return 0;
}

/* One 16-bit EEPROM word through EERD (82540EM layout: see e1000.h). */
static int e1000_read_eeprom(struct e1000_adapter *adapter, u16 offset, u16 *data)
{
	u32 eerd;
	int i;

	ew32(adapter, E1000_EERD, ((u32)offset << E1000_EERD_ADDR_SHIFT) | E1000_EERD_START);
	for (i = 0; i < 1000; i++) {
		eerd = er32(adapter, E1000_EERD);
		if (eerd & E1000_EERD_DONE) {
			*data = eerd >> E1000_EERD_DATA_SHIFT;
			return 0;
		}
		udelay(5);
	}
	return -ETIMEDOUT;
}

/* The MAC is EEPROM words 0-2, low byte first (manual 5.6.1). */
static int e1000_read_mac_addr(struct e1000_adapter *adapter, u8 *mac)
{
	u16 word;
	int i, err;

	for (i = 0; i < 3; i++) {
		err = e1000_read_eeprom(adapter, i, &word);
		if (err)
			return err;
		mac[2 * i] = word & 0xff;
		mac[2 * i + 1] = word >> 8;
	}
	return is_valid_ether_addr(mac) ? 0 : -EADDRNOTAVAIL;
}

/* Receive address 0 is the filter for our own unicast frames. */
static void e1000_rar_set(struct e1000_adapter *adapter, const u8 *addr)
{
	u32 ral = addr[0] | (addr[1] << 8) | (addr[2] << 16) | ((u32)addr[3] << 24);
	u32 rah = addr[4] | (addr[5] << 8) | E1000_RAH_AV;

	ew32(adapter, E1000_RAL(0), ral);
	ew32(adapter, E1000_RAH(0), rah);
}

static void e1000_check_link(struct e1000_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;
	u32 status = er32(adapter, E1000_STATUS);
	bool up = status & E1000_STATUS_LU;

	if (up == netif_carrier_ok(netdev))
		return;
	if (up) {
		pr_info("%s: e1000 NIC Link is Up %d Mbps %s Duplex\n", netdev->name,
			(status & E1000_STATUS_SPEED_MASK) == E1000_STATUS_SPEED_1000 ? 1000 :
			(status & E1000_STATUS_SPEED_MASK) == E1000_STATUS_SPEED_100 ? 100 : 10,
			status & E1000_STATUS_FD ? "Full" : "Half");
		netif_carrier_on(netdev);
	} else {
		pr_info("%s: e1000 NIC Link is Down\n", netdev->name);
		netif_carrier_off(netdev);
	}
}

/* Unicast always goes through RAR 0; broadcast always accepted; multicast as the flags say. */
static void e1000_set_rx_mode(struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	u32 rctl = er32(adapter, E1000_RCTL);

	rctl &= ~(E1000_RCTL_UPE | E1000_RCTL_MPE);
	if (netdev->flags & IFF_PROMISC)
		rctl |= E1000_RCTL_UPE | E1000_RCTL_MPE;
	else if (netdev->flags & IFF_ALLMULTI)
		rctl |= E1000_RCTL_MPE;
	ew32(adapter, E1000_RCTL, rctl);
}

/* ---- rings ------------------------------------------------------------------------------- */

static unsigned int e1000_desc_unused(unsigned int count, unsigned int next_to_use,
				      unsigned int next_to_clean)
{
	/* One slot always stays empty: head == tail must mean "empty" to the NIC. */
	if (next_to_clean > next_to_use)
		return next_to_clean - next_to_use - 1;
	return count + next_to_clean - next_to_use - 1;
}

static int e1000_setup_tx_resources(struct e1000_adapter *adapter)
{
	struct e1000_tx_ring *txdr = &adapter->tx_ring;
	struct device *dev = &adapter->pdev->dev;

	txdr->count = E1000_DEFAULT_TXD;
	txdr->size = txdr->count * sizeof(struct e1000_tx_desc);
	txdr->buffer_info = kcalloc(txdr->count, sizeof(*txdr->buffer_info), GFP_KERNEL);
	if (!txdr->buffer_info)
		return -ENOMEM;
	txdr->desc = dma_alloc_coherent(dev, txdr->size, &txdr->dma, GFP_KERNEL);
	if (!txdr->desc) {
		kfree(txdr->buffer_info);
		txdr->buffer_info = NULL;
		return -ENOMEM;
	}
	txdr->next_to_use = 0;
	txdr->next_to_clean = 0;
	return 0;
}

static int e1000_setup_rx_resources(struct e1000_adapter *adapter)
{
	struct e1000_rx_ring *rxdr = &adapter->rx_ring;
	struct device *dev = &adapter->pdev->dev;

	rxdr->count = E1000_DEFAULT_RXD;
	rxdr->size = rxdr->count * sizeof(struct e1000_rx_desc);
	rxdr->buffer_info = kcalloc(rxdr->count, sizeof(*rxdr->buffer_info), GFP_KERNEL);
	if (!rxdr->buffer_info)
		return -ENOMEM;
	rxdr->desc = dma_alloc_coherent(dev, rxdr->size, &rxdr->dma, GFP_KERNEL);
	if (!rxdr->desc) {
		kfree(rxdr->buffer_info);
		rxdr->buffer_info = NULL;
		return -ENOMEM;
	}
	rxdr->next_to_use = 0;
	rxdr->next_to_clean = 0;
	rxdr->discarding = false;
	return 0;
}

/* Give back every skb still on a ring (frames not yet sent, empty receive buffers). */
static void e1000_clean_tx_ring(struct e1000_adapter *adapter)
{
	struct e1000_tx_ring *txdr = &adapter->tx_ring;
	unsigned int i;

	for (i = 0; i < txdr->count; i++) {
		if (txdr->buffer_info[i].skb) {
			dev_kfree_skb_any(txdr->buffer_info[i].skb);
			txdr->buffer_info[i].skb = NULL;
		}
	}
}

static void e1000_clean_rx_ring(struct e1000_adapter *adapter)
{
	struct e1000_rx_ring *rxdr = &adapter->rx_ring;
	unsigned int i;

	for (i = 0; i < rxdr->count; i++) {
		if (rxdr->buffer_info[i].skb) {
			consume_skb(rxdr->buffer_info[i].skb);
			rxdr->buffer_info[i].skb = NULL;
		}
	}
}

static void e1000_free_tx_resources(struct e1000_adapter *adapter)
{
	struct e1000_tx_ring *txdr = &adapter->tx_ring;

	e1000_clean_tx_ring(adapter);
	dma_free_coherent(&adapter->pdev->dev, txdr->size, txdr->desc, txdr->dma);
	kfree(txdr->buffer_info);
	txdr->desc = NULL;
	txdr->buffer_info = NULL;
}

static void e1000_free_rx_resources(struct e1000_adapter *adapter)
{
	struct e1000_rx_ring *rxdr = &adapter->rx_ring;

	e1000_clean_rx_ring(adapter);
	dma_free_coherent(&adapter->pdev->dev, rxdr->size, rxdr->desc, rxdr->dma);
	kfree(rxdr->buffer_info);
	rxdr->desc = NULL;
	rxdr->buffer_info = NULL;
}

/* Program the TX ring and turn the transmitter on (manual 14.5 "Transmit Initialization"). */
static void e1000_configure_tx(struct e1000_adapter *adapter)
{
	struct e1000_tx_ring *txdr = &adapter->tx_ring;

	ew32(adapter, E1000_TDBAL, txdr->dma & 0xffffffffULL);
	ew32(adapter, E1000_TDBAH, txdr->dma >> 32);
	ew32(adapter, E1000_TDLEN, txdr->size);
	ew32(adapter, E1000_TDH, 0);
	ew32(adapter, E1000_TDT, 0);
	ew32(adapter, E1000_TIPG, E1000_TIPG_DEFAULT);
	ew32(adapter, E1000_TCTL, E1000_TCTL_EN | E1000_TCTL_PSP |
	     (E1000_COLLISION_THRESHOLD << E1000_TCTL_CT_SHIFT) |
	     (E1000_COLLISION_DISTANCE_FD << E1000_TCTL_COLD_SHIFT));
}

/*
 * Put fresh buffers on up to cleaned_count descriptors and move RDT behind the last one.
 * Stops early if memory runs out; the ring keeps working with fewer buffers.
 */
static void e1000_alloc_rx_buffers(struct e1000_adapter *adapter, struct e1000_rx_ring *rx_ring,
				   int cleaned_count)
{
	struct net_device *netdev = adapter->netdev;
	unsigned int i = rx_ring->next_to_use;
	struct e1000_rx_buffer *buffer_info;
	struct e1000_rx_desc *rx_desc;
	struct sk_buff *skb;

	while (cleaned_count-- > 0) {
		buffer_info = &rx_ring->buffer_info[i];
		if (!buffer_info->skb) {
			skb = netdev_alloc_skb(netdev, adapter->rx_buffer_len);
			if (!skb) {
				netdev->stats.rx_dropped++;
				break;
			}
			buffer_info->skb = skb;
			buffer_info->dma = virt_to_phys(skb->data);
		}
		rx_desc = &rx_ring->desc[i];
		rx_desc->buffer_addr = buffer_info->dma;
		rx_desc->status = 0;
		if (++i == rx_ring->count)
			i = 0;
	}
	if (rx_ring->next_to_use != i) {
		rx_ring->next_to_use = i;
		/* Descriptors must be in memory before the NIC learns it may use them. */
		wmb();
		/*
		 * RDT is "the location beyond the last descriptor hardware can process" (manual
		 * 13.4.30): the NIC owns [RDH, RDT), so it gets exactly the buffers just posted. One
		 * slot always stays empty (e1000_desc_unused), so RDT never catches up with RDH.
		 */
		ew32(adapter, E1000_RDT, i);
	}
}

/* Program the RX ring, fill it and turn the receiver on (manual 14.4). */
static void e1000_configure_rx(struct e1000_adapter *adapter)
{
	struct e1000_rx_ring *rxdr = &adapter->rx_ring;
	int i;

	adapter->rx_buffer_len = E1000_RXBUFFER_2048;
	ew32(adapter, E1000_RCTL, 0);
	for (i = 0; i < E1000_MTA_SIZE; i++)
		ew32(adapter, E1000_MTA + 4 * i, 0);
	ew32(adapter, E1000_RDBAL, rxdr->dma & 0xffffffffULL);
	ew32(adapter, E1000_RDBAH, rxdr->dma >> 32);
	ew32(adapter, E1000_RDLEN, rxdr->size);
	ew32(adapter, E1000_RDH, 0);
	ew32(adapter, E1000_RDT, 0);
	ew32(adapter, E1000_RDTR, 0);
	e1000_alloc_rx_buffers(adapter, rxdr, e1000_desc_unused(rxdr->count, rxdr->next_to_use,
								 rxdr->next_to_clean));
	/*
	 * QEMU's model holds incoming frames for about a second of guest time after an RCTL write
	 * (platform-facts.md): the first frame arrives ~1 s after this.
	 */
	ew32(adapter, E1000_RCTL, E1000_RCTL_EN | E1000_RCTL_BAM | E1000_RCTL_SECRC |
	     E1000_RCTL_SZ_2048 | E1000_RCTL_RDMTS_HALF);
	e1000_set_rx_mode(adapter->netdev);
}

/* ---- data path --------------------------------------------------------------------------- */

/*
 * Stop the queue when the ring has no free descriptor; a completion between our test and the
 * stop could otherwise leave the queue stopped forever, so look again after stopping.
 */
static void e1000_maybe_stop_tx(struct net_device *netdev, struct e1000_tx_ring *tx_ring)
{
	if (e1000_desc_unused(tx_ring->count, tx_ring->next_to_use, tx_ring->next_to_clean))
		return;
	netif_stop_queue(netdev);
	barrier();
	if (e1000_desc_unused(tx_ring->count, tx_ring->next_to_use, tx_ring->next_to_clean))
		netif_start_queue(netdev);
}

static noinline netdev_tx_t e1000_xmit_frame(struct sk_buff *skb, struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	struct e1000_tx_ring *tx_ring = &adapter->tx_ring;
	struct e1000_tx_buffer *buffer_info;
	struct e1000_tx_desc *tx_desc;
	unsigned int i;

	/* Linear skbs only; a frame the NIC cannot send (no data, or beyond one descriptor's
	 * 16-bit length) is dropped and counted, never put on the ring. */
	if (unlikely(skb->len == 0 || skb->len > E1000_MAX_TX_FRAME)) {
		netdev->stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	if (unlikely(!e1000_desc_unused(tx_ring->count, tx_ring->next_to_use, tx_ring->next_to_clean))) {
		/* The queue should have been stopped already: tell the core to hold on to the skb. */
		netif_stop_queue(netdev);
		return NETDEV_TX_BUSY;
	}

	i = tx_ring->next_to_use;
	buffer_info = &tx_ring->buffer_info[i];
	buffer_info->skb = skb;
	buffer_info->length = skb->len;
	buffer_info->dma = virt_to_phys(skb->data);

	tx_desc = &tx_ring->desc[i];
	tx_desc->buffer_addr = buffer_info->dma;
	tx_desc->length = skb->len;
	tx_desc->cso = 0;
	tx_desc->css = 0;
	tx_desc->special = 0;
	tx_desc->status = 0;
	tx_desc->cmd = E1000_TXD_CMD_EOP | E1000_TXD_CMD_IFCS | E1000_TXD_CMD_RS;

	net_debug(NET_DBG_DRIVER, "%s: tx %u bytes desc %u\n", netdev->name, skb->len,
		  tx_ring->next_to_use);
	if (++i == tx_ring->count)
		i = 0;
	tx_ring->next_to_use = i;
	/* The descriptor must be complete in memory before TDT hands it to the NIC. */
	wmb();
	ew32(adapter, E1000_TDT, i);

	e1000_maybe_stop_tx(netdev, tx_ring);
	return NETDEV_TX_OK;
}

/* Reclaim descriptors the NIC has sent (DD written back): count them, free their skbs. */
static noinline bool e1000_clean_tx_irq(struct e1000_adapter *adapter, struct e1000_tx_ring *tx_ring)
{
	struct net_device *netdev = adapter->netdev;
	unsigned int i = tx_ring->next_to_clean;
	struct e1000_tx_buffer *buffer_info;
	struct e1000_tx_desc *tx_desc;
	unsigned int cleaned = 0;

	while (i != tx_ring->next_to_use) {
		tx_desc = &tx_ring->desc[i];
		if (!(READ_ONCE(tx_desc->status) & E1000_TXD_STAT_DD))
			break;
		rmb();	/* read the rest of the descriptor after seeing DD */
		buffer_info = &tx_ring->buffer_info[i];
		netdev->stats.tx_packets++;
		netdev->stats.tx_bytes += buffer_info->length;
		consume_skb(buffer_info->skb);
		buffer_info->skb = NULL;
		tx_desc->status = 0;
		cleaned++;
		if (++i == tx_ring->count)
			i = 0;
	}
	tx_ring->next_to_clean = i;

	if (cleaned && netif_queue_stopped(netdev) &&
	    e1000_desc_unused(tx_ring->count, tx_ring->next_to_use, i) >= E1000_TX_WAKE_THRESHOLD)
		netif_wake_queue(netdev);
	return cleaned != 0;
}

/*
 * Hand received frames up, at most work_to_do of them: each completed descriptor's skb goes to
 * netif_receive_skb and the descriptor gets a new buffer. A frame is only passed up if a
 * replacement buffer could be allocated; otherwise it is dropped and its buffer reused, so the
 * ring never runs dry.
 */
static noinline bool e1000_clean_rx_irq(struct e1000_adapter *adapter, struct e1000_rx_ring *rx_ring,
					int *work_done, int work_to_do)
{
	struct net_device *netdev = adapter->netdev;
	unsigned int i = rx_ring->next_to_clean;
	struct e1000_rx_buffer *buffer_info;
	struct e1000_rx_desc *rx_desc;
	struct sk_buff *skb, *new_skb;
	int cleaned_count = 0;
	unsigned int length;
	u8 status, errors;
	bool cleaned = false;

	while (*work_done < work_to_do) {
		rx_desc = &rx_ring->desc[i];
		status = READ_ONCE(rx_desc->status);
		if (!(status & E1000_RXD_STAT_DD))
			break;
		rmb();	/* length and errors are valid once DD is seen */
		length = rx_desc->length;
		errors = rx_desc->errors;
		buffer_info = &rx_ring->buffer_info[i];
		skb = buffer_info->skb;
		(*work_done)++;
		cleaned = true;

		if (unlikely(!(status & E1000_RXD_STAT_EOP) || rx_ring->discarding)) {
			/* Part of a frame bigger than our 2048-byte buffers: drop all of it. */
			if (!rx_ring->discarding)
				netdev->stats.rx_length_errors++;
			rx_ring->discarding = !(status & E1000_RXD_STAT_EOP);
			netdev->stats.rx_errors++;
			goto next_desc;
		}
		if (unlikely(errors & E1000_RXD_ERR_FRAME_ERR_MASK)) {
			if (errors & E1000_RXD_ERR_CE)
				netdev->stats.rx_crc_errors++;
			else
				netdev->stats.rx_frame_errors++;
			netdev->stats.rx_errors++;
			goto next_desc;
		}
		if (unlikely(length < ETH_HLEN || length > adapter->rx_buffer_len)) {
			netdev->stats.rx_length_errors++;
			netdev->stats.rx_errors++;
			goto next_desc;
		}
		new_skb = netdev_alloc_skb(netdev, adapter->rx_buffer_len);
		if (unlikely(!new_skb)) {
			netdev->stats.rx_dropped++;
			goto next_desc;
		}
		buffer_info->skb = NULL;	/* refilled below with new_skb */
		skb_put(skb, length);
		netdev->stats.rx_packets++;
		netdev->stats.rx_bytes += length;
		skb->protocol = eth_type_trans(skb, netdev);
		if (skb->pkt_type == PACKET_MULTICAST)
			netdev->stats.multicast++;
		net_debug(NET_DBG_DRIVER, "%s: rx %u bytes proto %04x\n", netdev->name, length,
			  ntohs(skb->protocol));
		netif_receive_skb(skb);
		buffer_info->skb = new_skb;
		buffer_info->dma = virt_to_phys(new_skb->data);
next_desc:
		rx_desc->status = 0;
		cleaned_count++;
		if (++i == rx_ring->count)
			i = 0;
		/* Return buffers to the NIC in batches so it does not run dry during a long poll. */
		if (cleaned_count >= 16) {
			rx_ring->next_to_clean = i;
			e1000_alloc_rx_buffers(adapter, rx_ring, cleaned_count);
			cleaned_count = 0;
		}
	}
	rx_ring->next_to_clean = i;
	if (cleaned_count)
		e1000_alloc_rx_buffers(adapter, rx_ring, cleaned_count);
	return cleaned;
}

/* NAPI poll (net_rx_action): transmit completions, link changes, then up to budget frames. */
static noinline int e1000_clean(struct napi_struct *napi, int budget)
{
	struct e1000_adapter *adapter = container_of(napi, struct e1000_adapter, napi);
	int work_done = 0;

	if (adapter->link_check) {
		adapter->link_check = false;
		e1000_check_link(adapter);
	}
	e1000_clean_tx_irq(adapter, &adapter->tx_ring);
	e1000_clean_rx_irq(adapter, &adapter->rx_ring, &work_done, budget);

	/* Budget used up: stay scheduled, interrupts stay masked. */
	if (work_done == budget)
		return budget;
	if (napi_complete_done(napi, work_done))
		e1000_irq_enable(adapter);
	return work_done;
}

/*
 * Hard interrupt: read (and so clear) the causes, mask the NIC and leave the work to NAPI.
 * ICR reads 0 when the interrupt was another device's on a shared line.
 */
static noinline irqreturn_t e1000_intr(int irq, void *data)
{
	struct net_device *netdev = data;
	struct e1000_adapter *adapter = netdev_priv(netdev);
	u32 icr = er32(adapter, E1000_ICR);

	if (unlikely(!icr))
		return IRQ_NONE;
	adapter->irq_count++;
	if (icr & E1000_ICR_LSC)
		adapter->link_check = true;
	if (icr & E1000_ICR_RXO) {
		/* The ring was full: MPC (clear-on-read) counts the frames the NIC had to drop. */
		netdev->stats.rx_over_errors++;
		netdev->stats.rx_missed_errors += er32(adapter, E1000_MPC);
	}

	e1000_irq_disable(adapter);
	napi_schedule(&adapter->napi);
	return IRQ_HANDLED;
}

/* ---- net_device_ops ---------------------------------------------------------------------- */

static int e1000_open(struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	int err;

	netif_carrier_off(netdev);
	err = e1000_setup_tx_resources(adapter);
	if (err)
		goto err_setup_tx;
	err = e1000_setup_rx_resources(adapter);
	if (err)
		goto err_setup_rx;
	e1000_configure_tx(adapter);
	e1000_configure_rx(adapter);

	err = request_irq(adapter->pdev->irq, e1000_intr, IRQF_SHARED, netdev->name, netdev);
	if (err)
		goto err_req_irq;
	napi_enable(&adapter->napi);
	er32(adapter, E1000_ICR);
	e1000_irq_enable(adapter);
	netif_start_queue(netdev);
	e1000_check_link(adapter);
	return 0;

err_req_irq:
	ew32(adapter, E1000_RCTL, 0);
	ew32(adapter, E1000_TCTL, 0);
	e1000_free_rx_resources(adapter);
err_setup_rx:
	e1000_free_tx_resources(adapter);
err_setup_tx:
	return err;
}

static int e1000_close(struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	netif_stop_queue(netdev);
	e1000_irq_disable(adapter);
	napi_disable(&adapter->napi);
	free_irq(adapter->pdev->irq, netdev);
	/* Stop DMA before the rings go away. */
	ew32(adapter, E1000_RCTL, 0);
	ew32(adapter, E1000_TCTL, E1000_TCTL_PSP);
	e1000_write_flush(adapter);
	mdelay(1);
	e1000_free_tx_resources(adapter);
	e1000_free_rx_resources(adapter);
	netif_carrier_off(netdev);
	return 0;
}

static int e1000_set_mac(struct net_device *netdev, void *p)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	int err = eth_mac_addr(netdev, p);

	if (err)
		return err;
	e1000_rar_set(adapter, netdev->dev_addr);
	return 0;
}

static const struct net_device_ops e1000_netdev_ops = {
	.ndo_open		= e1000_open,
	.ndo_stop		= e1000_close,
	.ndo_start_xmit		= e1000_xmit_frame,
	.ndo_set_mac_address	= e1000_set_mac,
	.ndo_set_rx_mode	= e1000_set_rx_mode,
};

/* ---- PCI driver -------------------------------------------------------------------------- */

static int e1000_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct e1000_adapter *adapter;
	struct net_device *netdev;
	u8 mac[ETH_ALEN];
	char macstr[18];
	int err;

	err = pci_enable_device(pdev);
	if (err)
		return err;
	pci_set_master(pdev);

	err = -ENOMEM;
	netdev = alloc_etherdev(sizeof(struct e1000_adapter));
	if (!netdev)
		goto err_alloc_etherdev;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	pci_set_drvdata(pdev, netdev);
	adapter = netdev_priv(netdev);
	adapter->netdev = netdev;
	adapter->pdev = pdev;

	err = -EIO;
	adapter->hw_addr = pci_iomap(pdev, 0, 0);
	if (!adapter->hw_addr)
		goto err_ioremap;
	netdev->base_addr = pci_resource_start(pdev, 0);
	netdev->irq = pdev->irq;
	netdev->netdev_ops = &e1000_netdev_ops;

	err = e1000_reset_hw(adapter);
	if (err)
		goto err_reset;
	/* Full duplex, speed from autonegotiation, link up (manual 14.3). */
	ew32(adapter, E1000_CTRL, er32(adapter, E1000_CTRL) | E1000_CTRL_SLU | E1000_CTRL_ASDE);

	if (e1000_read_mac_addr(adapter, mac)) {
		eth_random_addr(mac);
		pr_warn("e1000 %s: invalid EEPROM MAC, using random %s\n", pci_name(pdev),
			eth_addr_str(macstr, mac));
	}
	eth_hw_addr_set(netdev, mac);
	memcpy(netdev->perm_addr, mac, ETH_ALEN);
	e1000_rar_set(adapter, mac);

	netif_napi_add(netdev, &adapter->napi, e1000_clean);
	netif_carrier_off(netdev);
	err = register_netdev(netdev);
	if (err)
		goto err_register;

	pr_info("e1000 %s: %s: (PCI:33MHz:32-bit) %s, irq %u\n", pci_name(pdev), netdev->name,
		eth_addr_str(macstr, netdev->dev_addr), pdev->irq);
	pr_info("e1000 %s: %s: Intel(R) PRO/1000 Network Connection\n", pci_name(pdev), netdev->name);
	return 0;

err_register:
	netif_napi_del(&adapter->napi);
err_reset:
	pci_iounmap(pdev, adapter->hw_addr);
err_ioremap:
	free_netdev(netdev);
	pci_set_drvdata(pdev, NULL);
err_alloc_etherdev:
	pci_disable_device(pdev);
	return err;
}

static void e1000_remove(struct pci_dev *pdev)
{
	struct net_device *netdev = pci_get_drvdata(pdev);
	struct e1000_adapter *adapter = netdev_priv(netdev);

	unregister_netdev(netdev);
	netif_napi_del(&adapter->napi);
	e1000_reset_hw(adapter);
	pci_iounmap(pdev, adapter->hw_addr);
	free_netdev(netdev);
	pci_disable_device(pdev);
}

static struct pci_driver e1000_driver = {
	.name		= "e1000",
	.id_table	= e1000_pci_tbl,
	.probe		= e1000_probe,
	.remove		= e1000_remove,
};

static int __init e1000_init_module(void)
{
	return pci_register_driver(&e1000_driver);
}
device_initcall(e1000_init_module);
