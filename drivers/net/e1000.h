/*
 * Intel 82540EM (QEMU's -device e1000) registers and descriptors, from the PCI/PCI-X Family of
 * Gigabit Ethernet Controllers Software Developer's Manual (8254x), chapters 3 and 13.
 * Only the legacy descriptor formats and the registers drivers/net/e1000.c programs.
 */
#ifndef _E1000_H
#define _E1000_H

#include <linux/types.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <asm/io.h>

/* Registers (offsets into BAR0), manual table 13-2 */
#define E1000_CTRL	0x00000	/* device control */
#define E1000_STATUS	0x00008
#define E1000_EERD	0x00014	/* EEPROM read */
#define E1000_ICR	0x000C0	/* interrupt cause read: reading clears it */
#define E1000_ITR	0x000C4	/* interrupt throttling */
#define E1000_IMS	0x000D0	/* interrupt mask set (enable) */
#define E1000_IMC	0x000D8	/* interrupt mask clear (disable) */
#define E1000_RCTL	0x00100
#define E1000_TCTL	0x00400
#define E1000_TIPG	0x00410
#define E1000_RDBAL	0x02800
#define E1000_RDBAH	0x02804
#define E1000_RDLEN	0x02808
#define E1000_RDH	0x02810
#define E1000_RDT	0x02818
#define E1000_RDTR	0x02820	/* receive delay timer */
#define E1000_TDBAL	0x03800
#define E1000_TDBAH	0x03804
#define E1000_TDLEN	0x03808
#define E1000_TDH	0x03810
#define E1000_TDT	0x03818
#define E1000_MPC	0x04010	/* missed packets (no room in the RX ring), clears on read */
#define E1000_MTA	0x05200	/* multicast table: 128 32-bit words */
#define E1000_MTA_SIZE	128
#define E1000_RAL(n)	(0x05400 + 8 * (n))
#define E1000_RAH(n)	(0x05404 + 8 * (n))
#define E1000_RAH_AV	0x80000000	/* address valid */

/* CTRL */
#define E1000_CTRL_FD		0x00000001	/* full duplex */
#define E1000_CTRL_ASDE		0x00000020	/* auto speed detection */
#define E1000_CTRL_SLU		0x00000040	/* set link up */
#define E1000_CTRL_RST		0x04000000	/* global reset, self-clearing */

/* STATUS */
#define E1000_STATUS_FD		0x00000001
#define E1000_STATUS_LU		0x00000002	/* link up */
#define E1000_STATUS_SPEED_MASK	0x000000C0
#define E1000_STATUS_SPEED_100	0x00000040
#define E1000_STATUS_SPEED_1000	0x00000080

/*
 * EERD on the 82540EM: START in bit 0, word address from bit 8, DONE in bit 4, data in 31:16.
 * (Later MACs moved DONE to bit 1 and the address to bit 2; this one is the old layout.)
 */
#define E1000_EERD_START	0x00000001
#define E1000_EERD_DONE		0x00000010
#define E1000_EERD_ADDR_SHIFT	8
#define E1000_EERD_DATA_SHIFT	16

/* Interrupt causes, the same bits in ICR/IMS/IMC */
#define E1000_ICR_TXDW		0x00000001	/* a descriptor with RS was written back */
#define E1000_ICR_TXQE		0x00000002	/* TX queue empty */
#define E1000_ICR_LSC		0x00000004	/* link status change */
#define E1000_ICR_RXDMT0	0x00000010	/* RX ring below its minimum threshold */
#define E1000_ICR_RXO		0x00000040	/* RX overrun: frames lost */
#define E1000_ICR_RXT0		0x00000080	/* RX timer: frames written back */
#define E1000_IMS_ENABLE_MASK	(E1000_ICR_TXDW | E1000_ICR_LSC | E1000_ICR_RXDMT0 | \
				 E1000_ICR_RXO | E1000_ICR_RXT0)

/* RCTL */
#define E1000_RCTL_EN		0x00000002
#define E1000_RCTL_SBP		0x00000004	/* store bad packets */
#define E1000_RCTL_UPE		0x00000008	/* unicast promiscuous */
#define E1000_RCTL_MPE		0x00000010	/* multicast promiscuous */
#define E1000_RCTL_LPE		0x00000020	/* long packets */
#define E1000_RCTL_RDMTS_HALF	0x00000000	/* RXDMT0 when half the ring is free */
#define E1000_RCTL_BAM		0x00008000	/* accept broadcast */
#define E1000_RCTL_SZ_2048	0x00000000	/* buffer size, with BSEX clear */
#define E1000_RCTL_SECRC	0x04000000	/* strip the Ethernet CRC */

