/* sort.c — sorting: our own quicksort (median of three, insertion sort for
 * short ranges) over pseudo-random 32-bit integers, then a check pass;
 * several rounds with different seeds. */
#include <stdint.h>
#include <stdio.h>

#define N 500000
static int32_t a[N];

static void insertion(int32_t *v, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
        int32_t x = v[i];
        int j = i - 1;
        while (j >= lo && v[j] > x) { v[j + 1] = v[j]; j--; }
        v[j + 1] = x;
    }
}

static void swap(int32_t *v, int i, int j) { int32_t t = v[i]; v[i] = v[j]; v[j] = t; }

static void quicksort(int32_t *v, int lo, int hi) {
    while (hi - lo > 16) {
        int mid = lo + (hi - lo) / 2;
        if (v[mid] < v[lo]) swap(v, mid, lo);
        if (v[hi] < v[lo]) swap(v, hi, lo);
        if (v[hi] < v[mid]) swap(v, hi, mid);
        int32_t pivot = v[mid];
        int i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j) swap(v, i++, j--);
        }
        if (j - lo < hi - i) { quicksort(v, lo, j); lo = i; }
        else { quicksort(v, i, hi); hi = j; }
    }
    insertion(v, lo, hi);
}

int main(void) {
    volatile int rounds = 7;
    uint32_t s = 12345, check = 0;
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < N; i++) { s = s * 1103515245u + 12345u; a[i] = (int32_t)(s >> 1) % 1000000; }
        quicksort(a, 0, N - 1);
        for (int i = 0; i < N; i++) {
            if (i && a[i - 1] > a[i]) { printf("not sorted at %d\n", i); return 1; }
            check = check * 31 + (uint32_t)a[i];
        }
    }
    printf("sorted %d x %d: min %d max %d checksum %08x\n", rounds, N, a[0], a[N - 1], check);
    return 0;
}
