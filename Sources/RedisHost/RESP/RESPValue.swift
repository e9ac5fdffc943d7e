/// One value of the Redis serialization protocol, RESP2 or RESP3.
///
/// Redis answers RESP2 by default and RESP3 after `HELLO 3`; both decode to this type.
///
/// - RESP2's null bulk string (`$-1`), its null array (`*-1`) and RESP3's null (`_`) all
///   become ``null``: Redis uses them for the same thing ("no value"), and redis-cli prints
///   all three as `(nil)`.
/// - Simple errors (`-ERR ...`) and RESP3 blob errors (`!<len>`) both become ``error(_:)``.
/// - A RESP3 attribute (`|<n>`: out-of-band key/value pairs that precede a reply) is kept:
///   the parser wraps the value it annotates in ``attribute(_:value:)``. Every accessor
///   (``string``, ``int``, ``array``...) looks through the wrapper, so code that does not
///   care about attributes can ignore them; ``withoutAttributes`` removes them.
/// - RESP3 streamed strings and aggregates (`$?`, `*?`) are not part of this type: Redis
///   never sends them, and the parser reports them as a protocol error.
public indirect enum RESPValue: Sendable, Hashable {
    /// `+OK`: a short status text without CR or LF.
    case simpleString(String)
    /// `-ERR message` or RESP3 `!<len>` blob error: the full text, starting with the
    /// error code (`ERR`, `WRONGTYPE`, `OOM`, ...).
    case error(String)
    /// `:42`: a signed 64-bit integer.
    case integer(Int64)
    /// `$<len>`: a binary-safe string.
    case bulkString([UInt8])
    /// The absence of a value: RESP2 `$-1` / `*-1`, RESP3 `_`.
    case null
    /// `*<n>`: an ordered list of values.
    case array([RESPValue])
    /// RESP3 `%<n>`: key/value pairs, in the order the server sent them.
    case map([RESPPair])
    /// RESP3 `~<n>`: an unordered collection, in the order the server sent it.
    case set([RESPValue])
    /// RESP3 `,<text>`: a double, including `inf`, `-inf` and `nan`, with the text it was
    /// written as (`.double(1.5)` builds one from a value).
    case double(RESPDouble)
    /// RESP3 `#t` / `#f`.
    case boolean(Bool)
    /// RESP3 `(<digits>`: an integer of any size, as its decimal text (with its sign).
    case bigNumber(String)
    /// RESP3 `=<len>`: a text with its three-character format (`txt`, `mkd`).
    case verbatimString(format: String, text: [UInt8])
    /// RESP3 `><n>`: out-of-band data (pub/sub messages, client-tracking invalidations).
    case push([RESPValue])
    /// A value preceded by a RESP3 attribute (`|<n>`): the attribute's key/value pairs and
    /// the value they annotate.
    case attribute([RESPPair], value: RESPValue)
}

/// One key/value entry of a RESP3 map or attribute.
public struct RESPPair: Sendable, Hashable {
    /// The entry's key.
    public var key: RESPValue
    /// The entry's value.
    public var value: RESPValue

    /// Creates an entry.
    public init(key: RESPValue, value: RESPValue) {
        self.key = key
        self.value = value
    }
}

extension RESPValue {
    /// A bulk string holding the UTF-8 bytes of `text`.
    public static func bulkString(_ text: String) -> RESPValue {
        .bulkString(Array(text.utf8))
    }
}
