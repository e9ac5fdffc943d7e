// Global instances (spec §4.2.9) in the embedding API (§7.1.9).

import WasmCore

/// A global variable in a store.
public struct Global: Hashable {
    let store: Store
    let address: GlobalAddress

    /// Allocates a new global of type `type` holding `value` (§7.1.9 global_alloc), e.g. to
    /// provide as an import.
    public init(store: Store, type: GlobalType, value: Value) throws {
        var cell: (UInt64, UInt64) = (0, 0)
        try withUnsafeMutableBytes(of: &cell) { raw in
            try value.store(into: raw.baseAddress!.assumingMemoryBound(to: UInt64.self), as: type.valueType, in: store)
        }
        self.init(store: store, address: store.allocateGlobal(type, value: cell))
    }

    init(store: Store, address: GlobalAddress) {
        self.store = store
        self.address = address
    }

    public var type: GlobalType { address.pointee.type }

    /// The global's current value (§7.1.9 global_read).
    public var value: Value {
        Value(loading: address.pointee.type.valueType, from: address.pointee.cell, in: store)
    }

    /// Sets a mutable global (§7.1.9 global_write); throws for an immutable global or a value
    /// of another type.
    public func set(_ value: Value) throws {
        let global = address.pointee
        guard global.type.mutability == .variable else { throw EmbeddingError("global is immutable") }
        try value.store(into: global.cell, as: global.type.valueType, in: store)
    }

    public static func == (a: Global, b: Global) -> Bool { a.address == b.address }
    public func hash(into hasher: inout Hasher) { hasher.combine(address) }
}
