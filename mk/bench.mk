# Benchmarks of our own C programs (bench/*.c), built for wasm32-wasi and
# natively, and side-by-side timing runs. Included by the top-level Makefile;
# also usable alone: `make -f mk/bench.mk bench-programs`.
#
# Targets
#   bench                the compute suite side by side: a plain release build of
#                        our wasm-run (scratch folder .build-bench), the programs,
#                        then bench-compare with it, BENCH_RUNS=5 (override on the
#                        command line). Figures: BENCHMARKS.md.
#   bench-programs       build/bench/<program>.wasm (emcc -O2 -sSTANDALONE_WASM:
#                        a WASI command, WASI imports only) and
#                        build/bench/<program>-native (gcc -O2) for each program.
#   bench-compare        times every program natively, under WasmKit's CLI (when
#                        WASMKIT_CLI exists) and under WASM_RUN (when given: our
#                        wasm-run binary), BENCH_RUNS times each, medians and
#                        ratios; outputs are checked against the native run.
#   bench-redis-compare  the same for the Redis SET/GET command build
#                        (build/bench/redis-bench.wasm, see mk/redis.mk).
#
# WasmKit 0.4.2 is only a yardstick, never a dependency: it is looked for in a
# checkout beside this repository (../wasmkit, built with
# `swift build -c release --product wasmkit-cli`); runs without it say so.

BENCH_MK_DIR   := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
BENCH_PROGRAMS := fib memory nbody mandelbrot i64math hash sort interp strings simd simd-scalar
# simd and simd-scalar are bench/simd.c built with and without -msimd128 (vector and scalar
# builds of the same kernels; natively both are the same gcc -O2 build).
BENCH_OUT      ?= build/bench
BENCH_RUNS     ?= 3
EMCC           ?= emcc
NATIVE_CC      ?= gcc
WASMKIT_CLI    ?= $(abspath ../wasmkit/.build/release/wasmkit-cli)
WASM_RUN       ?=
SWIFT          ?= swift
# The plain release build `make bench` times (no -enable-testing), apart from
# the test configuration's build folder.
BENCH_SWIFT_FLAGS = -c release $(LOOP_CODE_FLAGS) $(SWIFT_BUILD_FLAGS) --scratch-path .build-bench

BENCH_WASM     = $(BENCH_PROGRAMS:%=$(BENCH_OUT)/%.wasm)
BENCH_NATIVE   = $(BENCH_PROGRAMS:%=$(BENCH_OUT)/%-native)
BENCH_CFLAGS   = -O2 -std=c11 -Wall -W

.PHONY: bench bench-programs bench-compare bench-redis-compare bench-emcc

bench-programs: $(BENCH_WASM) $(BENCH_NATIVE)

bench-emcc:
	@sh $(BENCH_MK_DIR)/need-emcc.sh $(EMCC)

$(BENCH_OUT)/%.wasm: bench/%.c | bench-emcc
	@mkdir -p $(@D)
	NODE_PATH=/usr/share/nodejs $(EMCC) $(BENCH_CFLAGS) $(BENCH_WASM_FLAGS) -sSTANDALONE_WASM $< -o $@ || { rm -f $@; exit 1; }

$(BENCH_OUT)/simd.wasm: BENCH_WASM_FLAGS = -msimd128
$(BENCH_OUT)/simd-scalar.wasm: bench/simd.c | bench-emcc
	@mkdir -p $(@D)
	NODE_PATH=/usr/share/nodejs $(EMCC) $(BENCH_CFLAGS) -sSTANDALONE_WASM $< -o $@ || { rm -f $@; exit 1; }
$(BENCH_OUT)/simd-scalar-native: bench/simd.c
	@mkdir -p $(@D)
	$(NATIVE_CC) $(BENCH_CFLAGS) $< -o $@ -lm

$(BENCH_OUT)/%-native: bench/%.c
	@mkdir -p $(@D)
	$(NATIVE_CC) $(BENCH_CFLAGS) $< -o $@ -lm

BENCH_RUN_ENV = BENCH_DIR=$(BENCH_OUT) BENCH_RUNS=$(BENCH_RUNS) WASMKIT_CLI=$(WASMKIT_CLI) WASM_RUN=$(WASM_RUN)

bench-compare: bench-programs
	@$(BENCH_RUN_ENV) bash $(BENCH_MK_DIR)/bench-run.sh programs $(BENCH_PROGRAMS)

bench: BENCH_RUNS = 5
bench: bench-programs
	$(SWIFT) build $(BENCH_SWIFT_FLAGS) --product wasm-run
	@$(BENCH_RUN_ENV) WASM_RUN=$$($(SWIFT) build $(BENCH_SWIFT_FLAGS) --show-bin-path)/wasm-run \
		bash $(BENCH_MK_DIR)/bench-run.sh programs $(BENCH_PROGRAMS)

bench-redis-compare: bench-redis-wasm bench-redis-native
	@$(BENCH_RUN_ENV) bash $(BENCH_MK_DIR)/bench-run.sh redis
