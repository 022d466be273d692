/*
 * Host tests of PCI enumeration and driver binding (drivers/pci/probe.c, pci.c, pci-driver.c)
 * against a fake configuration space: BAR sizing (I/O, 32- and 64-bit memory, unimplemented),
 * multi-function devices, buses behind bridges, the capability walk, ID matching and the
 * bus-order binding of drivers. probe.c and pci-driver.c are included so the test can run their
 * static initcalls and reset their lists between tests.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "../../drivers/pci/probe.c"
#include "../../drivers/pci/pci-driver.c"
#include <linux/io.h>
#include "drivers_host.h"

/* ---- the fake configuration space -------------------------------------------------------- */

struct fake_fn {
	bool present;
	u8 cfg[PCI_CFG_SPACE_SIZE];
	u32 bar_rw[PCI_STD_NUM_BARS];	/* address bits software may set */
	u32 bar_ro[PCI_STD_NUM_BARS];	/* type bits, read-only */
};

#define FAKE_BUSES	4
static struct fake_fn fake[FAKE_BUSES][256];
static bool sized_with_decode_on;	/* a BAR got all-ones while the device decoded addresses */

static struct fake_fn *fake_fn(unsigned int bus, unsigned int devfn)
{
	return bus < FAKE_BUSES && devfn < 256 && fake[bus][devfn].present ? &fake[bus][devfn] : NULL;
}

static u32 cfg_get(const struct fake_fn *f, int where, int size)
{
	u32 v = 0;
	int i;

	for (i = 0; i < size; i++)
		v |= (u32)f->cfg[where + i] << (8 * i);
	return v;
}

static void cfg_put(struct fake_fn *f, int where, int size, u32 v)
{
	int i;

	for (i = 0; i < size; i++)
		f->cfg[where + i] = v >> (8 * i);
}

static int fake_read(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 *val)
{
	struct fake_fn *f = fake_fn(bus->number, devfn);

	*val = f ? cfg_get(f, where, size) : (size == 4 ? ~0U : size == 2 ? 0xffff : 0xff);
	return 0;
}

static int fake_write(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 val)
{
	struct fake_fn *f = fake_fn(bus->number, devfn);
	int bar = (where - PCI_BASE_ADDRESS_0) / 4;
	u16 cmd;

	if (!f)
		return 0;
	if (where >= PCI_BASE_ADDRESS_0 && where < PCI_BASE_ADDRESS_0 + 24 && size == 4) {
		cmd = cfg_get(f, PCI_COMMAND, 2);
		if (val == ~0U && (cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY)))
			sized_with_decode_on = true;
		cfg_put(f, where, 4, (val & f->bar_rw[bar]) | f->bar_ro[bar]);
		return 0;
	}
	cfg_put(f, where, size, val);
	return 0;
}

int pci_bus_read_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 *val)
{
	u32 v;
	int err = fake_read(bus, devfn, where, 1, &v);

	*val = v;
	return err;
}

int pci_bus_read_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 *val)
{
	u32 v;
	int err = fake_read(bus, devfn, where, 2, &v);

	*val = v;
	return err;
}

int pci_bus_read_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 *val)
{
	return fake_read(bus, devfn, where, 4, val);
}

int pci_bus_write_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 val)
{
	return fake_write(bus, devfn, where, 1, val);
}

int pci_bus_write_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 val)
{
	return fake_write(bus, devfn, where, 2, val);
}

int pci_bus_write_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 val)
{
	return fake_write(bus, devfn, where, 4, val);
}

/* pci_iomap's mapping: not exercised here (no MMIO on the host). */
void __iomem *ioremap(phys_addr_t phys_addr, size_t size)
{
	return NULL;
}

void iounmap(volatile void __iomem *addr)
{
}

