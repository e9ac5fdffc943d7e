#!/usr/bin/env bash
# Side-by-side benchmark runs: native, WasmKit's CLI and our wasm-run.
#
#   mk/bench-run.sh programs NAME...   times $BENCH_DIR/NAME-native and NAME.wasm
#   mk/bench-run.sh redis              runs $BENCH_DIR/redis-bench-native and
#                                      redis-bench.wasm, reads their ops/s
#
# Environment: BENCH_DIR (build/bench), BENCH_RUNS (3: the median is shown),
# WASMKIT_CLI (path to wasmkit-cli; skipped with a note when missing),
# WASM_RUN (path to our wasm-run; skipped when empty or missing).
# The wasm runs must print exactly what the native run prints.
set -euo pipefail

mode=${1:?usage: bench-run.sh programs NAME... | redis}
shift
dir=${BENCH_DIR:-build/bench}
runs=${BENCH_RUNS:-3}

runners=(native)
if [[ -n "${WASMKIT_CLI:-}" && -x "${WASMKIT_CLI}" ]]; then
    runners+=(wasmkit)
else
    echo "note: WasmKit's CLI not found (WASMKIT_CLI=${WASMKIT_CLI:-}); its column is skipped"
fi
if [[ -n "${WASM_RUN:-}" && -x "${WASM_RUN}" ]]; then
    runners+=(wasm-run)
elif [[ -n "${WASM_RUN:-}" ]]; then
    echo "note: WASM_RUN=${WASM_RUN} is not an executable; its column is skipped"
fi

# run RUNNER NAME [ARGS...]: the command line of one run
command_for() {
    local runner=$1 name=$2
    shift 2
    case $runner in
        native)   echo "$dir/$name-native" "$@" ;;
        wasmkit)  echo "$WASMKIT_CLI" run "$dir/$name.wasm" "$@" ;;
        wasm-run) echo "$WASM_RUN" "$dir/$name.wasm" "$@" ;;
    esac
}

now_ns() { date +%s%N; }

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if [[ $mode == programs ]]; then
    printf '%-12s' program
    for r in "${runners[@]}"; do printf '%22s' "$r ms"; done
    echo
    declare -A logsum=()
    for name in "$@"; do
        expected=$("$dir/$name-native")
        printf '%-12s' "$name"
        native_ms=
        for r in "${runners[@]}"; do
            times=()
            for ((i = 0; i < runs; i++)); do
                start=$(now_ns)
                out=$($(command_for "$r" "$name") 2>&1) || { echo; echo "error: $r $name failed: $out" >&2; exit 1; }
                end=$(now_ns)
                if [[ "$out" != "$expected" ]]; then
                    echo; echo "error: $r $name printed '$out', native printed '$expected'" >&2; exit 1
                fi
                times+=("$(( (end - start) / 1000 ))")
            done
            ms=$(printf '%s\n' "${times[@]}" | median | awk '{ printf "%.1f", $1 / 1000 }')
            if [[ $r == native ]]; then
                native_ms=$ms
                printf '%22s' "$ms"
            else
                ratio=$(awk -v a="$ms" -v b="$native_ms" 'BEGIN { printf "%.1f", a / b }')
                logsum[$r]=$(awk -v s="${logsum[$r]:-0}" -v a="$ms" -v b="$native_ms" 'BEGIN { print s + log(a / b) }')
                printf '%22s' "$ms (${ratio}x)"
            fi
        done
        echo
    done
    n=$#
    printf '%-12s' "geomean"
    for r in "${runners[@]}"; do
        if [[ $r == native ]]; then
            printf '%22s' "1.0x"
        else
            printf '%22s' "$(awk -v s="${logsum[$r]}" -v n="$n" 'BEGIN { printf "%.1fx", exp(s / n) }')"
        fi
    done
    echo
    echo "(median of $runs runs; ratio = time / native time)"
elif [[ $mode == redis ]]; then
    for r in "${runners[@]}"; do
        rates=()
        inits=()
        for ((i = 0; i < runs; i++)); do
            out=$($(command_for "$r" redis-bench) 2>&1) || { echo "error: $r redis-bench failed: $out" >&2; exit 1; }
            rates+=("$(sed -n 's/.*: \([0-9]*\) ops\/s.*/\1/p' <<<"$out")")
            inits+=("$(sed -n 's/^redis_init: \([0-9.]*\) ms/\1/p' <<<"$out")")
        done
        rate=$(printf '%s\n' "${rates[@]}" | median)
        init=$(printf '%s\n' "${inits[@]}" | median)
        printf '%-10s %10.0f ops/s   redis_init %8.2f ms\n' "$r" "$rate" "$init"
    done
    echo "(200,000 commands alternating SET key:i val / GET key:i; median of $runs runs)"
else
    echo "usage: bench-run.sh programs NAME... | redis" >&2
    exit 2
fi
