/* usertests: pipes between processes, blocking and not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include "usertests.h"

#define BIG	(1 << 20)

static unsigned int pattern(size_t i)
{
	return (unsigned int)((i * 2654435761U) >> 24) & 0xff;
}

void test_pipe(void)
{
	static unsigned char buf[65536];
	struct pollfd pfd;
	size_t total, i, chunk;
	int fds[2], st, bad;
	ssize_t n;
	pid_t pid;

	/* Round trip, then EOF once the writer is closed. */
	EXPECT_OK(pipe(fds));
	CHECK(write(fds[1], "hello", 5) == 5, "write: %s", strerror(errno));
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	CHECK(poll(&pfd, 1, 1000) == 1 && (pfd.revents & POLLIN), "poll: data not readable");
	CHECK(read(fds[0], buf, sizeof(buf)) == 5 && !memcmp(buf, "hello", 5), "read back failed");
	close(fds[1]);
	CHECK(read(fds[0], buf, sizeof(buf)) == 0, "read after the writer closed: expected 0 (EOF)");
	close(fds[0]);

	/* Writing with no reader: EPIPE (SIGPIPE is ignored by the driver). */
	EXPECT_OK(pipe(fds));
	close(fds[0]);
	EXPECT_ERR(write(fds[1], "x", 1), EPIPE);
	close(fds[1]);

	/* Non-blocking ends: EAGAIN when empty, and when full (after at least 4 KiB went in). */
	EXPECT_OK(pipe2(fds, O_NONBLOCK));
	EXPECT_ERR(read(fds[0], buf, 1), EAGAIN);
	for (total = 0; total < (64 << 20); total += (size_t)n) {
		n = write(fds[1], buf, 4096);
		if (n < 0)
			break;
	}
	CHECK(n < 0 && errno == EAGAIN && total >= 4096, "filling a non-blocking pipe: %zu bytes, then %s",
	      total, n < 0 ? strerror(errno) : "no error");
	CHECK(read(fds[0], buf, sizeof(buf)) > 0, "reading from the full pipe failed");
	close(fds[0]);
	close(fds[1]);

	/* 1 MiB parent -> child in odd-sized pieces; the child checks every byte. */
	EXPECT_OK(pipe(fds));
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		total = 0;
		bad = 0;
		while ((n = read(fds[0], buf, 7777)) > 0) {
			for (i = 0; i < (size_t)n; i++)
				bad |= buf[i] != pattern(total + i);
			total += (size_t)n;
		}
		_exit(n < 0 ? 3 : bad ? 2 : total == BIG ? 0 : 1);
	}
	close(fds[0]);
	for (total = 0; total < BIG; total += chunk) {
		chunk = BIG - total < 5000 ? BIG - total : 5000;
		for (i = 0; i < chunk; i++)
			buf[i] = (unsigned char)pattern(total + i);
		n = write(fds[1], buf, chunk);
		if (n != (ssize_t)chunk) {
			fail_at(__LINE__, "write of %zu at %zu returned %zd (%s)", chunk, total, n, strerror(errno));
			break;
		}
	}
	close(fds[1]);
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "reader status %#x (1: short, 2: corrupt, 3: read error)", st);

	/* Child -> parent, the other direction, and the child's exit closes its end. */
	EXPECT_OK(pipe(fds));
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		for (i = 0; i < sizeof(buf); i++)
			buf[i] = (unsigned char)pattern(i);
		for (i = 0; i < BIG / sizeof(buf); i++)
			if (write(fds[1], buf, sizeof(buf)) != (ssize_t)sizeof(buf))
				_exit(1);
		_exit(0);
	}
	close(fds[1]);
	total = 0;
	bad = 0;
	while ((n = read(fds[0], buf, sizeof(buf))) > 0) {
		for (i = 0; i < (size_t)n; i++)
			bad |= buf[i] != pattern((total + i) % sizeof(buf));
		total += (size_t)n;
	}
	close(fds[0]);
	CHECK(total == BIG && !bad, "parent read %zu bytes (expected %d), corrupt=%d", total, BIG, bad);
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0, "writer status %#x", st);
}

/* Each stage of the pipeline copies its input to its output. */
static void relay(int in, int out)
{
	static unsigned char buf[3000];
	ssize_t n;

	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			_exit(1);
	_exit(n < 0 ? 2 : 0);
}