static struct fake_fn *fake_add(unsigned int bus, unsigned int slot, unsigned int fn, u16 vendor,
				u16 device, u32 class, u8 hdr_type)
{
	struct fake_fn *f = &fake[bus][PCI_DEVFN(slot, fn)];

	f->present = true;
	cfg_put(f, PCI_VENDOR_ID, 2, vendor);
	cfg_put(f, PCI_DEVICE_ID, 2, device);
	cfg_put(f, PCI_CLASS_REVISION, 4, class << 8 | 0x03);
	cfg_put(f, PCI_HEADER_TYPE, 1, hdr_type);
	/* Decoding on, as the firmware leaves it. */
	cfg_put(f, PCI_COMMAND, 2, PCI_COMMAND_IO | PCI_COMMAND_MEMORY);
	return f;
}

static void fake_bar_io(struct fake_fn *f, int bar, u32 base, u32 size)
{
	f->bar_ro[bar] = PCI_BASE_ADDRESS_SPACE_IO;
	f->bar_rw[bar] = ~(size - 1) & 0xfffc;	/* 16-bit I/O decoder: upper bits read 0 */
	cfg_put(f, PCI_BASE_ADDRESS_0 + 4 * bar, 4, base | f->bar_ro[bar]);
}

static void fake_bar_mem32(struct fake_fn *f, int bar, u32 base, u32 size, bool prefetch)
{
	f->bar_ro[bar] = prefetch ? PCI_BASE_ADDRESS_MEM_PREFETCH : 0;
	f->bar_rw[bar] = ~(size - 1);
	cfg_put(f, PCI_BASE_ADDRESS_0 + 4 * bar, 4, base | f->bar_ro[bar]);
}

static void fake_bar_mem64(struct fake_fn *f, int bar, u64 base, u64 size, bool prefetch)
{
	u64 mask = ~(size - 1);

	f->bar_ro[bar] = PCI_BASE_ADDRESS_MEM_TYPE_64 | (prefetch ? PCI_BASE_ADDRESS_MEM_PREFETCH : 0);
	f->bar_rw[bar] = (u32)mask & ~0xfU;
	f->bar_rw[bar + 1] = mask >> 32;
	cfg_put(f, PCI_BASE_ADDRESS_0 + 4 * bar, 4, (u32)base | f->bar_ro[bar]);
	cfg_put(f, PCI_BASE_ADDRESS_0 + 4 * bar + 4, 4, base >> 32);
}

static void fake_cap(struct fake_fn *f, u8 pos, u8 id, u8 next)
{
	cfg_put(f, PCI_STATUS, 2, cfg_get(f, PCI_STATUS, 2) | PCI_STATUS_CAP_LIST);
	if (!f->cfg[PCI_CAPABILITY_LIST])
		f->cfg[PCI_CAPABILITY_LIST] = pos;
	f->cfg[pos + PCI_CAP_LIST_ID] = id;
	f->cfg[pos + PCI_CAP_LIST_NEXT] = next;
}

/* ---- fixtures ---------------------------------------------------------------------------- */

static void free_bus(struct pci_bus *bus)
{
	struct pci_bus *child, *cn;

	list_for_each_entry_safe(child, cn, &bus->children, node)
		free_bus(child);
	kfree(bus);
}

static int setup(void **state)
{
	memset(fake, 0, sizeof(fake));
	sized_with_decode_on = false;
	INIT_LIST_HEAD(&pci_devices);
	INIT_LIST_HEAD(&pci_root_buses);
	INIT_LIST_HEAD(&pci_drivers);
	pci_autoprobe = false;
	return 0;
}

static int teardown(void **state)
{
	struct pci_dev *dev, *n;
	struct pci_bus *bus, *bn;

	list_for_each_entry_safe(dev, n, &pci_devices, global_list)
		kfree(dev);
	list_for_each_entry_safe(bus, bn, &pci_root_buses, node)
		free_bus(bus);
	assert_int_equal(drivers_host_live_blocks(), 0);
	return 0;
}

