# Redis 7.0.15 as a WebAssembly module (build/redis.wasm), plus the builds the
# benchmarks compare it with. Included by the top-level Makefile; also usable
# alone: `make -f mk/redis.mk redis-wasm`.
#
# Targets
#   redis-wasm          build/redis.wasm: upstream's server objects (bio.o left
#                       out) + Lua, hdr_histogram, hiredis + wasm/shim.c,
#                       wasm/compat.c, wasm/files.c, wasm/fork.c, wasm/bio.c; a
#                       standalone reactor module.
#   bench-redis-wasm    build/bench/redis-bench.wasm: the same objects with
#                       bench/redis_bench.c as a WASI command (`_start`), Lua's
#                       setjmp/longjmp compiled out so it imports WASI only.
#   bench-redis-native  build/bench/redis-bench-native: the same sources, shim
#                       and driver built natively with gcc (objects under
#                       build/native/).
#   redis-sources       vendor/redis from Debian's source package when empty.
#
# Knobs: EMCC (default emcc, installed with apt-get when missing), WASM_OPT
# (-O3: Redis objects, shim and link; the deps keep upstream's own levels),
# WASM_FEATURES (-mbulk-memory: every object and the link), NATIVE_CC (gcc),
# V=1 (show commands). A change of WASM_OPT or WASM_FEATURES rebuilds the wasm
# objects ($(REDIS_BUILD)/redis-obj/flags records the last ones).
#
# The object lists come from upstream's Makefiles (REDIS_SERVER_OBJ of
# src/Makefile, CORE_O/LIB_O of Lua's, OBJ of hiredis's), so they are only
# known once vendor/redis exists: the entry targets fetch the sources, then
# run a second make on this file to build.

REDIS_MK      := $(lastword $(MAKEFILE_LIST))
REDIS_MK_DIR  := $(patsubst %/,%,$(dir $(REDIS_MK)))
REDIS_DIR     ?= vendor/redis
REDIS_BUILD   ?= build
EMCC          ?= emcc
NATIVE_CC     ?= gcc
# -O3 -mbulk-memory (memcpy/memmove/memset calls in the compiled code become
# memory.copy/memory.fill) against -O2 without, measured under our runtime
# (BENCHMARKS.md, "redis.wasm build flags"; medians): Swift API SET/GET 64.9k vs
# 56.7k ops/s, redis-benchmark -P 16 LPUSH/LPOP 82.8k/82.1k vs 29.7k/27.8k req/s,
# SET/GET 89.4k/116.1k vs 77.9k/104.9k, the WASI command under wasm-run 31.8k vs
# 29.2k ops/s (WasmKit 39.3k vs 36.2k), start-up unchanged, module +2.4 %.
WASM_OPT      ?= -O3
WASM_FEATURES ?= -mbulk-memory
# emcc's JS tools need Debian's node modules (acorn) while `node` may be
# another installation.
EMCC_RUN      := NODE_PATH=/usr/share/nodejs $(EMCC)

REDIS_SUBMAKE  = $(MAKE) --no-print-directory -f $(REDIS_MK)
# quiet recipes: one line per step unless V=1
REDIS_Q        = $(if $(V),,@)
redis_say      = $(if $(V),,@echo "  $(1) $(2)")

.PHONY: redis-wasm bench-redis-wasm bench-redis-native redis-sources redis-emcc

redis-wasm: redis-sources redis-emcc
	+@$(REDIS_SUBMAKE) $(REDIS_BUILD)/redis.wasm

bench-redis-wasm: redis-sources redis-emcc
	+@$(REDIS_SUBMAKE) $(REDIS_BUILD)/bench/redis-bench.wasm

bench-redis-native: redis-sources
	+@$(REDIS_SUBMAKE) $(REDIS_BUILD)/bench/redis-bench-native

redis-sources:
	@sh $(REDIS_MK_DIR)/redis-sources.sh $(REDIS_DIR) $(REDIS_BUILD)/redis-src

redis-emcc:
	@sh $(REDIS_MK_DIR)/need-emcc.sh $(EMCC)

ifneq ($(wildcard $(REDIS_DIR)/src/Makefile),)

redis_makevar = $(shell awk -v name=$(2) -f $(REDIS_MK_DIR)/makevar.awk $(1))

