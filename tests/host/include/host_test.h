/* cmocka glue for host tests: include after the kernel headers a test needs. */
#ifndef _HOST_TEST_H
#define _HOST_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "host.h"

/* Every test ends with this: all skbs, objects and kmalloc blocks given back. */
#define host_assert_no_leaks()	assert_int_equal(host_leak_count(), 0)

#endif
