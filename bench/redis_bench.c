/* redis_bench.c — in-process Redis benchmark: SET/GET through the shim.
 *
 * Starts Redis with redis_init (the embedded defaults), then sends N commands
 * (default 200000) alternating `SET key:i val` and `GET key:i`, one
 * redis_client_exec call per command on the default client, and checks every
 * reply. Prints the start-up time, the loop's time and ops/s. Built as a WASI
 * command (build/bench/redis-bench.wasm) and natively
 * (build/bench/redis-bench-native) from the same sources.
 *
 * Usage: redis-bench [N]
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int redis_init(const char *config);
const char *redis_client_exec(int h, const char *req, size_t len, size_t *out_len);

#define DEFAULT_CLIENT 1

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* RESP array of bulk strings: `*argc\r\n` then `$len\r\narg\r\n` each. */
static size_t resp_command(char *out, int argc, const char **argv) {
    size_t n = (size_t)sprintf(out, "*%d\r\n", argc);
    for (int i = 0; i < argc; i++) {
        n += (size_t)sprintf(out + n, "$%zu\r\n%s\r\n", strlen(argv[i]), argv[i]);
    }
    return n;
}

static int expect(const char *what, const char *reply, size_t len, const char *want) {
    if (len == strlen(want) && memcmp(reply, want, len) == 0) return 0;
    fprintf(stderr, "redis-bench: %s: unexpected reply (%zu bytes): %.*s\n", what, len,
            (int)(len > 80 ? 80 : len), reply);
    return 1;
}

int main(int argc, char **argv) {
    long commands = argc > 1 ? atol(argv[1]) : 200000;
    if (commands <= 0) {
        fprintf(stderr, "usage: redis-bench [commands > 0]\n");
        return 2;
    }

    double t0 = now_ms();
    if (redis_init("") != 0) {
        fprintf(stderr, "redis-bench: redis_init failed\n");
        return 1;
    }
    double t1 = now_ms();

    char key[32], req[128];
    size_t reply_bytes = 0;
    for (long i = 0; i < commands; i++) {
        snprintf(key, sizeof key, "key:%ld", i / 2);
        const char *set[] = { "SET", key, "val" };
        const char *get[] = { "GET", key };
        int is_set = (i % 2) == 0;
        size_t len = is_set ? resp_command(req, 3, set) : resp_command(req, 2, get);
        size_t out_len;
        const char *reply = redis_client_exec(DEFAULT_CLIENT, req, len, &out_len);
        if (reply == NULL || expect(is_set ? "SET" : "GET", reply, out_len,
                                    is_set ? "+OK\r\n" : "$3\r\nval\r\n")) {
            return 1;
        }
        reply_bytes += out_len;
    }
    double t2 = now_ms();

    double loop_ms = t2 - t1;
    printf("redis_init: %.2f ms\n", t1 - t0);
    printf("%ld commands (SET/GET alternating) in %.1f ms: %.0f ops/s (%zu reply bytes)\n",
           commands, loop_ms, commands / (loop_ms / 1e3), reply_bytes);
    return 0;
}
