/* usertests: processes: fork, wait, exit status, exec, kill, signal handlers, fork's memory copy. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <signal.h>
#include <setjmp.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include "usertests.h"

void test_forkwait(void)
{
	pid_t pids[10], pid, parent = getpid();
	int st, i, k, seen;

	/* One child, its exit status, then nothing left. */
	pid = fork();
	if (pid == 0) {
		if (getppid() != parent || getpid() == parent)
			_exit(99);
		_exit(42);
	}
	CHECK(pid > 0, "fork: %s", strerror(errno));
	CHECK(wait4(pid, &st, 0, NULL) == pid, "wait4: %s", strerror(errno));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 42, "child status %#x, expected exit 42 (99: bad getppid/getpid)",
	      st);
	EXPECT_ERR(wait4(pid, &st, 0, NULL), ECHILD);
	EXPECT_ERR(wait4(-1, &st, WNOHANG, NULL), ECHILD);

	/* WNOHANG while the child runs returns 0. */
	pid = fork();
	if (pid == 0) {
		usleep(200000);
		_exit(0);
	}
	CHECK(waitpid(pid, &st, WNOHANG) == 0, "WNOHANG on a running child did not return 0");
	CHECK(waitpid(pid, &st, 0) == pid && WEXITSTATUS(st) == 0, "waiting for the sleeper failed");

	/* Exit codes are 8 bits. */
	for (i = 0; i < 4; i++) {
		static const int codes[] = { 0, 1, 255, 256 + 7 };

		pid = fork();
		if (pid == 0)
			_exit(codes[i]);
		CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == (codes[i] & 0xff),
		      "exit(%d) gave status %#x", codes[i], st);
	}

	/* Many at once: every one reaped exactly once, with its own status. */
	for (i = 0; i < 10; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			usleep((unsigned int)(10 - i) * 10000);
			_exit(i + 1);
		}
		CHECK(pids[i] > 0, "fork %d: %s", i, strerror(errno));
	}
	for (seen = 0; seen < 10; seen++) {
		pid = wait(&st);
		if (pid < 0) {
			fail_at(__LINE__, "wait after %d children: %s", seen, strerror(errno));
			break;
		}
		for (k = 0; k < 10 && pids[k] != pid; k++)
			;
		CHECK(k < 10, "wait returned unknown pid %d", (int)pid);
		if (k < 10) {
			CHECK(WEXITSTATUS(st) == k + 1, "child %d exited %d, expected %d", k, WEXITSTATUS(st), k + 1);
			pids[k] = 0;
		}
	}
	EXPECT_ERR(wait(&st), ECHILD);

	/* An orphan is adopted: when its parent exits, getppid() changes to the reaper (init). */
	{
		int fds[2];
		char verdict = 0;

		EXPECT_OK(pipe(fds));
		pid = fork();
		if (pid == 0) {
			pid_t middle = getpid();

			if (fork() == 0) {
				int i;

				for (i = 0; i < 200 && getppid() == middle; i++)
					usleep(10000);
				verdict = getppid() != middle && getppid() > 0 ? 'y' : 'n';
				write(fds[1], &verdict, 1);
				_exit(0);
			}
			_exit(0);	/* leave the grandchild behind */
		}
		close(fds[1]);
		CHECK(waitpid(pid, &st, 0) == pid, "waitpid middle: %s", strerror(errno));
		CHECK(read(fds[0], &verdict, 1) == 1 && verdict == 'y', "the orphan was not re-parented (%c)",
		      verdict ? verdict : '?');
		close(fds[0]);
	}

	/* Sequential fork/exit many times (leaks here show in the memleak test). */
	for (i = 0; i < 50; i++) {
		pid = fork();
		if (pid == 0)
			_exit(0);
		if (pid < 0 || waitpid(pid, &st, 0) != pid) {
			fail_at(__LINE__, "fork/wait round %d failed: %s", i, strerror(errno));
			break;
		}
	}
}

