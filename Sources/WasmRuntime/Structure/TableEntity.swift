// Runtime structure › Table instances (spec §4.2.7): a vector of references that can grow.

import WasmCore

/// The address of a table instance in its store.
typealias TableAddress = UnsafeMutablePointer<TableEntity>

/// A table instance as the interpreter reads it. Elements are reference values: 0 is null,
/// otherwise a function address (funcref) or an external reference's encoding (externref).
struct TableEntity {
    var elements: UnsafeMutablePointer<UInt64>
    var count: Int
    var capacity: Int
    var elementType: RefType
    var declaredMaximum: UInt32?
    /// The most elements this table may have: the declared maximum and the embedder's limit.
    var elementLimit: UInt32

    /// The table's current type (§4.5.3.3): current size as minimum, declared maximum.
    var type: TableType {
        TableType(elementType: elementType, limits: Limits(min: UInt32(count), max: declaredMaximum))
    }

    /// §4.5.3.3 alloc_table: a table of type `type` filled with `initial`. Returns `nil` when
    /// its minimum exceeds the embedder's limit.
    static func allocate(_ type: TableType, initial: UInt64, embedderElementLimit: UInt32) -> TableAddress? {
        let limit = min(type.limits.max ?? UInt32.max, embedderElementLimit)
        guard type.limits.min <= limit else { return nil }
        let count = Int(type.limits.min)
        let elements = UnsafeMutablePointer<UInt64>.allocate(capacity: max(count, 1))
        elements.initialize(repeating: initial, count: count)
        let address = TableAddress.allocate(capacity: 1)
        address.initialize(to: TableEntity(
            elements: elements, count: count, capacity: max(count, 1), elementType: type.elementType,
            declaredMaximum: type.limits.max, elementLimit: limit))
        return address
    }

    /// §4.5.3.7 grow_table: appends `delta` copies of `initial`; returns the old size, or `nil`
    /// (table.grow's -1) beyond the limit.
    mutating func grow(by delta: UInt32, initial: UInt64) -> UInt32? {
        let oldCount = count
        let newCount = oldCount + Int(delta)
        guard newCount <= Int(elementLimit) else { return nil }
        if newCount > capacity {
            let newCapacity = max(newCount, min(capacity * 2, Int(elementLimit)))
            let newElements = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
            newElements.moveInitialize(from: elements, count: oldCount)
            elements.deallocate()
            elements = newElements
            capacity = newCapacity
        }
        (elements + oldCount).initialize(repeating: initial, count: Int(delta))
        count = newCount
        return UInt32(oldCount)
    }

    func release() {
        elements.deallocate()
    }
}