/* 8 processes in a row, connected by pipes, carry 256 KiB from the first pipe to the last. */
void test_pipeline(void)
{
	enum { STAGES = 8, TOTAL = 256 << 10 };
	static unsigned char buf[4096];
	int fds[STAGES + 1][2], i, k, st, bad = 0;
	size_t got = 0, sent;
	pid_t pids[STAGES], writer;
	ssize_t n;

	for (i = 0; i <= STAGES; i++)
		EXPECT_OK(pipe(fds[i]));
	for (i = 0; i < STAGES; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			for (k = 0; k <= STAGES; k++) {
				if (k != i)
					close(fds[k][0]);
				if (k != i + 1)
					close(fds[k][1]);
			}
			relay(fds[i][0], fds[i + 1][1]);
		}
		CHECK(pids[i] > 0, "fork stage %d: %s", i, strerror(errno));
	}
	writer = fork();
	if (writer == 0) {
		for (k = 0; k <= STAGES; k++) {
			close(fds[k][0]);
			if (k)
				close(fds[k][1]);
		}
		for (sent = 0; sent < TOTAL; sent += sizeof(buf)) {
			for (k = 0; k < (int)sizeof(buf); k++)
				buf[k] = (unsigned char)pattern(sent + (size_t)k);
			if (write(fds[0][1], buf, sizeof(buf)) != (ssize_t)sizeof(buf))
				_exit(1);
		}
		_exit(0);
	}
	for (k = 0; k <= STAGES; k++) {
		close(fds[k][1]);
		if (k != STAGES)
			close(fds[k][0]);
	}
	while ((n = read(fds[STAGES][0], buf, sizeof(buf))) > 0) {
		for (k = 0; k < n; k++)
			bad |= buf[k] != pattern(got + (size_t)k);
		got += (size_t)n;
	}
	close(fds[STAGES][0]);
	CHECK(got == TOTAL && !bad, "the end of the pipeline got %zu bytes (expected %d), corrupt=%d", got, TOTAL, bad);
	CHECK(waitpid(writer, &st, 0) == writer && WIFEXITED(st) && WEXITSTATUS(st) == 0, "writer status %#x", st);
	for (i = 0; i < STAGES; i++)
		CHECK(waitpid(pids[i], &st, 0) == pids[i] && WIFEXITED(st) && WEXITSTATUS(st) == 0,
		      "stage %d status %#x", i, st);
}

/* Ping-pong one byte over two pipes, n times, with a child of our own. Returns 0 on success. */
static int ping_pong(int n)
{
	int to[2], from[2], i, st;
	char c = 0;
	pid_t pid;

	if (pipe(to) < 0 || pipe(from) < 0)
		return 1;
	pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		close(to[1]);
		close(from[0]);
		while (read(to[0], &c, 1) == 1) {
			c++;
			if (write(from[1], &c, 1) != 1)
				_exit(1);
		}
		_exit(0);
	}
	close(to[0]);
	close(from[1]);
	for (i = 0; i < n; i++) {
		char want = (char)(c + 1);

		if (write(to[1], &c, 1) != 1 || read(from[0], &c, 1) != 1 || c != want)
			return 3;
	}
	close(to[1]);
	close(from[0]);
	return waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : 4;
}

/* 16 process pairs at once, each passing a byte back and forth 200 times: wakeups under load. */
void test_concurrent(void)
{
	enum { PAIRS = 16, ROUNDS = 200 };
	pid_t pids[PAIRS];
	int i, st, ok = 0;

	for (i = 0; i < PAIRS; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(ping_pong(ROUNDS));
		CHECK(pids[i] > 0, "fork %d: %s", i, strerror(errno));
	}
	for (i = 0; i < PAIRS; i++) {
		if (pids[i] > 0 && waitpid(pids[i], &st, 0) == pids[i] && WIFEXITED(st) && WEXITSTATUS(st) == 0)
			ok++;
		else
			fail_at(__LINE__, "pair %d: status %#x (1 pipe, 2 fork, 3 wrong byte, 4 child)", i, st);
	}
	CHECK(ok == PAIRS, "%d of %d pairs completed", ok, PAIRS);
}
