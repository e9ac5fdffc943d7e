/* simd.c — data-parallel kernels over a few MB, built twice for wasm (with and without
 * -msimd128, see mk/bench.mk) so that `make bench` compares the vector and scalar builds:
 * an 8-bit image blend, a sum of absolute differences, a 16-bit dot product and a float
 * saxpy. Plain loops: the compiler vectorizes them when SIMD is enabled. The checksum depends
 * on integer results only (the float kernel is element-wise, exact in both builds). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { PIXELS = 1 << 20, SAMPLES = 1 << 19, FLOATS = 1 << 19 };

/* 9 MB of static data: below the 16 MB initial memory of an Emscripten standalone module. */
static uint8_t image_a[PIXELS], image_b[PIXELS], image_out[PIXELS];
static int16_t samples_p[SAMPLES], samples_q[SAMPLES];
static float floats_x[FLOATS], floats_y[FLOATS];

static uint32_t seed = 12345;
static uint32_t next_random(void) {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
}

/* out = (a * alpha + b * (256 - alpha)) >> 8, per byte */
static void blend(uint8_t *restrict out, const uint8_t *restrict a, const uint8_t *restrict b,
                  unsigned alpha, int n) {
    for (int i = 0; i < n; i++)
        out[i] = (uint8_t)((a[i] * alpha + b[i] * (256 - alpha)) >> 8);
}

static uint32_t sad(const uint8_t *restrict a, const uint8_t *restrict b, int n) {
    uint32_t sum = 0;
    for (int i = 0; i < n; i++) sum += (uint32_t)abs(a[i] - b[i]);
    return sum;
}

static int32_t dot16(const int16_t *restrict a, const int16_t *restrict b, int n) {
    int32_t sum = 0;
    for (int i = 0; i < n; i++) sum += a[i] * b[i];
    return sum;
}

static void saxpy(float *restrict y, const float *restrict x, float a, int n) {
    for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i];
}

static int32_t truncated_sum(const float *restrict y, int n) {
    int32_t sum = 0;
    for (int i = 0; i < n; i++) sum += (int32_t)y[i];
    return sum;
}

int main(void) {
    volatile int rounds = 32;
    uint8_t *a = image_a, *b = image_b, *out = image_out;
    int16_t *p = samples_p, *q = samples_q;
    float *x = floats_x, *y = floats_y;
    for (int i = 0; i < PIXELS; i++) { a[i] = (uint8_t)next_random(); b[i] = (uint8_t)next_random(); }
    for (int i = 0; i < SAMPLES; i++) { p[i] = (int16_t)(next_random() % 2001) - 1000; q[i] = (int16_t)(next_random() % 2001) - 1000; }
    for (int i = 0; i < FLOATS; i++) { x[i] = (float)(next_random() % 1000) / 8.0f; y[i] = (float)(next_random() % 1000) / 4.0f; }

    uint32_t hash = 2166136261u;
    for (int r = 0; r < rounds; r++) {
        blend(out, a, b, 64 + 16 * (unsigned)r, PIXELS);
        hash = (hash ^ sad(out, b, PIXELS)) * 16777619u;
        hash = (hash ^ (uint32_t)dot16(p, q, SAMPLES)) * 16777619u;
        saxpy(y, x, 0.5f, FLOATS);
        hash = (hash ^ (uint32_t)truncated_sum(y, FLOATS)) * 16777619u;
        uint8_t *t = a; a = out; out = t;
    }
    printf("simd: %d rounds over %d pixels, %d samples, %d floats: hash %08x\n",
           (int)rounds, PIXELS, SAMPLES, FLOATS, hash);
    return 0;
}
