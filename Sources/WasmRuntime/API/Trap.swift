// Traps (spec §4.4 "trap"): execution aborted by an instruction (or by instantiation, §4.5.4)
// with one of the spec's messages. Traps unwind every WebAssembly frame up to the host.

/// Why execution trapped. `message` is the text the spec's test suite expects.
public enum TrapReason: Error, Hashable, Sendable, CustomStringConvertible {
    case unreachable
    case integerDivideByZero
    case integerOverflow
    case invalidConversionToInteger
    case outOfBoundsMemoryAccess
    case outOfBoundsTableAccess
    case undefinedElement
    case uninitializedElement
    case indirectCallTypeMismatch
    /// The value stack, the call depth or the nesting of host re-entrancy ran out.
    case callStackExhausted

    public var message: String {
        switch self {
        case .unreachable: "unreachable"
        case .integerDivideByZero: "integer divide by zero"
        case .integerOverflow: "integer overflow"
        case .invalidConversionToInteger: "invalid conversion to integer"
        case .outOfBoundsMemoryAccess: "out of bounds memory access"
        case .outOfBoundsTableAccess: "out of bounds table access"
        case .undefinedElement: "undefined element"
        case .uninitializedElement: "uninitialized element"
        case .indirectCallTypeMismatch: "indirect call type mismatch"
        case .callStackExhausted: "call stack exhausted"
        }
    }

    public var description: String { message }
}

/// A trap, as thrown to the host: the reason and the WebAssembly functions that were active,
/// innermost first (names from the module's name section when it has one).
public struct Trap: Error, CustomStringConvertible {
    public var reason: TrapReason
    /// Names of the active functions when the trap happened, innermost first.
    public var backtrace: [String]

    public init(_ reason: TrapReason, backtrace: [String] = []) {
        self.reason = reason
        self.backtrace = backtrace
    }

    /// The spec's message for the trap, e.g. "integer divide by zero".
    public var message: String { reason.message }

    public var description: String {
        backtrace.isEmpty ? message : message + "\n" + backtrace.enumerated().map { "  \($0): \($1)" }.joined(separator: "\n")
    }
}

/// Instantiation failed while matching imports (§4.5.4 steps 3–4): the module is unlinkable.
public struct LinkError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The spec's message: "unknown import" or "incompatible import type".
    public var message: String
    /// The import's module and field names.
    public var module: String
    public var name: String

    public init(_ message: String, module: String, name: String) {
        self.message = message
        self.module = module
        self.name = name
    }

    public var description: String { "\(message): \(module).\(name)" }
}

/// The embedding API was used wrongly: arguments of the wrong type or number, an object of
/// another store, a write to an immutable global, a host function returning wrong results...
public struct EmbeddingError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
