/* fib.c — recursion: naive Fibonacci, two calls per call. */
#include <stdio.h>

static int fib(int n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(void) {
    volatile int n = 38;
    printf("fib(%d) = %d\n", n, fib(n));
    return 0;
}
