/// A reply as redis-cli 7.0 prints it, trailing newline included: write the result
/// as-is (`print(formatReply(reply, raw: false), terminator: "")`).
///
/// Standard mode (redis-cli on a terminal, or `--no-raw`):
/// ```
/// OK                          simple string
/// (error) ERR unknown ...     error
/// (integer) 1                 integer
/// "bar"                       bulk string, quoted: "\x00\xc3\xa9\n\"q\\"
/// (nil)                       null
/// (double) 1.5                double, its text as received
/// (true)                      boolean
/// (big number) 1234567...     big number
/// text                        verbatim string: its text, unquoted
/// 1) "a"                      array (push likewise), indices right-aligned to the
/// 2) 1) "b"                   widest; a nested aggregate continues on the same line and
///    2) "c"                   its later lines are indented past the parent's index
/// 1# "k" => "v"               map; a value of several lines starts on the next line:
/// 2# "k2" =>                  (after "=> " comes a newline, then the value indented
///    1) "a"                   like the entry's nested lines)
///    2) "b"
/// 1~ "x"                      set
/// (empty array)               likewise (empty hash), (empty set), (empty push)
/// ```
///
/// Raw mode (`--raw`, and redis-cli's default when stdout is not a terminal): strings
/// bare, integers and doubles as numbers, `(true)`/`(false)`, null as an empty line, an
/// error as its text followed by an empty line (redis-cli 7.0 writes two newlines),
/// aggregates one element per line (a map entry is `key value`), nested ones flattened.
///
/// Two kinds redis-cli 7.0 cannot show (it stops with a protocol error or "Unknown reply
/// type") are handled here: RESP3 attributes are not printed, only the value they
/// annotate; a big number prints as `(big number) <digits>` (bare digits in raw mode), in
/// the style of the other RESP3 kinds.
///
/// The text is exactly what redis-cli writes; in standard mode it is ASCII except for
/// verbatim strings, and in raw mode strings are written as their bytes, so bytes that are
/// not valid UTF-8 become U+FFFD here. Use ``formatReplyBytes(_:raw:)`` for the exact bytes.
public func formatReply(_ value: RESPValue, raw: Bool = false) -> String {
    String(decoding: formatReplyBytes(value, raw: raw), as: UTF8.self)
}

/// The exact bytes redis-cli 7.0 writes for a reply; see ``formatReply(_:raw:)``.
public func formatReplyBytes(_ value: RESPValue, raw: Bool = false) -> [UInt8] {
    var out: [UInt8] = []
    if raw {
        ReplyFormatter.appendRaw(value, to: &out)
        out.append(0x0A)
    } else {
        ReplyFormatter.appendStandard(value, prefix: [], to: &out)
    }
    return out
}

/// redis-cli's two output modes (`cliFormatReplyTTY`, `cliFormatReplyRaw`).
private enum ReplyFormatter {
    static func appendStandard(_ value: RESPValue, prefix: [UInt8], to out: inout [UInt8]) {
        switch value {
        case .attribute(_, let annotated): appendStandard(annotated, prefix: prefix, to: &out)
        case .error(let message): out += Array("(error) ".utf8) + Array(message.utf8) + [0x0A]
        case .simpleString(let text): out += Array(text.utf8) + [0x0A]
        case .integer(let number): out += Array("(integer) \(number)\n".utf8)
        case .double(let number): out += Array("(double) \(number.text)\n".utf8)
        case .bulkString(let bytes): out += Array(RedisQuoting.quoted(bytes).utf8) + [0x0A]
        case .verbatimString(_, let text): out += text + [0x0A]
        case .null: out += Array("(nil)\n".utf8)
        case .boolean(let flag): out += Array((flag ? "(true)\n" : "(false)\n").utf8)
        case .bigNumber(let digits): out += Array("(big number) \(digits)\n".utf8)
        case .array(let elements): appendList(elements, marker: ")", empty: "(empty array)", prefix: prefix, to: &out)
        case .push(let elements): appendList(elements, marker: ")", empty: "(empty push)", prefix: prefix, to: &out)
        case .set(let elements): appendList(elements, marker: "~", empty: "(empty set)", prefix: prefix, to: &out)
        case .map(let pairs): appendMap(pairs, prefix: prefix, to: &out)
        }
    }

