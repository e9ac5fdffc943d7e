/// Redis's memory sizes: `"128mb"`, `"1gb"`, `"100k"`, `"4096"` — the syntax of
/// `maxmemory` and every other size in redis.conf (`memtoull` in Redis's util.c).
public enum MemorySize {
    /// The number of bytes `text` stands for.
    ///
    /// Decimal digits, then an optional unit, case-insensitive: none or `b` (bytes),
    /// `k` = 1000, `kb` = 1024, `m` = 1000², `mb` = 1024², `g` = 1000³, `gb` = 1024³.
    /// No sign, spaces, fractions or other units; the result must fit in 64 bits.
    /// Redis reads a unit without digits (`"mb"`) as 0; this rejects it as a likely mistake.
    ///
    /// - Throws: ``RedisOptionsError/invalidMemorySize(_:)``.
    public static func bytes(_ text: String) throws(RedisOptionsError) -> UInt64 {
        let utf8 = Array(text.utf8)
        let digitCount = utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        guard digitCount > 0, let multiplier = unitMultiplier(utf8[digitCount...]) else {
            throw .invalidMemorySize(text)
        }
        var value: UInt64 = 0
        for digit in utf8[..<digitCount] {
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            guard !overflow1 && !overflow2 else { throw .invalidMemorySize(text) }
            value = next
        }
        let (total, overflow) = value.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { throw .invalidMemorySize(text) }
        return total
    }

    private static func unitMultiplier(_ unit: ArraySlice<UInt8>) -> UInt64? {
        switch String(decoding: unit, as: UTF8.self).asciiLowercased {
        case "", "b": return 1
        case "k": return 1_000
        case "kb": return 1 << 10
        case "m": return 1_000_000
        case "mb": return 1 << 20
        case "g": return 1_000_000_000
        case "gb": return 1 << 30
        default: return nil
        }
    }
}

extension String {
    /// The text with A–Z lowered and every other character kept, like C's `strcasecmp`
    /// comparisons in Redis (Unicode case mapping would let "K", the Kelvin sign, pass as k).
    var asciiLowercased: String {
        String(decoding: utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
