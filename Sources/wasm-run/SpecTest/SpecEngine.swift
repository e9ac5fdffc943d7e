// The hooks through which the spec runner executes code. The runner itself only decodes and
// validates; every command that instantiates a module or runs a function goes through a
// `SpecEngine`. Without one, those commands are counted as skipped.

import WasmCore

/// An execution engine driven by the spec runner, one script at a time. It keeps the script's
/// state: the `spectest` host instance (../shared/wasm-testsuite/spectest-host.md), the
/// instantiated modules, and the names registered with `register`.
protocol SpecEngine: AnyObject {
    /// Starts a script: a fresh `spectest` instance, no modules, no registered names.
    func beginScript()

    /// Instantiates a decoded and valid module, linking its imports against `spectest` and the
    /// registered names. On success it becomes the current module, and is also reachable as
    /// `name` when one is given. Link failures throw `.unlinkable`; a trap while initialising
    /// (segments, start function) throws `.trap`.
    func instantiate(_ module: Module, name: String?) throws(SpecEngineError)

    /// Makes the exports of module `name` (the current module when `nil`) importable under the
    /// module name `alias` for the rest of the script.
    func register(name: String?, as alias: String) throws(SpecEngineError)

    /// Calls the exported function `field` of module `module` (current when `nil`).
    func invoke(module: String?, field: String, arguments: [SpecValue]) throws(SpecEngineError) -> [SpecValue]

    /// Reads the exported global `field` of module `module` (current when `nil`).
    func get(module: String?, field: String) throws(SpecEngineError) -> SpecValue
}

/// Why an engine operation failed. The runner compares the kind with what an assertion expects
/// and the message with its expected text.
enum SpecEngineError: Error, CustomStringConvertible {
    /// Linking failed (e.g. "unknown import", "incompatible import type").
    case unlinkable(String)
    /// Execution trapped (e.g. "integer divide by zero"), also during instantiation.
    case trap(String)
    /// Resources ran out (e.g. "call stack exhausted").
    case exhaustion(String)
    /// Anything else: a missing module or export, a wrong argument, an engine limitation.
    case other(String)

    var message: String {
        switch self {
        case .unlinkable(let m), .trap(let m), .exhaustion(let m), .other(let m): m
        }
    }

    var description: String {
        switch self {
        case .unlinkable(let m): "unlinkable: \(m)"
        case .trap(let m): "trap: \(m)"
        case .exhaustion(let m): "exhaustion: \(m)"
        case .other(let m): "error: \(m)"
        }
    }
}
