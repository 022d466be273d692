/*
 * Time (Linux: arch/x86/kernel/{i8253,tsc}.c, kernel/time/tick-common.c). The PIT (8253/8254)
 * channel 0 interrupts HZ=1000 times a second on IRQ 0: each tick advances jiffies (by the tick
 * periods the TSC says passed, see ticks_elapsed), accounts the tick to the interrupted task
 * (update_process_times, which the scheduler provides) and raises TIMER_SOFTIRQ when timer_list
 * timers are pending. ktime_get_ns reads the TSC, whose rate is
 * measured against PIT channel 2 at boot. Both run on QEMU's virtual clock: paused in gdb, guest
 * time stands still.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/timer.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/time.h>
#include <asm/processor.h>

#define PIT_TICK_RATE		1193182		/* Hz, the PIT's input clock */
#define PIT_CH0			0x40
#define PIT_CH2			0x42
#define PIT_MODE		0x43
#define PIT_CH0_RATE_GEN	0x34		/* channel 0, lo/hi byte, mode 2 (rate generator) */
#define PIT_CH2_ONESHOT		0xb0		/* channel 2, lo/hi byte, mode 0 (count down once) */
#define PORT_B			0x61		/* bit 0: channel 2 gate, bit 1: speaker, bit 5: OUT2 */
#define LATCH			((PIT_TICK_RATE + HZ / 2) / HZ)
#define CALIBRATE_MS		10
#define CALIBRATE_GOOD		3		/* windows in a sane range to take the minimum of */
#define CALIBRATE_TRIES		8
#define TSC_KHZ_MIN		50000ULL	/* 50 MHz */
#define TSC_KHZ_MAX		20000000ULL	/* 20 GHz */

volatile unsigned long jiffies;

static u64 tsc_at_boot;
static u64 tsc_khz;
static u64 tsc_ns_mult;		/* ns per cycle, as a 32.32 fixed-point number */
static bool tsc_calibrated;
static u64 next_tick_ns;	/* ktime at which jiffies next advance */

#define TICK_NSEC		(1000000000ULL / HZ)
#define MAX_CATCHUP_TICKS	20	/* 20 ms: lost PIT interrupts, not a descheduled guest */

u64 ktime_get_ns(void)
{
	/* 128-bit product, no division: no overflow for centuries of uptime. */
	return (u64)(((unsigned __int128)(rdtsc() - tsc_at_boot) * tsc_ns_mult) >> 32);
}

/* Called first thing in start_kernel: printk timestamps count from here. */
void time_early_init(void)
{
	tsc_at_boot = rdtsc();
}

/*
 * Counts TSC cycles while PIT channel 2 counts down CALIBRATE_MS milliseconds (Linux's
 * pit_calibrate_tsc). The PIT's rate is fixed, so this gives the TSC's, whatever the host.
 */
static u64 calibrate_tsc_khz(void)
{
	u32 latch = PIT_TICK_RATE / (1000 / CALIBRATE_MS);
	u64 t1, t2;
	unsigned long loops = 0;

	outb((inb(PORT_B) & ~0x02) | 0x01, PORT_B);	/* gate on, speaker off */
	outb(PIT_CH2_ONESHOT, PIT_MODE);
	outb((u8)latch, PIT_CH2);
	outb((u8)(latch >> 8), PIT_CH2);
	t1 = rdtsc();
	while (!(inb(PORT_B) & 0x20) && ++loops < 100000000UL)
		;
	t2 = rdtsc();
	if (!(inb(PORT_B) & 0x20))
		return 0;
	return (t2 - t1) / CALIBRATE_MS;
}

/*
 * Under a loaded host QEMU can stall the guest inside one window and the TSC then runs far ahead of
 * the PIT (once seen: "1547130 MHz"). So, as Linux's pit_calibrate_tsc retries, measure several
 * windows, drop absurd results and keep the smallest: a stall only ever makes a window too long.
 */
