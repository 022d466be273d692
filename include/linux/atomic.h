/*
 * Atomic counters. One CPU, but a softirq or interrupt can land in the middle of a C "x++" done as
 * load/add/store, so counters shared with softirq context use the compiler's atomic builtins.
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

#define ATOMIC_INIT(i)	{ (i) }

static inline int atomic_read(const atomic_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic_set(atomic_t *v, int i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);
}

static inline int atomic_add_return(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_sub_return(int i, atomic_t *v)
{
	return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

#define atomic_add(i, v)		((void)atomic_add_return(i, v))
#define atomic_sub(i, v)		((void)atomic_sub_return(i, v))
#define atomic_inc(v)			atomic_add(1, v)
#define atomic_dec(v)			atomic_sub(1, v)
#define atomic_inc_return(v)		atomic_add_return(1, v)
#define atomic_dec_return(v)		atomic_sub_return(1, v)
#define atomic_dec_and_test(v)		(atomic_sub_return(1, v) == 0)
#define atomic_sub_and_test(i, v)	(atomic_sub_return(i, v) == 0)

static inline long atomic_long_read(const atomic_long_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic_long_set(atomic_long_t *v, long i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);
}

static inline long atomic_long_add_return(long i, atomic_long_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

#define atomic_long_add(i, v)		((void)atomic_long_add_return(i, v))
#define atomic_long_sub(i, v)		((void)atomic_long_add_return(-(long)(i), v))
#define atomic_long_inc(v)		atomic_long_add(1, v)
#define atomic_long_dec(v)		atomic_long_sub(1, v)

#endif
