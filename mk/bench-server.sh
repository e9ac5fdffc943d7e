#!/usr/bin/env bash
# make bench-server: redis-benchmark against `wasm-redis --serve` and against Debian's native
# redis-server in the same run, same flags, both on 127.0.0.1; prints a Markdown table with
# the ratio (native requests per second / wasm-redis requests per second) per test.
#
#   mk/bench-server.sh WASM_REDIS_BINARY "REDIS_BENCHMARK_FLAGS" ["MORE_FLAGS" ...]
#
# Each flag set is one table (e.g. pipelined and not). The native server is our own instance
# on a free port with persistence off (--save "" --appendonly no), never the system service.
set -u
wasm_redis=$1
shift
tests=set,get,incr,lpush,lpop,sadd,hset,zadd,lrange_100
work=$(mktemp -d)
native_pid=
wasm_pid=
cleanup() {
    for pid in $wasm_pid $native_pid; do
        kill -TERM "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for() {  # wait_for PORT: until it answers PING (at most 30 s)
    for _ in $(seq 300); do
        [ "$(redis-cli -h 127.0.0.1 -p "$1" PING 2>/dev/null)" = PONG ] && return 0
        sleep 0.1
    done
    echo "nothing answers on 127.0.0.1:$1" >&2
    return 1
}

native_port=$(free_port)
redis-server --bind 127.0.0.1 --port "$native_port" --save "" --appendonly no --daemonize no \
    --logfile "$work/native.log" &
native_pid=$!
"$wasm_redis" --serve --bind 127.0.0.1 --port 0 >"$work/wasm.log" 2>&1 &
wasm_pid=$!
wait_for "$native_port" || exit 1
for _ in $(seq 300); do
    wasm_port=$(sed -n 's/.*ready to accept connections on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/wasm.log")
    [ -n "$wasm_port" ] && break
    sleep 0.1
done
wait_for "${wasm_port:?wasm-redis did not start}" || exit 1

# results FILE: "test<TAB>requests per second" lines from redis-benchmark -q output
results() {
    tr '\r' '\n' <"$1" | sed -n 's/^\(.*\): \([0-9.]*\) requests per second.*/\1\t\2/p'
}

echo "$(redis-benchmark --version | head -1); native: $(redis-server --version | cut -d' ' -f1-3)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for flags in "$@"; do
    # shellcheck disable=SC2086
    redis-benchmark -h 127.0.0.1 -p "$native_port" -q $flags -t "$tests" >"$work/native.out" 2>&1 || exit 1
    redis-cli -h 127.0.0.1 -p "$native_port" FLUSHALL >/dev/null
    # shellcheck disable=SC2086
    redis-benchmark -h 127.0.0.1 -p "$wasm_port" -q $flags -t "$tests" >"$work/wasm.out" 2>&1 || exit 1
    redis-cli -h 127.0.0.1 -p "$wasm_port" FLUSHALL >/dev/null
    echo
    echo "\`redis-benchmark -q $flags -t $tests\`"
    echo
    echo "| test | native redis-server (req/s) | wasm-redis --serve (req/s) | native / wasm-redis |"
    echo "| --- | ---: | ---: | ---: |"
    paste <(results "$work/native.out") <(results "$work/wasm.out") |
        awk -F'\t' '$1 != $3 { print "different tests: " $1 " and " $3 > "/dev/stderr"; exit 1 }
                    { printf "| %s | %\047.0f | %\047.0f | %.1f× |\n", $1, $2, $4, $2 / $4; product += log($2 / $4); n++ }
                    END { if (n) printf "| geometric mean | | | %.1f× |\n", exp(product / n) }'
done
