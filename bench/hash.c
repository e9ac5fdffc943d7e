/* hash.c — hashing: FNV-1a over bytes and a 64-bit multiply-rotate mixer over
 * words (in the style of xxHash, our own constants and structure). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define LEN (1 << 16)
static uint8_t buf[LEN];

static uint32_t fnv1a(const uint8_t *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

static uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

static uint64_t mix64(const uint8_t *p, size_t n, uint64_t seed) {
    const uint64_t k1 = 0x9E3779B185EBCA87ull, k2 = 0xC2B2AE3D27D4EB4Full;
    uint64_t a = seed + k1, b = seed ^ k2, c = seed - k1, d = ~seed;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        uint64_t w[4];
        memcpy(w, p + i, 32);
        a = rotl(a + w[0] * k2, 31) * k1;
        b = rotl(b + w[1] * k2, 31) * k1;
        c = rotl(c + w[2] * k2, 31) * k1;
        d = rotl(d + w[3] * k2, 31) * k1;
    }
    uint64_t h = rotl(a, 1) + rotl(b, 7) + rotl(c, 12) + rotl(d, 18) + n;
    for (; i < n; i++) h = rotl(h ^ (p[i] * k1), 11) * k2;
    h ^= h >> 33; h *= k2; h ^= h >> 29; h *= k1; h ^= h >> 32;
    return h;
}

int main(void) {
    volatile int rounds = 3500;
    for (int i = 0; i < LEN; i++) buf[i] = (uint8_t)(i * 131 + (i >> 8));
    uint32_t f = 0;
    uint64_t x = 0;
    for (int r = 0; r < rounds; r++) {
        buf[r] ^= (uint8_t)r;
        f ^= fnv1a(buf, LEN);
        x ^= mix64(buf, LEN, (uint64_t)r);
        for (int n = 1; n < 64; n++) x += mix64(buf + n, (size_t)n * 7, x);
    }
    printf("fnv1a %08x mix64 %016llx\n", f, (unsigned long long)x);
    return 0;
}
