/* malloc/free/calloc/realloc/posix_memalign: alignment, contents, reuse, stress. */
#include <stdlib.h>
#include <stdint.h>
#include <errno.h>
#include <unistd.h>
#include "tap.h"

#define SLOTS	1000

static unsigned char *ptr[SLOTS];
static size_t len[SLOTS];

static int fill_check(size_t k, int check)
{
	size_t i;

	for (i = 0; i < len[k]; i++) {
		if (check && ptr[k][i] != (unsigned char)(k ^ i))
			return 0;
		ptr[k][i] = (unsigned char)(k ^ i);
	}
	return 1;
}

int main(void)
{
	unsigned int seed = 7;
	int aligned = 1, intact = 1, i;
	size_t k, n;
	void *p, *q, *a;
	char *brk_before, *brk_after;

	for (k = 0; k < 100; k++) {
		p = malloc(k);
		aligned &= ((uintptr_t)p & 15) == 0;
		free(p);
	}
	ok(aligned, "malloc results are 16-byte aligned");
	p = malloc(0);
	ok(p != NULL, "malloc(0) returns a unique pointer");
	free(p);
	free(NULL);
	ok(1, "free(NULL) is harmless");

	p = malloc(100);
	free(p);
	q = malloc(100);
	ok(p == q, "a freed block is reused for the same size");
	free(q);

	/* Adjacent frees merge: two 1000-byte blocks make room for one 1900-byte block in place. */
	p = malloc(1000);
	q = malloc(1000);
	a = malloc(16);		/* keeps q's neighbour busy */
	free(p);
	free(q);
	ok(malloc(1900) == p, "free merges neighbouring blocks");
	free(a);

	p = calloc(100, 100);
	for (k = 0, n = 0; k < 10000; k++)
		n |= ((unsigned char *)p)[k];
	ok(p && n == 0, "calloc zeroes");
	free(p);
	errno = 0;
	ok(calloc(SIZE_MAX / 2, 4) == NULL && errno == ENOMEM, "calloc overflow -> NULL, ENOMEM");
	errno = 0;
	ok(malloc(SIZE_MAX - 10) == NULL && errno == ENOMEM, "malloc(huge) -> NULL, ENOMEM");

	p = malloc(10);
	memcpy(p, "0123456789", 10);
	p = realloc(p, 100000);
	ok(p && !memcmp(p, "0123456789", 10), "realloc grow keeps contents");
	p = realloc(p, 5);
	ok(p && !memcmp(p, "01234", 5), "realloc shrink keeps contents");
	ok(realloc(NULL, 10) != NULL, "realloc(NULL) is malloc");
	free(p);

	ok(posix_memalign(&a, 4096, 100) == 0 && ((uintptr_t)a & 4095) == 0, "posix_memalign 4096");
	memset(a, 1, 100);
	free(a);
	ok(posix_memalign(&a, 3, 100) == EINVAL, "posix_memalign rejects a non-power-of-two");
	a = aligned_alloc(64, 640);
	ok(a && ((uintptr_t)a & 63) == 0, "aligned_alloc 64");
	free(a);

	/* Large blocks go to mmap and come back to the system on free. */
	p = malloc(4 << 20);
	ok(p != NULL, "malloc 4 MiB");
	memset(p, 0xab, 4 << 20);
	free(p);

	/* Stress: random sizes, realloc, frees, contents checked every time. */
	for (i = 0; i < 200000 && intact; i++) {
		k = (size_t)rand_r(&seed) % SLOTS;
		if (ptr[k] && !fill_check(k, 1)) {
			intact = 0;
			break;
		}
		switch (rand_r(&seed) % 3) {
		case 0:
			free(ptr[k]);
			ptr[k] = NULL;
			len[k] = 0;
			break;
		case 1:
			n = (size_t)rand_r(&seed) % (rand_r(&seed) % 50 ? 300 : 70000);
			q = realloc(ptr[k], n);
			if (!q && n) {
				intact = 0;
				break;
			}
			ptr[k] = q;
			if (len[k] > n)
				len[k] = n;
			if (ptr[k] && !fill_check(k, 1)) {
				intact = 0;
				break;
			}
			len[k] = n;
			fill_check(k, 0);
			break;
		default:
			if (ptr[k])
				break;
			len[k] = (size_t)rand_r(&seed) % 2000;
			ptr[k] = malloc(len[k]);
			if (!ptr[k])
				intact = 0;
			else
				fill_check(k, 0);
		}
	}
	ok(intact, "200000 random malloc/realloc/free operations keep every block intact (stopped at %d)", i);
	for (k = 0; k < SLOTS; k++)
		free(ptr[k]);

	/* After freeing everything, the same load fits in the heap we already have. */
	brk_before = sbrk(0);
	for (k = 0; k < SLOTS; k++)
		ptr[k] = malloc(1000);
	for (k = 0; k < SLOTS; k++)
		free(ptr[k]);
	brk_after = sbrk(0);
	ok(brk_after == brk_before, "freed memory is reused: the heap did not grow (%ld bytes)",
	   (long)(brk_after - brk_before));
	return done_testing();
}