static u64 calibrate_tsc_khz_robust(void)
{
	u64 best = 0;

	for (int tries = 0, good = 0; tries < CALIBRATE_TRIES && good < CALIBRATE_GOOD; tries++) {
		u64 khz = calibrate_tsc_khz();

		if (khz < TSC_KHZ_MIN || khz > TSC_KHZ_MAX)
			continue;
		good++;
		if (!best || khz < best)
			best = khz;
	}
	return best;
}

__attribute__((weak)) void scheduler_tick(void)
{
}

/* proc's scheduler replaces this (time accounting, then scheduler_tick). */
__attribute__((weak)) void update_process_times(int user_tick)
{
	scheduler_tick();
}

/*
 * Tick periods since the last tick, by the TSC. The PIT interrupt says "a tick passed", but under
 * emulation interrupts get lost or come late (QEMU runs the PIT from its I/O thread, which a busy
 * guest or device starves), and jiffies would fall behind the clock. So, as Linux's
 * tick_do_update_jiffies64 does with its clocksource, jiffies advance by the periods that really
 * passed, and timers and sleeps keep pace with ktime_get_ns() (CLOCK_MONOTONIC). An interrupt that
 * comes a little early by the TSC counts 0 and the next one catches up.
 *
 * Catching up is capped at MAX_CATCHUP_TICKS: a longer gap means the host did not run the guest at
 * all (a loaded machine), and counting it would fire TCP retransmissions for time the guest never
 * had. After such a gap jiffies resume from now, a little behind CLOCK_MONOTONIC.
 */
static unsigned long ticks_elapsed(void)
{
	u64 now = ktime_get_ns();
	unsigned long ticks;

	if (!tsc_calibrated)
		return 1;
	if (now < next_tick_ns)
		return 0;
	ticks = (now - next_tick_ns) / TICK_NSEC + 1;
	if (ticks > MAX_CATCHUP_TICKS) {
		next_tick_ns = now + TICK_NSEC;
		return MAX_CATCHUP_TICKS;
	}
	next_tick_ns += ticks * TICK_NSEC;
	return ticks;
}

static irqreturn_t timer_interrupt(int irq, void *dev_id)
{
	struct pt_regs *regs = get_irq_regs();
	unsigned long ticks = ticks_elapsed();

	if (!ticks)
		return IRQ_HANDLED;
	jiffies += ticks;
	if (timers_pending_count())
		raise_softirq_irqoff(TIMER_SOFTIRQ);
	update_process_times(regs && user_mode(regs));
	return IRQ_HANDLED;
}

void time_init(void)
{
	int err;

	tsc_khz = calibrate_tsc_khz_robust();
	tsc_calibrated = tsc_khz != 0;
	if (!tsc_calibrated) {
		/* A nominal 1 GHz keeps ktime_get_ns going; jiffies then count PIT interrupts only. */
		pr_warn("tsc: calibration against the PIT failed, assuming 1 GHz\n");
		tsc_khz = 1000000;
	}
	tsc_ns_mult = (1000000ULL << 32) / tsc_khz;
	pr_info("tsc: %lu.%03lu MHz TSC\n", (unsigned long)(tsc_khz / 1000), (unsigned long)(tsc_khz % 1000));

	outb(PIT_CH0_RATE_GEN, PIT_MODE);
	outb((u8)LATCH, PIT_CH0);
	outb((u8)(LATCH >> 8), PIT_CH0);
	next_tick_ns = ktime_get_ns() + TICK_NSEC;
	err = request_irq(0, timer_interrupt, 0, "timer", NULL);
	if (err)
		panic("time_init: cannot get IRQ 0: %d", err);
	pr_info("clocksource: PIT at HZ=%d drives jiffies\n", HZ);
}

void ndelay(unsigned long nsecs)
{
	u64 start = rdtsc();
	u64 cycles = (u64)nsecs * (tsc_khz ? tsc_khz : 1000000) / 1000000;

	while (rdtsc() - start < cycles)
		cpu_relax();
}

void udelay(unsigned long usecs)
{
	ndelay(usecs * 1000);
}

void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}
