extension RESPValue: CustomStringConvertible {
    /// A one-line form for logs and debugging, in redis-cli's words where it has them:
    /// `OK`, `(error) ERR x`, `(integer) 1`, `"bar"` (quoted like redis-cli), `(nil)`,
    /// `(double) 1.5`, `(true)`, `(big number) 123`, `(verbatim txt) "text"`,
    /// `[1, "a"]` for arrays, `~[...]` for sets, `>[...]` for pushes, `{"k" => "v"}` for
    /// maps and `|{...} value` for an attributed value.
    ///
    /// For redis-cli's multi-line output use ``formatReply(_:raw:)``.
    public var description: String {
        switch self {
        case .simpleString(let text): return text
        case .error(let message): return "(error) \(message)"
        case .integer(let value): return "(integer) \(value)"
        case .bulkString(let bytes): return RedisQuoting.quoted(bytes)
        case .null: return "(nil)"
        case .double(let number): return "(double) \(number.text)"
        case .boolean(let value): return value ? "(true)" : "(false)"
        case .bigNumber(let digits): return "(big number) \(digits)"
        case .verbatimString(let format, let text): return "(verbatim \(format)) \(RedisQuoting.quoted(text))"
        case .array(let elements): return "[" + elements.map(\.description).joined(separator: ", ") + "]"
        case .set(let elements): return "~[" + elements.map(\.description).joined(separator: ", ") + "]"
        case .push(let elements): return ">[" + elements.map(\.description).joined(separator: ", ") + "]"
        case .map(let pairs): return RESPValue.describe(pairs)
        case .attribute(let pairs, let value): return "|\(RESPValue.describe(pairs)) \(value)"
        }
    }

    private static func describe(_ pairs: [RESPPair]) -> String {
        "{" + pairs.map { "\($0.key) => \($0.value)" }.joined(separator: ", ") + "}"
    }
}
