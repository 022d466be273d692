/*
 * lspci: list the PCI devices the kernel found (drivers/pci/probe.c), one line each, the way
 * `lspci -nn` prints them:
 *   00:03.0 Ethernet controller [0200]: Intel Corporation 82540EM Gigabit Ethernet Controller [8086:100e] (rev 03)
 * It reads /proc/pci (drivers/pci/proc.c); -v adds the IRQ and BARs from /proc/bus/pci/devices,
 * -k the driver bound to the device.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct pci_name {
	unsigned int vendor, device;	/* device 0xffff: a vendor-only line */
	const char *name;
};

/* Names for what QEMU's pc machine shows (pci.ids wording); anything else prints as numbers. */
static const struct pci_name pci_names[] = {
	{ 0x8086, 0xffff, "Intel Corporation" },
	{ 0x8086, 0x1237, "Intel Corporation 440FX - 82441FX PMC [Natoma]" },
	{ 0x8086, 0x7000, "Intel Corporation 82371SB PIIX3 ISA [Natoma/Triton II]" },
	{ 0x8086, 0x7010, "Intel Corporation 82371SB PIIX3 IDE [Natoma/Triton II]" },
	{ 0x8086, 0x7113, "Intel Corporation 82371AB/EB/MB PIIX4 ACPI" },
	{ 0x8086, 0x100e, "Intel Corporation 82540EM Gigabit Ethernet Controller" },
	{ 0x1af4, 0xffff, "Red Hat, Inc." },
	{ 0x1af4, 0x1000, "Red Hat, Inc. Virtio network device" },
	{ 0x1af4, 0x1041, "Red Hat, Inc. Virtio 1.0 network device" },
	{ 0x1b36, 0xffff, "Red Hat, Inc." },
	{ 0x1b36, 0x0001, "Red Hat, Inc. QEMU PCI-PCI bridge" },
	{ 0x1234, 0x1111, "QEMU Standard VGA" },
};

struct pci_class_name {
	unsigned int class;		/* base class << 8 | sub class */
	const char *name;
};

static const struct pci_class_name class_names[] = {
	{ 0x0000, "Non-VGA unclassified device" },
	{ 0x0100, "SCSI storage controller" },
	{ 0x0101, "IDE interface" },
	{ 0x0106, "SATA controller" },
	{ 0x0180, "Mass storage controller" },
	{ 0x0200, "Ethernet controller" },
	{ 0x0280, "Network controller" },
	{ 0x0300, "VGA compatible controller" },
	{ 0x0380, "Display controller" },
	{ 0x0401, "Multimedia audio controller" },
	{ 0x0403, "Audio device" },
	{ 0x0600, "Host bridge" },
	{ 0x0601, "ISA bridge" },
	{ 0x0604, "PCI bridge" },
	{ 0x0680, "Bridge" },
	{ 0x0780, "Communication controller" },
	{ 0x0c03, "USB controller" },
	{ 0x0c05, "SMBus" },
	{ 0x00ff, "Unassigned class" },
};

static const char *device_name(unsigned int vendor, unsigned int device)
{
	size_t i;

	for (i = 0; i < sizeof(pci_names) / sizeof(pci_names[0]); i++)
		if (pci_names[i].vendor == vendor && pci_names[i].device == device)
			return pci_names[i].name;
	return NULL;
}

static const char *class_name(unsigned int class)
{
	size_t i;

	for (i = 0; i < sizeof(class_names) / sizeof(class_names[0]); i++)
		if (class_names[i].class == class)
			return class_names[i].name;
	return NULL;
}

/* -v: the IRQ and BAR lines from /proc/bus/pci/devices for bus/devfn. */
static void print_resources(unsigned int bus, unsigned int devfn)
{
	unsigned long long base[7], size[7];
	unsigned int bd, vd, irq, i;
	char line[512];
	FILE *f = fopen("/proc/bus/pci/devices", "r");

	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%x %x %x %llx %llx %llx %llx %llx %llx %llx %llx %llx %llx %llx %llx %llx %llx",
			   &bd, &vd, &irq, &base[0], &base[1], &base[2], &base[3], &base[4], &base[5],
			   &base[6], &size[0], &size[1], &size[2], &size[3], &size[4], &size[5],
			   &size[6]) != 17 || bd != (bus << 8 | devfn))
			continue;
		if (irq)
			printf("\tFlags: IRQ %u\n", irq);
		for (i = 0; i < 6; i++) {
			if (!size[i])
				continue;
			if (base[i] & 1)
				printf("\tRegion %u: I/O ports at %llx [size=%llu]\n", i, base[i] & ~3ULL,
				       size[i]);
			else
				printf("\tRegion %u: Memory at %llx (%s, %sprefetchable) [size=%lluK]\n", i,
				       base[i] & ~15ULL, (base[i] & 4) ? "64-bit" : "32-bit",
				       (base[i] & 8) ? "" : "non-", size[i] >> 10);
		}
		break;
	}
	fclose(f);
}

static void usage(void)
{
	fprintf(stderr, "usage: lspci [-v] [-k]\n"
			"  -v  show the IRQ and the address regions (BARs)\n"
			"  -k  show the kernel driver bound to each device\n");
	exit(2);
}

int main(int argc, char *argv[])
{
	unsigned int bus, slot, func, class, vendor, device, rev, irq;
	int verbose = 0, kernel_driver = 0, opt;
	const char *dname, *cname;
	char line[256], driver[64];
	FILE *f;

	while ((opt = getopt(argc, argv, "vk")) != -1) {
		switch (opt) {
		case 'v':
			verbose = 1;
			break;
		case 'k':
			kernel_driver = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();

	f = fopen("/proc/pci", "r");
	if (!f) {
		perror("lspci: /proc/pci");
		return 1;
	}
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%x:%x.%x %x %x:%x %x %u %63s", &bus, &slot, &func, &class, &vendor,
			   &device, &rev, &irq, driver) != 9) {
			fprintf(stderr, "lspci: bad line in /proc/pci: %s", line);
			continue;
		}
		cname = class_name(class >> 8);
		dname = device_name(vendor, device);
		printf("%02x:%02x.%x ", bus, slot, func);
		if (cname)
			printf("%s [%04x]: ", cname, class >> 8);
		else
			printf("Class [%04x]: ", class >> 8);
		if (dname)
			printf("%s ", dname);
		else if ((dname = device_name(vendor, 0xffff)) != NULL)
			printf("%s Device %04x ", dname, device);
		else
			printf("Device ");
		printf("[%04x:%04x]", vendor, device);
		if (rev)
			printf(" (rev %02x)", rev);
		printf("\n");
		if (verbose)
			print_resources(bus, slot << 3 | func);
		if (kernel_driver && strcmp(driver, "-") != 0)
			printf("\tKernel driver in use: %s\n", driver);
	}
	fclose(f);
	return 0;
}
