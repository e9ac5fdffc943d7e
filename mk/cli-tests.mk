# The wasm-redis shell tests (tests/cli/run.sh), run by make test after swift test: the shell's
# output against redis-cli's, one-shot commands and options, and `wasm-redis --serve` with
# redis-cli, redis-benchmark and redis-py on loopback ports, and data files exchanged with
# Debian's redis-server. Installs redis-tools, redis-server, Python 3 and the redis package
# when missing.

.PHONY: test-cli

test-cli: build redis-wasm
	@bash tests/cli/need-tools.sh clients
	@bash tests/cli/need-tools.sh server
	bash tests/cli/run.sh "$(BIN)/wasm-redis"
