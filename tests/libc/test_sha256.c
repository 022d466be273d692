/* SHA-256 against the FIPS 180-2 / NIST example vectors, and incremental updates. */
#include <sha256.h>
#include <stdlib.h>
#include "tap.h"

static const char *hex(const void *data, size_t len)
{
	static char out[65];
	unsigned char d[32];

	sha256(data, len, d);
	return sha256_hex(d, out);
}

int main(void)
{
	struct sha256_ctx ctx;
	unsigned char d[32], d2[32];
	char out[65], *million;
	size_t i;

	is_str(hex("abc", 3), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "FIPS 180-2 \"abc\"");
	is_str(hex("", 0), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "empty message");
	is_str(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56),
	       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", "FIPS 180-2 448-bit message");
	is_str(hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 112),
	       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1", "896-bit message");
	million = malloc(1000000);
	memset(million, 'a', 1000000);
	is_str(hex(million, 1000000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	       "one million 'a'");
	/* The same digest fed in uneven pieces (crosses block boundaries at every offset). */
	sha256_init(&ctx);
	for (i = 0; i < 1000000; i += 997)
		sha256_update(&ctx, million + i, 1000000 - i < 997 ? 1000000 - i : 997);
	sha256_final(&ctx, d);
	is_str(sha256_hex(d, out), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	       "one million 'a' in 997-byte pieces");
	/* Lengths around the padding boundary (55, 56, 63, 64, 65 bytes) agree between one-shot and byte-wise. */
	for (i = 54; i <= 66; i++) {
		size_t k;

		sha256(million, i, d);
		sha256_init(&ctx);
		for (k = 0; k < i; k++)
			sha256_update(&ctx, million + k, 1);
		sha256_final(&ctx, d2);
		ok(!memcmp(d, d2, 32), "length %zu: one-shot == byte at a time", i);
	}
	free(million);
	return done_testing();
}
