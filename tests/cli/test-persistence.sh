#!/usr/bin/env bash
# wasm-redis --dir: data kept in a host directory across processes.
#   --serve --dir D: keys written with redis-cli survive SIGTERM, SIGINT and SHUTDOWN (Redis
#   saves dump.rdb on shutdown, with redis-server's default save points), not SHUTDOWN NOSAVE;
#   appendonly yes: the AOF has every write after a SIGKILL; BGSAVE and BGREWRITEAOF answer
#   as redis-server does and leave complete files;
#   the shell and one-shot commands on D: read what the server saved, save at their end (also
#   when SIGINT or SIGTERM ends the shell);
#   the save points with and without --dir; a configuration file's dir as the data directory;
#   --dir on something that is not a directory: the message, status 2.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
trap stop_server EXIT

cli() { timeout 60 redis-cli -h 127.0.0.1 -p "$SERVER_PORT" "$@"; }

# Keys of several types; then what a reader sees of them (one line per reply).
write_keys() {
    cli SET greeting "hello world" >/dev/null &&
        cli HSET hash name redis version 7 >/dev/null &&
        cli RPUSH list a b c >/dev/null &&
        cli SADD set x y >/dev/null &&
        cli ZADD zset 1 one 2 two >/dev/null &&
        cli SET expiring soon EX 3600 >/dev/null
}
read_keys() {
    cli DBSIZE && cli GET greeting && cli HGETALL hash && cli LRANGE list 0 -1 &&
        cli SMEMBERS set | sort && cli ZRANGE zset 0 -1 WITHSCORES && cli TTL expiring | awk '{ print ($1 > 3500 && $1 <= 3600) ? "ttl ok" : "ttl " $1 }'
}
# What read_keys prints for write_keys's data.
cat >"$TEST_TMP/expected-keys.txt" <<'EOF'
6
hello world
name
redis
version
7
a
b
c
x
y
one
1
two
2
ttl ok
EOF

# Stops the server with $1 (TERM, INT or a command for redis-cli) and checks status 0.
stop_with() {
    case $1 in
        TERM | INT | KILL) kill "-$1" "$SERVER_PID" ;;
        *) cli $1 >/dev/null 2>&1 ;;
    esac
    wait "$SERVER_PID"
    local code=$?
    SERVER_PID=
    [ "$1" = KILL ] || [ "$code" -eq 0 ] || { echo "status $code"; cat "$SERVER_LOG"; return 1; }
}

survives() {  # survives HOW: write, stop by HOW, restart on the same directory, read
    local dir=$TEST_TMP/data-$1
    mkdir -p "$dir"
    start_server --dir "$dir" || return 1
    write_keys || return 1
    stop_with "$1" || return 1
    [ -f "$dir/dump.rdb" ] || { echo "no dump.rdb"; ls -la "$dir"; return 1; }
    start_server --dir "$dir" || return 1
    read_keys >"$TEST_TMP/read.txt" 2>&1
    stop_server
    diff "$TEST_TMP/expected-keys.txt" "$TEST_TMP/read.txt"
}
check "--serve --dir: SIGTERM saves, a new server reads every key" survives TERM
check "--serve --dir: SIGINT saves" survives INT
check "--serve --dir: SHUTDOWN saves" survives SHUTDOWN

nosave_loses_what_followed() {
    local dir=$TEST_TMP/data-nosave
    mkdir -p "$dir"
    start_server --dir "$dir" || return 1
    write_keys && cli SAVE >/dev/null && cli SET unsaved 1 >/dev/null || return 1
    stop_with "SHUTDOWN NOSAVE" || return 1
    start_server --dir "$dir" || return 1
    local size unsaved
    size=$(cli DBSIZE) unsaved=$(cli EXISTS unsaved)
    stop_server
    [ "$size" = 6 ] && [ "$unsaved" = 0 ] || { echo "DBSIZE $size, EXISTS unsaved $unsaved"; return 1; }
}
check "--serve --dir: SHUTDOWN NOSAVE keeps the last save only" nosave_loses_what_followed

without_save_points_nothing_is_saved() {
    local dir=$TEST_TMP/data-nosavepoints
    mkdir -p "$dir"
    printf 'save ""\n' >"$TEST_TMP/no-save.conf"
    start_server --dir "$dir" --config "$TEST_TMP/no-save.conf" || return 1
    write_keys || return 1
    stop_with TERM || return 1
    [ ! -e "$dir/dump.rdb" ] || { echo "dump.rdb written without save points"; return 1; }
}
check "--serve --dir with save \"\": SIGTERM saves nothing (no save points, as redis-server)" without_save_points_nothing_is_saved

