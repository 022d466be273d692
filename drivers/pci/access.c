/*
 * PCI configuration space access through configuration mechanism #1 (PCI Local Bus
 * Specification 3.0, 3.2.2.3.2): write the address of a dword (enable bit, bus, device, function,
 * register) to port 0xCF8, then read or write the data at port 0xCFC (+0..3 for smaller sizes).
 * Everything else in drivers/pci reaches config space through the functions here.
 */
#include <linux/pci.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <asm/io.h>

#define PCI_CONF1_ADDRESS	0xcf8
#define PCI_CONF1_DATA		0xcfc
#define PCI_CONF1_ENABLE	0x80000000U

/* The address/data pair is two port accesses: an interrupt in between must not reuse the port. */
static DEFINE_SPINLOCK(pci_config_lock);

static u32 pci_conf1_address(unsigned int bus, unsigned int devfn, int where)
{
	return PCI_CONF1_ENABLE | (bus << 16) | (devfn << 8) | (where & 0xfc);
}

/* Naturally aligned accesses inside the 256-byte header only. */
static bool pci_conf1_valid(unsigned int devfn, int where, int size)
{
	return devfn < 256 && where >= 0 && where + size <= PCI_CFG_SPACE_SIZE && !(where & (size - 1));
}

static int pci_conf1_read(unsigned int bus, unsigned int devfn, int where, int size, u32 *value)
{
	unsigned long flags;

	if (bus > 255 || !pci_conf1_valid(devfn, where, size)) {
		*value = ~0U;
		return -EINVAL;
	}
	spin_lock_irqsave(&pci_config_lock, flags);
	outl(pci_conf1_address(bus, devfn, where), PCI_CONF1_ADDRESS);
	switch (size) {
	case 1:
		*value = inb(PCI_CONF1_DATA + (where & 3));
		break;
	case 2:
		*value = inw(PCI_CONF1_DATA + (where & 2));
		break;
	default:
		*value = inl(PCI_CONF1_DATA);
		break;
	}
	spin_unlock_irqrestore(&pci_config_lock, flags);
	return 0;
}

static int pci_conf1_write(unsigned int bus, unsigned int devfn, int where, int size, u32 value)
{
	unsigned long flags;

	if (bus > 255 || !pci_conf1_valid(devfn, where, size))
		return -EINVAL;
	spin_lock_irqsave(&pci_config_lock, flags);
	outl(pci_conf1_address(bus, devfn, where), PCI_CONF1_ADDRESS);
	switch (size) {
	case 1:
		outb(value, PCI_CONF1_DATA + (where & 3));
		break;
	case 2:
		outw(value, PCI_CONF1_DATA + (where & 2));
		break;
	default:
		outl(value, PCI_CONF1_DATA);
		break;
	}
	spin_unlock_irqrestore(&pci_config_lock, flags);
	return 0;
}

int pci_bus_read_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 *val)
{
	u32 v;
	int err = pci_conf1_read(bus->number, devfn, where, 1, &v);

	*val = v;
	return err;
}

int pci_bus_read_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 *val)
{
	u32 v;
	int err = pci_conf1_read(bus->number, devfn, where, 2, &v);

	*val = v;
	return err;
}

int pci_bus_read_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 *val)
{
	return pci_conf1_read(bus->number, devfn, where, 4, val);
}

int pci_bus_write_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 val)
{
	return pci_conf1_write(bus->number, devfn, where, 1, val);
}

int pci_bus_write_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 val)
{
	return pci_conf1_write(bus->number, devfn, where, 2, val);
}

int pci_bus_write_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 val)
{
	return pci_conf1_write(bus->number, devfn, where, 4, val);
}