static struct pci_dev *find_dev(unsigned int bus, unsigned int slot, unsigned int fn)
{
	struct pci_dev *dev;

	for_each_pci_dev(dev)
		if (dev->bus->number == bus && dev->devfn == PCI_DEVFN(slot, fn))
			return dev;
	return NULL;
}

static unsigned int count_devs(void)
{
	struct pci_dev *dev;
	unsigned int n = 0;

	for_each_pci_dev(dev)
		n++;
	return n;
}

/* ---- tests ------------------------------------------------------------------------------- */

static void test_pci_scan_functions_and_multifunction(void **state)
{
	fake_add(0, 0, 0, 0x8086, 0x1237, 0x060000, PCI_HEADER_TYPE_NORMAL);
	fake_add(0, 1, 0, 0x8086, 0x7000, 0x060100, PCI_HEADER_TYPE_NORMAL | PCI_HEADER_TYPE_MFD);
	fake_add(0, 1, 1, 0x8086, 0x7010, 0x010180, PCI_HEADER_TYPE_NORMAL);
	fake_add(0, 1, 3, 0x8086, 0x7113, 0x068000, PCI_HEADER_TYPE_NORMAL);
	/* Not multi-function: a device that (wrongly) answers on function 2 must not be listed. */
	fake_add(0, 5, 0, 0x8086, 0x100e, 0x020000, PCI_HEADER_TYPE_NORMAL);
	fake_add(0, 5, 2, 0x8086, 0x100e, 0x020000, PCI_HEADER_TYPE_NORMAL);
	/* Function 0 absent: the slot is empty whatever the other functions say. */
	fake_add(0, 7, 1, 0x1af4, 0x1000, 0x020000, PCI_HEADER_TYPE_NORMAL);

	assert_int_equal(pci_subsys_init(), 0);
	assert_int_equal(count_devs(), 5);
	assert_non_null(find_dev(0, 1, 1));
	assert_non_null(find_dev(0, 1, 3));
	assert_null(find_dev(0, 5, 2));
	assert_null(find_dev(0, 7, 1));
	assert_int_equal(find_dev(0, 1, 1)->class, 0x010180);
	assert_int_equal(find_dev(0, 1, 1)->revision, 3);
	assert_string_equal(pci_name(find_dev(0, 1, 3)), "0000:00:01.3");
	/* Scan order is bus order. */
	assert_ptr_equal(list_first_entry(&pci_devices, struct pci_dev, global_list), find_dev(0, 0, 0));
}

static void test_pci_bar_sizing(void **state)
{
	struct fake_fn *f = fake_add(0, 3, 0, 0x1af4, 0x1000, 0x020000, PCI_HEADER_TYPE_NORMAL);
	struct pci_dev *dev;

	fake_bar_io(f, 0, 0xc040, 0x20);
	fake_bar_mem32(f, 1, 0xfebf1000, 0x1000, false);
	/* BAR 2, 3 unimplemented */
	fake_bar_mem64(f, 4, 0xfe000000, 0x4000, true);
	cfg_put(f, PCI_INTERRUPT_PIN, 1, 1);
	cfg_put(f, PCI_INTERRUPT_LINE, 1, 11);

	pci_subsys_init();
	dev = find_dev(0, 3, 0);
	assert_non_null(dev);
	assert_false(sized_with_decode_on);

	assert_int_equal(pci_resource_flags(dev, 0), IORESOURCE_IO);
	assert_int_equal(pci_resource_start(dev, 0), 0xc040);
	assert_int_equal(pci_resource_len(dev, 0), 0x20);

	assert_int_equal(pci_resource_flags(dev, 1), IORESOURCE_MEM);
	assert_int_equal(pci_resource_start(dev, 1), 0xfebf1000);
	assert_int_equal(pci_resource_len(dev, 1), 0x1000);

	assert_int_equal(pci_resource_flags(dev, 2), 0);
	assert_int_equal(pci_resource_len(dev, 2), 0);
	assert_int_equal(pci_resource_flags(dev, 3), 0);

	assert_int_equal(pci_resource_flags(dev, 4), IORESOURCE_MEM | IORESOURCE_MEM_64 | IORESOURCE_PREFETCH);
	assert_int_equal(pci_resource_start(dev, 4), 0xfe000000);
	assert_int_equal(pci_resource_len(dev, 4), 0x4000);
	assert_int_equal(pci_resource_flags(dev, 5), 0);	/* upper half of BAR 4 */

	/* The BARs hold their addresses again and decoding is back on. */
	assert_int_equal(cfg_get(f, PCI_BASE_ADDRESS_0 + 4, 4), 0xfebf1000);
	assert_int_equal(cfg_get(f, PCI_BASE_ADDRESS_0 + 16, 4), 0xfe00000c);
	assert_int_equal(cfg_get(f, PCI_COMMAND, 2) & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY),
			 PCI_COMMAND_IO | PCI_COMMAND_MEMORY);
	assert_int_equal(dev->irq, 11);
}

