# Shared by the wasm-redis shell tests (sourced). Needs WASM_REDIS (the wasm-redis binary)
# and TEST_TMP (a scratch directory).
#
#   check NAME COMMAND...          run COMMAND; report "ok"/"not ok" for NAME
#   check_output NAME EXPECTED_FILE ACTUAL_FILE
#   start_server [OPTIONS...]      start `wasm-redis --serve --port 0` on 127.0.0.1; sets
#                                  SERVER_PID, SERVER_PORT, SERVER_LOG
#   stop_server                    SIGTERM, wait (bounded), SIGKILL if still there
#   finish                         print the counts; exit status 1 if a check failed

passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; }

check() {
    local name=$1
    shift
    if "$@" >"$TEST_TMP/check.out" 2>&1; then
        ok "$name"
    else
        not_ok "$name"
        sed 's/^/    /' "$TEST_TMP/check.out" | head -40
    fi
}

check_output() {
    if cmp -s "$2" "$3"; then
        ok "$1"
    else
        not_ok "$1"
        diff -a "$2" "$3" | head -40 | sed 's/^/    /'
    fi
}

# The client id in HELLO's reply depends on how many clients the server made before:
# replaced by ID in both the standard ("id" => (integer) 5, or "id" then (integer) 5 in
# RESP2) and raw forms ("id 5", or "id" then 5).
normalise_client_id() {
    awk '{
        if (after_id) sub(/[0-9]+$/, "ID")
        after_id = ($0 ~ /"id"$/ || $0 == "id")
        if ($0 ~ /"id" => \(integer\) [0-9]+$/ || $0 ~ /^id [0-9]+$/) sub(/[0-9]+$/, "ID")
        print
    }'
}

SERVER_PID=
start_server() {
    SERVER_LOG=$TEST_TMP/server.$RANDOM.log
    timeout 900 "$WASM_REDIS" --serve --bind 127.0.0.1 --port 0 "$@" >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    local waited=0
    until SERVER_PORT=$(sed -n 's/.*ready to accept connections on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$SERVER_LOG") && [ -n "$SERVER_PORT" ]; do
        if ! kill -0 "$SERVER_PID" 2>/dev/null || [ $waited -ge 300 ]; then
            echo "wasm-redis --serve did not start:" >&2
            cat "$SERVER_LOG" >&2
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
}

stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    kill -TERM "$SERVER_PID" 2>/dev/null
    local waited=0
    while kill -0 "$SERVER_PID" 2>/dev/null && [ $waited -lt 100 ]; do
        sleep 0.1
        waited=$((waited + 1))
    done
    kill -KILL "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
    SERVER_PID=
}

finish() {
    stop_server
    echo "# $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