    /// Numbered entries `<prefix><index><marker> <entry>`; the first entry's prefix is
    /// left out because the caller has already written the parent's index on that line.
    private static func appendList(_ elements: [RESPValue], marker: Character, empty: String,
                                   prefix: [UInt8], to out: inout [UInt8]) {
        guard !elements.isEmpty else { out += Array((empty + "\n").utf8); return }
        let width = String(elements.count).count
        let childPrefix = prefix + Array(repeating: UInt8(ascii: " "), count: width + 2)
        for (index, element) in elements.enumerated() {
            appendIndex(index, width: width, marker: marker, prefix: index == 0 ? [] : prefix, to: &out)
            appendStandard(element, prefix: childPrefix, to: &out)
        }
    }

    /// Map entries `<index># <key> => <value>`.
    private static func appendMap(_ pairs: [RESPPair], prefix: [UInt8], to out: inout [UInt8]) {
        guard !pairs.isEmpty else { out += Array("(empty hash)\n".utf8); return }
        let width = String(pairs.count).count
        let childPrefix = prefix + Array(repeating: UInt8(ascii: " "), count: width + 2)
        for (index, pair) in pairs.enumerated() {
            appendIndex(index, width: width, marker: "#", prefix: index == 0 ? [] : prefix, to: &out)
            appendStandard(pair.key, prefix: childPrefix, to: &out)
            out.removeLast()  // the key's newline
            out += Array(" => ".utf8)
            if isMultiline(pair.value) {
                // A value of several lines starts on its own line, aligned with its later lines.
                out.append(0x0A)
                out += childPrefix
            }
            appendStandard(pair.value, prefix: childPrefix, to: &out)
        }
    }

    /// Whether standard mode writes `value` on more than one line.
    private static func isMultiline(_ value: RESPValue) -> Bool {
        switch value {
        case .attribute(_, let annotated): return isMultiline(annotated)
        case .array(let elements), .set(let elements), .push(let elements):
            return elements.count > 1 || elements.first.map(isMultiline) == true
        case .map(let pairs): return pairs.count > 1 || pairs.first.map { isMultiline($0.value) } == true
        default: return false
        }
    }

    private static func appendIndex(_ index: Int, width: Int, marker: Character, prefix: [UInt8], to out: inout [UInt8]) {
        let number = String(index + 1)
        out += prefix
        out += Array(repeating: UInt8(ascii: " "), count: width - number.count)
        out += Array(number.utf8)
        out += Array("\(marker) ".utf8)
    }

    static func appendRaw(_ value: RESPValue, to out: inout [UInt8]) {
        switch value {
        case .attribute(_, let annotated): appendRaw(annotated, to: &out)
        case .null: break
        case .error(let message): out += Array(message.utf8) + [0x0A]
        case .simpleString(let text): out += Array(text.utf8)
        case .bulkString(let bytes): out += bytes
        case .verbatimString(_, let text): out += text
        case .boolean(let flag): out += Array((flag ? "(true)" : "(false)").utf8)
        case .integer(let number): out += Array(String(number).utf8)
        case .double(let number): out += Array(number.text.utf8)
        case .bigNumber(let digits): out += Array(digits.utf8)
        case .array(let elements), .set(let elements), .push(let elements):
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(0x0A) }
                appendRaw(element, to: &out)
            }
        case .map(let pairs):
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out.append(0x0A) }
                appendRaw(pair.key, to: &out)
                out.append(UInt8(ascii: " "))
                appendRaw(pair.value, to: &out)
            }
        }
    }
}
