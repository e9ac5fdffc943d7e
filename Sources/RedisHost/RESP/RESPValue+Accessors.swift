// Convenience accessors. Each looks through RESP3 attributes (`.attribute(_, value:)`) and
// answers nil when the value is of another kind: none of them converts between kinds
// (`GET counter` is a bulk string, so its `int` is nil; parse its `string` if you need to).

extension RESPValue {
    /// The value without any RESP3 attribute wrappers, at this level and inside aggregates.
    public var withoutAttributes: RESPValue {
        switch self {
        case .attribute(_, let value): return value.withoutAttributes
        case .array(let elements): return .array(elements.map(\.withoutAttributes))
        case .set(let elements): return .set(elements.map(\.withoutAttributes))
        case .push(let elements): return .push(elements.map(\.withoutAttributes))
        case .map(let pairs):
            return .map(pairs.map { RESPPair(key: $0.key.withoutAttributes, value: $0.value.withoutAttributes) })
        default: return self
        }
    }

    /// The attributes that precede this value (empty when there are none).
    public var attributes: [RESPPair] {
        guard case .attribute(let pairs, let value) = self else { return [] }
        return pairs + value.attributes
    }

    /// The value itself when it is not an attribute wrapper, else the annotated value.
    private var unwrapped: RESPValue {
        var value = self
        while case .attribute(_, let inner) = value { value = inner }
        return value
    }

    /// The text of a simple string, bulk string or verbatim string. Bytes that are not
    /// valid UTF-8 become U+FFFD; use ``bytes`` for binary data.
    public var string: String? {
        switch unwrapped {
        case .simpleString(let text): return text
        case .bulkString(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .verbatimString(_, let text): return String(decoding: text, as: UTF8.self)
        default: return nil
        }
    }

    /// The exact bytes of a bulk string or verbatim string, or the UTF-8 bytes of a
    /// simple string.
    public var bytes: [UInt8]? {
        switch unwrapped {
        case .simpleString(let text): return Array(text.utf8)
        case .bulkString(let bytes): return bytes
        case .verbatimString(_, let text): return text
        default: return nil
        }
    }

    /// The payload of an integer reply.
    public var int: Int? {
        guard case .integer(let value) = unwrapped else { return nil }
        return Int(value)
    }

    /// The payload of a RESP3 double.
    public var double: Double? {
        guard case .double(let number) = unwrapped else { return nil }
        return number.value
    }

    /// The payload of a RESP3 boolean.
    public var bool: Bool? {
        guard case .boolean(let value) = unwrapped else { return nil }
        return value
    }

    /// The elements of an array, set or push.
    public var array: [RESPValue]? {
        switch unwrapped {
        case .array(let elements), .set(let elements), .push(let elements): return elements
        default: return nil
        }
    }

    /// The entries of a RESP3 map.
    public var map: [RESPPair]? {
        guard case .map(let pairs) = unwrapped else { return nil }
        return pairs
    }

    /// The message of an error reply (`ERR unknown command ...`).
    public var errorMessage: String? {
        guard case .error(let message) = unwrapped else { return nil }
        return message
    }

    /// Whether this is an error reply.
    public var isError: Bool { errorMessage != nil }

    /// Whether this is a null (RESP2 `$-1`/`*-1`, RESP3 `_`).
    public var isNull: Bool {
        if case .null = unwrapped { return true }
        return false
    }
}
