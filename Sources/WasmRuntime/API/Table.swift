// Table instances (spec §4.2.7) in the embedding API (§7.1.7).

import WasmCore

/// A table of references in a store.
public struct Table: Hashable {
    let store: Store
    let address: TableAddress

    /// Allocates a new table of type `type` in `store`, filled with `initial` (null by
    /// default), e.g. to provide as an import (§7.1.7 table_alloc).
    public init(store: Store, type: TableType, initial: Value? = nil) throws {
        let element = try (initial ?? Value.null(type.elementType)).reference(as: type.elementType, in: store)
        guard let address = store.allocateTable(type, initial: element) else {
            throw EmbeddingError("cannot allocate a table of \(type.limits.min) elements")
        }
        self.init(store: store, address: address)
    }

    init(store: Store, address: TableAddress) {
        self.store = store
        self.address = address
    }

    /// The table's current type: current size as minimum, declared maximum.
    public var type: TableType { address.pointee.type }
    /// The number of elements.
    public var count: Int { address.pointee.count }

    /// The element at `index` (§7.1.7 table_read); throws a `Trap` when out of bounds.
    public func get(_ index: Int) throws -> Value {
        let table = address.pointee
        guard index >= 0, index < table.count else { throw Trap(.outOfBoundsTableAccess) }
        var element = table.elements[index]
        return Value(loading: table.elementType.valueType, from: &element, in: store)
    }

    /// Replaces the element at `index` (§7.1.7 table_write).
    public func set(_ index: Int, to value: Value) throws {
        let table = address.pointee
        let element = try value.reference(as: table.elementType, in: store)
        guard index >= 0, index < table.count else { throw Trap(.outOfBoundsTableAccess) }
        table.elements[index] = element
    }

    /// Appends `delta` copies of `initial` (§7.1.7 table_grow); returns the old size, or `nil`
    /// when the maximum or the store's limit does not allow it.
    @discardableResult
    public func grow(by delta: UInt32, initial: Value? = nil) throws -> UInt32? {
        let type = address.pointee.elementType
        let element = try (initial ?? Value.null(type)).reference(as: type, in: store)
        return address.pointee.grow(by: delta, initial: element)
    }

    public static func == (a: Table, b: Table) -> Bool { a.address == b.address }
    public func hash(into hasher: inout Hasher) { hasher.combine(address) }
}

extension Value {
    /// The null reference of a reference type.
    public static func null(_ type: RefType) -> Value {
        type == .funcref ? .funcref(nil) : .externref(nil)
    }
}
