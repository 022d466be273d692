/*
 * PCI enumeration at boot (subsys_initcall, before the drivers' device_initcalls): walk every
 * device/function of bus 0 and of the buses behind PCI-to-PCI bridges the firmware numbered,
 * read each function's header, size its BARs and put a struct pci_dev on pci_devices.
 * Drivers then claim devices through pci_register_driver (pci-driver.c).
 */
#include <linux/pci.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>

LIST_HEAD(pci_devices);
static LIST_HEAD(pci_root_buses);

static struct pci_bus *pci_alloc_bus(struct pci_bus *parent, struct pci_dev *bridge, unsigned char number)
{
	struct pci_bus *bus = kzalloc(sizeof(*bus), GFP_KERNEL);

	if (!bus)
		return NULL;
	INIT_LIST_HEAD(&bus->devices);
	INIT_LIST_HEAD(&bus->children);
	bus->parent = parent;
	bus->self = bridge;
	bus->number = number;
	list_add_tail(&bus->node, parent ? &parent->children : &pci_root_buses);
	return bus;
}

/*
 * Size one BAR the standard way (PCI 3.0, 6.2.5.1): write all ones, read back which address bits
 * the device lets us set, restore the old value. The lowest settable bit is the size. Decoding is
 * off meanwhile (caller) so the device never answers at the probe address. Returns the number of
 * BAR slots used: 2 for a 64-bit memory BAR, else 1.
 */
static int pci_read_base(struct pci_dev *dev, int bar, struct resource *res)
{
	int pos = PCI_BASE_ADDRESS_0 + bar * 4;
	u32 lo, lo_mask, hi = 0, hi_mask = 0;
	u64 base, mask;
	int slots = 1;

	pci_read_config_dword(dev, pos, &lo);
	pci_write_config_dword(dev, pos, ~0U);
	pci_read_config_dword(dev, pos, &lo_mask);
	pci_write_config_dword(dev, pos, lo);

	if (lo & PCI_BASE_ADDRESS_SPACE_IO) {
		base = lo & PCI_BASE_ADDRESS_IO_MASK;
		mask = lo_mask & PCI_BASE_ADDRESS_IO_MASK & 0xffff;
		res->flags = IORESOURCE_IO;
	} else {
		base = lo & PCI_BASE_ADDRESS_MEM_MASK;
		mask = lo_mask & PCI_BASE_ADDRESS_MEM_MASK;
		res->flags = IORESOURCE_MEM;
		if (lo & PCI_BASE_ADDRESS_MEM_PREFETCH)
			res->flags |= IORESOURCE_PREFETCH;
		if ((lo & PCI_BASE_ADDRESS_MEM_TYPE_MASK) == PCI_BASE_ADDRESS_MEM_TYPE_64 &&
		    bar + 1 < PCI_STD_NUM_BARS) {
			pci_read_config_dword(dev, pos + 4, &hi);
			pci_write_config_dword(dev, pos + 4, ~0U);
			pci_read_config_dword(dev, pos + 4, &hi_mask);
			pci_write_config_dword(dev, pos + 4, hi);
			base |= (u64)hi << 32;
			mask |= (u64)hi_mask << 32;
			res->flags |= IORESOURCE_MEM_64;
			slots = 2;
		}
	}
	if (!mask) {
		/* No settable address bits: the BAR is not implemented. */
		res->flags = 0;
		return slots;
	}
	res->start = base;
	res->end = base + (mask & -mask) - 1;
	return slots;
}

static void pci_read_bases(struct pci_dev *dev, int nr_bars)
{
	u16 cmd;
	int bar;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	if (cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY))
		pci_write_config_word(dev, PCI_COMMAND, cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (bar = 0; bar < nr_bars; )
		bar += pci_read_base(dev, bar, &dev->resource[bar]);
	if (cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY))
		pci_write_config_word(dev, PCI_COMMAND, cmd);
}

static struct pci_dev *pci_scan_device(struct pci_bus *bus, unsigned int devfn)
{
	struct pci_dev *dev;
	u32 class_rev;
	u16 vendor;
	u8 line;

	if (pci_bus_read_config_word(bus, devfn, PCI_VENDOR_ID, &vendor) || vendor == 0xffff ||
	    vendor == 0x0000)
		return NULL;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return NULL;
	dev->bus = bus;
	dev->devfn = devfn;
	dev->vendor = vendor;
	snprintf(dev->name, sizeof(dev->name), "0000:%02x:%02x.%u", bus->number, PCI_SLOT(devfn),
		 PCI_FUNC(devfn));
	dev->dev.init_name = dev->name;
	dev->dev.parent = bus->self ? &bus->self->dev : NULL;