static void test_pci_irq_none_without_pin(void **state)
{
	struct fake_fn *f = fake_add(0, 2, 0, 0x1234, 0x1111, 0x030000, PCI_HEADER_TYPE_NORMAL);

	cfg_put(f, PCI_INTERRUPT_LINE, 1, 11);	/* stale line, but no pin */
	f = fake_add(0, 3, 0, 0x8086, 0x100e, 0x020000, PCI_HEADER_TYPE_NORMAL);
	cfg_put(f, PCI_INTERRUPT_PIN, 1, 1);
	cfg_put(f, PCI_INTERRUPT_LINE, 1, 0xff);	/* pin, but not routed */
	pci_subsys_init();
	assert_int_equal(find_dev(0, 2, 0)->irq, 0);
	assert_int_equal(find_dev(0, 3, 0)->irq, 0);
}

static void test_pci_bridges_followed_once(void **state)
{
	struct fake_fn *br;

	br = fake_add(0, 3, 0, 0x1b36, 0x0001, 0x060400, PCI_HEADER_TYPE_BRIDGE);
	cfg_put(br, PCI_SECONDARY_BUS, 1, 1);
	fake_add(1, 1, 0, 0x8086, 0x100e, 0x020000, PCI_HEADER_TYPE_NORMAL);
	br = fake_add(1, 2, 0, 0x1b36, 0x0001, 0x060400, PCI_HEADER_TYPE_BRIDGE);
	cfg_put(br, PCI_SECONDARY_BUS, 1, 2);
	fake_add(2, 0, 0, 0x1af4, 0x1041, 0x020000, PCI_HEADER_TYPE_NORMAL);
	/* A bridge the firmware did not number, and one pointing back at its own bus. */
	fake_add(0, 4, 0, 0x1b36, 0x0001, 0x060400, PCI_HEADER_TYPE_BRIDGE);
	br = fake_add(2, 1, 0, 0x1b36, 0x0001, 0x060400, PCI_HEADER_TYPE_BRIDGE);
	cfg_put(br, PCI_SECONDARY_BUS, 1, 2);

	pci_subsys_init();
	assert_int_equal(count_devs(), 6);
	assert_non_null(find_dev(1, 1, 0));
	assert_non_null(find_dev(2, 0, 0));
	assert_ptr_equal(find_dev(2, 0, 0)->bus->self, find_dev(1, 2, 0));
	assert_ptr_equal(find_dev(0, 3, 0)->subordinate, find_dev(1, 1, 0)->bus);
	assert_null(find_dev(0, 4, 0)->subordinate);
	assert_null(find_dev(2, 1, 0)->subordinate);
	assert_string_equal(pci_name(find_dev(2, 0, 0)), "0000:02:00.0");
}

