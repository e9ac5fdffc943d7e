#!/usr/bin/env bash
# Side-by-side benchmark runs: native, WasmKit's CLI and our wasm-run.
#
#   mk/bench-run.sh programs NAME...   times $BENCH_DIR/NAME-native and NAME.wasm
#   mk/bench-run.sh redis              runs $BENCH_DIR/redis-bench-native and
#                                      redis-bench.wasm, reads their ops/s
#
# Environment: BENCH_DIR (build/bench), BENCH_RUNS (3: the median is shown;
# `programs` interleaves the runners' runs and adds wasm-run/WasmKit ratios),
# WASMKIT_CLI (path to wasmkit-cli; skipped with a note when missing),
# WASM_RUN (path to our wasm-run; skipped when empty or missing).
# The wasm runs must print exactly what the native run prints.
set -euo pipefail

mode=${1:?usage: bench-run.sh programs NAME... | redis}
shift
dir=${BENCH_DIR:-build/bench}
runs=${BENCH_RUNS:-3}

runners=(native)
if [[ -n "${WASM_RUN:-}" && -x "${WASM_RUN}" ]]; then
    runners+=(wasm-run)
elif [[ -n "${WASM_RUN:-}" ]]; then
    echo "note: WASM_RUN=${WASM_RUN} is not an executable; its column is skipped"
fi
if [[ -n "${WASMKIT_CLI:-}" && -x "${WASMKIT_CLI}" ]]; then
    runners+=(wasmkit)
else
    echo "note: WasmKit's CLI not found (WASMKIT_CLI=${WASMKIT_CLI:-}); its column is skipped"
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

load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown; }

if [[ $mode == programs ]]; then
    # Runs are interleaved (run 1 of every runner, then run 2, ...) so that a change in
    # the machine's load hits all runners alike.
    echo "load average before: $(load)"
    columns=("${runners[@]}")
    both=
    if [[ " ${runners[*]} " == *" wasm-run "* && " ${runners[*]} " == *" wasmkit "* ]]; then
        both=1
    fi
    printf '%-12s' program
    for r in "${columns[@]}"; do printf '%22s' "$r ms"; done
    [[ -n $both ]] && printf '%20s' "wasm-run/WasmKit"
    echo
    declare -A logsum=()
    for name in "$@"; do
        expected=$("$dir/$name-native")
        declare -A times=()
        for ((i = 0; i < runs; i++)); do
            for r in "${runners[@]}"; do
                start=$(now_ns)
                out=$($(command_for "$r" "$name") 2>&1) || { echo; echo "error: $r $name failed: $out" >&2; exit 1; }
                end=$(now_ns)
                if [[ "$out" != "$expected" ]]; then
                    echo; echo "error: $r $name printed '$out', native printed '$expected'" >&2; exit 1
                fi
                times[$r]+="$(( (end - start) / 1000 )) "
            done
        done
        declare -A ms=()
        for r in "${runners[@]}"; do
            ms[$r]=$(printf '%s\n' ${times[$r]} | median | awk '{ printf "%.1f", $1 / 1000 }')
        done
        printf '%-12s' "$name"
        for r in "${columns[@]}"; do
            if [[ $r == native ]]; then
                printf '%22s' "${ms[native]}"
            else
                ratio=$(awk -v a="${ms[$r]}" -v b="${ms[native]}" 'BEGIN { printf "%.1f", a / b }')
                logsum[$r]=$(awk -v s="${logsum[$r]:-0}" -v a="${ms[$r]}" -v b="${ms[native]}" 'BEGIN { print s + log(a / b) }')
                printf '%22s' "${ms[$r]} (${ratio}x)"
            fi
        done
        if [[ -n $both ]]; then
            logsum[versus]=$(awk -v s="${logsum[versus]:-0}" -v a="${ms[wasm-run]}" -v b="${ms[wasmkit]}" 'BEGIN { print s + log(a / b) }')
            printf '%20s' "$(awk -v a="${ms[wasm-run]}" -v b="${ms[wasmkit]}" 'BEGIN { printf "%.2f", a / b }')"
        fi
        echo
        unset times ms
    done
    n=$#
    printf '%-12s' "geomean"
    for r in "${columns[@]}"; do
        if [[ $r == native ]]; then
            printf '%22s' "1.0x"
        else
            printf '%22s' "$(awk -v s="${logsum[$r]}" -v n="$n" 'BEGIN { printf "%.1fx", exp(s / n) }')"
        fi
    done
    [[ -n $both ]] && printf '%20s' "$(awk -v s="${logsum[versus]}" -v n="$n" 'BEGIN { printf "%.2f", exp(s / n) }')"
    echo
    echo "(median of $runs runs, interleaved; (Nx) = time / native time${both:+; wasm-run/WasmKit < 1: wasm-run is faster})"
    echo "load average after: $(load)"
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
