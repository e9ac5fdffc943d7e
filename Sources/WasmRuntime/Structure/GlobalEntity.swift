// Runtime structure › Global instances (spec §4.2.9): a value and its mutability.

import WasmCore

/// The address of a global instance in its store.
typealias GlobalAddress = UnsafeMutablePointer<GlobalEntity>

/// A global instance. The value is kept in a separate two-slot cell (v128 needs both) whose
/// address `global.get` and `global.set` carry in the internal code.
struct GlobalEntity {
    var type: GlobalType
    var cell: UnsafeMutablePointer<UInt64>

    /// §4.5.3.5 alloc_global.
    static func allocate(_ type: GlobalType, value: (UInt64, UInt64)) -> GlobalAddress {
        let cell = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
        cell[0] = value.0
        cell[1] = value.1
        let address = GlobalAddress.allocate(capacity: 1)
        address.initialize(to: GlobalEntity(type: type, cell: cell))
        return address
    }

    func release() {
        cell.deallocate()
    }
}
