/*
 * /proc/bus/pci/devices (Linux's format: one line per function with bus+devfn, vendor+device,
 * IRQ, the BAR addresses with their type bits, the BAR sizes, the bound driver) and /proc/pci,
 * a simpler line per function that userland/lspci.c reads:
 *   "00:03.0 020000 8086:100e 03 11 e1000"  (address, class, vendor:device, revision, IRQ, driver or -)
 */
#include <linux/pci.h>
#include <linux/init.h>
#include <linux/proc_fs.h>

/* The low bits of a BAR as the device reports them: I/O bit, 64-bit type, prefetchable. */
static unsigned long pci_bar_type_bits(const struct resource *res)
{
	unsigned long bits = 0;

	if (res->flags & IORESOURCE_IO)
		bits |= PCI_BASE_ADDRESS_SPACE_IO;
	if (res->flags & IORESOURCE_MEM_64)
		bits |= PCI_BASE_ADDRESS_MEM_TYPE_64;
	if (res->flags & IORESOURCE_PREFETCH)
		bits |= PCI_BASE_ADDRESS_MEM_PREFETCH;
	return bits;
}

static int pci_devices_show(struct seq_file *m, void *v)
{
	const struct resource *res;
	struct pci_dev *dev;
	int i;

	for_each_pci_dev(dev) {
		seq_printf(m, "%02x%02x\t%04x%04x\t%x", dev->bus->number, dev->devfn, dev->vendor,
			   dev->device, dev->irq);
		for (i = 0; i < PCI_NUM_RESOURCES; i++) {
			res = &dev->resource[i];
			seq_printf(m, "\t%16llx", (unsigned long long)(res->start | pci_bar_type_bits(res)));
		}
		for (i = 0; i < PCI_NUM_RESOURCES; i++) {
			res = &dev->resource[i];
			seq_printf(m, "\t%16llx", res->flags ? (unsigned long long)resource_size(res) : 0ULL);
		}
		seq_putc(m, '\t');
		if (dev->driver)
			seq_puts(m, dev->driver->name);
		seq_putc(m, '\n');
	}
	return 0;
}

static int pci_summary_show(struct seq_file *m, void *v)
{
	struct pci_dev *dev;

	for_each_pci_dev(dev)
		seq_printf(m, "%02x:%02x.%x %06x %04x:%04x %02x %u %s\n", dev->bus->number,
			   PCI_SLOT(dev->devfn), PCI_FUNC(dev->devfn), dev->class, dev->vendor, dev->device,
			   dev->revision, dev->irq, dev->driver ? dev->driver->name : "-");
	return 0;
}

static int __init pci_proc_init(void)
{
	proc_create_single("bus/pci/devices", 0444, NULL, pci_devices_show);
	proc_create_single("pci", 0444, NULL, pci_summary_show);
	return 0;
}
device_initcall(pci_proc_init);
