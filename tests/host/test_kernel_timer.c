/*
 * kernel/timer.c on the host with a hand-driven jiffies: timers fire at their expiry and not
 * before, in expiry order (also beyond the 256-slot wheel), mod_timer re-arms and reports whether
 * the timer was pending, del_timer cancels, callbacks may re-arm themselves, expiries in the
 * past fire on the next tick, and all of it survives jiffies wrapping around.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/string.h>
#include <linux/timer.h>
#include "kernel_host.h"

volatile unsigned long jiffies;

struct probe {
	struct timer_list timer;
	int id;
	int fired;
	int rearm_delay;	/* > 0: the callback re-arms itself this many jiffies later */
	int rearm_left;
};

static int fire_order[16];
static int nfired;

static void probe_fn(struct timer_list *t)
{
	struct probe *p = from_timer(p, t, timer);

	p->fired++;
	if (nfired < (int)ARRAY_SIZE(fire_order))
		fire_order[nfired] = p->id;
	nfired++;
	if (p->rearm_left > 0) {
		p->rearm_left--;
		mod_timer(&p->timer, jiffies + p->rearm_delay);
	}
}

static void probe_init(struct probe *p, int id)
{
	memset(p, 0, sizeof(*p));
	p->id = id;
	timer_setup(&p->timer, probe_fn, 0);
}

/* Moves time forward one jiffy at a time, running the timers each tick as the softirq would. */
static void tick(unsigned long n)
{
	while (n--) {
		jiffies++;
		run_timers();
	}
}

/* Jumps far ahead in steps small enough for time_after() (no timers may be pending). */
static void advance_to(unsigned long target)
{
	assert_int_equal(timers_pending_count(), 0);
	while (jiffies != target) {
		unsigned long step = target - jiffies;

		if (step > (1UL << 62))
			step = 1UL << 62;
		jiffies += step;
		run_timers();
	}
}

static int setup(void **state)
{
	nfired = 0;
	memset(fire_order, 0, sizeof(fire_order));
	run_timers();	/* catch the wheel up with jiffies */
	return 0;
}

static int teardown(void **state)
{
	assert_int_equal(timers_pending_count(), 0);
	return 0;
}

static void test_kernel_timer_fires_at_expiry(void **state)
{
	struct probe p;

	probe_init(&p, 1);
	assert_int_equal(mod_timer(&p.timer, jiffies + 10), 0);
	assert_true(timer_pending(&p.timer));
	tick(9);
	assert_int_equal(p.fired, 0);
	tick(1);
	assert_int_equal(p.fired, 1);
	assert_false(timer_pending(&p.timer));
	tick(300);
	assert_int_equal(p.fired, 1);
}

static void test_kernel_timer_expiry_order(void **state)
{
	/* Delays chosen to share wheel slots (10 and 266, 0+256) and to pass the wheel's size. */
	static const int delays[] = { 30, 10, 266, 20, 256, 300, 1 };
	static const int expected[] = { 7, 2, 4, 1, 5, 3, 6 };
	struct probe p[ARRAY_SIZE(delays)];

	for (unsigned int i = 0; i < ARRAY_SIZE(delays); i++) {
		probe_init(&p[i], i + 1);
		mod_timer(&p[i].timer, jiffies + delays[i]);
	}
	assert_int_equal(timers_pending_count(), ARRAY_SIZE(delays));
	tick(255);
	assert_int_equal(nfired, 4);
	/* One big step (a host clock jump, or a long softirq delay): order still holds. */
	jiffies += 100;
	run_timers();
	assert_int_equal(nfired, ARRAY_SIZE(delays));
	for (unsigned int i = 0; i < ARRAY_SIZE(expected); i++)
		assert_int_equal(fire_order[i], expected[i]);
}

static void test_kernel_timer_mod_timer_rearm(void **state)
{
	struct probe p;

	probe_init(&p, 1);
	assert_int_equal(mod_timer(&p.timer, jiffies + 50), 0);
	tick(10);
	/* Pushed later: does not fire at the old time. */
	assert_int_equal(mod_timer(&p.timer, jiffies + 100), 1);
	tick(60);
	assert_int_equal(p.fired, 0);
	/* Pulled earlier. */
	assert_int_equal(mod_timer(&p.timer, jiffies + 5), 1);
	tick(5);
	assert_int_equal(p.fired, 1);
	tick(200);
	assert_int_equal(p.fired, 1);
	assert_int_equal(timers_pending_count(), 0);
}

