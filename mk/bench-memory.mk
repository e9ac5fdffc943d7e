# make bench-memory: resident memory of an embedded Redis holding BENCH_MEMORY_KEYS small keys
# (redis-bench --memory: Redis through the Swift API in that process) against Debian's native
# redis-server 7.0.15 holding the same keys, in one run (mk/bench-memory.sh); BENCH_RUNS runs
# (default 3), a fresh process each. Installs redis-server (with redis-cli) when missing.
# Figures: BENCHMARKS.md, "Memory". Included by the top-level Makefile after mk/bench.mk.

BENCH_MEMORY_KEYS ?= 1000000

.PHONY: bench-memory

bench-memory: redis-wasm
	@bash tests/cli/need-tools.sh server
	$(SWIFT) build $(BENCH_SWIFT_FLAGS) --product redis-bench
	@BENCH_RUNS=$(BENCH_RUNS) bash $(BENCH_MK_DIR)/bench-memory.sh \
		"$$($(SWIFT) build $(BENCH_SWIFT_FLAGS) --show-bin-path)/redis-bench" $(REDIS_BUILD)/redis.wasm $(BENCH_MEMORY_KEYS)
