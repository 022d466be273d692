/*
 * PCI bus: devices found by drivers/pci/pci.c scanning configuration space at boot, and drivers
 * that claim them by vendor/device ID (pci_register_driver -> probe). Same names as Linux so a
 * driver here reads like its Linux counterpart: pci_enable_device, pci_set_master,
 * pci_resource_start, pci_iomap, pci_read_config_dword, pci_find_capability.
 */
#ifndef _LINUX_PCI_H
#define _LINUX_PCI_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/device.h>
#include <linux/ioport.h>
#include <linux/pci_regs.h>

#define PCI_ANY_ID		(~0U)

#define PCI_VENDOR_ID_INTEL	0x8086
#define PCI_VENDOR_ID_REDHAT_QUMRANET 0x1af4	/* virtio */

/* One line of a driver's ID table; a zero vendor ends the table. */
struct pci_device_id {
	u32 vendor, device;		/* PCI_ANY_ID matches any */
	u32 subvendor, subdevice;
	u32 class, class_mask;		/* 24-bit class code compared under class_mask */
	unsigned long driver_data;	/* handed to probe() for the driver's own use */
};

#define PCI_DEVICE(vend, dev) \
	.vendor = (vend), .device = (dev), .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

#define PCI_DEVFN(slot, func)	((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)		(((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)		((devfn) & 0x07)

#define PCI_STD_NUM_BARS	6
#define PCI_ROM_RESOURCE	6
#define PCI_NUM_RESOURCES	7	/* six BARs and the expansion ROM (not probed here) */

struct pci_bus {
	struct list_head node;		/* on pci_root_buses or the parent's children */
	struct pci_bus *parent;
	struct pci_dev *self;		/* the bridge leading here; NULL for bus 0 */
	struct list_head devices;	/* struct pci_dev.bus_list */
	struct list_head children;
	unsigned char number;
};

struct pci_driver;

struct pci_dev {
	struct list_head bus_list;	/* on bus->devices */
	struct list_head global_list;	/* on pci_devices, in scan order */
	struct pci_bus *bus;
	struct pci_bus *subordinate;	/* bus behind a bridge */
	unsigned int devfn;
	u16 vendor, device;
	u16 subsystem_vendor, subsystem_device;
	u32 class;			/* base << 16 | sub << 8 | prog-if */
	u8 revision;
	u8 hdr_type;
	u8 pin;				/* INTx pin, 0 = none */
	unsigned int irq;		/* legacy IRQ line from the firmware, 0 = none */
	struct resource resource[PCI_NUM_RESOURCES];
	struct pci_driver *driver;	/* bound driver, NULL if none */
	struct device dev;
	char name[16];			/* "0000:00:03.0", dev.init_name points here */
	unsigned int enable_cnt;
	bool is_busmaster;
};

#define to_pci_dev(d)		container_of(d, struct pci_dev, dev)

struct pci_driver {
	struct list_head node;
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
};

/* Configuration space (mechanism #1, ports 0xCF8/0xCFC). Return 0, or -EINVAL for a bad offset. */
int pci_bus_read_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 *val);
int pci_bus_read_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 *val);
int pci_bus_read_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 *val);
int pci_bus_write_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 val);
int pci_bus_write_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 val);
int pci_bus_write_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 val);

static inline int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val)
{
	return pci_bus_read_config_byte(dev->bus, dev->devfn, where, val);
}

static inline int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val)
{
	return pci_bus_read_config_word(dev->bus, dev->devfn, where, val);
}

static inline int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val)
{
	return pci_bus_read_config_dword(dev->bus, dev->devfn, where, val);
}

static inline int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val)
{
	return pci_bus_write_config_byte(dev->bus, dev->devfn, where, val);
}

static inline int pci_write_config_word(const struct pci_dev *dev, int where, u16 val)
{
	return pci_bus_write_config_word(dev->bus, dev->devfn, where, val);
}

static inline int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val)
{
	return pci_bus_write_config_dword(dev->bus, dev->devfn, where, val);
}

/* Drivers */
int pci_register_driver(struct pci_driver *drv);
void pci_unregister_driver(struct pci_driver *drv);
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids, struct pci_dev *dev);

int pci_enable_device(struct pci_dev *dev);	/* turns on decoding of the BARs the device has */
void pci_disable_device(struct pci_dev *dev);
void pci_set_master(struct pci_dev *dev);	/* lets the device DMA */
void pci_clear_master(struct pci_dev *dev);

/* Offset of capability cap in the capability list, 0 if the device has none. */
u8 pci_find_capability(struct pci_dev *dev, int cap);
u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap);

#define pci_resource_start(dev, bar)	((dev)->resource[(bar)].start)
#define pci_resource_end(dev, bar)	((dev)->resource[(bar)].end)
#define pci_resource_flags(dev, bar)	((dev)->resource[(bar)].flags)
#define pci_resource_len(dev, bar) \
	((dev)->resource[(bar)].end ? resource_size(&(dev)->resource[(bar)]) : 0)

/*
 * Map a memory BAR (maxlen 0 = all of it). Port I/O BARs are not mapped: use their
 * pci_resource_start() with inb/outb. NULL if the BAR is absent or is port I/O.
 */
void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen);
void pci_iounmap(struct pci_dev *dev, void __iomem *addr);

static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline const char *pci_name(const struct pci_dev *pdev)
{
	return pdev->name;
}

/* All devices found, in scan order (lspci, /proc/bus/pci/devices). */
extern struct list_head pci_devices;

#define for_each_pci_dev(d)	list_for_each_entry(d, &pci_devices, global_list)

#endif
