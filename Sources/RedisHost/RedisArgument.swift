// Command arguments: anything with a byte form Redis can receive. Arguments are binary-safe
// (RESP bulk strings), so bytes need no escaping.

import Foundation

/// A value usable as a command name or argument in `Redis.call`: its bytes as Redis receives
/// them. Strings give their UTF-8 bytes, byte arrays and `Data` their bytes unchanged,
/// numbers their decimal text.
public protocol RedisArgument {
    /// The bytes Redis receives for this argument.
    var redisArgumentBytes: [UInt8] { get }
}

extension String: RedisArgument {
    public var redisArgumentBytes: [UInt8] { Array(utf8) }
}

extension Substring: RedisArgument {
    public var redisArgumentBytes: [UInt8] { Array(utf8) }
}

extension Array: RedisArgument where Element == UInt8 {
    public var redisArgumentBytes: [UInt8] { self }
}

extension ArraySlice: RedisArgument where Element == UInt8 {
    public var redisArgumentBytes: [UInt8] { Array(self) }
}

extension Data: RedisArgument {
    public var redisArgumentBytes: [UInt8] { [UInt8](self) }
}

extension Int: RedisArgument {
    public var redisArgumentBytes: [UInt8] { Array(String(self).utf8) }
}

extension Double: RedisArgument {
    /// `1.5`, `-2.0`, `inf`, `-inf`: forms Redis reads back exactly (`nan` it rejects).
    public var redisArgumentBytes: [UInt8] {
        if isInfinite { return Array((self < 0 ? "-inf" : "inf").utf8) }
        return Array(String(self).utf8)
    }
}
