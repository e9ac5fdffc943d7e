// Execution › Modules › External typing and import matching (spec §4.5.1 external typing,
// §4.5.2 import subtyping): an external value fits an import when its type matches.

import WasmCore

extension Limits {
    /// §4.5.2 limits matching: `self` (the actual limits) is a subtype of `expected` when it
    /// is at least as large and at least as tightly bounded.
    func matches(_ expected: Limits) -> Bool {
        guard min >= expected.min else { return false }
        guard let expectedMax = expected.max else { return true }
        guard let max else { return false }
        return max <= expectedMax
    }
}

extension Store {
    /// §4.5.4 steps 3–4: resolves and checks each import of `module`, in order. Throws
    /// `LinkError` ("unknown import", "incompatible import type").
    func resolveImports(of module: Module, from imports: Imports) throws -> [ExternAddress] {
        try module.imports.map { entry in
            guard let extern = imports.lookup(module: entry.module, name: entry.name) else {
                throw LinkError("unknown import", module: entry.module, name: entry.name)
            }
            guard extern.store === self else {
                throw EmbeddingError("import \(entry.module).\(entry.name) belongs to another store")
            }
            let address = extern.address
            guard matches(address, entry.descriptor, in: module) else {
                throw LinkError("incompatible import type", module: entry.module, name: entry.name)
            }
            return address
        }
    }

    /// Whether the external value at `address` has a type that matches the import (§4.5.2).
    private func matches(_ address: ExternAddress, _ descriptor: ImportDescriptor, in module: Module) -> Bool {
        switch (address, descriptor) {
        case (.function(let function), .function(let typeIndex)):
            // §4.5.2 functions: the types must be equal.
            return function.pointee.typeID == typeID(of: module.types[Int(typeIndex)])
        case (.table(let table), .table(let expected)):
            // §4.5.2 tables: limits match and the element types are equal.
            let actual = table.pointee.type
            return actual.elementType == expected.elementType && actual.limits.matches(expected.limits)
        case (.memory(let memory), .memory(let expected)):
            // §4.5.2 memories: limits match.
            return memory.pointee.type.limits.matches(expected.limits)
        case (.global(let global), .global(let expected)):
            // §4.5.2 globals: the types are equal.
            return global.pointee.type == expected
        default:
            return false
        }
    }
}
