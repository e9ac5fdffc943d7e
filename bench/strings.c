/* strings.c — string operations written here (not libc's): length, compare,
 * search, integer formatting and parsing, reversal, over generated text. */
#include <stdint.h>
#include <stdio.h>

#define TEXT 8192
static char text[TEXT + 1];
static char words[512][16];

static size_t str_len(const char *s) { const char *p = s; while (*p) p++; return (size_t)(p - s); }

static int str_cmp(const char *a, const char *b) {
    while (*a && *a == *b) { a++; b++; }
    return (unsigned char)*a - (unsigned char)*b;
}

static const char *str_find(const char *hay, const char *needle) {
    for (; *hay; hay++) {
        const char *h = hay, *n = needle;
        while (*n && *h == *n) { h++; n++; }
        if (!*n) return hay;
    }
    return 0;
}

static int fmt_uint(char *out, uint32_t v) {
    char tmp[12];
    int n = 0;
    do { tmp[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    out[n] = 0;
    return n;
}

static uint32_t parse_uint(const char *s) {
    uint32_t v = 0;
    while (*s >= '0' && *s <= '9') v = v * 10 + (uint32_t)(*s++ - '0');
    return v;
}

static void reverse(char *s, size_t n) {
    for (size_t i = 0, j = n - 1; i < j; i++, j--) { char t = s[i]; s[i] = s[j]; s[j] = t; }
}

int main(void) {
    volatile int rounds = 2500;
    uint32_t seed = 7, check = 0;
    for (int i = 0; i < TEXT; i++) {
        seed = seed * 1664525u + 1013904223u;
        text[i] = (seed >> 24) % 9 == 0 ? ' ' : (char)('a' + (seed >> 24) % 6);
    }
    for (int w = 0; w < 512; w++) {
        int n = fmt_uint(words[w], (uint32_t)w * 7919u);
        words[w][n] = 'a' + w % 6;
        words[w][n + 1] = 0;
    }
    for (int r = 0; r < rounds; r++) {
        check += (uint32_t)str_len(text);
        for (int w = 1; w < 512; w++) check += (uint32_t)(str_cmp(words[w - 1], words[w]) > 0);
        const char *needle = words[r % 512] + str_len(words[r % 512]) - 3;
        const char *hit = str_find(text, needle);
        check += hit ? (uint32_t)(hit - text) : 1u;
        const char pats[4][5] = { "abca", "fed", "cafe", "bead" };
        for (int p = 0; p < 4; p++) {
            const char *q = text;
            while ((q = str_find(q, pats[p])) != 0) { check += (uint32_t)(q - text); q++; }
        }
        for (int w = 0; w < 512; w++) check += parse_uint(words[w]);
        reverse(text, TEXT);
    }
    printf("strings: checksum %08x\n", check);
    return 0;
}