# ---- object lists ------------------------------------------------------------
REDIS_SERVER_OBJ := $(filter-out bio.o,$(call redis_makevar,$(REDIS_DIR)/src/Makefile,REDIS_SERVER_OBJ))
REDIS_LUA_OBJ    := $(call redis_makevar,$(REDIS_DIR)/deps/lua/src/Makefile,CORE_O) \
                    $(call redis_makevar,$(REDIS_DIR)/deps/lua/src/Makefile,LIB_O)
REDIS_HIREDIS_OBJ:= $(call redis_makevar,$(REDIS_DIR)/deps/hiredis/Makefile,OBJ)
REDIS_HDR_OBJ    := hdr_histogram.o

ifeq ($(filter server.o,$(REDIS_SERVER_OBJ)),)
$(error could not read REDIS_SERVER_OBJ from $(REDIS_DIR)/src/Makefile)
endif

# objects of one build flavour, under $(1) (build/redis-obj or build/native)
redis_objs = $(addprefix $(1)/src/,$(REDIS_SERVER_OBJ)) \
             $(addprefix $(1)/lua/,$(REDIS_LUA_OBJ)) \
             $(addprefix $(1)/hiredis/,$(REDIS_HIREDIS_OBJ)) \
             $(addprefix $(1)/hdr/,$(REDIS_HDR_OBJ)) \
             $(1)/wasm/shim.o $(1)/wasm/hostconn.o $(1)/wasm/bio.o

WASM_OBJ_DIR   := $(REDIS_BUILD)/redis-obj
# The wasm objects depend on the flags they were compiled with: this file holds
# WASM_OPT and WASM_FEATURES and is rewritten when they differ from the last
# build's, which makes every wasm object older than it.
WASM_FLAGS_STAMP := $(WASM_OBJ_DIR)/flags
WASM_FLAGS_NOW   := $(strip $(WASM_OPT) $(WASM_FEATURES))
ifneq ($(file < $(WASM_FLAGS_STAMP)),$(WASM_FLAGS_NOW))
$(shell mkdir -p $(WASM_OBJ_DIR))
$(file > $(WASM_FLAGS_STAMP),$(WASM_FLAGS_NOW))
endif
NATIVE_OBJ_DIR := $(REDIS_BUILD)/native
REDIS_WASM_OBJS   := $(call redis_objs,$(WASM_OBJ_DIR)) $(WASM_OBJ_DIR)/wasm/compat.o $(WASM_OBJ_DIR)/wasm/files.o \
                     $(WASM_OBJ_DIR)/wasm/fork.o
REDIS_NATIVE_OBJS := $(call redis_objs,$(NATIVE_OBJ_DIR))

# ---- upstream's compile flags (debug info and -fPIC dropped) -----------------
# src/Makefile: STD, WARN, OPT and the dependency include paths (MALLOC=libc).
REDIS_INC      = -I$(REDIS_DIR)/deps/hiredis -I$(REDIS_DIR)/deps/linenoise \
                 -I$(REDIS_DIR)/deps/lua/src -I$(REDIS_DIR)/deps/hdr_histogram
REDIS_CFLAGS   = -std=c11 -pedantic -DREDIS_STATIC='' -Wall -W -Wno-missing-field-initializers $(REDIS_INC)
# deps/Makefile's LUA_CFLAGS
LUA_CFLAGS     = -Wall -DLUA_ANSI -DENABLE_CJSON_GLOBAL -DREDIS_STATIC='' -DLUA_USE_MKSTEMP -O2
# deps/hdr_histogram/Makefile's R_CFLAGS
HDR_CFLAGS     = -std=c99 -Wall -Os -DHDR_MALLOC_INCLUDE=\"hdr_redis_malloc.h\"
# deps/hiredis/Makefile's REAL_CFLAGS
HIREDIS_CFLAGS = -O3 -Wall -W -Wstrict-prototypes -Wwrite-strings -Wno-missing-field-initializers -pedantic
# our C files in wasm/ and bench/ see Redis's headers
SHIM_CFLAGS    = -std=c11 -Wall -W -Wno-missing-field-initializers -I$(REDIS_DIR)/src $(REDIS_INC)

# server.c defines main(); the shim (or the bench driver) is the entry instead.
REDIS_MAIN_RENAME = -Dmain=redis_main
# In the WebAssembly build, wasm/fork.c's redisFork and exitFromChild (children run in the
# foreground) replace server.c's, which are compiled under these names and left unused.
REDIS_FORK_RENAME = -DredisFork=redisProcessFork -DexitFromChild=exitFromProcessChild