static void test_kernel_timer_del_timer(void **state)
{
	struct probe p;

	probe_init(&p, 1);
	assert_int_equal(del_timer(&p.timer), 0);	/* never armed */
	mod_timer(&p.timer, jiffies + 20);
	tick(19);
	assert_int_equal(del_timer(&p.timer), 1);
	assert_int_equal(del_timer_sync(&p.timer), 0);	/* already gone */
	assert_false(timer_pending(&p.timer));
	tick(300);
	assert_int_equal(p.fired, 0);
	assert_int_equal(timers_pending_count(), 0);
}

static void test_kernel_timer_rearm_in_callback(void **state)
{
	struct probe periodic, now;

	probe_init(&periodic, 1);
	periodic.rearm_delay = 5;
	periodic.rearm_left = 3;
	mod_timer(&periodic.timer, jiffies + 5);
	/* Re-arming for "now" from the callback must wait for the next tick, not loop. */
	probe_init(&now, 2);
	now.rearm_delay = 0;
	now.rearm_left = 2;
	mod_timer(&now.timer, jiffies + 1);
	tick(1);
	assert_int_equal(now.fired, 1);
	tick(1);
	assert_int_equal(now.fired, 2);
	tick(1);
	assert_int_equal(now.fired, 3);
	tick(20);
	assert_int_equal(now.fired, 3);
	assert_int_equal(periodic.fired, 4);
}

static void test_kernel_timer_past_expiry(void **state)
{
	struct probe p;

	probe_init(&p, 1);
	mod_timer(&p.timer, jiffies - 5);
	assert_int_equal(p.fired, 0);
	/* The current jiffy was already processed: like Linux, it fires on the next tick. */
	tick(1);
	assert_int_equal(p.fired, 1);
}

static void test_kernel_timer_jiffies_wraparound(void **state)
{
	struct probe p, q;

	advance_to(ULONG_MAX - 5);
	probe_init(&p, 1);
	probe_init(&q, 2);
	mod_timer(&p.timer, jiffies + 10);	/* expires at 4, after the wrap */
	mod_timer(&q.timer, jiffies + 3);	/* expires at ULONG_MAX - 2 */
	assert_true(time_after(p.timer.expires, jiffies));
	tick(3);
	assert_int_equal(q.fired, 1);
	tick(6);
	assert_int_equal(p.fired, 0);
	tick(1);
	assert_int_equal(p.fired, 1);
	assert_int_equal(jiffies, 4);
	assert_int_equal(fire_order[0], 2);
	assert_int_equal(fire_order[1], 1);
}

static void test_kernel_timer_add_timer_pending_bugs(void **state)
{
	struct probe p;

	probe_init(&p, 1);
	p.timer.expires = jiffies + 10;
	add_timer(&p.timer);
	if (EXPECT_PANIC()) {
		del_timer(&p.timer);
		return;
	}
	add_timer(&p.timer);	/* already pending: a caller bug */
	kernel_host_panic_missed();
}

static void test_kernel_timer_softirq_runs_timers(void **state)
{
	struct probe p;
	void (*action)(struct softirq_action *);

	init_timers();
	action = kernel_host_softirq_action(TIMER_SOFTIRQ);
	assert_non_null(action);
	probe_init(&p, 1);
	mod_timer(&p.timer, jiffies + 2);
	jiffies += 2;
	action(NULL);
	assert_int_equal(p.fired, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_kernel_timer_fires_at_expiry, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_timer_expiry_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_timer_mod_timer_rearm, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_timer_del_timer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_timer_rearm_in_callback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_timer_past_expiry, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_timer_jiffies_wraparound, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_timer_add_timer_pending_bugs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_timer_softirq_runs_timers, setup, teardown),
	};

	jiffies = 1000;
	return cmocka_run_group_tests_name("kernel_timer", tests, NULL, NULL);
}
