/// Redis's quoting of binary strings, as redis-cli prints bulk strings and as
/// `CONFIG REWRITE` writes redis.conf values (`sdscatrepr` in Redis's sds.c).
///
/// The output is plain ASCII and reads back to the same bytes through Redis's argument
/// splitter (``splitCommandLine(_:)`` and the redis.conf parser).
public enum RedisQuoting {
    /// `bytes` in double quotes: `\` and `"` are escaped with a backslash; LF, CR, TAB,
    /// BEL and BS as `\n`, `\r`, `\t`, `\a`, `\b`; other bytes outside printable ASCII
    /// (0x20–0x7E) as `\xHH` with lowercase hex digits. `é` is `"\xc3\xa9"`.
    public static func quoted(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        appendQuoted(bytes, to: &out)
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// A redis.conf token for `bytes`: bare when that reads back unchanged (non-empty,
    /// printable ASCII without space, quote or backslash), else ``quoted(_:)``.
    public static func configToken(_ bytes: some Collection<UInt8>) -> String {
        let bare = !bytes.isEmpty && bytes.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
                && byte != UInt8(ascii: "\\")
        }
        return bare ? String(decoding: bytes, as: UTF8.self) : quoted(bytes)
    }

    /// Appends the escaped form of `bytes`, without the surrounding quotes.
    static func appendQuoted(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), byte]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x07: out += [UInt8(ascii: "\\"), UInt8(ascii: "a")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x20...0x7E: out.append(byte)
            default: out += [UInt8(ascii: "\\"), UInt8(ascii: "x"), hexDigit(byte >> 4), hexDigit(byte & 0xF)]
            }
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
