/*
 * qsort: quicksort with median-of-three pivots and insertion sort for short runs. It recurses
 * into the smaller half and loops on the larger, so the stack stays O(log n) deep.
 */
#include <stdlib.h>
#include <string.h>

typedef int (*cmp_fn)(const void *, const void *);

static void swap_bytes(char *a, char *b, size_t size)
{
	char t;

	if (a == b)
		return;
	while (size--) {
		t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

static void insertion_sort(char *base, size_t n, size_t size, cmp_fn cmp)
{
	size_t i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && cmp(base + (j - 1) * size, base + j * size) > 0; j--)
			swap_bytes(base + (j - 1) * size, base + j * size, size);
}

void qsort(void *base_, size_t n, size_t size, cmp_fn cmp)
{
	char *base = base_;
	char *lo, *mid, *hi, *i, *j;
	size_t left, right;

	while (n > 8) {
		lo = base;
		mid = base + (n / 2) * size;
		hi = base + (n - 1) * size;
		/* Order lo <= mid <= hi, then use mid as the pivot, parked at lo. */
		if (cmp(mid, lo) < 0)
			swap_bytes(mid, lo, size);
		if (cmp(hi, mid) < 0) {
			swap_bytes(hi, mid, size);
			if (cmp(mid, lo) < 0)
				swap_bytes(mid, lo, size);
		}
		swap_bytes(lo, mid, size);
		i = lo;
		j = hi + size;
		for (;;) {
			do
				i += size;
			while (i < hi && cmp(i, lo) < 0);
			do
				j -= size;
			while (cmp(j, lo) > 0);
			if (i >= j)
				break;
			swap_bytes(i, j, size);
		}
		swap_bytes(lo, j, size);
		left = (size_t)(j - base) / size;
		right = n - left - 1;
		if (left < right) {
			qsort(base, left, size, cmp);
			base = j + size;
			n = right;
		} else {
			qsort(j + size, right, size, cmp);
			n = left;
		}
	}
	insertion_sort(base, n, size, cmp);
}

void *bsearch(const void *key, const void *base, size_t n, size_t size, cmp_fn cmp)
{
	const char *p;
	int c;

	while (n > 0) {
		p = (const char *)base + (n / 2) * size;
		c = cmp(key, p);
		if (c == 0)
			return (void *)p;
		if (c > 0) {
			base = p + size;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return NULL;
}
