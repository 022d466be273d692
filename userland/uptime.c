/*
 * uptime: how long since boot (/proc/uptime, else sysinfo), processes and load average
 * (sysinfo(2)), in the style of procps uptime: " up 1:02:03, 4 processes, load average: ...".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>
#include <sys/sysinfo.h>
#include "procfile.h"

/* Seconds since boot with centiseconds, from /proc/uptime; -1 when not available. */
static double proc_uptime(void)
{
	char buf[64];

	if (read_text_file("/proc/uptime", buf, sizeof(buf)) <= 0)
		return -1;
	return strtod(buf, NULL);
}

int main(int argc, char **argv)
{
	struct sysinfo si;
	double up = proc_uptime();
	long secs;
	int have_si = sysinfo(&si) == 0;

	if (argc > 1) {
		fprintf(stderr, "usage: uptime\n");
		return 2;
	}
	if (up < 0) {
		if (!have_si) {
			perror("uptime");
			return 1;
		}
		up = (double)si.uptime;
	}
	secs = (long)up;
	printf(" up ");
	if (secs >= 86400)
		printf("%ld day%s, ", secs / 86400, secs / 86400 == 1 ? "" : "s");
	printf("%ld:%02ld:%02ld (%.2f s)", secs / 3600 % 24, secs / 60 % 60, secs % 60, up);
	if (have_si) {
		printf(",  %u process%s,  load average: %.2f, %.2f, %.2f", si.procs, si.procs == 1 ? "" : "es",
		       si.loads[0] / 65536.0, si.loads[1] / 65536.0, si.loads[2] / 65536.0);
	}
	putchar('\n');
	return 0;
}
