// Everything redis.wasm imports, resolved before instantiation: WASI preview1 from
// WasmRuntime's WASI implementation, Emscripten's setjmp/longjmp trampolines from
// EmscriptenSetjmp. An import that neither provides fails here, by name, before any code runs.

import WasmCore
import WasmRuntime

/// The host side of one redis.wasm instance's imports.
struct RedisImports {
    /// The WASI preview1 module name.
    static let wasiModule = "wasi_snapshot_preview1"

    let imports: Imports

    /// Defines every import of `module` in `store`. Throws `RedisError.unsupportedImports`
    /// naming each import the host does not provide (a module built with another Emscripten
    /// configuration may need more), so a new import fails loudly at start-up rather than as
    /// a `LinkError` for the first one, or at run time.
    init(for module: Module, store: Store, wasi configuration: WASIConfiguration) throws {
        var imports = Imports()
        try WASI(configuration).define(in: &imports, store: store)
        EmscriptenSetjmp.define(for: module, in: &imports, store: store)

        let missing = module.imports.filter { imports.lookup(module: $0.module, name: $0.name) == nil }
        guard missing.isEmpty else {
            throw RedisError.unsupportedImports(missing.map { "\($0.module).\($0.name)" })
        }
        self.imports = imports
    }
}
