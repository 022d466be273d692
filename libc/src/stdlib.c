/* Small stdlib pieces: integer helpers, pseudo-random numbers, the environment. */
#include <stdlib.h>
#include <string.h>
#include <errno.h>

int abs(int j) { return j < 0 ? -j : j; }
long labs(long j) { return j < 0 ? -j : j; }
long long llabs(long long j) { return j < 0 ? -j : j; }

div_t div(int num, int den)
{
	return (div_t){ num / den, num % den };
}

ldiv_t ldiv(long num, long den)
{
	return (ldiv_t){ num / den, num % den };
}

lldiv_t lldiv(long long num, long long den)
{
	return (lldiv_t){ num / den, num % den };
}

/* A 64-bit LCG (Knuth's MMIX constants); the high bits are the good ones. */
static unsigned long long rand_state = 1;

int rand_r(unsigned int *seed)
{
	unsigned long long s = *seed * 6364136223846793005ULL + 1442695040888963407ULL;

	*seed = (unsigned int)(s >> 32);
	return (int)(s >> 33);
}

int rand(void)
{
	rand_state = rand_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (int)(rand_state >> 33);
}

void srand(unsigned int seed)
{
	rand_state = seed;
}

long random(void)
{
	return rand();
}

void srandom(unsigned int seed)
{
	srand(seed);
}

/*
 * The environment. environ starts as the kernel's array; the first change copies the array to the
 * heap (owned_env). Strings set by setenv are heap copies; putenv strings belong to the caller.
 */
static char **owned_env;

static size_t env_match(const char *entry, const char *name, size_t len)
{
	return !strncmp(entry, name, len) && entry[len] == '=';
}

char *getenv(const char *name)
{
	size_t len = strlen(name);
	char **e;

	if (!environ)
		return NULL;
	for (e = environ; *e; e++)
		if (env_match(*e, name, len))
			return *e + len + 1;
	return NULL;
}

static int env_count(void)
{
	int n = 0;

	while (environ && environ[n])
		n++;
	return n;
}

/* Put entry (NAME=...) in place of an existing NAME or at the end. */
static int env_put(char *entry, size_t namelen)
{
	int n = env_count(), i;
	char **new_env;

	for (i = 0; i < n; i++) {
		if (env_match(environ[i], entry, namelen)) {
			environ[i] = entry;
			return 0;
		}
	}
	new_env = malloc((size_t)(n + 2) * sizeof(char *));
	if (!new_env)
		return -1;
	if (n)
		memcpy(new_env, environ, (size_t)n * sizeof(char *));
	new_env[n] = entry;
	new_env[n + 1] = NULL;
	free(owned_env);
	environ = owned_env = new_env;
	return 0;
}

int setenv(const char *name, const char *value, int overwrite)
{
	size_t nlen, vlen;
	char *entry;

	if (!name || !*name || strchr(name, '=')) {
		errno = EINVAL;
		return -1;
	}
	if (!overwrite && getenv(name))
		return 0;
	nlen = strlen(name);
	vlen = strlen(value);
	entry = malloc(nlen + vlen + 2);
	if (!entry)
		return -1;
	memcpy(entry, name, nlen);
	entry[nlen] = '=';
	memcpy(entry + nlen + 1, value, vlen + 1);
	if (env_put(entry, nlen) < 0) {
		free(entry);
		return -1;
	}
	return 0;
}

int putenv(char *string)
{
	char *eq = strchr(string, '=');

	if (!eq)
		return unsetenv(string);
	return env_put(string, (size_t)(eq - string));
}

int unsetenv(const char *name)
{
	size_t len;
	char **r, **w;

	if (!name || !*name || strchr(name, '=')) {
		errno = EINVAL;
		return -1;
	}
	if (!environ)
		return 0;
	len = strlen(name);
	for (r = w = environ; *r; r++)
		if (!env_match(*r, name, len))
			*w++ = *r;
	*w = NULL;
	return 0;
}

int clearenv(void)
{
	free(owned_env);
	owned_env = NULL;
	environ = NULL;
	return 0;
}
