/*
 * Locks on one CPU. Kernel code is not preempted (only user mode is), so a spinlock only has to keep
 * out what can interrupt: spin_lock_bh masks softirqs, spin_lock_irqsave masks interrupts. The lock
 * word still records the holder so a double lock is caught by BUG_ON instead of hanging.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/bug.h>
#include <linux/interrupt.h>

typedef struct {
	int locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(x)	{ .locked = 0 }
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->locked = 0;
}

static inline void spin_lock(spinlock_t *lock)
{
	BUG_ON(lock->locked);
	lock->locked = 1;
}

static inline void spin_unlock(spinlock_t *lock)
{
	lock->locked = 0;
}

static inline void spin_lock_bh(spinlock_t *lock)
{
	local_bh_disable();
	spin_lock(lock);
}

static inline void spin_unlock_bh(spinlock_t *lock)
{
	spin_unlock(lock);
	local_bh_enable();
}

#define spin_lock_irqsave(lock, flags) \
	do { local_irq_save(flags); spin_lock(lock); } while (0)
#define spin_unlock_irqrestore(lock, flags) \
	do { spin_unlock(lock); local_irq_restore(flags); } while (0)

#endif
