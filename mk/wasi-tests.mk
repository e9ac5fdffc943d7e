# C programs of the WASI tests (tests-c/*.c), built as WASI commands with
# emcc -O2 -sSTANDALONE_WASM (WASI imports only). Included by the top-level
# Makefile; `make test` builds them before running swift test, and the tests
# run them under wasm-run (Tests/WasmRuntimeTests/WASICommandTests.swift).
#
# Emscripten's JavaScript library knows only the WASI functions its own libc
# uses, and reports the others (path_open, fd_readdir, ...) as undefined
# symbols although they become wasi_snapshot_preview1 imports as declared in
# <wasi/api.h>: hence ERROR/WARN_ON_UNDEFINED_SYMBOLS=0. A misspelt symbol
# would become an unknown import, which the tests catch at instantiation.
#
# Targets
#   wasi-test-programs   build/wasi-tests/<program>.wasm for each program

WASI_TEST_PROGRAMS := wasi_demo
WASI_TEST_OUT      ?= build/wasi-tests
WASI_TEST_WASM     = $(WASI_TEST_PROGRAMS:%=$(WASI_TEST_OUT)/%.wasm)
WASI_TEST_MK_DIR   := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
EMCC               ?= emcc
WASI_TEST_CFLAGS   = -O2 -std=c11 -Wall -W -sSTANDALONE_WASM \
                     -sERROR_ON_UNDEFINED_SYMBOLS=0 -sWARN_ON_UNDEFINED_SYMBOLS=0

.PHONY: wasi-test-programs wasi-tests-emcc

wasi-test-programs: $(WASI_TEST_WASM)

wasi-tests-emcc:
	@sh $(WASI_TEST_MK_DIR)/need-emcc.sh $(EMCC)

$(WASI_TEST_OUT)/%.wasm: tests-c/%.c | wasi-tests-emcc
	@mkdir -p $(@D)
	NODE_PATH=/usr/share/nodejs $(EMCC) $(WASI_TEST_CFLAGS) $< -o $@ || { rm -f $@; exit 1; }
