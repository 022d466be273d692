/*
 * Binding drivers to devices. Built-in drivers register from their device_initcall; once all of
 * them are in, pci_bus_add_devices (late_initcall, before net/'s late initcalls such as ipconfig)
 * offers each device, in bus order, to the registered drivers: the first driver whose ID table
 * matches gets probe(). Binding in bus order makes interface names follow the slots (eth0 is the
 * lowest NIC slot whichever driver it needs). A driver registered after that binds at once.
 */
#include <linux/pci.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>

static LIST_HEAD(pci_drivers);
static bool pci_autoprobe;	/* set once the boot-time pass has run */

static bool pci_match_one_device(const struct pci_device_id *id, const struct pci_dev *dev)
{
	return (id->vendor == PCI_ANY_ID || id->vendor == dev->vendor) &&
	       (id->device == PCI_ANY_ID || id->device == dev->device) &&
	       (id->subvendor == PCI_ANY_ID || id->subvendor == dev->subsystem_vendor) &&
	       (id->subdevice == PCI_ANY_ID || id->subdevice == dev->subsystem_device) &&
	       !((id->class ^ dev->class) & id->class_mask);
}

const struct pci_device_id *pci_match_id(const struct pci_device_id *ids, struct pci_dev *dev)
{
	/* The table ends with an all-zero line. */
	for (; ids && (ids->vendor || ids->subvendor || ids->class_mask); ids++) {
		if (pci_match_one_device(ids, dev))
			return ids;
	}
	return NULL;
}

/* True if drv matched and bound dev. */
static bool pci_device_probe(struct pci_driver *drv, struct pci_dev *dev)
{
	const struct pci_device_id *id = pci_match_id(drv->id_table, dev);
	int err;

	if (!id)
		return false;
	dev->driver = drv;	/* set before probe so probe can see who it is */
	err = drv->probe(dev, id);
	if (err) {
		dev->driver = NULL;
		/* -ENODEV/-ENXIO: "not a device I drive after all", as Linux's driver core treats them. */
		if (err != -ENODEV && err != -ENXIO)
			pr_warn("%s %s: probe failed: %d\n", drv->name, pci_name(dev), err);
		return false;
	}
	return true;
}

int pci_register_driver(struct pci_driver *drv)
{
	struct pci_dev *dev;

	list_add_tail(&drv->node, &pci_drivers);
	if (!pci_autoprobe)
		return 0;
	for_each_pci_dev(dev) {
		if (!dev->driver)
			pci_device_probe(drv, dev);
	}
	return 0;
}

static int __init pci_bus_add_devices(void)
{
	struct pci_driver *drv;
	struct pci_dev *dev;

	for_each_pci_dev(dev) {
		list_for_each_entry(drv, &pci_drivers, node) {
			if (!dev->driver && pci_device_probe(drv, dev))
				break;
		}
	}
	pci_autoprobe = true;
	return 0;
}
late_initcall(pci_bus_add_devices);

void pci_unregister_driver(struct pci_driver *drv)
{
	struct pci_dev *dev;

	for_each_pci_dev(dev) {
		if (dev->driver != drv)
			continue;
		if (drv->remove)
			drv->remove(dev);
		dev->driver = NULL;
		pci_set_drvdata(dev, NULL);
	}
	list_del(&drv->node);
}
