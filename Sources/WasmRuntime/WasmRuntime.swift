// WasmRuntime: store, instances, memory, tables, globals, the interpreter (issue 3).