# ---- the WebAssembly build ---------------------------------------------------
WASM_CC = $(EMCC_RUN) $(WASM_FEATURES)

$(WASM_OBJ_DIR)/src/%.o: $(REDIS_DIR)/src/%.c
	@mkdir -p $(@D)
	$(call redis_say,CC wasm,$<)
	$(REDIS_Q)$(WASM_CC) $(REDIS_CFLAGS) $(WASM_OPT) $(if $(filter server.o,$(@F)),$(REDIS_MAIN_RENAME) $(REDIS_FORK_RENAME)) -MMD -MP -c $< -o $@

# (the renames above are flags: a change to them must rebuild server.o)
$(WASM_OBJ_DIR)/src/server.o: $(REDIS_MK)

$(WASM_OBJ_DIR)/lua/%.o: $(REDIS_DIR)/deps/lua/src/%.c
	@mkdir -p $(@D)
	$(call redis_say,CC wasm,$<)
	$(REDIS_Q)$(WASM_CC) $(LUA_CFLAGS) -MMD -MP -c $< -o $@

$(WASM_OBJ_DIR)/hiredis/%.o: $(REDIS_DIR)/deps/hiredis/%.c
	@mkdir -p $(@D)
	$(call redis_say,CC wasm,$<)
	$(REDIS_Q)$(WASM_CC) $(HIREDIS_CFLAGS) -MMD -MP -c $< -o $@

$(WASM_OBJ_DIR)/hdr/%.o: $(REDIS_DIR)/deps/hdr_histogram/%.c
	@mkdir -p $(@D)
	$(call redis_say,CC wasm,$<)
	$(REDIS_Q)$(WASM_CC) $(HDR_CFLAGS) -MMD -MP -c $< -o $@

$(WASM_OBJ_DIR)/wasm/%.o: wasm/%.c
	@mkdir -p $(@D)
	$(call redis_say,CC wasm,$<)
	$(REDIS_Q)$(WASM_CC) $(SHIM_CFLAGS) $(WASM_OPT) -MMD -MP -c $< -o $@

# Exports: the shim's API (see wasm/shim.c), malloc/free for passing buffers,
# and what the host's setjmp/longjmp support (invoke_*) needs.
REDIS_EXPORTS = redis_init redis_exec redis_free redis_tick redis_signal \
                redis_client_open redis_client_exec redis_client_close redis_client_flags redis_client_timeout \
                redis_client_connect redis_client_feed redis_client_events redis_client_sent \
                malloc free setThrew
redis_empty :=
redis_space := $(redis_empty) $(redis_empty)
redis_comma := ,
REDIS_WASM_LDFLAGS = $(WASM_OPT) $(WASM_FEATURES) -sSTANDALONE_WASM --no-entry -sWASM_BIGINT \
                     -sALLOW_MEMORY_GROWTH --profiling-funcs --js-library wasm/files-imports.js \
                     -sEXPORTED_FUNCTIONS=$(subst $(redis_space),$(redis_comma),$(addprefix _,$(REDIS_EXPORTS)))

# (emcc may leave a broken output behind when it fails: remove it)
$(REDIS_BUILD)/redis.wasm: $(REDIS_WASM_OBJS) $(REDIS_MK) wasm/files-imports.js
	$(call redis_say,LINK wasm,$@)
	$(REDIS_Q)$(EMCC_RUN) $(REDIS_WASM_LDFLAGS) $(REDIS_WASM_OBJS) -o $@ || { rm -f $@; exit 1; }

# The WASI command for benchmarks: the SjLj lowering is what imports invoke_*
# and _emscripten_throw_longjmp, so Lua's ldo.c (the only setjmp user) is
# compiled again without it and bench/no_longjmp.c supplies a setjmp that
# returns 0 and a longjmp that aborts (a Lua error ends this build).
BENCH_NOSJLJ = -sSUPPORT_LONGJMP=0
BENCH_WASM_OBJS = $(filter-out $(WASM_OBJ_DIR)/lua/ldo.o,$(REDIS_WASM_OBJS)) \
                  $(REDIS_BUILD)/bench/wasm-obj/ldo.o $(REDIS_BUILD)/bench/wasm-obj/no_longjmp.o \
                  $(REDIS_BUILD)/bench/wasm-obj/redis_bench.o

