/*
 * Reference counts (sk_refcnt, sk_wmem_alloc, dst and request-sock references). A count that
 * would go below zero is a use-after-free in the making, so it trips WARN instead of wrapping.
 */
#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H

#include <linux/atomic.h>
#include <linux/bug.h>

typedef struct {
	atomic_t refs;
} refcount_t;

#define REFCOUNT_INIT(n)	{ .refs = ATOMIC_INIT(n) }

static inline void refcount_set(refcount_t *r, int n)
{
	atomic_set(&r->refs, n);
}

static inline unsigned int refcount_read(const refcount_t *r)
{
	return atomic_read(&r->refs);
}

static inline void refcount_add(int i, refcount_t *r)
{
	atomic_add(i, &r->refs);
}

static inline void refcount_inc(refcount_t *r)
{
	atomic_inc(&r->refs);
}

/* True when the count was not zero and has been raised (lookups racing a final put). */
static inline bool refcount_inc_not_zero(refcount_t *r)
{
	int old = atomic_read(&r->refs);

	while (old) {
		if (__atomic_compare_exchange_n(&r->refs.counter, &old, old + 1, false,
						__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			return true;
	}
	return false;
}

static inline bool refcount_sub_and_test(int i, refcount_t *r)
{
	int n = atomic_sub_return(i, &r->refs);

	WARN_ON(n < 0);
	return n == 0;
}

static inline bool refcount_dec_and_test(refcount_t *r)
{
	return refcount_sub_and_test(1, r);
}

static inline void refcount_dec(refcount_t *r)
{
	WARN_ON(atomic_dec_return(&r->refs) <= 0);
}

#endif