static void test_pci_find_capability(void **state)
{
	struct fake_fn *f = fake_add(0, 3, 0, 0x1af4, 0x1041, 0x020000, PCI_HEADER_TYPE_NORMAL);
	struct fake_fn *g;
	struct pci_dev *dev;

	fake_cap(f, 0x98, PCI_CAP_ID_MSIX, 0x84);
	fake_cap(f, 0x84, PCI_CAP_ID_VNDR, 0x70);
	fake_cap(f, 0x70, PCI_CAP_ID_VNDR, 0x40);
	fake_cap(f, 0x40, PCI_CAP_ID_PM, 0x00);
	g = fake_add(0, 4, 0, 0x1af4, 0x1041, 0x020000, PCI_HEADER_TYPE_NORMAL);
	fake_cap(g, 0x50, PCI_CAP_ID_PM, 0x60);
	fake_cap(g, 0x60, PCI_CAP_ID_PM, 0x50);		/* a loop */
	fake_add(0, 5, 0, 0x8086, 0x100e, 0x020000, PCI_HEADER_TYPE_NORMAL);
	pci_subsys_init();

	dev = find_dev(0, 3, 0);
	assert_int_equal(pci_find_capability(dev, PCI_CAP_ID_MSIX), 0x98);
	assert_int_equal(pci_find_capability(dev, PCI_CAP_ID_VNDR), 0x84);
	assert_int_equal(pci_find_next_capability(dev, 0x84, PCI_CAP_ID_VNDR), 0x70);
	assert_int_equal(pci_find_next_capability(dev, 0x70, PCI_CAP_ID_VNDR), 0);
	assert_int_equal(pci_find_capability(dev, PCI_CAP_ID_PM), 0x40);
	assert_int_equal(pci_find_capability(dev, PCI_CAP_ID_EXP), 0);
	assert_int_equal(pci_find_capability(find_dev(0, 4, 0), PCI_CAP_ID_MSI), 0);	/* terminates */
	assert_int_equal(pci_find_capability(find_dev(0, 5, 0), PCI_CAP_ID_PM), 0);	/* no list */
}

static void test_pci_enable_device_and_master(void **state)
{
	struct fake_fn *f = fake_add(0, 3, 0, 0x8086, 0x100e, 0x020000, PCI_HEADER_TYPE_NORMAL);
	struct pci_dev *dev;

	fake_bar_mem32(f, 0, 0xfebc0000, 0x20000, false);
	pci_subsys_init();
	dev = find_dev(0, 3, 0);
	cfg_put(f, PCI_COMMAND, 2, PCI_COMMAND_INTX_DISABLE);
	assert_int_equal(pci_enable_device(dev), 0);
	/* Memory decoding only (no I/O BAR), INTx unmasked. */
	assert_int_equal(cfg_get(f, PCI_COMMAND, 2), PCI_COMMAND_MEMORY);
	pci_set_master(dev);
	assert_true(cfg_get(f, PCI_COMMAND, 2) & PCI_COMMAND_MASTER);
	assert_int_equal(pci_enable_device(dev), 0);	/* counted */
	pci_disable_device(dev);
	assert_true(cfg_get(f, PCI_COMMAND, 2) & PCI_COMMAND_MEMORY);
	pci_disable_device(dev);
	assert_int_equal(cfg_get(f, PCI_COMMAND, 2), 0);
}

static void test_pci_match_id(void **state)
{
	static const struct pci_device_id ids[] = {
		{ PCI_DEVICE(0x8086, 0x100e), .driver_data = 1 },
		{ .vendor = PCI_ANY_ID, .device = PCI_ANY_ID, .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID,
		  .class = PCI_CLASS_BRIDGE_PCI << 8, .class_mask = 0xffff00, .driver_data = 2 },
		{ PCI_DEVICE(0x1af4, PCI_ANY_ID), .driver_data = 3 },
		{ 0 }
	};
	struct pci_dev dev = { .vendor = 0x8086, .device = 0x100e, .class = 0x020000 };

	assert_int_equal(pci_match_id(ids, &dev)->driver_data, 1);
	dev.device = 0x100f;
	assert_null(pci_match_id(ids, &dev));
	dev.class = 0x060400;
	assert_int_equal(pci_match_id(ids, &dev)->driver_data, 2);
	dev.vendor = 0x1af4;
	dev.device = 0x1041;
	dev.class = 0x020000;
	assert_int_equal(pci_match_id(ids, &dev)->driver_data, 3);
}

