/*
 * The generic device a bus device embeds (struct pci_dev has one as ->dev), as in Linux: drivers
 * pass &pdev->dev to dma_alloc_coherent() and keep their private state in driver_data.
 * Only what this kernel uses: no sysfs, no reference counts, no power management.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/types.h>

struct device {
	const char *init_name;		/* "0000:00:03.0" for a PCI device */
	struct device *parent;
	void *driver_data;		/* dev_set_drvdata / dev_get_drvdata */
};

static inline const char *dev_name(const struct device *dev)
{
	return dev->init_name;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

#endif