int exec_child_main(int argc, char **argv)
{
	const char *foo = getenv("USERTESTS_FOO");
	int i;

	/* usertests --exec-child fdcheck FD...: those descriptors must be closed (they were O_CLOEXEC). */
	if (argc >= 3 && !strcmp(argv[2], "fdcheck")) {
		for (i = 3; i < argc; i++)
			if (fcntl(atoi(argv[i]), F_GETFD) != -1 || errno != EBADF)
				return 10 + i;
		return 0;
	}
	/* usertests --exec-child many N ARG...: N arguments of 100 bytes each arrived intact. */
	if (argc >= 3 && !strcmp(argv[2], "many")) {
		if (argc != 4 + atoi(argv[3]))
			return 30;
		for (i = 4; i < argc; i++)
			if (strlen(argv[i]) != 100 || argv[i][0] != (char)('A' + i % 26))
				return 31;
		return 0;
	}

	/* Called as: usertests --exec-child CODE "two words" "" */
	if (argc != 5 || strcmp(argv[3], "two words") || strcmp(argv[4], ""))
		return 100;
	if (!foo || strcmp(foo, "bar"))
		return 101;
	return atoi(argv[2]);
}

void test_exec(void)
{
	char *argv[] = { (char *)self_path, "--exec-child", "7", "two words", "", NULL };
	char *envp[] = { "USERTESTS_FOO=bar", "PATH=/bin", NULL };
	int st;
	pid_t pid;

	pid = fork();
	if (pid == 0) {
		execve(self_path, argv, envp);
		_exit(120 + (errno & 7));
	}
	CHECK(waitpid(pid, &st, 0) == pid, "waitpid: %s", strerror(errno));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7,
	      "exec'd child status %#x (100: argv wrong, 101: environment wrong, 12x: execve failed)", st);

	/* A failed execve returns to the caller, which is still intact. */
	pid = fork();
	if (pid == 0) {
		execve("/no/such/program", argv, envp);
		_exit(errno == ENOENT ? 0 : 1);
	}
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0, "execve of a missing file");

	/* Bad argv / envp pointers: EFAULT, process intact. */
	pid = fork();
	if (pid == 0) {
		if (execve(self_path, (char **)KERNEL_TEXT, envp) != -1 || errno != EFAULT)
			_exit(1);
		if (execve(self_path, argv, (char **)unmapped_addr()) != -1 || errno != EFAULT)
			_exit(2);
		_exit(0);
	}
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "execve with bad argv (1) or envp (2) pointers: status %#x", st);

	/* 24 arguments of 100 bytes (within POSIX's 4096-byte minimum for argv + envp). */
	pid = fork();
	if (pid == 0) {
		static char args[24][101];
		char *many[24 + 5] = { (char *)self_path, "--exec-child", "many", "24" };
		int i;

		for (i = 0; i < 24; i++) {
			memset(args[i], 'A' + (i + 4) % 26, 100);
			many[4 + i] = args[i];
		}
		execve(self_path, many, envp);
		_exit(40);
	}
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "exec with 24 x 100-byte arguments: status %d (30: count, 31: contents, 40: execve failed)",
	      WEXITSTATUS(st));

	/* An argument too big for any new stack: E2BIG, and the caller carries on. */
	pid = fork();
	if (pid == 0) {
		size_t big = 4 << 20;
		char *arg = malloc(big + 1);
		char *huge[] = { (char *)self_path, arg, NULL };

		if (!arg)
			_exit(3);
		memset(arg, 'x', big);
		arg[big] = '\0';
		execve(self_path, huge, envp);
		_exit(errno == E2BIG ? 0 : 1);
	}
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "exec with a 4 MiB argument: status %#x, expected E2BIG", st);
}