	pci_read_config_word(dev, PCI_DEVICE_ID, &dev->device);
	pci_read_config_dword(dev, PCI_CLASS_REVISION, &class_rev);
	dev->class = class_rev >> 8;
	dev->revision = class_rev & 0xff;
	pci_read_config_byte(dev, PCI_HEADER_TYPE, &dev->hdr_type);
	pci_read_config_byte(dev, PCI_INTERRUPT_PIN, &dev->pin);
	pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &line);
	/* The firmware (SeaBIOS) wrote the legacy IRQ it routed INTx to; 0xff = not connected. */
	dev->irq = (dev->pin && line != 0xff) ? line : 0;

	switch (dev->hdr_type & PCI_HEADER_TYPE_MASK) {
	case PCI_HEADER_TYPE_NORMAL:
		pci_read_config_word(dev, PCI_SUBSYSTEM_VENDOR_ID, &dev->subsystem_vendor);
		pci_read_config_word(dev, PCI_SUBSYSTEM_ID, &dev->subsystem_device);
		pci_read_bases(dev, PCI_STD_NUM_BARS);
		break;
	case PCI_HEADER_TYPE_BRIDGE:
		pci_read_bases(dev, 2);
		break;
	default:	/* CardBus or unknown: identify it, touch nothing else */
		break;
	}

	list_add_tail(&dev->bus_list, &bus->devices);
	list_add_tail(&dev->global_list, &pci_devices);
	return dev;
}

static void pci_scan_bus(struct pci_bus *bus, int depth);

/* Follow a PCI-to-PCI bridge to the bus number the firmware gave its secondary side. */
static void pci_scan_bridge(struct pci_bus *bus, struct pci_dev *dev, int depth)
{
	struct pci_bus *child;
	u8 secondary;

	pci_read_config_byte(dev, PCI_SECONDARY_BUS, &secondary);
	/* An unconfigured bridge (0) or a loop (not above us) is skipped, not renumbered. */
	if (secondary <= bus->number || depth >= 8)
		return;
	child = pci_alloc_bus(bus, dev, secondary);
	if (!child)
		return;
	dev->subordinate = child;
	pci_scan_bus(child, depth + 1);
}

static void pci_scan_bus(struct pci_bus *bus, int depth)
{
	unsigned int slot, fn;
	struct pci_dev *dev;

	for (slot = 0; slot < 32; slot++) {
		for (fn = 0; fn < 8; fn++) {
			dev = pci_scan_device(bus, PCI_DEVFN(slot, fn));
			if (!dev) {
				if (fn == 0)
					break;	/* no function 0: nothing in this slot */
				continue;
			}
			if ((dev->hdr_type & PCI_HEADER_TYPE_MASK) == PCI_HEADER_TYPE_BRIDGE)
				pci_scan_bridge(bus, dev, depth);
			if (fn == 0 && !(dev->hdr_type & PCI_HEADER_TYPE_MFD))
				break;
		}
	}
}

static void pci_print_bases(struct pci_dev *dev)
{
	struct resource *res;
	int bar;

	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++) {
		res = &dev->resource[bar];
		if (!res->flags)
			continue;
		pr_info("pci %s: BAR %d: [%s %#llx-%#llx%s%s]\n", pci_name(dev), bar,
			res->flags & IORESOURCE_IO ? "io" : "mem", (unsigned long long)res->start,
			(unsigned long long)res->end, res->flags & IORESOURCE_MEM_64 ? " 64bit" : "",
			res->flags & IORESOURCE_PREFETCH ? " pref" : "");
	}
}

static int __init pci_subsys_init(void)
{
	struct pci_bus *root = pci_alloc_bus(NULL, NULL, 0);
	struct pci_dev *dev;
	unsigned int n = 0;

	if (!root)
		return -ENOMEM;
	pci_scan_bus(root, 0);
	for_each_pci_dev(dev) {
		pr_info("pci %s: [%04x:%04x] type %02x class 0x%06x irq %u\n", pci_name(dev), dev->vendor,
			dev->device, dev->hdr_type & PCI_HEADER_TYPE_MASK, dev->class, dev->irq);
		pci_print_bases(dev);
		n++;
	}
	pr_info("PCI: %u devices found\n", n);
	return 0;
}
subsys_initcall(pci_subsys_init);
