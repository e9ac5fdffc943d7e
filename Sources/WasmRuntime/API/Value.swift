// Values (spec §4.2.1) as the embedding API exchanges them, and their representation in
// value-stack slots.

import WasmCore

/// A WebAssembly value. Integers and floats are carried as bit patterns (so NaN payloads
/// survive): use the `Value(Int32)`-style initialisers and the `int32`-style accessors for
/// numeric views.
public enum Value: Hashable {
    case i32(UInt32)
    case i64(UInt64)
    /// An f32, as its IEEE 754 bit pattern.
    case f32(UInt32)
    /// An f64, as its IEEE 754 bit pattern.
    case f64(UInt64)
    case v128(V128)
    /// A function reference, or null.
    case funcref(Function?)
    /// An external (host) reference, or null.
    case externref(ExternRef?)

    public init(_ value: Int32) { self = .i32(UInt32(bitPattern: value)) }
    public init(_ value: Int64) { self = .i64(UInt64(bitPattern: value)) }
    public init(_ value: Float) { self = .f32(value.bitPattern) }
    public init(_ value: Double) { self = .f64(value.bitPattern) }

    /// The value as a signed 32-bit integer, if it is an i32.
    public var int32: Int32? { if case .i32(let v) = self { Int32(bitPattern: v) } else { nil } }
    /// The value as a signed 64-bit integer, if it is an i64.
    public var int64: Int64? { if case .i64(let v) = self { Int64(bitPattern: v) } else { nil } }
    public var float: Float? { if case .f32(let v) = self { Float(bitPattern: v) } else { nil } }
    public var double: Double? { if case .f64(let v) = self { Double(bitPattern: v) } else { nil } }

    /// The value's type.
    public var type: ValueType {
        switch self {
        case .i32: .i32
        case .i64: .i64
        case .f32: .f32
        case .f64: .f64
        case .v128: .v128
        case .funcref: .funcref
        case .externref: .externref
        }
    }
}

/// An external reference (§4.2.1 `ref.extern`): an opaque host value identified by a number.
public struct ExternRef: Hashable, Sendable {
    /// The host's number for the referenced object; any value but `UInt64.max`.
    public let id: UInt64

    public init(_ id: UInt64) {
        precondition(id != UInt64.max, "ExternRef id UInt64.max is reserved")
        self.id = id
    }
}

// MARK: Slots

extension Value {
    /// Writes the value into `slots` (one slot, two for v128), checking it is of `type` and
    /// belongs to `store`.
    func store(into slots: UnsafeMutablePointer<UInt64>, as type: ValueType, in store: Store) throws {
        guard self.type == type else { throw EmbeddingError("expected a value of type \(type), got \(self.type)") }
        switch self {
        case .i32(let v): slots[0] = UInt64(v)
        case .i64(let v): slots[0] = v
        case .f32(let v): slots[0] = UInt64(v)
        case .f64(let v): slots[0] = v
        case .v128(let v):
            slots[0] = v.low
            slots[1] = v.high
        case .funcref(let function):
            if let function, function.store !== store { throw EmbeddingError("function reference from another store") }
            slots[0] = function.map { FunctionEntity.reference(to: $0.address) } ?? 0
        case .externref(let reference):
            slots[0] = reference.map { $0.id &+ 1 } ?? 0
        }
    }

    /// Reads a value of `type` from `slots`.
    init(loading type: ValueType, from slots: UnsafePointer<UInt64>, in store: Store) {
        switch type {
        case .i32: self = .i32(UInt32(truncatingIfNeeded: slots[0]))
        case .i64: self = .i64(slots[0])
        case .f32: self = .f32(UInt32(truncatingIfNeeded: slots[0]))
        case .f64: self = .f64(slots[0])
        case .v128: self = .v128(V128(low: slots[0], high: slots[1]))
        case .funcref:
            self = .funcref(slots[0] == 0 ? nil : Function(store: store, address: FunctionEntity.address(of: slots[0])))
        case .externref:
            self = .externref(slots[0] == 0 ? nil : ExternRef(slots[0] &- 1))
        }
    }

    /// The value as a table element (a reference value's encoding), checking its type.
    func reference(as type: RefType, in store: Store) throws -> UInt64 {
        var slot: UInt64 = 0
        try self.store(into: &slot, as: type.valueType, in: store)
        return slot
    }
}
