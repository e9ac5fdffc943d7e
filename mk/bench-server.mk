# make bench-server: redis-benchmark against `wasm-redis --serve` and against Debian's native
# redis-server 7.0.15 in the same run, same flags, on 127.0.0.1 (mk/bench-server.sh); the
# results go to BENCHMARKS.md ("RESP server"). Installs redis-tools and redis-server when
# missing; the native server is an instance of our own (persistence off), not the service.
#
# Variables:
#   BENCH_SERVER_FLAGS  one redis-benchmark flag set per word group, each a table
#                       (default: 200,000 requests pipelined by 16, then 20,000 unpipelined;
#                       50 clients, redis-benchmark's default)

BENCH_SERVER_FLAGS ?= "-n 200000 -P 16" "-n 20000 -P 1"

.PHONY: bench-server

bench-server: redis-wasm
	@bash tests/cli/need-tools.sh clients
	@bash tests/cli/need-tools.sh server
	$(SWIFT) build $(BENCH_FLAGS) --product wasm-redis
	bash mk/bench-server.sh "$$($(SWIFT) build $(BENCH_FLAGS) --show-bin-path)/wasm-redis" $(BENCH_SERVER_FLAGS)
