/* getopt() and getopt_long() (GNU-style long options, no argument permutation). */
#ifndef _GETOPT_H
#define _GETOPT_H

#include <features.h>
#include <unistd.h>

__BEGIN_DECLS

struct option {
	const char *name;
	int has_arg;
	int *flag;
	int val;
};

#define no_argument		0
#define required_argument	1
#define optional_argument	2

int getopt_long(int argc, char *const argv[], const char *optstring,
		const struct option *longopts, int *longindex);

__END_DECLS

#endif
