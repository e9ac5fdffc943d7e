print("wasm-run")
