/*
 * meminfo: memory in use. Prints /proc/meminfo (pages: total, free, used by whom) and the object
 * caches of /proc/slabinfo (Linux "slabinfo - version: 2.1" format: name, active objects, total
 * objects, object size), with totals, so a test can compare before and after and see a leak.
 *   meminfo [-a]   -a also lists caches with no objects in use
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int print_meminfo(void)
{
	char line[256];
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f) {
		perror("meminfo: /proc/meminfo");
		return 1;
	}
	while (fgets(line, sizeof(line), f))
		fputs(line, stdout);
	fclose(f);
	return 0;
}

static void print_slabinfo(int all)
{
	char line[512], name[64];
	unsigned long active, total, size, caches = 0, objs = 0, bytes = 0;
	FILE *f = fopen("/proc/slabinfo", "r");

	if (!f)
		return;		/* no slabinfo (or not allowed to read it): meminfo alone */
	printf("\n%-24s %10s %10s %8s\n", "cache", "active", "total", "objsize");
	while (fgets(line, sizeof(line), f)) {
		if (line[0] == '#' || !strncmp(line, "slabinfo", 8))
			continue;
		if (sscanf(line, "%63s %lu %lu %lu", name, &active, &total, &size) != 4)
			continue;
		caches++;
		objs += active;
		bytes += active * size;
		if (active || all)
			printf("%-24s %10lu %10lu %8lu\n", name, active, total, size);
	}
	fclose(f);
	printf("ObjectsInUse: %lu in %lu caches, %lu kB\n", objs, caches, bytes / 1024);
}

int main(int argc, char **argv)
{
	int all = 0;

	if (argc == 2 && !strcmp(argv[1], "-a")) {
		all = 1;
	} else if (argc != 1) {
		fprintf(stderr, "usage: meminfo [-a]\n");
		return 2;
	}
	if (print_meminfo())
		return 1;
	print_slabinfo(all);
	return 0;
}
