/*
 * Process start-up: _start (arch/x86_64/crt0.S) hands us the initial stack, we find argc, argv and
 * envp on it (System V x86_64 ABI 3.4.1), set up environ, and run main. Its return value goes to
 * exit(), which flushes stdio and ends the process.
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>

int main(int argc, char **argv, char **envp);
__libc_noreturn void __libc_start_main(long *sp);

char **environ;
char *program_invocation_name = "";
char *program_invocation_short_name = "";

__libc_noreturn void __libc_start_main(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char *slash;

	environ = envp;
	if (argc > 0 && argv[0]) {
		program_invocation_name = argv[0];
		slash = strrchr(argv[0], '/');
		program_invocation_short_name = slash ? slash + 1 : argv[0];
	}
	exit(main(argc, argv, envp));
}
