#!/usr/bin/env bash
# wasm-redis as a shell: commands from standard input printed as redis-cli prints them
# (shell-expected*.txt are redis-cli 7.0.15's own output for shell-input.txt against
# redis-server 7.0.15: `redis-cli --no-raw` and `redis-cli --raw`), the prompt on a terminal,
# one-shot commands and their exit status, and the options.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"

timeout 120 "$WASM_REDIS" <"$here/shell-input.txt" 2>&1 | normalise_client_id >"$TEST_TMP/shell.txt"
check_output "piped commands print as redis-cli does" "$here/shell-expected.txt" "$TEST_TMP/shell.txt"
timeout 120 "$WASM_REDIS" --raw <"$here/shell-input.txt" 2>&1 | normalise_client_id >"$TEST_TMP/shell-raw.txt"
check_output "piped commands with --raw print as redis-cli --raw does" "$here/shell-expected-raw.txt" "$TEST_TMP/shell-raw.txt"

check "the prompt on a terminal (SELECT, MULTI, help, quit)" timeout 120 python3 "$here/prompt_pty.py" "$WASM_REDIS"

# One command from the command line.
expect_run() {  # expect_run EXPECTED_STATUS EXPECTED_STDOUT ARGS...
    local status=$1 expected=$2
    shift 2
    local actual
    actual=$(timeout 60 "$WASM_REDIS" "$@" 2>"$TEST_TMP/stderr")
    local code=$?
    if [ "$code" -ne "$status" ]; then
        echo "exit status $code, expected $status; stderr:"; cat "$TEST_TMP/stderr"; return 1
    fi
    if [ "$actual" != "$expected" ]; then
        printf 'stdout:\n%s\nexpected:\n%s\n' "$actual" "$expected"; return 1
    fi
}
check "one-shot SET prints OK, status 0" expect_run 0 "OK" SET k v
check "one-shot arguments are binary-safe" expect_run 0 '"a\nb"' ECHO "a
b"
check "one-shot error reply: printed, status 1" expect_run 1 "(error) ERR unknown command 'NOSUCH', with args beginning with: 'x' " NOSUCH x
check "one-shot wrong number of arguments: status 1" expect_run 1 "(error) ERR wrong number of arguments for 'get' command" GET
check "one-shot --raw" expect_run 0 "a b" --raw ECHO "a b"
check "one-shot words after the command are arguments, not options" expect_run 0 '"--raw"' ECHO --raw
check "one-shot array reply" expect_run 0 $'1) "maxmemory"\n2) "10485760"' --maxmemory 10mb CONFIG GET maxmemory
check "--maxmemory-policy" expect_run 0 $'1) "maxmemory-policy"\n2) "allkeys-lru"' --maxmemory-policy allkeys-lru CONFIG GET maxmemory-policy

printf '# test configuration\nmaxmemory 20mb\nhz 25\nport 7777\n' >"$TEST_TMP/test.conf"
check "--config applies redis.conf directives" expect_run 0 $'1) "hz"\n2) "25"' --config "$TEST_TMP/test.conf" CONFIG GET hz
check "--config: the command line wins" expect_run 0 $'1) "maxmemory"\n2) "31457280"' --config "$TEST_TMP/test.conf" --maxmemory 30mb CONFIG GET maxmemory
check "--config: port is the server's, not passed to Redis" expect_run 0 $'1) "port"\n2) "0"' --config "$TEST_TMP/test.conf" CONFIG GET port
printf 'no-such-directive yes\n' >"$TEST_TMP/bad.conf"
check "a directive Redis rejects: its message, status 1" bash -c '
    ! timeout 60 "$1" --config "$2" PING 2>"$3" && grep -q "Bad directive or wrong number of arguments" "$3"' _ "$WASM_REDIS" "$TEST_TMP/bad.conf" "$TEST_TMP/stderr"
check "--wasm with a missing file: status 1" bash -c '
    ! timeout 60 "$1" --wasm /nonexistent/redis.wasm PING 2>"$2" && grep -q "redis.wasm not found" "$2"' _ "$WASM_REDIS" "$TEST_TMP/stderr"
check "SHUTDOWN ends the shell, status 0" bash -c '
    out=$(printf "SET a 1\nSHUTDOWN NOSAVE\nGET a\n" | timeout 60 "$1") &&
    [ "$(printf "%s\n" "$out" | head -1)" = OK ] && ! printf "%s" "$out" | grep -q "(nil)"' _ "$WASM_REDIS"
printf 'enable-debug-command yes\n' >"$TEST_TMP/debug.conf"
check "a Redis panic: its bug report, then status 1" bash -c '
    timeout 60 "$1" --config "$2" DEBUG PANIC >"$3" 2>"$4"
    [ $? -eq 1 ] && grep -q "Guru Meditation: DEBUG PANIC" "$3" && grep -q "^wasm-redis: Redis exited with status 1" "$4"' \
    _ "$WASM_REDIS" "$TEST_TMP/debug.conf" "$TEST_TMP/stdout" "$TEST_TMP/stderr"
check "--version" expect_run 0 "wasm-redis 0.1.0 (Redis 7.0.15)" --version
check "--help" bash -c 'timeout 60 "$1" --help | grep -q "^usage: wasm-redis"' _ "$WASM_REDIS"

expect_usage_error() {  # the arguments are refused with the usage line and status 2
    timeout 60 "$WASM_REDIS" "$@" >"$TEST_TMP/stdout" 2>"$TEST_TMP/stderr" </dev/null
    local code=$?
    [ "$code" -eq 2 ] && grep -q "^usage: wasm-redis" "$TEST_TMP/stderr" || { echo "status $code"; cat "$TEST_TMP/stderr"; return 1; }
}
check "unknown option: usage, status 2" expect_usage_error --bogus
check "bad memory size: usage, status 2" expect_usage_error --maxmemory lots PING
check "bad policy: usage, status 2" expect_usage_error --maxmemory-policy sometimes PING
check "option without its value: usage, status 2" expect_usage_error --wasm
check "--port without --serve: usage, status 2" expect_usage_error --port 7000 PING
check "--serve with a command: usage, status 2" expect_usage_error --serve PING
check "bad port: usage, status 2" expect_usage_error --serve --port 70000

finish
