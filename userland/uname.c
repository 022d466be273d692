/* uname: print system information (uname(2)), as coreutils' uname does. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <getopt.h>
#include <sys/utsname.h>

#define F_SYSNAME	0x01
#define F_NODENAME	0x02
#define F_RELEASE	0x04
#define F_VERSION	0x08
#define F_MACHINE	0x10
#define F_OS		0x20

static void field(const char *s, int *first)
{
	printf("%s%s", *first ? "" : " ", s);
	*first = 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "kernel-name", no_argument, NULL, 's' },
		{ "nodename", no_argument, NULL, 'n' },
		{ "kernel-release", no_argument, NULL, 'r' },
		{ "kernel-version", no_argument, NULL, 'v' },
		{ "machine", no_argument, NULL, 'm' },
		{ "operating-system", no_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	struct utsname u;
	int flags = 0, first = 1, c;

	while ((c = getopt_long(argc, argv, "asnrvmo", longopts, NULL)) != -1) {
		switch (c) {
		case 'a': flags |= F_SYSNAME | F_NODENAME | F_RELEASE | F_VERSION | F_MACHINE | F_OS; break;
		case 's': flags |= F_SYSNAME; break;
		case 'n': flags |= F_NODENAME; break;
		case 'r': flags |= F_RELEASE; break;
		case 'v': flags |= F_VERSION; break;
		case 'm': flags |= F_MACHINE; break;
		case 'o': flags |= F_OS; break;
		default:
			fprintf(stderr, "usage: uname [-asnrvmo]\n");
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "uname: extra operand '%s'\n", argv[optind]);
		return 2;
	}
	if (!flags)
		flags = F_SYSNAME;
	if (uname(&u) < 0) {
		perror("uname");
		return 1;
	}
	if (flags & F_SYSNAME)
		field(u.sysname, &first);
	if (flags & F_NODENAME)
		field(u.nodename, &first);
	if (flags & F_RELEASE)
		field(u.release, &first);
	if (flags & F_VERSION)
		field(u.version, &first);
	if (flags & F_MACHINE)
		field(u.machine, &first);
	if (flags & F_OS)
		field(strcmp(u.sysname, "Linux") ? u.sysname : "GNU/Linux", &first);
	putchar('\n');
	return 0;
}
