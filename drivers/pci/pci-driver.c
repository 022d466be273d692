/*
 * Binding drivers to devices: pci_register_driver (from a driver's device_initcall) offers every
 * unclaimed device to the driver; the first ID-table line that matches is passed to probe().
 */
#include <linux/pci.h>
#include <linux/kernel.h>

static LIST_HEAD(pci_drivers);

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

static void pci_device_probe(struct pci_driver *drv, struct pci_dev *dev)
{
	const struct pci_device_id *id = pci_match_id(drv->id_table, dev);
	int err;

	if (!id)
		return;
	dev->driver = drv;	/* set before probe so probe can see who it is */
	err = drv->probe(dev, id);
	if (err) {
		dev->driver = NULL;
		pr_warn("%s %s: probe failed: %d\n", drv->name, pci_name(dev), err);
	}
}

int pci_register_driver(struct pci_driver *drv)
{
	struct pci_dev *dev;

	list_add_tail(&drv->node, &pci_drivers);
	for_each_pci_dev(dev) {
		if (!dev->driver)
			pci_device_probe(drv, dev);
	}
	return 0;
}

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
