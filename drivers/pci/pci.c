/*
 * What a PCI driver does to its device in probe(): turn on address decoding
 * (pci_enable_device), allow DMA (pci_set_master), find capabilities (pci_find_capability, used
 * by virtio to locate its register blocks) and map memory BARs (pci_iomap).
 */
#include <linux/pci.h>
#include <linux/io.h>
#include <linux/kernel.h>

static void pci_update_command(struct pci_dev *dev, u16 set, u16 clear)
{
	u16 old, cmd;

	pci_read_config_word(dev, PCI_COMMAND, &old);
	cmd = (old & ~clear) | set;
	if (cmd != old)
		pci_write_config_word(dev, PCI_COMMAND, cmd);
}

/* Decode exactly the kinds of BARs the device has (port I/O, memory). Counted, like Linux. */
int pci_enable_device(struct pci_dev *dev)
{
	u16 set = 0;
	int bar;

	if (dev->enable_cnt++)
		return 0;
	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++) {
		if (dev->resource[bar].flags & IORESOURCE_IO)
			set |= PCI_COMMAND_IO;
		if (dev->resource[bar].flags & IORESOURCE_MEM)
			set |= PCI_COMMAND_MEMORY;
	}
	/* INTx is how our drivers are interrupted (no MSI here): make sure it is not masked. */
	pci_update_command(dev, set, PCI_COMMAND_INTX_DISABLE);
	return 0;
}

void pci_disable_device(struct pci_dev *dev)
{
	if (!dev->enable_cnt || --dev->enable_cnt)
		return;
	pci_update_command(dev, 0, PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
	dev->is_busmaster = false;
}

void pci_set_master(struct pci_dev *dev)
{
	pci_update_command(dev, PCI_COMMAND_MASTER, 0);
	dev->is_busmaster = true;
}

void pci_clear_master(struct pci_dev *dev)
{
	pci_update_command(dev, 0, PCI_COMMAND_MASTER);
	dev->is_busmaster = false;
}

/* At most this many entries: a broken list that points back into itself cannot hang the walk. */
#define PCI_FIND_CAP_TTL	48

u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap)
{
	int ttl = PCI_FIND_CAP_TTL;
	u8 id;

	pci_read_config_byte(dev, pos + PCI_CAP_LIST_NEXT, &pos);
	while (ttl--) {
		/* Capabilities live after the 64-byte standard header, dword aligned. */
		pos &= ~3;
		if (pos < 0x40)
			break;
		pci_read_config_byte(dev, pos + PCI_CAP_LIST_ID, &id);
		if (id == 0xff)
			break;
		if (id == cap)
			return pos;
		pci_read_config_byte(dev, pos + PCI_CAP_LIST_NEXT, &pos);
	}
	return 0;
}

u8 pci_find_capability(struct pci_dev *dev, int cap)
{
	u16 status;

	pci_read_config_word(dev, PCI_STATUS, &status);
	if (!(status & PCI_STATUS_CAP_LIST))
		return 0;
	/* PCI_CAPABILITY_LIST - PCI_CAP_LIST_NEXT: read the list head as if it were a "next" field. */
	return pci_find_next_capability(dev, PCI_CAPABILITY_LIST - PCI_CAP_LIST_NEXT, cap);
}

void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	resource_size_t len;

	if (bar < 0 || bar >= PCI_STD_NUM_BARS || !(pci_resource_flags(dev, bar) & IORESOURCE_MEM))
		return NULL;
	len = pci_resource_len(dev, bar);
	if (maxlen && maxlen < len)
		len = maxlen;
	return ioremap(pci_resource_start(dev, bar), len);
}

void pci_iounmap(struct pci_dev *dev, void __iomem *addr)
{
	iounmap(addr);
}