static struct pci_dev *probed[8];
static unsigned int nprobed;

static int record_probe(struct pci_dev *dev, const struct pci_device_id *id)
{
	probed[nprobed++] = dev;
	return id->driver_data == 99 ? -ENODEV : 0;
}

static void test_pci_drivers_bind_in_bus_order(void **state)
{
	static const struct pci_device_id virtio_ids[] = { { PCI_DEVICE(0x1af4, PCI_ANY_ID) }, { 0 } };
	static const struct pci_device_id e1000_ids[] = { { PCI_DEVICE(0x8086, 0x100e) }, { 0 } };
	static const struct pci_device_id failing_ids[] = {
		{ PCI_DEVICE(0x10ec, 0x8139), .driver_data = 99 }, { 0 }
	};
	static const struct pci_device_id late_ids[] = { { PCI_DEVICE(0x10ec, 0x8139) }, { 0 } };
	struct pci_driver virtio = { .name = "virtio-pci", .id_table = virtio_ids, .probe = record_probe };
	struct pci_driver e1000 = { .name = "e1000", .id_table = e1000_ids, .probe = record_probe };
	struct pci_driver failing = { .name = "failing", .id_table = failing_ids, .probe = record_probe };
	struct pci_driver late = { .name = "late", .id_table = late_ids, .probe = record_probe };

	nprobed = 0;
	fake_add(0, 3, 0, 0x1af4, 0x1000, 0x020000, PCI_HEADER_TYPE_NORMAL);
	fake_add(0, 4, 0, 0x8086, 0x100e, 0x020000, PCI_HEADER_TYPE_NORMAL);
	fake_add(0, 5, 0, 0x1af4, 0x1041, 0x020000, PCI_HEADER_TYPE_NORMAL);
	fake_add(0, 6, 0, 0x10ec, 0x8139, 0x020000, PCI_HEADER_TYPE_NORMAL);
	pci_subsys_init();

	/* Registration order e1000, virtio; nothing binds before the boot-time pass. */
	pci_register_driver(&e1000);
	pci_register_driver(&virtio);
	pci_register_driver(&failing);
	assert_int_equal(nprobed, 0);

	pci_bus_add_devices();
	assert_int_equal(nprobed, 4);
	assert_ptr_equal(probed[0], find_dev(0, 3, 0));		/* slot order, not driver order */
	assert_ptr_equal(probed[1], find_dev(0, 4, 0));
	assert_ptr_equal(probed[2], find_dev(0, 5, 0));
	assert_ptr_equal(find_dev(0, 3, 0)->driver, &virtio);
	assert_ptr_equal(find_dev(0, 4, 0)->driver, &e1000);
	assert_null(find_dev(0, 6, 0)->driver);			/* probe failed */

	/* After boot a new driver binds at once to what is still free. */
	pci_register_driver(&late);
	assert_int_equal(nprobed, 5);
	assert_ptr_equal(find_dev(0, 6, 0)->driver, &late);

	pci_unregister_driver(&late);
	assert_null(find_dev(0, 6, 0)->driver);
	pci_unregister_driver(&failing);
	pci_unregister_driver(&virtio);
	pci_unregister_driver(&e1000);
	assert_true(list_empty(&pci_drivers));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pci_scan_functions_and_multifunction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pci_bar_sizing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pci_irq_none_without_pin, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pci_bridges_followed_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pci_find_capability, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pci_enable_device_and_master, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pci_match_id, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pci_drivers_bind_in_bus_order, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