aof_survives_a_kill() {
    local dir=$TEST_TMP/data-aof
    mkdir -p "$dir"
    printf 'appendonly yes\nappendfsync always\nsave ""\n' >"$TEST_TMP/aof.conf"
    start_server --dir "$dir" --config "$TEST_TMP/aof.conf" || return 1
    write_keys || return 1
    local answer
    answer=$(cli BGREWRITEAOF)
    [ "$answer" = "Background append only file rewriting started" ] || { echo "BGREWRITEAOF: $answer"; return 1; }
    cli RPUSH list d >/dev/null && cli LPOP list >/dev/null || return 1
    stop_with KILL || return 1
    ls "$dir/appendonlydir" | sort | tr '\n' ' ' >"$TEST_TMP/aof-files.txt"
    [ "$(cat "$TEST_TMP/aof-files.txt")" = "appendonly.aof.2.base.rdb appendonly.aof.2.incr.aof appendonly.aof.manifest " ] \
        || { echo "files: $(cat "$TEST_TMP/aof-files.txt")"; return 1; }
    start_server --dir "$dir" --config "$TEST_TMP/aof.conf" || return 1
    read_keys >"$TEST_TMP/read.txt" 2>&1
    stop_server
    sed 's/^a$/b/; t; s/^b$/c/; t; s/^c$/d/' "$TEST_TMP/expected-keys.txt" >"$TEST_TMP/expected-aof.txt"
    diff "$TEST_TMP/expected-aof.txt" "$TEST_TMP/read.txt"
}
check "--serve --dir, appendonly yes: BGREWRITEAOF, then SIGKILL: the AOF has every write" aof_survives_a_kill

bgsave_answers_and_saves() {
    local dir=$TEST_TMP/data-bgsave
    mkdir -p "$dir"
    start_server --dir "$dir" || return 1
    write_keys || return 1
    local answer status
    answer=$(cli BGSAVE)
    status=$(cli INFO persistence | tr -d '\r' | grep -E '^(rdb_bgsave_in_progress|rdb_last_bgsave_status|rdb_changes_since_last_save):' | tr '\n' ' ')
    stop_with KILL
    [ "$answer" = "Background saving started" ] &&
        [ "$status" = "rdb_changes_since_last_save:0 rdb_bgsave_in_progress:0 rdb_last_bgsave_status:ok " ] &&
        [ -f "$dir/dump.rdb" ] || { echo "BGSAVE: $answer; $status"; ls -la "$dir"; return 1; }
    start_server --dir "$dir" || return 1
    read_keys >"$TEST_TMP/read.txt" 2>&1
    stop_server
    diff "$TEST_TMP/expected-keys.txt" "$TEST_TMP/read.txt"
}
check "--serve --dir: BGSAVE answers as redis-server, dump.rdb complete at once (read after SIGKILL)" bgsave_answers_and_saves

