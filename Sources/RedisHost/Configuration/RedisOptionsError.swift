/// Options that cannot be used.
public enum RedisOptionsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A memory size that is not digits with an optional `b`/`k`/`kb`/`m`/`mb`/`g`/`gb` unit,
    /// or that does not fit in 64 bits.
    case invalidMemorySize(String)
    /// A `maxmemory-policy` name that is none of the eight policies.
    case unknownMaxmemoryPolicy(String)
    /// A redis.conf line (1-based number) with an unterminated quote or a closing quote
    /// not followed by a space.
    case unbalancedQuotes(line: Int, text: String)
    /// A redis.conf line (1-based number) whose arguments are not valid UTF-8.
    case invalidUTF8(line: Int)
    /// No redis.wasm at any of these paths.
    case wasmModuleNotFound(searched: [String])

    /// A message for people, naming the value at fault.
    public var description: String {
        switch self {
        case .invalidMemorySize(let text):
            return "invalid memory size '\(text)': use a number of bytes with an optional unit b, k, kb, m, mb, g or gb (e.g. 128mb)"
        case .unknownMaxmemoryPolicy(let name):
            let names = MaxmemoryPolicy.allCases.map(\.configName).joined(separator: ", ")
            return "unknown maxmemory policy '\(name)': expected one of \(names)"
        case .unbalancedQuotes(let line, let text):
            return "configuration line \(line): unbalanced quotes in '\(text)'"
        case .invalidUTF8(let line):
            return "configuration line \(line): arguments are not valid UTF-8"
        case .wasmModuleNotFound(let searched):
            return "redis.wasm not found (looked at \(searched.joined(separator: ", "))): run `make redis-wasm`, "
                + "or set \(RedisWasmModule.environmentVariable) or the module path option"
        }
    }
}
