/* SHA-256 (FIPS 180-4), for checking that a byte stream arrived intact (ttcp, tests). */
#ifndef _SHA256_H
#define _SHA256_H

#include <features.h>
#include <stddef.h>
#include <stdint.h>

__BEGIN_DECLS

#define SHA256_DIGEST_LENGTH	32
#define SHA256_BLOCK_SIZE	64

struct sha256_ctx {
	uint32_t state[8];
	uint64_t length;		/* bytes hashed so far */
	unsigned char block[SHA256_BLOCK_SIZE];
	size_t fill;			/* bytes waiting in block[] */
};

void sha256_init(struct sha256_ctx *ctx);
void sha256_update(struct sha256_ctx *ctx, const void *data, size_t len);
void sha256_final(struct sha256_ctx *ctx, unsigned char digest[SHA256_DIGEST_LENGTH]);
void sha256(const void *data, size_t len, unsigned char digest[SHA256_DIGEST_LENGTH]);
/* Lower-case hex of a digest into out[65] (NUL-terminated); returns out. */
char *sha256_hex(const unsigned char digest[SHA256_DIGEST_LENGTH], char out[2 * SHA256_DIGEST_LENGTH + 1]);

__END_DECLS

#endif
