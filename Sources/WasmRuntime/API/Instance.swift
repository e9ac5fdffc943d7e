// Module instances (spec §4.2.5) and external values (§4.2.12) in the embedding API:
// instantiating a module against imports (§7.1.4 module_instantiate) and reading exports.

import WasmCore

/// An external value: what a module imports and exports.
public enum Extern: Hashable {
    case function(Function)
    case table(Table)
    case memory(Memory)
    case global(Global)

    var store: Store {
        switch self {
        case .function(let f): f.store
        case .table(let t): t.store
        case .memory(let m): m.store
        case .global(let g): g.store
        }
    }

    init(_ address: ExternAddress, in store: Store) {
        switch address {
        case .function(let a): self = .function(Function(store: store, address: a))
        case .table(let a): self = .table(Table(store: store, address: a))
        case .memory(let a): self = .memory(Memory(store: store, address: a))
        case .global(let a): self = .global(Global(store: store, address: a))
        }
    }

    var address: ExternAddress {
        switch self {
        case .function(let f): .function(f.address)
        case .table(let t): .table(t.address)
        case .memory(let m): .memory(m.address)
        case .global(let g): .global(g.address)
        }
    }
}

/// The external values a module's imports are resolved against: two-level names (module
/// name, field name) to externs. Define host functions and other instances' exports here.
public struct Imports {
    private var definitions: [ExactName: [ExactName: Extern]] = [:]

    public init() {}

    /// Makes `extern` importable as `module`.`name` (replacing an earlier definition).
    public mutating func define(module: String, name: String, _ extern: Extern) {
        definitions[ExactName(module), default: [:]][ExactName(name)] = extern
    }

    /// Makes every export of `instance` importable under the module name `module`.
    public mutating func define(module: String, exportsOf instance: Instance) {
        for (name, extern) in instance.exports { define(module: module, name: name, extern) }
    }

    /// The extern defined as `module`.`name`, if any.
    public func lookup(module: String, name: String) -> Extern? {
        definitions[ExactName(module)]?[ExactName(name)]
    }
}

/// A module instance: the result of instantiating a module in a store.
public struct Instance {
    let store: Store
    let moduleInstance: ModuleInstance

    init(store: Store, moduleInstance: ModuleInstance) {
        self.store = store
        self.moduleInstance = moduleInstance
    }

    /// The module this is an instance of.
    public var module: Module { moduleInstance.module }

    /// All exports, in the module's order. Export names are unique as sequences of Unicode
    /// scalars (§2.2.5); two of them may still be equal as Swift `String`s.
    public var exports: [(name: String, value: Extern)] {
        moduleInstance.exports.map { ($0.name, Extern($0.address, in: store)) }
    }

    /// The export named `name`, if any.
    public func export(_ name: String) -> Extern? {
        moduleInstance.exportsByName[ExactName(name)].map { Extern($0, in: store) }
    }

    /// The exported function `name`, if there is a function export of that name.
    public func function(_ name: String) -> Function? {
        if case .function(let f) = export(name) { f } else { nil }
    }

    /// The exported memory `name`, if there is a memory export of that name.
    public func memory(_ name: String) -> Memory? {
        if case .memory(let m) = export(name) { m } else { nil }
    }

    /// The exported table `name`, if there is a table export of that name.
    public func table(_ name: String) -> Table? {
        if case .table(let t) = export(name) { t } else { nil }
    }

    /// The exported global `name`, if there is a global export of that name.
    public func global(_ name: String) -> Global? {
        if case .global(let g) = export(name) { g } else { nil }
    }
}
