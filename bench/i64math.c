/* i64math.c — 64-bit integer math: modular exponentiation (mul, div, rem),
 * a xorshift generator, rotates, popcount and leading/trailing zero counts. */
#include <stdint.h>
#include <stdio.h>

static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) {
    /* 32-bit halves keep every product below 2^64 for m < 2^32 */
    return (a % m) * (b % m) % m;
}

static uint64_t powmod(uint64_t base, uint64_t exp, uint64_t m) {
    uint64_t result = 1;
    base %= m;
    while (exp) {
        if (exp & 1) result = mulmod(result, base, m);
        base = mulmod(base, base, m);
        exp >>= 1;
    }
    return result;
}

static int popcount64(uint64_t x) {
    int n = 0;
    while (x) { x &= x - 1; n++; }
    return n;
}

int main(void) {
    volatile int rounds = 3500000;
    uint64_t state = 0x9E3779B97F4A7C15ull, acc = 0;
    for (int i = 0; i < rounds; i++) {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17;
        uint64_t m = (state >> 33) | 1;
        acc += powmod(state, (uint64_t)i + 65537, m);
        acc = (acc << 7) | (acc >> 57);
        acc += (uint64_t)popcount64(state) + (uint64_t)__builtin_clzll(state | 1) + (uint64_t)__builtin_ctzll(state | (1ull << 63));
        acc ^= (uint64_t)((int64_t)state / 1000003) ;
    }
    printf("i64math %d rounds: %016llx\n", rounds, (unsigned long long)acc);
    return 0;
}
