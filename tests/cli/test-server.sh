#!/usr/bin/env bash
# wasm-redis --serve with real clients, on 127.0.0.1 and a port the system picks:
#   redis-cli runs redis-cli-script.txt (every data type, transactions, Lua, functions,
#   errors); redis-cli-expected.txt is redis-cli 7.0.15's output for it against
#   redis-server 7.0.15 (`redis-cli --no-raw < redis-cli-script.txt`);
#   redis-benchmark with pipelining must complete without errors;
#   redis-py does pub/sub, blocking pops, transactions and pipelines (python_client.py);
#   and the server's start and end: a port in use, SHUTDOWN, SIGTERM and SIGINT.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
trap stop_server EXIT

start_server || exit 1

timeout 120 redis-cli -h 127.0.0.1 -p "$SERVER_PORT" --no-raw <"$here/redis-cli-script.txt" >"$TEST_TMP/redis-cli.txt" 2>&1
check_output "redis-cli script: every data type, as redis-server 7.0.15 answers" "$here/redis-cli-expected.txt" "$TEST_TMP/redis-cli.txt"

run_benchmark() {
    timeout 600 redis-benchmark -h 127.0.0.1 -p "$SERVER_PORT" -q -n 20000 -P 16 \
        -t set,get,incr,lpush,lpop,sadd,hset,zadd,lrange_100 >"$TEST_TMP/benchmark.txt" 2>&1 || return 1
    tr '\r' '\n' <"$TEST_TMP/benchmark.txt" | grep "requests per second" >"$TEST_TMP/benchmark-results.txt"
    cat "$TEST_TMP/benchmark-results.txt"
    # One result per test (LRANGE adds its LPUSH), and no error from the server.
    [ "$(wc -l <"$TEST_TMP/benchmark-results.txt")" -eq 10 ] && ! grep -qi "error" "$TEST_TMP/benchmark.txt"
}
check "redis-benchmark -n 20000 -P 16 (9 tests) completes without errors" run_benchmark
sed 's/^/    /' "$TEST_TMP/benchmark-results.txt" 2>/dev/null

check "redis-py: pub/sub, blocking pops, transactions, pipelines" timeout 300 python3 "$here/python_client.py" "$SERVER_PORT"

check "the server still answers after all that" bash -c '[ "$(timeout 30 redis-cli -h 127.0.0.1 -p "$1" PING)" = PONG ]' _ "$SERVER_PORT"

port_in_use() {
    timeout 60 "$WASM_REDIS" --serve --port "$SERVER_PORT" >"$TEST_TMP/second.log" 2>&1
    local code=$?
    [ "$code" -eq 1 ] && grep -q "Could not create server TCP listening socket 127.0.0.1:$SERVER_PORT: bind: Address already in use" "$TEST_TMP/second.log" \
        || { echo "status $code"; cat "$TEST_TMP/second.log"; return 1; }
}
check "a port in use: Redis's message, status 1" port_in_use

# How the server ends. Each waits for the process (bounded by start_server's timeout).
ends_with() {  # ends_with WHAT LOG_LINE: stop the server by WHAT, expect status 0 and LOG_LINE
    start_server || return 1
    case $1 in
        SHUTDOWN) timeout 30 redis-cli -h 127.0.0.1 -p "$SERVER_PORT" SHUTDOWN >/dev/null 2>&1 ;;
        *) kill "-$1" "$SERVER_PID" ;;
    esac
    wait "$SERVER_PID"
    local code=$?
    SERVER_PID=
    [ "$code" -eq 0 ] && grep -q "$2" "$SERVER_LOG" && grep -q "Redis is now ready to exit, bye bye" "$SERVER_LOG" \
        || { echo "status $code"; cat "$SERVER_LOG"; return 1; }
}
stop_server
check "SHUTDOWN: clean exit, status 0" ends_with SHUTDOWN "User requested shutdown"
check "SIGTERM: clean exit, status 0" ends_with TERM "Received SIGTERM scheduling shutdown"
check "SIGINT: clean exit, status 0" ends_with INT "Received SIGINT scheduling shutdown"

panic_ends_the_server() {
    start_server --config "$TEST_TMP/debug.conf" || return 1
    timeout 30 redis-cli -h 127.0.0.1 -p "$SERVER_PORT" DEBUG PANIC >/dev/null 2>&1
    wait "$SERVER_PID"
    local code=$?
    SERVER_PID=
    [ "$code" -eq 1 ] && grep -q "Guru Meditation: DEBUG PANIC" "$SERVER_LOG" && grep -q "^wasm-redis: Redis exited with status 1" "$SERVER_LOG" \
        || { echo "status $code"; tail -5 "$SERVER_LOG"; return 1; }
}
printf 'enable-debug-command yes\n' >"$TEST_TMP/debug.conf"
check "a Redis panic ends the server: bug report, status 1" panic_ends_the_server

finish
