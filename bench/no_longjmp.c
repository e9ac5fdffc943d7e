/* no_longjmp.c — setjmp/longjmp for the WASI command build of the Redis
 * benchmark (build/bench/redis-bench.wasm), which is linked with
 * -sSUPPORT_LONGJMP=0 so that it imports WASI only (no invoke_* trampolines).
 *
 * Only Lua uses setjmp (its protected calls). setjmp here records nothing and
 * returns 0, so protected code runs normally; a Lua error would need to jump
 * back, which this build cannot do: it stops the program with a message. The
 * benchmark's SET/GET loop never runs Lua.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

int setjmp(jmp_buf env) {
    (void)env;
    return 0;
}

_Noreturn void longjmp(jmp_buf env, int val) {
    (void)env, (void)val;
    fprintf(stderr, "redis-bench: a Lua error needs longjmp, which this build leaves out\n");
    abort();
}
