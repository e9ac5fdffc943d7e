// The spec runner's execution engine: WasmRuntime. One store per script, holding the script's
// `spectest` host instance (../shared/wasm-testsuite/spectest-host.md) and its modules.

import WasmCore
import WasmRuntime

/// Runs spec test commands on WasmRuntime.
final class RuntimeSpecEngine: SpecEngine {
    private var store = Store()
    private var imports = Imports()
    private var current: Instance?
    private var named: [String: Instance] = [:]

    func beginScript() {
        store = Store()
        imports = Imports()
        current = nil
        named = [:]
        defineSpectest()
    }

    func instantiate(_ module: Module, name: String?) throws(SpecEngineError) {
        let instance = try run { try store.instantiate(ValidatedModule(module), imports: imports) }
        current = instance
        if let name { named[name] = instance }
    }

    func register(name: String?, as alias: String) throws(SpecEngineError) {
        imports.define(module: alias, exportsOf: try instance(name))
    }

    func invoke(module: String?, field: String, arguments: [SpecValue]) throws(SpecEngineError) -> [SpecValue] {
        guard let function = try instance(module).function(field) else {
            throw .other("no exported function \(field)")
        }
        let values = arguments.map(Value.init(spec:))
        return try run { try function.call(values) }.map(SpecValue.init(runtime:))
    }

    func get(module: String?, field: String) throws(SpecEngineError) -> SpecValue {
        guard let global = try instance(module).global(field) else { throw .other("no exported global \(field)") }
        return SpecValue(runtime: global.value)
    }

    private func instance(_ name: String?) throws(SpecEngineError) -> Instance {
        if let name {
            guard let instance = named[name] else { throw .other("no module named \(name)") }
            return instance
        }
        guard let current else { throw .other("no current module") }
        return current
    }

    /// Runs `body`, turning the runtime's errors into the runner's kinds.
    private func run<T>(_ body: () throws -> T) throws(SpecEngineError) -> T {
        do {
            return try body()
        } catch let error as LinkError {
            throw .unlinkable(error.message)
        } catch let trap as Trap {
            throw trap.reason == .callStackExhausted ? .exhaustion(trap.message) : .trap(trap.message)
        } catch {
            throw .other("\(error)")
        }
    }

    /// The `spectest` module: print functions that print nothing, four constant globals, a
    /// table of 10..20 funcrefs and a memory of 1..2 pages.
    private func defineSpectest() {
        func function(_ name: String, _ parameters: [ValueType]) {
            let type = FuncType(parameters: parameters, results: [])
            imports.define(module: "spectest", name: name, .function(Function(store: store, type: type) { _, _ in [] }))
        }
        function("print", [])
        function("print_i32", [.i32])
        function("print_i64", [.i64])
        function("print_f32", [.f32])
        function("print_f64", [.f64])
        function("print_i32_f32", [.i32, .f32])
        function("print_f64_f64", [.f64, .f64])
        func global(_ name: String, _ type: ValueType, _ value: Value) {
            let global = try! Global(store: store, type: GlobalType(mutability: .constant, valueType: type), value: value)
            imports.define(module: "spectest", name: name, .global(global))
        }
        global("global_i32", .i32, .i32(666))
        global("global_i64", .i64, .i64(666))
        global("global_f32", .f32, .f32(0x4426_A666))
        global("global_f64", .f64, .f64(0x4084_D4CC_CCCC_CCCD))
        let table = try! Table(store: store, type: TableType(elementType: .funcref, limits: Limits(min: 10, max: 20)))
        imports.define(module: "spectest", name: "table", .table(table))
        let memory = try! Memory(store: store, type: MemoryType(limits: Limits(min: 1, max: 2)))
        imports.define(module: "spectest", name: "memory", .memory(memory))
    }
}

extension Value {
    init(spec value: SpecValue) {
        switch value {
        case .i32(let v): self = .i32(v)
        case .i64(let v): self = .i64(v)
        case .f32(let bits): self = .f32(bits)
        case .f64(let bits): self = .f64(bits)
        case .v128(let v): self = .v128(v)
        case .funcref: self = .funcref(nil)  // scripts only pass null function references
        case .externref(let n): self = .externref(n.map { ExternRef(UInt64($0)) })
        }
    }
}

extension SpecValue {
    init(runtime value: Value) {
        switch value {
        case .i32(let v): self = .i32(v)
        case .i64(let v): self = .i64(v)
        case .f32(let bits): self = .f32(bits: bits)
        case .f64(let bits): self = .f64(bits: bits)
        case .v128(let v): self = .v128(v)
        case .funcref(let function): self = .funcref(function?.hashValue)
        case .externref(let reference): self = .externref(reference.map { UInt32(truncatingIfNeeded: $0.id) })
        }
    }
}
