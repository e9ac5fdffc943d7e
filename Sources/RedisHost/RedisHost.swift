// RedisHost: the Emscripten/WASI imports redis.wasm needs and the Redis client API (issue 5).
