// The two ways a module can be rejected: it is malformed (the binary format, §5, does not
// describe it) or invalid (it decodes but breaks a validation rule, §3).

/// A module's bytes do not follow the binary format (§5). `offset` is the byte offset in the
/// module's binary where the problem was found.
public struct DecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }
    public var description: String { "malformed module at byte \(offset): \(message)" }
}

/// A decoded module breaks a validation rule (§3). `offset` is the byte offset of the
/// offending construct; for code, `functionIndex` names the function (in the function index
/// space) and `offset` is the offending instruction's byte offset.
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var functionIndex: UInt32?
    public var message: String
    public init(_ message: String, at offset: Int, functionIndex: UInt32? = nil) {
        self.message = message
        self.offset = offset
        self.functionIndex = functionIndex
    }
    public var description: String {
        if let functionIndex {
            return "invalid module: function \(functionIndex), byte \(offset): \(message)"
        }
        return "invalid module at byte \(offset): \(message)"
    }
}