/* TCTL */
#define E1000_TCTL_EN		0x00000002
#define E1000_TCTL_PSP		0x00000008	/* pad short packets to 64 bytes */
#define E1000_TCTL_CT_SHIFT	4		/* collision threshold */
#define E1000_TCTL_COLD_SHIFT	12		/* collision distance */
#define E1000_COLLISION_THRESHOLD	0x0F
#define E1000_COLLISION_DISTANCE_FD	0x40

/* TIPG for copper 82540EM: IPGT 10, IPGR1 8, IPGR2 6 (manual 13.4.34) */
#define E1000_TIPG_DEFAULT	(10 | (8 << 10) | (6 << 20))

/* Legacy receive descriptor (manual 3.2.3) */
struct e1000_rx_desc {
	__le64 buffer_addr;
	__le16 length;		/* bytes written, CRC stripped with SECRC */
	__le16 csum;
	u8 status;
	u8 errors;
	__le16 special;
};

#define E1000_RXD_STAT_DD	0x01	/* descriptor done */
#define E1000_RXD_STAT_EOP	0x02	/* end of packet */
#define E1000_RXD_ERR_CE	0x01	/* CRC error */
#define E1000_RXD_ERR_SE	0x02	/* symbol error */
#define E1000_RXD_ERR_SEQ	0x04
#define E1000_RXD_ERR_CXE	0x10
#define E1000_RXD_ERR_RXE	0x80
#define E1000_RXD_ERR_FRAME_ERR_MASK \
	(E1000_RXD_ERR_CE | E1000_RXD_ERR_SE | E1000_RXD_ERR_SEQ | E1000_RXD_ERR_CXE | E1000_RXD_ERR_RXE)

/* Legacy transmit descriptor (manual 3.3.3) */
struct e1000_tx_desc {
	__le64 buffer_addr;
	__le16 length;
	u8 cso;
	u8 cmd;
	u8 status;
	u8 css;
	__le16 special;
};

#define E1000_TXD_CMD_EOP	0x01	/* end of packet */
#define E1000_TXD_CMD_IFCS	0x02	/* insert the Ethernet CRC */
#define E1000_TXD_CMD_RS	0x08	/* report status: write DD back */
#define E1000_TXD_STAT_DD	0x01

/* Ring sizes: 256 descriptors of 16 bytes = one page each; RDLEN/TDLEN must be multiples of 128. */
#define E1000_DEFAULT_RXD	256
#define E1000_DEFAULT_TXD	256
#define E1000_RXBUFFER_2048	2048
/* Longest frame one legacy TX descriptor may carry on the 8254x (manual 3.3.3). */
#define E1000_MAX_TX_FRAME	16288
/* Wake a stopped queue only when this many descriptors are free again (avoids stop/wake ping-pong). */
#define E1000_TX_WAKE_THRESHOLD	32

struct e1000_tx_buffer {
	struct sk_buff *skb;
	dma_addr_t dma;
	unsigned int length;
};

struct e1000_rx_buffer {
	struct sk_buff *skb;
	dma_addr_t dma;
};

struct e1000_tx_ring {
	struct e1000_tx_desc *desc;	/* DMA memory the NIC reads */
	dma_addr_t dma;
	unsigned int size;		/* bytes */
	unsigned int count;		/* descriptors */
	unsigned int next_to_use;	/* where e1000_xmit_frame puts the next frame (= TDT) */
	unsigned int next_to_clean;	/* oldest descriptor not yet reclaimed */
	struct e1000_tx_buffer *buffer_info;
};

struct e1000_rx_ring {
	struct e1000_rx_desc *desc;
	dma_addr_t dma;
	unsigned int size;
	unsigned int count;
	unsigned int next_to_use;	/* next descriptor to give a fresh buffer (RDT follows it) */
	unsigned int next_to_clean;	/* next descriptor the NIC will complete */
	bool discarding;		/* inside a frame longer than one buffer: drop up to EOP */
	struct e1000_rx_buffer *buffer_info;
};

struct e1000_adapter {
	struct net_device *netdev;
	struct pci_dev *pdev;
	u8 __iomem *hw_addr;		/* BAR0 */
	struct napi_struct napi;
	struct e1000_tx_ring tx_ring;
	struct e1000_rx_ring rx_ring;
	unsigned int rx_buffer_len;
	bool link_check;		/* LSC seen: e1000_clean re-reads STATUS */
	unsigned long irq_count;
};

static inline u32 er32(struct e1000_adapter *adapter, u32 reg)
{
	return readl(adapter->hw_addr + reg);
}

static inline void ew32(struct e1000_adapter *adapter, u32 reg, u32 value)
{
	writel(value, adapter->hw_addr + reg);
}

/* Read back a harmless register so posted writes reach the device before we go on. */
static inline void e1000_write_flush(struct e1000_adapter *adapter)
{
	er32(adapter, E1000_STATUS);
}

#endif
