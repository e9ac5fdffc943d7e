#!/usr/bin/env bash
# make bench-memory: resident memory of an embedded Redis holding KEYS small keys against
# Debian's native redis-server 7.0.15 holding the same keys, in one run; prints a Markdown
# table with the ratio (ours / native).
#
#   mk/bench-memory.sh REDIS_BENCH_BINARY REDIS_WASM [KEYS]
#
# KEYS (default 1,000,000) keys `key:<i>` with 16-byte values (`<i>` zero-padded to 16
# digits), SET in pipelined batches, both sides:
#   ours    `redis-bench --memory -k KEYS REDIS_WASM`: Redis through the Swift API in that
#           process (RedisOptions defaults), which reports its own VmRSS / VmHWM
#           (/proc/self/status), where the pages are (/proc/self/smaps) and INFO used_memory;
#   native  our own redis-server instance on a unix socket (--port 0, --save "",
#           --appendonly no), loaded with `redis-cli --pipe`; VmRSS / VmHWM from
#           /proc/PID/status, used_memory from INFO memory.
# BENCH_RUNS (default 3) runs, a fresh process each; medians.
set -u
redis_bench=$1
redis_wasm=$2
keys=${3:-1000000}
runs=${BENCH_RUNS:-3}
work=$(mktemp -d)
native_pid=
cleanup() {
    if [ -n "$native_pid" ]; then
        kill -TERM "$native_pid" 2>/dev/null
        wait "$native_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# status_kib PID FIELD: a VmRSS / VmHWM figure in KiB
status_kib() {
    awk -v field="$2:" '$1 == field { print $2 }' "/proc/$1/status"
}

# mib KIB
mib() {
    awk -v kib="$1" 'BEGIN { printf "%.1f", kib / 1024 }'
}

# median VALUES...
median() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# The SET commands of both sides, in RESP.
awk -v n="$keys" 'BEGIN { for (i = 0; i < n; i++) { k = "key:" i; printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$16\r\n%016d\r\n", length(k), k, i } }' \
    >"$work/commands.resp"

# native_run: starts redis-server, loads the keys, sets native_* figures, stops it.
native_run() {
    local socket=$work/redis.sock cli
    redis-server --port 0 --unixsocket "$socket" --save "" --appendonly no --dir "$work" \
        --daemonize no --logfile "$work/native.log" &
    native_pid=$!
    for _ in $(seq 300); do
        [ "$(redis-cli -s "$socket" PING 2>/dev/null)" = PONG ] && break
        sleep 0.1
    done
    cli=(redis-cli -s "$socket")
    native_empty=$(status_kib "$native_pid" VmRSS)
    "${cli[@]}" --pipe <"$work/commands.resp" >"$work/pipe.out" 2>&1 || { cat "$work/pipe.out" >&2; return 1; }
    [ "$("${cli[@]}" DBSIZE)" = "$keys" ] || { echo "native DBSIZE is not $keys" >&2; return 1; }
    native_rss=$(status_kib "$native_pid" VmRSS)
    native_hwm=$(status_kib "$native_pid" VmHWM)
    native_used=$("${cli[@]}" INFO memory | tr -d '\r' | sed -n 's/^used_memory://p')
    kill -TERM "$native_pid"
    wait "$native_pid" 2>/dev/null
    native_pid=
}

echo "native: $(redis-server --version | cut -d' ' -f1-3,5); $keys keys, 16-byte values"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | ours RSS (MiB) | ours peak | ours used_memory | native RSS (MiB) | native peak | native used_memory | RSS ours / native |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
ours_rss_all=() native_rss_all=() ratios=()
for run in $(seq "$runs"); do
    line=$("$redis_bench" --memory -k "$keys" "$redis_wasm" | grep '^memory:') || { echo "redis-bench --memory failed" >&2; exit 1; }
    # shellcheck disable=SC2086
    declare $(echo "${line#memory: }" | tr ' ' '\n' | sed 's/^/ours_/')
    native_run || exit 1
    ratio=$(awk -v a="$ours_rss_kib" -v b="$native_rss" 'BEGIN { printf "%.2f", a / b }')
    ours_rss_all+=("$ours_rss_kib") native_rss_all+=("$native_rss") ratios+=("$ratio")
    printf '| %d | %s | %s | %s | %s | %s | %s | %s× |\n' "$run" \
        "$(mib "$ours_rss_kib")" "$(mib "$ours_hwm_kib")" "$(mib $((ours_used_memory / 1024)))" \
        "$(mib "$native_rss")" "$(mib "$native_hwm")" "$(mib $((native_used / 1024)))" "$ratio"
done
printf '| median | %s | | | %s | | | %s× |\n' "$(mib "$(median "${ours_rss_all[@]}")")" \
    "$(mib "$(median "${native_rss_all[@]}")")" "$(median "${ratios[@]}")"
echo
echo "last run, ours: before Redis starts $(mib "$ours_start_rss_kib") MiB (anonymous" \
    "$(mib "$ours_start_anon_rss_kib"), files $(mib "$ours_start_file_rss_kib"));" \
    "0 keys $(mib "$ours_empty_rss_kib") MiB (linear memory $(mib "$ours_empty_linear_rss_kib") MiB resident," \
    "other anonymous $(mib "$ours_empty_anon_rss_kib"), files $(mib "$ours_empty_file_rss_kib"));" \
    "$keys keys: linear memory $(mib "$ours_linear_rss_kib") MiB resident of $(mib "$ours_linear_size_kib")," \
    "other anonymous $(mib "$ours_anon_rss_kib"), files $(mib "$ours_file_rss_kib")"
echo "last run, native: 0 keys $(mib "$native_empty") MiB"
