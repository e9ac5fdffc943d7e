# make bench-redis: Redis SET/GET in-process, 200,000 commands alternating
# `SET key:i val` / `GET key:i`, every way this project runs it, in one run:
#   (a) build/redis.wasm through the Swift API (Redis.call), with start-up time
#       (decode + validate + instantiate + _initialize + redis_init) — the
#       redis-bench product, Sources/redis-bench;
#   (b) the WASI command build of the same loop in C (build/bench/redis-bench.wasm)
#       under our wasm-run, natively (build/bench/redis-bench-native, gcc -O2)
#       and under WasmKit's CLI when present — mk/bench-run.sh redis.
# Both Swift products come from the plain release build of `make bench`
# (BENCH_SWIFT_FLAGS, scratch folder .build-bench). BENCH_RUNS runs each
# (default 3), medians. Figures: BENCHMARKS.md, "Redis SET/GET".
# Included by the top-level Makefile after mk/bench.mk (uses its variables).

.PHONY: bench-redis

bench-redis: redis-wasm bench-redis-wasm bench-redis-native
	$(SWIFT) build $(BENCH_SWIFT_FLAGS) --product redis-bench
	$(SWIFT) build $(BENCH_SWIFT_FLAGS) --product wasm-run
	@bin=$$($(SWIFT) build $(BENCH_SWIFT_FLAGS) --show-bin-path); \
	echo "== (a) build/redis.wasm through the Swift API"; \
	"$$bin/redis-bench" -r $(BENCH_RUNS) $(REDIS_BUILD)/redis.wasm || exit 1; \
	echo "== (b) WASI command $(BENCH_OUT)/redis-bench.wasm (and its native build)"; \
	$(BENCH_RUN_ENV) WASM_RUN="$$bin/wasm-run" bash $(BENCH_MK_DIR)/bench-run.sh redis
