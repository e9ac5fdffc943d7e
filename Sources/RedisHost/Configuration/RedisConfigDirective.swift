/// One redis.conf directive: a name and its arguments, such as `maxmemory-policy allkeys-lru`
/// or `save ""`.
public struct RedisConfigDirective: Sendable, Hashable {
    /// The directive's name (`maxmemory`, `hz`, `notify-keyspace-events`...).
    public var name: String
    /// Its arguments, in order; an empty string is a valid argument (`save ""`).
    public var arguments: [String]

    /// Creates a directive from its name and arguments.
    public init(name: String, arguments: [String]) {
        self.name = name
        self.arguments = arguments
    }

    /// Creates a directive: `RedisConfigDirective("hz", "50")`.
    public init(_ name: String, _ arguments: String...) {
        self.init(name: name, arguments: arguments)
    }

    /// The directive as one redis.conf line (without newline). Each token is written bare
    /// when Redis's config parser reads it back unchanged, else in double quotes with
    /// Redis's escapes (``RedisQuoting/configToken(_:)``): `save ""`,
    /// `requirepass "a b\"c"`, `notify-keyspace-events KEA`.
    public var line: String {
        ([name] + arguments).map { RedisQuoting.configToken(Array($0.utf8)) }.joined(separator: " ")
    }

    /// The directives of a redis.conf text, read as Redis reads one: lines split at LF,
    /// each trimmed of spaces, tabs, CR and LF; blank lines and lines starting with `#`
    /// skipped; each split into arguments with Redis's quoting rules (see
    /// ``splitCommandLine(_:)``); names lowered (ASCII) as Redis does.
    ///
    /// - Throws: ``RedisOptionsError/unbalancedQuotes(line:text:)`` or
    ///   ``RedisOptionsError/invalidUTF8(line:)`` with the 1-based line number.
    public static func parse(configuration text: String) throws(RedisOptionsError) -> [RedisConfigDirective] {
        var directives: [RedisConfigDirective] = []
        for (index, rawLine) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = trimmed(rawLine)
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            let tokens: [[UInt8]]
            do {
                tokens = try splitCommandLine(Array(line))
            } catch {
                throw .unbalancedQuotes(line: index + 1, text: String(decoding: line, as: UTF8.self))
            }
            var strings: [String] = []
            for token in tokens {
                guard let string = String(validating: token, as: UTF8.self) else { throw .invalidUTF8(line: index + 1) }
                strings.append(string)
            }
            guard let name = strings.first else { continue }
            directives.append(RedisConfigDirective(name: name.asciiLowercased, arguments: Array(strings.dropFirst())))
        }
        return directives
    }

    /// `sdstrim(line, " \t\r\n")`.
    private static func trimmed(_ line: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        guard let first = line.firstIndex(where: { !blank($0) }), let last = line.lastIndex(where: { !blank($0) }) else {
            return line[line.endIndex...]
        }
        return line[first ... last]
    }
}
