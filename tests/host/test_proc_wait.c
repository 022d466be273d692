/*
 * Wait queues (kernel/sched/wait.c, the real file): who __wake_up() wakes, in which order,
 * exclusive waiters, the poll key, and that a wake-up between prepare_to_wait() and schedule()
 * is not lost (the sleeper's state is already TASK_RUNNING when it would call schedule()).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/wait.h>
#include <linux/sched/task.h>
#include "proc_host.h"

#define NTASKS 4

static struct task_struct tasks[NTASKS];
static struct wait_queue_entry entries[NTASKS];
static DECLARE_WAIT_QUEUE_HEAD(wq);

static int setup(void **state)
{
	memset(tasks, 0, sizeof(tasks));
	init_waitqueue_head(&wq);
	proc_host_wakeups = 0;
	for (int i = 0; i < NTASKS; i++) {
		entries[i] = (struct wait_queue_entry){
			.private = &tasks[i],
			.func = autoremove_wake_function,
			.entry = LIST_HEAD_INIT(entries[i].entry),
		};
	}
	return 0;
}

/* Task i queues itself as the code of a sleeper would. */
static void sleep_on(int i, bool exclusive, long state)
{
	proc_host_current = &tasks[i];
	if (exclusive)
		prepare_to_wait_exclusive(&wq, &entries[i], state);
	else
		prepare_to_wait(&wq, &entries[i], state);
}

static void test_wait_prepare_sets_state_finish_resets(void **state)
{
	sleep_on(0, false, TASK_INTERRUPTIBLE);
	assert_int_equal(tasks[0].state, TASK_INTERRUPTIBLE);
	assert_true(waitqueue_active(&wq));
	finish_wait(&wq, &entries[0]);
	assert_int_equal(tasks[0].state, TASK_RUNNING);
	assert_false(waitqueue_active(&wq));
}

static void test_wait_wake_up_all_wakes_every_waiter(void **state)
{
	for (int i = 0; i < NTASKS; i++)
		sleep_on(i, i % 2, TASK_INTERRUPTIBLE);
	wake_up_interruptible_all(&wq);
	for (int i = 0; i < NTASKS; i++)
		assert_int_equal(tasks[i].state, TASK_RUNNING);
	assert_int_equal(proc_host_wakeups, NTASKS);
	assert_false(waitqueue_active(&wq));	/* autoremove took every entry off */
}

static void test_wait_exclusive_wakes_one_in_fifo_order(void **state)
{
	sleep_on(0, true, TASK_INTERRUPTIBLE);
	sleep_on(1, true, TASK_INTERRUPTIBLE);
	sleep_on(2, true, TASK_INTERRUPTIBLE);
	wake_up_interruptible(&wq);
	assert_int_equal(tasks[0].state, TASK_RUNNING);
	assert_int_equal(tasks[1].state, TASK_INTERRUPTIBLE);
	assert_int_equal(tasks[2].state, TASK_INTERRUPTIBLE);
	wake_up_interruptible(&wq);
	assert_int_equal(tasks[1].state, TASK_RUNNING);
	assert_int_equal(tasks[2].state, TASK_INTERRUPTIBLE);
	assert_int_equal(proc_host_wakeups, 2);
}

static void test_wait_nonexclusive_all_woken_before_one_exclusive(void **state)
{
	sleep_on(0, true, TASK_INTERRUPTIBLE);	/* exclusive: queued at the tail */
	sleep_on(1, false, TASK_INTERRUPTIBLE);	/* non-exclusive: queued at the head */
	sleep_on(2, false, TASK_INTERRUPTIBLE);
	sleep_on(3, true, TASK_INTERRUPTIBLE);
	wake_up_interruptible(&wq);
	assert_int_equal(tasks[1].state, TASK_RUNNING);
	assert_int_equal(tasks[2].state, TASK_RUNNING);
	assert_int_equal(tasks[0].state, TASK_RUNNING);
	assert_int_equal(tasks[3].state, TASK_INTERRUPTIBLE);
	assert_int_equal(proc_host_wakeups, 3);
}

static void test_wait_mode_filters_uninterruptible(void **state)
{
	sleep_on(0, false, TASK_UNINTERRUPTIBLE);
	wake_up_interruptible(&wq);
	assert_int_equal(tasks[0].state, TASK_UNINTERRUPTIBLE);
	assert_true(waitqueue_active(&wq));	/* not woken, so still queued */
	wake_up(&wq);
	assert_int_equal(tasks[0].state, TASK_RUNNING);
	assert_false(waitqueue_active(&wq));
}

static void test_wait_wakeup_before_schedule_not_lost(void **state)
{
	/* Sleeper: prepare_to_wait, then (condition false) it is about to call schedule()... */
	sleep_on(0, false, TASK_INTERRUPTIBLE);
	/* ...when an interrupt's wake-up arrives. */
	wake_up_interruptible(&wq);
	/* schedule() only sleeps a task whose state is not TASK_RUNNING: this one keeps running. */
	assert_int_equal(tasks[0].state, TASK_RUNNING);
	finish_wait(&wq, &entries[0]);
	assert_false(waitqueue_active(&wq));
}

static void *seen_key;
static int key_wake_function(struct wait_queue_entry *e, unsigned int mode, int sync, void *key)
{
	seen_key = key;
	return 0;	/* not woken: __wake_up goes on and the entry stays */
}

static void test_wait_poll_key_reaches_wake_function(void **state)
{
	struct wait_queue_entry e = {
		.private = &tasks[0],
		.func = key_wake_function,
		.entry = LIST_HEAD_INIT(e.entry),
	};

	add_wait_queue(&wq, &e);
	wake_up_interruptible_poll(&wq, 0x41);
	assert_ptr_equal(seen_key, (void *)0x41);
	assert_true(waitqueue_active(&wq));
	remove_wait_queue(&wq, &e);
	assert_false(waitqueue_active(&wq));
}

static void test_wait_prepare_twice_queues_once(void **state)
{
	sleep_on(0, false, TASK_INTERRUPTIBLE);
	sleep_on(0, false, TASK_INTERRUPTIBLE);	/* a retry loop calls it again */
	assert_true(list_is_singular(&wq.head));
	finish_wait(&wq, &entries[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_wait_prepare_sets_state_finish_resets, setup),
		cmocka_unit_test_setup(test_wait_wake_up_all_wakes_every_waiter, setup),
		cmocka_unit_test_setup(test_wait_exclusive_wakes_one_in_fifo_order, setup),
		cmocka_unit_test_setup(test_wait_nonexclusive_all_woken_before_one_exclusive, setup),
		cmocka_unit_test_setup(test_wait_mode_filters_uninterruptible, setup),
		cmocka_unit_test_setup(test_wait_wakeup_before_schedule_not_lost, setup),
		cmocka_unit_test_setup(test_wait_poll_key_reaches_wake_function, setup),
		cmocka_unit_test_setup(test_wait_prepare_twice_queues_once, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
