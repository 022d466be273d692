/*
 * PCI configuration space layout (PCI Local Bus Specification 3.0, chapter 6): offsets of the
 * standard header fields, command/status bits, BAR encoding, capability IDs. Names as in Linux.
 */
#ifndef _LINUX_PCI_REGS_H
#define _LINUX_PCI_REGS_H

#define PCI_CFG_SPACE_SIZE	256

#define PCI_VENDOR_ID		0x00	/* 16 bits; 0xffff when no device answers */
#define PCI_DEVICE_ID		0x02
#define PCI_COMMAND		0x04
#define  PCI_COMMAND_IO		0x1	/* decode port I/O BARs */
#define  PCI_COMMAND_MEMORY	0x2	/* decode memory BARs */
#define  PCI_COMMAND_MASTER	0x4	/* may start DMA */
#define  PCI_COMMAND_INTX_DISABLE 0x400
#define PCI_STATUS		0x06
#define  PCI_STATUS_CAP_LIST	0x10	/* PCI_CAPABILITY_LIST is valid */
#define PCI_CLASS_REVISION	0x08	/* class << 8 | revision */
#define PCI_REVISION_ID		0x08
#define PCI_CLASS_PROG		0x09
#define PCI_CLASS_DEVICE	0x0a	/* base class << 8 | sub class */
#define PCI_CACHE_LINE_SIZE	0x0c
#define PCI_LATENCY_TIMER	0x0d
#define PCI_HEADER_TYPE		0x0e
#define  PCI_HEADER_TYPE_MASK	0x7f
#define  PCI_HEADER_TYPE_NORMAL	0
#define  PCI_HEADER_TYPE_BRIDGE	1
#define  PCI_HEADER_TYPE_MFD	0x80	/* multi-function device: probe functions 1-7 */

#define PCI_BASE_ADDRESS_0	0x10	/* six 32-bit BARs in a type 0 header, two in a bridge */
#define PCI_BASE_ADDRESS_SPACE_IO	0x01
#define PCI_BASE_ADDRESS_MEM_TYPE_MASK	0x06
#define  PCI_BASE_ADDRESS_MEM_TYPE_64	0x04
#define PCI_BASE_ADDRESS_MEM_PREFETCH	0x08
#define PCI_BASE_ADDRESS_MEM_MASK	(~0x0fUL)
#define PCI_BASE_ADDRESS_IO_MASK	(~0x03UL)

#define PCI_SUBSYSTEM_VENDOR_ID	0x2c
#define PCI_SUBSYSTEM_ID	0x2e
#define PCI_CAPABILITY_LIST	0x34	/* offset of the first capability */
#define PCI_INTERRUPT_LINE	0x3c	/* legacy IRQ number the firmware routed INTx to */
#define PCI_INTERRUPT_PIN	0x3d	/* 1-4 = INTA-INTD, 0 = none */

/* Type 1 (PCI-to-PCI bridge) header */
#define PCI_PRIMARY_BUS		0x18
#define PCI_SECONDARY_BUS	0x19
#define PCI_SUBORDINATE_BUS	0x1a

/* Capability list entries: ID byte, next-pointer byte, then capability data */
#define PCI_CAP_LIST_ID		0
#define PCI_CAP_LIST_NEXT	1
#define PCI_CAP_ID_PM		0x01
#define PCI_CAP_ID_MSI		0x05
#define PCI_CAP_ID_VNDR		0x09	/* vendor specific: virtio's structure locations */
#define PCI_CAP_ID_EXP		0x10
#define PCI_CAP_ID_MSIX		0x11

/* Class codes (base class << 8 | sub class) */
#define PCI_CLASS_STORAGE_IDE		0x0101
#define PCI_CLASS_NETWORK_ETHERNET	0x0200
#define PCI_CLASS_DISPLAY_VGA		0x0300
#define PCI_CLASS_BRIDGE_HOST		0x0600
#define PCI_CLASS_BRIDGE_ISA		0x0601
#define PCI_CLASS_BRIDGE_PCI		0x0604

#endif
