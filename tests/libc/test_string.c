/* string.h, ctype.h, qsort/bsearch, sscanf, environment, calendar time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <time.h>
#include <sys/mman.h>
#include "tap.h"

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

int main(void)
{
	char buf[64], *p, *save, tok[] = "  a, b,,c  ";
	int arr[1000], i, sorted = 1, key, a, b, n;
	unsigned int seed = 1;
	char word[16], rest[16];
	struct tm tm;
	time_t t;

	is_long((long)strlen("hello"), 5, "strlen");
	is_long((long)strnlen("hello", 3), 3, "strnlen");
	ok(strcmp("abc", "abd") < 0 && strcmp("b", "a") > 0 && !strcmp("x", "x"), "strcmp order");
	ok(strcmp("\xff", "a") > 0, "strcmp compares as unsigned char");
	ok(!strncmp("abcdef", "abcxyz", 3) && strncmp("abcdef", "abcxyz", 4) < 0, "strncmp");
	ok(!strcasecmp("HeLLo", "hello") && strncasecmp("ABC", "abd", 3) < 0, "strcasecmp/strncasecmp");
	is_str(strcpy(buf, "copy"), "copy", "strcpy");
	is_str(strcat(buf, "cat"), "copycat", "strcat");
	memset(buf, 'x', sizeof(buf));
	strncpy(buf, "ab", 5);
	ok(!memcmp(buf, "ab\0\0\0x", 6), "strncpy pads with NULs to n");
	buf[0] = '\0';
	is_str(strncat(buf, "abcdef", 3), "abc", "strncat");
	is_str(strchr("hello", 'l'), "llo", "strchr");
	ok(strchr("hello", '\0') == strchr("hello", 'o') + 1, "strchr finds the terminator");
	is_str(strrchr("hello", 'l'), "lo", "strrchr");
	ok(!strchr("hello", 'z'), "strchr miss");
	is_str(strstr("haystack", "st"), "stack", "strstr");
	ok(!strstr("haystack", "needle") && !strcmp(strstr("abc", ""), "abc"), "strstr miss / empty needle");
	is_long((long)strspn("aabbcx", "ab"), 4, "strspn");
	is_long((long)strcspn("hello world", " "), 5, "strcspn");
	is_str(strpbrk("hello", "lo"), "llo", "strpbrk");
	p = strtok_r(tok, ", ", &save);
	ok(p && !strcmp(p, "a"), "strtok_r first token");
	p = strtok_r(NULL, ", ", &save);
	ok(p && !strcmp(p, "b"), "strtok_r second token");
	p = strtok_r(NULL, ", ", &save);
	ok(p && !strcmp(p, "c") && !strtok_r(NULL, ", ", &save), "strtok_r skips empty fields and ends");
	p = strdup("dup");
	is_str(p, "dup", "strdup");
	free(p);
	p = strndup("abcdef", 3);
	is_str(p, "abc", "strndup");
	free(p);

	strcpy(buf, "0123456789");
	memmove(buf + 2, buf, 5);
	is_str(buf, "0101234789", "memmove forward overlap");
	strcpy(buf, "0123456789");
	memmove(buf, buf + 2, 5);
	is_str(buf, "2345656789", "memmove backward overlap");
	ok(memcmp("ab", "ac", 2) < 0 && !memcmp("ab", "ab", 2), "memcmp");
	ok(memchr("abc", 'c', 3) && !memchr("abc", 'c', 2), "memchr respects n");
	memset(buf, 0x5a, 10);
	ok(buf[0] == 0x5a && buf[9] == 0x5a, "memset");
	{
		static char big1[100000], big2[100000];

		for (i = 0; i < 100000; i++)
			big1[i] = (char)(i * 31);
		memcpy(big2, big1, sizeof(big1));
		ok(!memcmp(big1, big2, sizeof(big1)), "memcpy of 100000 bytes");
	}

	ok(isdigit('5') && !isdigit('a') && isalpha('Q') && isspace('\t') && !isspace('x') &&
	   isxdigit('F') && !isxdigit('g') && isupper('A') && islower('a') && ispunct('!') && !ispunct('a'),
	   "ctype classes");
	ok(toupper('a') == 'A' && tolower('Z') == 'z' && toupper('1') == '1', "toupper/tolower");

	for (i = 0; i < 1000; i++)
		arr[i] = rand_r(&seed) % 500;
	qsort(arr, 1000, sizeof(int), cmp_int);
	for (i = 1; i < 1000; i++)
		sorted &= arr[i - 1] <= arr[i];
	ok(sorted, "qsort sorts 1000 ints with duplicates");
	for (i = 0; i < 1000; i++)
		arr[i] = 1000 - i;
	qsort(arr, 1000, sizeof(int), cmp_int);
	ok(arr[0] == 1 && arr[999] == 1000, "qsort reversed input");
	key = 500;
	ok(bsearch(&key, arr, 1000, sizeof(int), cmp_int) == &arr[499], "bsearch finds");
	key = 5000;
	ok(!bsearch(&key, arr, 1000, sizeof(int), cmp_int), "bsearch misses");

	n = sscanf("12 abc -7 0x1f rest", "%d %15s %d %x %15s", &a, word, &b, &i, rest);
	ok(n == 5 && a == 12 && !strcmp(word, "abc") && b == -7 && i == 31 && !strcmp(rest, "rest"),
	   "sscanf %%d %%s %%x (%d)", n);
	n = sscanf("1 (my prog) S 42", "%d (%15[^)]) %c %d", &a, word, &rest[0], &b);
	ok(n == 4 && a == 1 && !strcmp(word, "my prog") && rest[0] == 'S' && b == 42,
	   "sscanf scanset as /proc/PID/stat needs (%d)", n);
	ok(sscanf("", "%d", &a) == EOF && sscanf("x", "%d", &a) == 0, "sscanf EOF vs no match");
	{
		/* A number that ends right before unmapped memory (as argv strings do at the stack top). */
		char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		double d;

		munmap(page + 4096, 4096);
		memcpy(page + 4096 - 3, "42", 3);
		ok(sscanf(page + 4096 - 3, "%d", &a) == 1 && a == 42 && sscanf(page + 4096 - 3, "%lf", &d) == 1,
		   "sscanf does not read past the end of its input");
		munmap(page, 4096);
	}
	{
		double up, idle;
		float f;

		n = sscanf("1234.56 789.01\n", "%lf %lf", &up, &idle);
		ok(n == 2 && up > 1234.559 && up < 1234.561 && idle > 789.009 && idle < 789.011,
		   "sscanf %%lf reads /proc/uptime's two numbers");
		ok(sscanf("-2.5e3", "%f", &f) == 1 && f == -2500.0f, "sscanf %%f into a float");
	}

	ok(setenv("LIBC_TEST", "one", 1) == 0 && !strcmp(getenv("LIBC_TEST"), "one"), "setenv/getenv");
	setenv("LIBC_TEST", "two", 0);
	is_str(getenv("LIBC_TEST"), "one", "setenv without overwrite keeps the value");
	unsetenv("LIBC_TEST");
	ok(!getenv("LIBC_TEST"), "unsetenv");

	t = 1700000000;	/* 2023-11-14 22:13:20 UTC, a Tuesday */
	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %a %b %j", &tm);
	is_str(buf, "2023-11-14 22:13:20 Tue Nov 318", "gmtime_r + strftime");
	is_long((long)timegm(&tm), 1700000000L, "timegm inverts gmtime");
	t = 951782400;	/* 2000-02-29 */
	gmtime_r(&t, &tm);
	ok(tm.tm_year == 100 && tm.tm_mon == 1 && tm.tm_mday == 29, "leap day 2000-02-29");
	return done_testing();
}