void test_cloexec(void)
{
	char *envp[] = { "USERTESTS_FOO=bar", NULL };
	char a[12], b[12], c[12];
	int fds[2], fd, st;
	pid_t pid;

	EXPECT_OK(pipe2(fds, O_CLOEXEC));
	CHECK(fcntl(fds[0], F_GETFD) == FD_CLOEXEC, "pipe2(O_CLOEXEC) did not set FD_CLOEXEC");
	fd = EXPECT_OK(dup(fds[0]));
	CHECK(fcntl(fd, F_GETFD) == 0, "dup must clear FD_CLOEXEC");
	EXPECT_OK(fcntl(fd, F_SETFD, FD_CLOEXEC));
	CHECK(fcntl(fd, F_GETFD) == FD_CLOEXEC, "F_SETFD FD_CLOEXEC did not stick");
	CHECK(dup2(fd, fd) == fd, "dup2(fd, fd) must return fd");
	CHECK(fcntl(fd, F_DUPFD, 20) >= 20, "F_DUPFD 20 gave a lower descriptor");
	snprintf(a, sizeof(a), "%d", fds[0]);
	snprintf(b, sizeof(b), "%d", fds[1]);
	snprintf(c, sizeof(c), "%d", fd);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { (char *)self_path, "--exec-child", "fdcheck", a, b, c, NULL };

		execve(self_path, argv, envp);
		_exit(40);
	}
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "close-on-exec descriptors survived exec (status %d: 13+ = which argument)", WEXITSTATUS(st));
	/* Without FD_CLOEXEC they stay open across exec: the child sees fd (checks then fail with 15). */
	EXPECT_OK(fcntl(fd, F_SETFD, 0));
	pid = fork();
	if (pid == 0) {
		char *argv[] = { (char *)self_path, "--exec-child", "fdcheck", c, NULL };

		execve(self_path, argv, envp);
		_exit(40);
	}
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 13,
	      "a descriptor without FD_CLOEXEC was closed by exec (status %d)", WEXITSTATUS(st));
	close(fd);
	close(fds[0]);
	close(fds[1]);
}

void test_kill(void)
{
	static const int sigs[] = { SIGKILL, SIGTERM, SIGINT };
	int st, i;
	pid_t pid;

	for (i = 0; i < 3; i++) {
		pid = fork();
		if (pid == 0) {
			signal(sigs[i], SIG_DFL);	/* a shell may have left it ignored */
			for (;;)
				pause();
		}
		usleep(20000);
		CHECK(kill(pid, 0) == 0, "kill(pid, 0) on a live child: %s", strerror(errno));
		CHECK(kill(pid, sigs[i]) == 0, "kill(%d): %s", sigs[i], strerror(errno));
		CHECK(waitpid(pid, &st, 0) == pid, "waitpid: %s", strerror(errno));
		CHECK(WIFSIGNALED(st) && WTERMSIG(st) == sigs[i], "status %#x after signal %d", st, sigs[i]);
		EXPECT_ERR(kill(pid, 0), ESRCH);
	}
}

static volatile sig_atomic_t got_signal;

static void on_usr1(int sig)
{
	got_signal = sig;
}

static volatile pid_t info_pid;
static volatile int info_signo;

static void on_usr2_info(int sig, siginfo_t *si, void *ctx)
{
	info_signo = si->si_signo;
	info_pid = si->si_pid;
}

/* A blocked signal waits in sigpending() and runs as soon as it is unblocked; SA_SIGINFO gets si_pid. */
static void signal_mask_and_info(void)
{
	struct sigaction sa = { 0 };
	sigset_t set, pending;

	got_signal = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	EXPECT_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	EXPECT_OK(kill(getpid(), SIGUSR1));
	CHECK(got_signal == 0, "a blocked signal ran its handler");
	EXPECT_OK(sigpending(&pending));
	CHECK(sigismember(&pending, SIGUSR1) == 1, "sigpending does not show the blocked SIGUSR1");
	EXPECT_OK(sigprocmask(SIG_UNBLOCK, &set, NULL));
	CHECK(got_signal == SIGUSR1, "unblocking did not deliver the pending signal");

	sa.sa_sigaction = on_usr2_info;
	sa.sa_flags = SA_SIGINFO;
	EXPECT_OK(sigaction(SIGUSR2, &sa, NULL));
	EXPECT_OK(kill(getpid(), SIGUSR2));
	CHECK(info_signo == SIGUSR2 && info_pid == getpid(), "siginfo: signo %d pid %d, expected %d and %d",
	      info_signo, (int)info_pid, SIGUSR2, (int)getpid());
	signal(SIGUSR2, SIG_DFL);
}

static void on_alarm(int sig)
{
	got_signal = sig;
}

