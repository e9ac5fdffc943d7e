;; A small module for `make run`: `wasm-run validate` decodes and validates it and prints
;; what it holds. Compiled with wabt's wat2wasm into build/sample.wasm.
(module
  (import "env" "log" (func $log (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "hello from wasm-redis\n")
  (global $calls (mut i32) (i32.const 0))
  (table 1 funcref)
  (elem (i32.const 0) $add)

  (func $add (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add)

  ;; Logs the greeting and counts how often it was called.
  (func (export "hello") (result i32)
    (call $log (i32.const 0) (i32.const 22))
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (global.get $calls))
)
