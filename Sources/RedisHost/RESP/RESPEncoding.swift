/// Requests in RESP: a command and its arguments as an array of bulk strings
/// (`*<n>\r\n` then `$<len>\r\n<bytes>\r\n` per argument), the form every Redis client
/// sends. Binary-safe: arguments may hold any bytes, CR, LF and NUL included.
public enum RESPRequest {
    /// The RESP encoding of one command.
    ///
    /// `RESPRequest.encode(["SET", "k", "v"])` is `*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n`.
    public static func encode(_ arguments: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        append(arguments, to: &bytes)
        return bytes
    }

    /// The RESP encoding of one command with binary arguments.
    public static func encode(_ arguments: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        append(arguments, to: &bytes)
        return bytes
    }

    /// Appends one command to `buffer`; call repeatedly to build a pipeline.
    public static func append(_ arguments: [String], to buffer: inout [UInt8]) {
        appendHeader(UInt8(ascii: "*"), arguments.count, to: &buffer)
        for argument in arguments { appendBulk(argument.utf8, to: &buffer) }
    }

    /// Appends one command with binary arguments to `buffer`.
    public static func append(_ arguments: [[UInt8]], to buffer: inout [UInt8]) {
        appendHeader(UInt8(ascii: "*"), arguments.count, to: &buffer)
        for argument in arguments { appendBulk(argument, to: &buffer) }
    }

    static func appendBulk(_ bytes: some Collection<UInt8>, to buffer: inout [UInt8]) {
        appendHeader(UInt8(ascii: "$"), bytes.count, to: &buffer)
        buffer.append(contentsOf: bytes)
        buffer.append(contentsOf: crlf)
    }

    /// `<type><decimal>\r\n`.
    static func appendHeader(_ type: UInt8, _ number: some BinaryInteger, to buffer: inout [UInt8]) {
        buffer.append(type)
        buffer.append(contentsOf: String(number).utf8)
        buffer.append(contentsOf: crlf)
    }

    static let crlf: [UInt8] = [0x0D, 0x0A]
}

/// The protocol generation to write values in.
public enum RESPVersion: Int, Sendable {
    /// RESP2, Redis's default: RESP3-only kinds are written as Redis downgrades them.
    case resp2 = 2
    /// RESP3, after `HELLO 3`.
    case resp3 = 3
}

extension RESPValue {
    /// The wire form of this value, as a server writes it.
    ///
    /// In ``RESPVersion/resp2`` the RESP3-only kinds are written the way Redis writes them
    /// to a RESP2 client: null as `$-1`, a map as a flat array of keys and values, a set or
    /// push as an array, a double or big number as a bulk string of its text, a boolean as
    /// `:1`/`:0`, a verbatim string as a bulk string of its text; attributes are dropped.
    /// Errors are always simple errors (`-`), with CR and LF replaced by spaces as Redis does.
    public func encoded(as version: RESPVersion = .resp3) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(into: &bytes, as: version)
        return bytes
    }

    /// Appends the wire form of this value to `buffer` (see ``encoded(as:)``).
    public func encode(into buffer: inout [UInt8], as version: RESPVersion = .resp3) {
        let resp3 = version == .resp3
        switch self {
        case .simpleString(let text): appendLine(UInt8(ascii: "+"), text, to: &buffer)
        case .error(let message): appendLine(UInt8(ascii: "-"), message, to: &buffer)
        case .integer(let value): RESPRequest.appendHeader(UInt8(ascii: ":"), value, to: &buffer)
        case .bulkString(let bytes): RESPRequest.appendBulk(bytes, to: &buffer)
        case .null: buffer.append(contentsOf: resp3 ? Array("_\r\n".utf8) : Array("$-1\r\n".utf8))
        case .array(let elements): appendAggregate(UInt8(ascii: "*"), elements, to: &buffer, as: version)
        case .set(let elements): appendAggregate(resp3 ? UInt8(ascii: "~") : UInt8(ascii: "*"), elements, to: &buffer, as: version)
        case .push(let elements): appendAggregate(resp3 ? UInt8(ascii: ">") : UInt8(ascii: "*"), elements, to: &buffer, as: version)
        case .map(let pairs):
            if resp3 {
                RESPRequest.appendHeader(UInt8(ascii: "%"), pairs.count, to: &buffer)
            } else {
                RESPRequest.appendHeader(UInt8(ascii: "*"), pairs.count * 2, to: &buffer)
            }
            for pair in pairs {
                pair.key.encode(into: &buffer, as: version)
                pair.value.encode(into: &buffer, as: version)
            }
        case .double(let number):
            let text = number.text
            if resp3 { appendLine(UInt8(ascii: ","), text, to: &buffer) } else { RESPRequest.appendBulk(text.utf8, to: &buffer) }
        case .boolean(let value):
            if resp3 {
                buffer.append(contentsOf: value ? Array("#t\r\n".utf8) : Array("#f\r\n".utf8))
            } else {
                RESPRequest.appendHeader(UInt8(ascii: ":"), value ? 1 : 0, to: &buffer)
            }
        case .bigNumber(let digits):
            if resp3 { appendLine(UInt8(ascii: "("), digits, to: &buffer) } else { RESPRequest.appendBulk(digits.utf8, to: &buffer) }
        case .verbatimString(let format, let text):
            if resp3 {
                let formatBytes = Array(format.utf8.prefix(3)) + Array(repeating: UInt8(ascii: " "), count: max(0, 3 - format.utf8.count))
                RESPRequest.appendHeader(UInt8(ascii: "="), text.count + 4, to: &buffer)
                buffer.append(contentsOf: formatBytes)
                buffer.append(UInt8(ascii: ":"))
                buffer.append(contentsOf: text)
                buffer.append(contentsOf: RESPRequest.crlf)
            } else {
                RESPRequest.appendBulk(text, to: &buffer)
            }
        case .attribute(let pairs, let value):
            if resp3 {
                RESPRequest.appendHeader(UInt8(ascii: "|"), pairs.count, to: &buffer)
                for pair in pairs {
                    pair.key.encode(into: &buffer, as: version)
                    pair.value.encode(into: &buffer, as: version)
                }
            }
            value.encode(into: &buffer, as: version)
        }
    }

    private func appendAggregate(_ type: UInt8, _ elements: [RESPValue], to buffer: inout [UInt8], as version: RESPVersion) {
        RESPRequest.appendHeader(type, elements.count, to: &buffer)
        for element in elements { element.encode(into: &buffer, as: version) }
    }

    /// A one-line value; CR and LF would end the line early, so they become spaces.
    private func appendLine(_ type: UInt8, _ text: String, to buffer: inout [UInt8]) {
        buffer.append(type)
        for byte in text.utf8 { buffer.append(byte == 0x0D || byte == 0x0A ? UInt8(ascii: " ") : byte) }
        buffer.append(contentsOf: RESPRequest.crlf)
    }
}
