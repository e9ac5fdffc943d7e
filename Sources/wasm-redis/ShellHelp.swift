// The shell's `help`: a general text, and for `help <command>` / `help @<group>` the
// documentation Redis itself gives (COMMAND DOCS), laid out as redis-cli shows it:
//
//   SET key value [NX|XX] [GET] [EX seconds|PX milliseconds|...|KEEPTTL]
//   summary: Set the string value of a key
//   since: 1.0.0
//   group: string

import RedisHost

enum ShellHelp {
    static func text(for topic: [[UInt8]], redis: Redis) -> String {
        guard let first = topic.first else { return general }
        let name = String(decoding: first, as: UTF8.self).lowercased()
        if name.hasPrefix("@") {
            let group = String(name.dropFirst())
            let entries = documentation(of: [], redis: redis).filter { $0.group == group }
            guard !entries.isEmpty else { return "No commands in group '\(group)'\n" }
            return entries.sorted { $0.name < $1.name }.map(\.text).joined()
        }
        let words = topic.map { String(decoding: $0, as: UTF8.self).lowercased() }
        // Container commands are documented as "<container>|<subcommand>" ("config|get").
        let candidates = words.count > 1 ? [words[0] + "|" + words[1], words[0]] : [words[0]]
        for candidate in candidates {
            if let entry = documentation(of: [candidate], redis: redis).first { return entry.text }
        }
        return "No help for '\(words.joined(separator: " "))'\n"
    }

    static let general = """
        \(CommandLineOptions.version)
        To get help about Redis commands type:
              "help @<group>" to get a list of commands in <group>
              "help <command>" for help on <command>
              "quit" to exit

        """

    /// One command's documentation.
    private struct Entry {
        var name: String
        var summary = ""
        var since = ""
        var group = ""
        var syntax = ""

        var text: String {
            let usage = ([name.uppercased().replacingOccurrences(of: "|", with: " ")] + (syntax.isEmpty ? [] : [syntax]))
                .joined(separator: " ")
            return "\n  \(usage)\n  summary: \(summary)\n  since: \(since)\n  group: \(group)\n\n"
        }
    }

    /// COMMAND DOCS for `names` (every command when empty); nothing when Redis fails.
    private static func documentation(of names: [String], redis: Redis) -> [Entry] {
        guard let reply = try? redis.call(["COMMAND", "DOCS"] + names), let pairs = pairs(reply) else { return [] }
        return pairs.compactMap { pair in
            guard let name = pair.key.string, let fields = Self.fields(pair.value) else { return nil }
            var entry = Entry(name: name)
            entry.summary = fields["summary"]?.string ?? ""
            entry.since = fields["since"]?.string ?? ""
            entry.group = fields["group"]?.string ?? ""
            entry.syntax = (fields["arguments"]?.array ?? []).compactMap(argumentSyntax).joined(separator: " ")
            return entry
        }
    }

    /// One argument as redis-cli writes it: `key`, `[NX|XX]`, `EX seconds`,
    /// `member [member ...]`, `[LIMIT offset count]`.
    private static func argumentSyntax(_ value: RESPValue) -> String? {
        guard let fields = fields(value), let name = fields["name"]?.string else { return nil }
        let type = fields["type"]?.string ?? ""
        let flags = Set((fields["flags"]?.array ?? []).compactMap(\.string))
        let children = (fields["arguments"]?.array ?? []).compactMap(argumentSyntax)
        let token = fields["token"]?.string

        var body: String
        switch type {
        case "pure-token": body = token ?? name
        case "oneof": body = children.joined(separator: "|")
        case "block": body = children.joined(separator: " ")
        default: body = name
        }
        if let token, type != "pure-token" { body = "\(token) \(body)" }
        if flags.contains("multiple_token") {
            body = "\(body) [\(body) ...]"
        } else if flags.contains("multiple") {
            let repeated = token.map { _ in body.split(separator: " ", maxSplits: 1).last.map(String.init) ?? body } ?? body
            body = "\(body) [\(repeated) ...]"
        }
        return flags.contains("optional") ? "[\(body)]" : body
    }

    /// A RESP3 map, or a RESP2 array of alternating keys and values, as pairs.
    private static func pairs(_ value: RESPValue) -> [RESPPair]? {
        if let map = value.map { return map }
        guard let array = value.array, array.count % 2 == 0 else { return nil }
        return stride(from: 0, to: array.count, by: 2).map { RESPPair(key: array[$0], value: array[$0 + 1]) }
    }

    private static func fields(_ value: RESPValue) -> [String: RESPValue]? {
        guard let pairs = pairs(value) else { return nil }
        var fields: [String: RESPValue] = [:]
        for pair in pairs { if let key = pair.key.string { fields[key] = pair.value } }
        return fields
    }
}