/* Without SA_RESTART a handler interrupts a blocking read with EINTR. */
static void signal_eintr(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 50000 } };
	struct sigaction sa = { 0 };
	int fds[2];
	char c;

	EXPECT_OK(pipe(fds));
	sa.sa_handler = on_alarm;
	EXPECT_OK(sigaction(SIGALRM, &sa, NULL));
	got_signal = 0;
	EXPECT_OK(setitimer(ITIMER_REAL, &it, NULL));
	EXPECT_ERR(read(fds[0], &c, 1), EINTR);
	CHECK(got_signal == SIGALRM, "SIGALRM handler did not run (got %d)", got_signal);
	signal(SIGALRM, SIG_DFL);
	close(fds[0]);
	close(fds[1]);
}

static jmp_buf fault_jmp;
static void *volatile fault_addr;

static void on_segv(int sig, siginfo_t *si, void *ctx)
{
	fault_addr = si->si_addr;
	longjmp(fault_jmp, 1);
}

/* A SIGSEGV handler learns the faulting address; here it jumps out, in a child. */
static void signal_fault_handler(void)
{
	struct sigaction sa = { 0 };
	int st;
	pid_t pid;

	pid = fork();
	if (pid == 0) {
		sa.sa_sigaction = on_segv;
		sa.sa_flags = SA_SIGINFO;
		if (sigaction(SIGSEGV, &sa, NULL) < 0)
			_exit(1);
		if (!setjmp(fault_jmp))
			*(volatile int *)0x1234 = 1;
		_exit(fault_addr == (void *)0x1234 ? 0 : 2);
	}
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "SIGSEGV handler: status %#x (2: wrong si_addr)", st);
}

void test_signal(void)
{
	struct sigaction sa = { 0 };
	int st;
	pid_t pid;

	/* SIG_IGN: the signal is discarded, and a child inherits the disposition. */
	CHECK(signal(SIGUSR2, SIG_IGN) != SIG_ERR, "signal(SIGUSR2, SIG_IGN): %s", strerror(errno));
	CHECK(kill(getpid(), SIGUSR2) == 0, "kill self SIGUSR2: %s", strerror(errno));
	pid = fork();
	if (pid == 0) {
		kill(getpid(), SIGUSR2);
		_exit(5);
	}
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 5,
	      "child with SIGUSR2 ignored: status %#x", st);
	signal(SIGUSR2, SIG_DFL);

	/* SIG_DFL for SIGUSR1 terminates. */
	pid = fork();
	if (pid == 0) {
		kill(getpid(), SIGUSR1);
		_exit(6);
	}
	CHECK(waitpid(pid, &st, 0) == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1,
	      "default action of SIGUSR1: status %#x, expected termination by signal 10", st);

	/* A handler runs when the signal arrives. */
	sa.sa_handler = on_usr1;
	if (sigaction(SIGUSR1, &sa, NULL) < 0) {
		if ((errno == EINVAL || errno == ENOSYS) && !test_failures())
			skip_test("SIG_IGN and SIG_DFL work; this kernel does not deliver handlers (sigaction: %s)",
				  strerror(errno));
		fail_at(__LINE__, "sigaction: %s", strerror(errno));
		return;
	}
	CHECK(kill(getpid(), SIGUSR1) == 0, "kill self: %s", strerror(errno));
	CHECK(got_signal == SIGUSR1, "handler did not run (got %d)", got_signal);
	signal_mask_and_info();
	signal_eintr();
	signal_fault_handler();
}

void test_forkmem(void)
{
	size_t size = 4 << 20, i;
	unsigned char *buf = malloc(size);
	int st;
	pid_t pid;

	CHECK(buf != NULL, "malloc 4 MiB failed");
	if (!buf)
		return;
	for (i = 0; i < size; i++)
		buf[i] = (unsigned char)(i * 7);
	pid = fork();
	if (pid == 0) {
		for (i = 0; i < size; i++)
			if (buf[i] != (unsigned char)(i * 7))
				_exit(1);	/* the child must see the parent's data */
		for (i = 0; i < size; i += 4096)
			buf[i] = 0xee;		/* ...and its writes stay its own */
		_exit(0);
	}
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "child status %#x (1: child saw different data)", st);
	for (i = 0; i < size; i++) {
		if (buf[i] != (unsigned char)(i * 7)) {
			fail_at(__LINE__, "parent byte %zu changed to %#x after the child wrote", i, buf[i]);
			break;
		}
	}
	free(buf);
}
