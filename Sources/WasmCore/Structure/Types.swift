// Structure › Types (spec §2.3): the types that classify values, functions,
// tables, memories and globals. Raw values are the binary encodings (§5.3).

/// Number types (§2.3.1), the vector type (§2.3.2) and reference types (§2.3.3).
public enum ValueType: UInt8, Hashable, Sendable, CustomStringConvertible {
    case i32 = 0x7F
    case i64 = 0x7E
    case f32 = 0x7D
    case f64 = 0x7C
    case v128 = 0x7B
    case funcref = 0x70
    case externref = 0x6F

    /// Whether this is one of the reference types.
    public var isReference: Bool { self == .funcref || self == .externref }

    public var description: String {
        switch self {
        case .i32: "i32"
        case .i64: "i64"
        case .f32: "f32"
        case .f64: "f64"
        case .v128: "v128"
        case .funcref: "funcref"
        case .externref: "externref"
        }
    }
}

/// Reference types (§2.3.3): opaque pointers to functions or to host objects.
public enum RefType: UInt8, Hashable, Sendable, CustomStringConvertible {
    case funcref = 0x70
    case externref = 0x6F

    public var valueType: ValueType { self == .funcref ? .funcref : .externref }
    public var description: String { valueType.description }
}

/// Function types (§2.3.5): a vector of parameters to a vector of results.
public struct FuncType: Hashable, Sendable, CustomStringConvertible {
    public var parameters: [ValueType]
    public var results: [ValueType]

    public init(parameters: [ValueType], results: [ValueType]) {
        self.parameters = parameters
        self.results = results
    }

    public var description: String {
        "[\(parameters.map(\.description).joined(separator: " "))] -> [\(results.map(\.description).joined(separator: " "))]"
    }
}

/// Limits (§2.3.6): the size range of a resizeable storage (pages or elements).
public struct Limits: Hashable, Sendable {
    public var min: UInt32
    public var max: UInt32?

    public init(min: UInt32, max: UInt32? = nil) {
        self.min = min
        self.max = max
    }
}

/// Memory types (§2.3.7): linear memories, sized in pages of 64 KiB.
public struct MemoryType: Hashable, Sendable {
    public var limits: Limits
    public init(limits: Limits) { self.limits = limits }
}

/// Table types (§2.3.8): a vector of references of one type.
public struct TableType: Hashable, Sendable {
    public var elementType: RefType
    public var limits: Limits
    public init(elementType: RefType, limits: Limits) {
        self.elementType = elementType
        self.limits = limits
    }
}

/// Mutability of a global (§2.3.9).
public enum Mutability: UInt8, Hashable, Sendable {
    case constant = 0x00
    case variable = 0x01
}

/// Global types (§2.3.9).
public struct GlobalType: Hashable, Sendable {
    public var mutability: Mutability
    public var valueType: ValueType
    public init(mutability: Mutability, valueType: ValueType) {
        self.mutability = mutability
        self.valueType = valueType
    }
}

/// External types (§2.3.10): the types of imports and exports.
public enum ExternType: Hashable, Sendable {
    case function(FuncType)
    case table(TableType)
    case memory(MemoryType)
    case global(GlobalType)
}

/// Block types (§2.4.8 / §5.4.1): the type of a structured control instruction,
/// either a short form (no result or one value type) or an index into the type section.
public enum BlockType: Hashable, Sendable {
    case empty
    case value(ValueType)
    case typeIndex(UInt32)
}

/// A 128-bit vector value (§2.3.2), stored as two little-endian 64-bit halves:
/// byte `i` of the vector is byte `i` of `low` for i < 8 and of `high` otherwise.
public struct V128: Hashable, Sendable, CustomStringConvertible {
    public var low: UInt64
    public var high: UInt64

    public init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// Builds a vector from its 16 bytes in memory order.
    public init(bytes: some Collection<UInt8>) {
        precondition(bytes.count == 16)
        var low: UInt64 = 0, high: UInt64 = 0
        for (i, byte) in bytes.enumerated() {
            if i < 8 { low |= UInt64(byte) << (8 * UInt64(i)) } else { high |= UInt64(byte) << (8 * UInt64(i - 8)) }
        }
        self.init(low: low, high: high)
    }

    /// The 16 bytes in memory order.
    public var bytes: [UInt8] {
        (0..<16).map { (i: Int) -> UInt8 in
            let half: UInt64 = i < 8 ? low : high
            return UInt8(truncatingIfNeeded: half >> UInt64(8 * (i % 8)))
        }
    }

    public var description: String {
        "v128(0x" + String(high, radix: 16).leftPadded(to: 16) + String(low, radix: 16).leftPadded(to: 16) + ")"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
