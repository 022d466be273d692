/*
 * The CMOS real-time clock (Linux: arch/x86/kernel/rtc.c mach_get_cmos_time, drivers/rtc/lib.c).
 * Read once at boot to give CLOCK_REALTIME its starting point; QEMU's RTC follows the host clock.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/timekeeping.h>
#include <asm/io.h>
#include <asm/processor.h>

#define RTC_PORT_INDEX	0x70
#define RTC_PORT_DATA	0x71
#define RTC_SECONDS	0x00
#define RTC_MINUTES	0x02
#define RTC_HOURS	0x04
#define RTC_DAY		0x07
#define RTC_MONTH	0x08
#define RTC_YEAR	0x09
#define RTC_REG_A	0x0a
#define RTC_REG_B	0x0b
#define RTC_UIP		0x80	/* register A: an update is in progress */
#define RTC_DM_BINARY	0x04	/* register B: values are binary, not BCD */
#define RTC_24H		0x02
#define RTC_CENTURY	0x32	/* the ACPI century register QEMU provides */

static unsigned int cmos_read(unsigned int reg)
{
	outb(reg, RTC_PORT_INDEX);
	return inb(RTC_PORT_DATA);
}

static unsigned int bcd2bin(unsigned int v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* Days from 1970-01-01 to year-mon-day (Gauss's algorithm, as Linux's mktime64). */
static s64 mktime64(unsigned int year, unsigned int mon, unsigned int day, unsigned int hour,
		    unsigned int min, unsigned int sec)
{
	if ((int)(mon -= 2) <= 0) {	/* March first: February's leap day ends the year */
		mon += 12;
		year -= 1;
	}
	return ((((s64)(year / 4 - year / 100 + year / 400 + 367 * mon / 12 + day) + year * 365 -
		  719499) * 24 + hour) * 60 + min) * 60 + sec;
}

static int __init rtc_wallclock_init(void)
{
	unsigned int sec, min, hour, day, mon, year, century, status;
	unsigned long flags;
	int tries = 1000000;

	local_irq_save(flags);
	while ((cmos_read(RTC_REG_A) & RTC_UIP) && --tries)
		cpu_relax();
	sec = cmos_read(RTC_SECONDS);
	min = cmos_read(RTC_MINUTES);
	hour = cmos_read(RTC_HOURS);
	day = cmos_read(RTC_DAY);
	mon = cmos_read(RTC_MONTH);
	year = cmos_read(RTC_YEAR);
	century = cmos_read(RTC_CENTURY);
	status = cmos_read(RTC_REG_B);
	local_irq_restore(flags);

	if (!(status & RTC_DM_BINARY)) {
		sec = bcd2bin(sec);
		min = bcd2bin(min);
		hour = bcd2bin(hour & 0x7f) | (hour & 0x80);
		day = bcd2bin(day);
		mon = bcd2bin(mon);
		year = bcd2bin(year);
		century = bcd2bin(century);
	}
	if (!(status & RTC_24H) && (hour & 0x80))
		hour = ((hour & 0x7f) % 12) + 12;	/* 12-hour mode, PM */
	year += (century >= 19 && century <= 30) ? century * 100 : 2000;
	if (!tries || mon < 1 || mon > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 59) {
		pr_warn("rtc: unreadable CMOS clock, CLOCK_REALTIME starts at 1970\n");
		return 0;
	}
	set_boot_wallclock(mktime64(year, mon, day, hour, min, sec));
	pr_info("rtc: %04u-%02u-%02u %02u:%02u:%02u UTC\n", year, mon, day, hour, min, sec);
	return 0;
}
device_initcall(rtc_wallclock_init);
