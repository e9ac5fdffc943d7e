/// Bytes that are not valid RESP. `offset` is the position, counted from the first byte
/// ever fed to the parser, of the start of the offending line or payload.
public struct RESPProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Sendable, Equatable {
        /// A value starts with a byte that is no RESP2 or RESP3 type (`+ - : $ * _ , # ( ! = % ~ > |`).
        case unknownType(UInt8)
        /// RESP3 streamed strings and aggregates (`$?`, `*?`...): Redis never sends them.
        case streamedTypeUnsupported(UInt8)
        /// An integer, length or count that is not an optional `-` followed by decimal digits
        /// within 64 bits.
        case invalidInteger
        /// A negative length or count other than RESP2's `-1` null.
        case invalidLength(Int64)
        /// A bulk string (or blob error, verbatim string) longer than the parser's limit.
        case bulkTooLong(length: Int64, limit: Int)
        /// An aggregate with more elements than the parser's limit.
        case aggregateTooLong(count: Int64, limit: Int)
        /// A header or simple value line longer than the parser's limit, still without CRLF.
        case lineTooLong(limit: Int)
        /// Aggregates nested deeper than the parser's limit.
        case nestingTooDeep(limit: Int)
        /// A bulk payload not followed by CRLF.
        case missingCRLF
        /// RESP3 null `_` with something before its CRLF.
        case invalidNull
        /// RESP3 boolean other than `#t` / `#f`.
        case invalidBoolean
        /// RESP3 double that is not a decimal or `inf`/`-inf`/`nan`.
        case invalidDouble
        /// RESP3 big number that is not an optional sign followed by decimal digits.
        case invalidBigNumber
        /// RESP3 verbatim string without its `xxx:` format prefix.
        case invalidVerbatimString
        /// Input that was meant to be complete ends inside a value
        /// (``RESPParser/parseComplete(_:limits:)``).
        case truncated
    }

    /// What is wrong.
    public let reason: Reason
    /// Where, in bytes from the start of the stream.
    public let offset: Int

    /// Creates an error.
    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// A one-line explanation with the byte offset.
    public var description: String {
        let what: String
        switch reason {
        case .unknownType(let byte): what = "unknown type byte \(RedisQuoting.quoted([byte]))"
        case .streamedTypeUnsupported(let byte): what = "streamed RESP3 type \(RedisQuoting.quoted([byte])) is not supported"
        case .invalidInteger: what = "invalid integer"
        case .invalidLength(let length): what = "invalid length \(length)"
        case .bulkTooLong(let length, let limit): what = "bulk length \(length) exceeds the limit of \(limit) bytes"
        case .aggregateTooLong(let count, let limit): what = "aggregate of \(count) elements exceeds the limit of \(limit)"
        case .lineTooLong(let limit): what = "line without CRLF longer than \(limit) bytes"
        case .nestingTooDeep(let limit): what = "aggregates nested deeper than \(limit) levels"
        case .missingCRLF: what = "bulk payload not followed by CRLF"
        case .invalidNull: what = "invalid null"
        case .invalidBoolean: what = "invalid boolean"
        case .invalidDouble: what = "invalid double"
        case .invalidBigNumber: what = "invalid big number"
        case .invalidVerbatimString: what = "verbatim string without a format prefix"
        case .truncated: what = "input ends inside a value"
        }
        return "RESP protocol error at byte \(offset): \(what)"
    }
}
