// Runtime structure › Function instances (spec §4.2.6): a WebAssembly function closed over its
// module instance, or a host function. The interpreter refers to them by address; a `funcref`
// value is such an address (0 is null).

import WasmCore

/// The address of a function instance in its store.
typealias FunctionAddress = UnsafeMutablePointer<FunctionEntity>

/// A function instance as the interpreter reads it: plain data at a stable address, so that a
/// call reads the callee's code and frame size without reference counting.
struct FunctionEntity {
    enum Kind {
        /// Defined by a module: `index` is its index in the module's function index space.
        case wasm
        /// Defined by the host: `index` is its index in `Store.hostFunctions`.
        case host
    }

    var kind: Kind
    /// The function's type, interned in its store: equal ids mean equal types (§4.4.10 call_indirect).
    var typeID: UInt32
    /// Value-stack slots taken by the parameters and by the results.
    var parameterSlots: Int32
    var resultSlots: Int32
    /// Slots of the parameters plus the declared locals (wasm functions).
    var localSlots: Int32
    /// Slots the frame needs: locals plus the deepest operand stack, at least `resultSlots`.
    /// Known once the body is translated.
    var frameSlots: Int32
    /// The translated body; `nil` until the first call (lazy translation) and for host functions.
    var code: UnsafeMutablePointer<EncodedInstruction>?
    /// The module instance the function closes over (`nil` for host functions).
    var instance: InstanceAddress?
    var index: UInt32

    /// The funcref value of this address.
    static func reference(to address: FunctionAddress) -> UInt64 {
        UInt64(UInt(bitPattern: address))
    }

    /// The address a non-null funcref value denotes.
    static func address(of reference: UInt64) -> FunctionAddress {
        FunctionAddress(bitPattern: UInt(reference))!
    }
}

extension FunctionAddress {
    /// The instance a WebAssembly function closes over (not for host functions).
    @inline(__always)
    var owningInstance: InstanceAddress { pointee.instance.unsafelyUnwrapped }
}

extension ValueType {
    /// Value-stack slots a value of this type occupies: two for v128, one otherwise.
    var slotCount: Int32 { self == .v128 ? 2 : 1 }
}

extension Sequence<ValueType> {
    /// Value-stack slots taken by values of these types.
    var slotCount: Int32 { reduce(0) { $0 + $1.slotCount } }
}