# The shell on a directory: one-shot commands and standard input share the data.
shell_keeps_data() {
    local dir=$TEST_TMP/data-shell
    mkdir -p "$dir"
    "$WASM_REDIS" --dir "$dir" SET one-shot "first process" >/dev/null || return 1
    printf 'RPUSH from-stdin a b\nSET counter 41\nINCR counter\n' | "$WASM_REDIS" --dir "$dir" >/dev/null || return 1
    local got
    got=$("$WASM_REDIS" --dir "$dir" --raw GET one-shot && "$WASM_REDIS" --dir "$dir" --raw LRANGE from-stdin 0 -1 &&
        "$WASM_REDIS" --dir "$dir" --raw GET counter)
    [ "$got" = "first process
a
b
42" ] || { echo "got: $got"; return 1; }
}
check "shell and one-shot --dir: each process saves at its end, the next reads it" shell_keeps_data

shell_shutdown_saves() {
    local dir=$TEST_TMP/data-shell-shutdown
    mkdir -p "$dir"
    printf 'SET k v\nSHUTDOWN\nSET never reached\n' | "$WASM_REDIS" --dir "$dir" >"$TEST_TMP/shell-shutdown.txt" 2>&1 || { cat "$TEST_TMP/shell-shutdown.txt"; return 1; }
    [ -f "$dir/dump.rdb" ] && grep -q "User requested shutdown" "$TEST_TMP/shell-shutdown.txt" || { cat "$TEST_TMP/shell-shutdown.txt"; return 1; }
    [ "$("$WASM_REDIS" --dir "$dir" --raw GET k)" = v ] && [ "$("$WASM_REDIS" --dir "$dir" EXISTS never)" = "(integer) 0" ]
}
check "shell --dir: SHUTDOWN saves and ends the shell, status 0" shell_shutdown_saves

# The save points Redis runs with: none without a data directory, redis-server's with one,
# exactly the file's when it sets some.
save_points() {
    local dir=$TEST_TMP/data-savepoints
    mkdir -p "$dir"
    printf 'save 900 1\nsave 30 5\n' >"$TEST_TMP/save.conf"
    local none defaults file
    none=$("$WASM_REDIS" --raw CONFIG GET save | tail -1)
    defaults=$("$WASM_REDIS" --dir "$dir" --raw CONFIG GET save | tail -1)
    file=$("$WASM_REDIS" --dir "$dir" --config "$TEST_TMP/save.conf" --raw CONFIG GET save | tail -1)
    [ -z "$none" ] && [ "$defaults" = "3600 1 300 100 60 10000" ] && [ "$file" = "900 1 30 5" ] \
        || { echo "none '$none', defaults '$defaults', file '$file'"; return 1; }
}
check "save points: none without --dir, redis-server's with it, the file's when it sets some" save_points

config_dir_is_the_data_directory() {
    local dir=$TEST_TMP/data-config-dir
    mkdir -p "$dir"
    printf 'dir %s\n' "$dir" >"$TEST_TMP/dir.conf"
    "$WASM_REDIS" --config "$TEST_TMP/dir.conf" SET from-config yes >/dev/null || return 1
    [ -f "$dir/dump.rdb" ] || { echo "no dump.rdb in the configuration's dir"; return 1; }
    local got guest
    got=$("$WASM_REDIS" --dir "$dir" --raw GET from-config)
    guest=$("$WASM_REDIS" --config "$TEST_TMP/dir.conf" --raw CONFIG GET dir | tail -1)
    [ "$got" = yes ] && [ "$guest" = /data ] || { echo "GET '$got', guest dir '$guest'"; return 1; }
    printf 'dir %s\n' "$TEST_TMP/missing" >"$TEST_TMP/bad-dir.conf"
    local out code
    out=$("$WASM_REDIS" --config "$TEST_TMP/bad-dir.conf" PING 2>&1)
    code=$?
    [ "$code" -eq 2 ] && grep -q "^wasm-redis: configuration: dir $TEST_TMP/missing: not an existing directory$" <<<"$out" \
        || { echo "status $code: $out"; return 1; }
}
check "a configuration file's dir is the data directory (as redis-server reads it)" config_dir_is_the_data_directory

shell_signal_saves() {  # shell_signal_saves SIGNAL: the shell waits for input, gets SIGNAL
    local dir=$TEST_TMP/data-shell-$1
    mkdir -p "$dir"
    rm -f "$TEST_TMP/shell-input"
    mkfifo "$TEST_TMP/shell-input"
    "$WASM_REDIS" --dir "$dir" <"$TEST_TMP/shell-input" >"$TEST_TMP/shell-signal.txt" 2>&1 &
    local pid=$! waited=0
    exec 3>"$TEST_TMP/shell-input"
    echo 'SET k v' >&3
    until grep -q '^OK$' "$TEST_TMP/shell-signal.txt"; do
        [ $waited -lt 300 ] || { echo "no reply"; kill -KILL "$pid"; exec 3>&-; return 1; }
        sleep 0.1
        waited=$((waited + 1))
    done
    kill "-$1" "$pid"
    timeout 60 tail --pid="$pid" -f /dev/null
    wait "$pid"
    local code=$?
    exec 3>&-
    [ "$code" -eq 0 ] && [ "$("$WASM_REDIS" --dir "$dir" --raw GET k)" = v ] \
        || { echo "status $code"; cat "$TEST_TMP/shell-signal.txt"; ls -la "$dir"; return 1; }
}
check "shell --dir: SIGTERM while it waits for input saves, status 0" shell_signal_saves TERM
check "shell --dir: SIGINT (Ctrl-C) saves, status 0" shell_signal_saves INT

bad_directory() {
    touch "$TEST_TMP/a-file"
    local out code
    for path in "$TEST_TMP/missing" "$TEST_TMP/a-file"; do
        out=$("$WASM_REDIS" --dir "$path" PING 2>&1)
        code=$?
        [ "$code" -eq 2 ] && grep -q "^wasm-redis: --dir $path: not an existing directory$" <<<"$out" && grep -q "^usage:" <<<"$out" \
            || { echo "status $code: $out"; return 1; }
    done
}
check "--dir on a missing path or a file: the message, status 2" bad_directory

finish