$(REDIS_WASM_OBJS) $(BENCH_WASM_OBJS): $(WASM_FLAGS_STAMP)

$(REDIS_BUILD)/bench/wasm-obj/ldo.o: $(REDIS_DIR)/deps/lua/src/ldo.c
	@mkdir -p $(@D)
	$(call redis_say,CC wasm,$<)
	$(REDIS_Q)$(WASM_CC) $(LUA_CFLAGS) $(BENCH_NOSJLJ) -MMD -MP -c $< -o $@

$(REDIS_BUILD)/bench/wasm-obj/%.o: bench/%.c
	@mkdir -p $(@D)
	$(call redis_say,CC wasm,$<)
	$(REDIS_Q)$(WASM_CC) $(SHIM_CFLAGS) $(WASM_OPT) $(BENCH_NOSJLJ) -MMD -MP -c $< -o $@

$(REDIS_BUILD)/bench/redis-bench.wasm: $(BENCH_WASM_OBJS) $(REDIS_MK) wasm/files-imports.js
	$(call redis_say,LINK wasm,$@)
	$(REDIS_Q)$(EMCC_RUN) $(WASM_OPT) $(WASM_FEATURES) -sSTANDALONE_WASM -sALLOW_MEMORY_GROWTH $(BENCH_NOSJLJ) \
	    --profiling-funcs --js-library wasm/files-imports.js $(BENCH_WASM_OBJS) -o $@ || { rm -f $@; exit 1; }

# ---- the native build (same sources, shim and bio; gcc -O2) ------------------
$(NATIVE_OBJ_DIR)/src/%.o: $(REDIS_DIR)/src/%.c
	@mkdir -p $(@D)
	$(call redis_say,CC native,$<)
	$(REDIS_Q)$(NATIVE_CC) $(REDIS_CFLAGS) -O2 $(if $(filter server.o,$(@F)),$(REDIS_MAIN_RENAME)) -MMD -MP -c $< -o $@

$(NATIVE_OBJ_DIR)/lua/%.o: $(REDIS_DIR)/deps/lua/src/%.c
	@mkdir -p $(@D)
	$(call redis_say,CC native,$<)
	$(REDIS_Q)$(NATIVE_CC) $(LUA_CFLAGS) -MMD -MP -c $< -o $@

$(NATIVE_OBJ_DIR)/hiredis/%.o: $(REDIS_DIR)/deps/hiredis/%.c
	@mkdir -p $(@D)
	$(call redis_say,CC native,$<)
	$(REDIS_Q)$(NATIVE_CC) $(HIREDIS_CFLAGS) -MMD -MP -c $< -o $@

$(NATIVE_OBJ_DIR)/hdr/%.o: $(REDIS_DIR)/deps/hdr_histogram/%.c
	@mkdir -p $(@D)
	$(call redis_say,CC native,$<)
	$(REDIS_Q)$(NATIVE_CC) $(HDR_CFLAGS) -MMD -MP -c $< -o $@

$(NATIVE_OBJ_DIR)/wasm/%.o: wasm/%.c
	@mkdir -p $(@D)
	$(call redis_say,CC native,$<)
	$(REDIS_Q)$(NATIVE_CC) $(SHIM_CFLAGS) -O2 -MMD -MP -c $< -o $@

$(NATIVE_OBJ_DIR)/bench/redis_bench.o: bench/redis_bench.c
	@mkdir -p $(@D)
	$(call redis_say,CC native,$<)
	$(REDIS_Q)$(NATIVE_CC) $(SHIM_CFLAGS) -O2 -MMD -MP -c $< -o $@

$(REDIS_BUILD)/bench/redis-bench-native: $(REDIS_NATIVE_OBJS) $(NATIVE_OBJ_DIR)/bench/redis_bench.o $(REDIS_MK)
	@mkdir -p $(@D)
	$(call redis_say,LINK native,$@)
	$(REDIS_Q)$(NATIVE_CC) -O2 -o $@ $(REDIS_NATIVE_OBJS) $(NATIVE_OBJ_DIR)/bench/redis_bench.o -lm -ldl -pthread -lrt

-include $(shell find $(WASM_OBJ_DIR) $(NATIVE_OBJ_DIR) $(REDIS_BUILD)/bench/wasm-obj -name '*.d' 2>/dev/null)

endif
