# wasm-redis: build, test and run. See README.md.
#
#   make test          install what is missing, build (redis.wasm too), swift test, the wasm-redis shell tests (tests/cli), then the spec runner's report
#   make run           start the wasm-redis shell (Redis in this process; `wasm-redis --help`)
#   make build         build everything
#   make bench-decode  decode + validate throughput over the spec testsuite (release build)
#   make bench-redis   Redis SET/GET in-process: Swift API, wasm-run, native, WasmKit (mk/bench-redis.mk)
#   make bench-server  redis-benchmark: wasm-redis --serve against native redis-server (mk/bench-server.mk)
#   make bench-memory  RSS of an embedded Redis with 1M keys against native redis-server (mk/bench-memory.mk)
#   make clean         remove build outputs
#
# Variables:
#   SWIFT_BUILD_FLAGS  extra flags for every swift build/test (e.g. --scratch-path .build-me)
#   WASM_TESTSUITE     the spec testsuite folder, holding json/core-2.0 (default ../shared/wasm-testsuite)

SHELL := /bin/bash
SWIFT ?= swift
SWIFT_BUILD_FLAGS ?=
WASM_TESTSUITE ?= $(abspath ../shared/wasm-testsuite)
export WASM_TESTSUITE

# Code generation of the interpreter's loop (DESIGN.md, "Code placement"). Every function, and
# every block reached only by a jump (each case of the interpreter's `switch`, its dispatch),
# starts on a 64-byte boundary: no padding is executed. Where the loop's blocks fell modulo 32
# and then 64 bytes moved the benchmarks by 10-30 % with the same instructions (a new case
# shifts every block after it); aligned, the largest of these effects are gone, though not all.
# No tail merging into a block with more than two predecessors: otherwise LLVM shares the
# identical ends of the f64 cases (store the result, jump to the dispatch) and every f64
# instruction takes one more jump (DESIGN.md, "The float accumulator": mandelbrot 0.82 of the
# time with it). Embedders get the same with these flags on their own release builds.
LOOP_CODE_FLAGS := -Xswiftc -Xllvm -Xswiftc -align-all-functions=6 \
                   -Xswiftc -Xllvm -Xswiftc -align-all-nofallthru-blocks=6 \
                   -Xswiftc -Xllvm -Xswiftc -tail-merge-threshold=2

# Build configuration of `make build`, `make test` and `make run`. Release with -enable-testing,
# so that the tests (later: Redis on the interpreter) run optimised and can still use
# @testable import. See README.md, "Tests", for the measurement behind this choice.
CONFIG_FLAGS := -c release -Xswiftc -enable-testing $(LOOP_CODE_FLAGS)
# XCTest only: without this, swift test also runs Swift Testing and ends with a "0 tests" line.
TEST_FLAGS := --disable-swift-testing

# Debian packages each target needs, as command:package pairs. `install_missing` installs the
# packages whose command is missing, with a single apt-get update before the install.
TEST_TOOLS :=
RUN_TOOLS := wat2wasm:wabt

define install_missing
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "error: the Swift 6 toolchain ($(SWIFT)) is not on PATH" >&2; exit 1; }
	@missing=""; \
	for pair in $(1); do command -v "$${pair%%:*}" >/dev/null 2>&1 || missing="$$missing $${pair#*:}"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi
endef

BIN = $(shell $(SWIFT) build $(CONFIG_FLAGS) $(SWIFT_BUILD_FLAGS) --show-bin-path)

.PHONY: build test run bench-decode clean

build:
	$(call install_missing,$(TEST_TOOLS))
	$(SWIFT) build $(CONFIG_FLAGS) $(SWIFT_BUILD_FLAGS)

# The RedisHost tests run build/redis.wasm and the WASI tests build/wasi-tests/*.wasm: build
# them first (installs emscripten when missing).
test: build redis-wasm wasi-test-programs
	$(SWIFT) test $(CONFIG_FLAGS) $(TEST_FLAGS) $(SWIFT_BUILD_FLAGS)
	$(MAKE) --no-print-directory test-cli
	$(BIN)/wasm-run spectest "$(WASM_TESTSUITE)/json/core-2.0"

build/sample.wasm: examples/sample.wat
	$(call install_missing,$(RUN_TOOLS))
	@mkdir -p build
	wat2wasm $< -o $@

run: build redis-wasm
	$(BIN)/wasm-redis

# A plain release build (no -enable-testing), in its own scratch folder so that it and the
# test configuration do not rebuild each other.
BENCH_FLAGS = -c release $(LOOP_CODE_FLAGS) $(SWIFT_BUILD_FLAGS) --scratch-path .build-bench

bench-decode:
	$(call install_missing,$(TEST_TOOLS))
	$(SWIFT) build $(BENCH_FLAGS)
	$$($(SWIFT) build $(BENCH_FLAGS) --show-bin-path)/wasm-run bench-decode "$(WASM_TESTSUITE)/json/core-2.0"

clean:
	rm -rf .build .build-bench build

# Redis compiled to WebAssembly (redis-wasm, bench-redis-wasm, bench-redis-native, redis-sources).
include mk/redis.mk
include mk/bench.mk
include mk/bench-redis.mk
include mk/wasi-tests.mk
include mk/cli-tests.mk
include mk/bench-server.mk
include mk/bench-memory.mk
