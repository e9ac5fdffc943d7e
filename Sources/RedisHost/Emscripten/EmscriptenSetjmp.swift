// Emscripten's setjmp/longjmp support ("SjLj", the default `-sSUPPORT_LONGJMP=emscripten` mode)
// as host functions. Emscripten compiles a C function that calls setjmp so that every call
// which might longjmp goes through an imported trampoline `env.invoke_<sig>(fn, args...)`;
// `longjmp` records its target inside the module (saveSetjmp/testSetjmp) and then calls the
// imported `env._emscripten_throw_longjmp()`, which must unwind every WebAssembly frame up to
// the nearest trampoline. The trampoline then resets the C stack and reports the jump with the
// module's `setThrew(1, 0)`; the compiled caller reads that flag and resumes at its setjmp.
// Redis reaches this only through Lua's protected calls (lua_pcall, error(), redis.call errors).
// Emscripten's runtime does the same in JavaScript; this is the host side of that contract.

import WasmCore
import WasmRuntime

/// The unwinding signal of `_emscripten_throw_longjmp`. Private, so that nothing but the
/// trampolines below can catch it: a trap or a WASI exit is never mistaken for a longjmp.
private struct EmscriptenLongjmp: Error {}

/// The `env.invoke_*` trampolines and `env._emscripten_throw_longjmp`.
///
/// Define them before instantiation (`define(for:in:store:)`). The trampolines use the calling
/// instance's `stackSave`, `stackRestore` and `setThrew` exports and its function table,
/// looked up on each call through `Caller` (they keep no reference to the instance, so
/// nothing keeps a store alive in a cycle); `checkExports(of:)` verifies at start-up that
/// they exist.
enum EmscriptenSetjmp {
    /// The module name of every Emscripten import.
    static let module = "env"
    /// The import that raises the longjmp signal.
    static let throwLongjmp = "_emscripten_throw_longjmp"
    /// The prefix of the trampolines: `invoke_vii` is `void f(int, int)` called through the
    /// table, but the host derives each trampoline's type from the import itself.
    static let invokePrefix = "invoke_"
    /// The exports the trampolines call.
    static let table = "__indirect_function_table"
    static let requiredFunctions = ["stackSave", "stackRestore", "setThrew"]

    /// Defines, in `imports`, `_emscripten_throw_longjmp` and one trampoline for each
    /// `env.invoke_*` function that `module` imports, of the type the module declares for it:
    /// the first parameter is the table index, the others are passed on to the callee, whose
    /// results (if any) the trampoline returns.
    static func define(for module: Module, in imports: inout Imports, store: Store) {
        for entry in module.imports where entry.module == Self.module {
            guard case .function(let typeIndex) = entry.descriptor else { continue }
            let type = module.types[Int(typeIndex)]
            if entry.name == throwLongjmp {
                let raise = Function(store: store, type: type) { _, _ in throw EmscriptenLongjmp() }
                imports.define(module: Self.module, name: entry.name, .function(raise))
            } else if entry.name.hasPrefix(invokePrefix), type.parameters.first == .i32 {
                imports.define(module: Self.module, name: entry.name, .function(trampoline(type, store: store)))
            }
        }
    }

    /// Throws `RedisError.incompatibleModule` when `instance` lacks an export the trampolines
    /// need.
    static func checkExports(of instance: Instance) throws {
        guard instance.table(table) != nil else { throw RedisError.incompatibleModule("no exported table \(table)") }
        for name in requiredFunctions where instance.function(name) == nil {
            throw RedisError.incompatibleModule("no exported function \(name)")
        }
    }

    /// `invoke_<sig>(fn, args...)`: `sp = stackSave()`; call `table[fn](args...)`; when the
    /// call unwinds with the longjmp signal, `stackRestore(sp)` (the C stack frames the jump
    /// skipped are freed) and only then `setThrew(1, 0)`, and return zeros. Any other error
    /// (a trap, a WASI exit) propagates unchanged. Re-entrant: each activation keeps its own
    /// `sp`, and the runtime bounds the nesting of host calls.
    private static func trampoline(_ type: FuncType, store: Store) -> Function {
        let calleeType = FuncType(parameters: Array(type.parameters.dropFirst()), results: type.results)
        let zeros = type.results.map(zero)
        return Function(store: store, type: type) { caller, arguments in
            guard let instance = caller.instance, let table = instance.table(table),
                  let stackSave = instance.function("stackSave"), let stackRestore = instance.function("stackRestore"),
                  let setThrew = instance.function("setThrew") else {
                throw RedisError.incompatibleModule("invoke_* needs the caller's \(table), stackSave, stackRestore and setThrew")
            }
            let index = Int(arguments[0].int32!)
            guard index >= 0, index < table.count else { throw Trap(.undefinedElement) }
            guard case .funcref(let element) = try table.get(index) else { throw Trap(.indirectCallTypeMismatch) }
            guard let callee = element else { throw Trap(.uninitializedElement) }
            guard callee.type == calleeType else { throw Trap(.indirectCallTypeMismatch) }
            let stackPointer = try stackSave.call([])
            do {
                return try callee.call(Array(arguments.dropFirst()))
            } catch is EmscriptenLongjmp {
                try stackRestore.call(stackPointer)
                try setThrew(.i32(1), .i32(0))
                return zeros
            }
        }
    }

    private static func zero(_ type: ValueType) -> Value {
        switch type {
        case .i32: .i32(0)
        case .i64: .i64(0)
        case .f32: .f32(0)
        case .f64: .f64(0)
        case .v128: .v128(V128(low: 0, high: 0))
        case .funcref: .funcref(nil)
        case .externref: .externref(nil)
        }
    }
}
