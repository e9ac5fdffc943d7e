/* memory.c — array and memory traffic: a sieve of Eratosthenes, then passes of
 * strided reads, prefix sums and block copies over a 4 MiB array. */
#include <stdint.h>
#include <stdio.h>

#define N (1 << 20)

static uint8_t composite[N];
static uint32_t data[N];
static uint32_t copy[N];

static void copy_block(uint32_t *dst, const uint32_t *src, int n) {
    for (int i = 0; i < n; i++) dst[i] = src[i];
}

int main(void) {
    uint32_t primes = 0;
    for (int i = 2; i < N; i++) {
        if (composite[i]) continue;
        primes++;
        for (int j = 2 * i; j < N; j += i) composite[j] = 1;
    }

    for (int i = 0; i < N; i++) data[i] = (uint32_t)i * 2654435761u;
    uint32_t sum = 0;
    for (int pass = 0; pass < 50; pass++) {
        for (int stride = 1; stride <= 64; stride *= 4) {
            for (int i = 0; i < N; i += stride) sum += data[i];
        }
        for (int i = 1; i < N; i++) data[i] += data[i - 1];
        for (int b = 0; b < N; b += 4096) copy_block(copy + (N - 4096 - b), data + b, 4096);
        for (int i = 0; i < N; i++) data[i] = copy[i] ^ (uint32_t)pass;
    }
    printf("primes below %d: %u, checksum %08x\n", N, primes, sum ^ data[N / 3]);
    return 0;
}
