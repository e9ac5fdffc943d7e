import Foundation

/// A RESP3 double: its value, and its decimal text as the server wrote it.
///
/// Redis writes most doubles with C's `%.17g` (`ZSCORE`: `1.6000000000000001`) but some
/// with 17 decimals of a long double (`GEOPOS`: `13.36138933897018433`); redis-cli prints
/// the text it received, so the text is kept for printing and re-encoding. Two doubles are
/// equal when their values are (any NaN equals any NaN), whatever their texts.
public struct RESPDouble: Sendable, Hashable, CustomStringConvertible {
    /// The value.
    public let value: Double
    /// The decimal text: as received, or for a double built from a value, Redis 7.0's
    /// rendering (`inf`, `-inf`, `nan`, else `%.17g`).
    public let text: String

    /// A double with Redis 7.0's text for `value`.
    public init(_ value: Double) {
        self.value = value
        self.text = RESPDouble.redisText(of: value)
    }

    /// A double from its decimal text (`1.5`, `-2e10`, `inf`, `-inf`, `nan`); nil when the
    /// text is no double. The text is kept as given.
    public init?(text: String) {
        guard let value = Double(text) else { return nil }
        self.value = value
        self.text = text
    }

    /// The text.
    public var description: String { text }

    public static func == (lhs: RESPDouble, rhs: RESPDouble) -> Bool {
        lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value.isNaN ? Double.nan : value)
    }

    /// A double as Redis 7.0 writes it (`addReplyDouble`): `inf`, `-inf`, `nan`, else
    /// C's `%.17g` (`1.5`, `2`, `1.6000000000000001`), which reads back exactly.
    static func redisText(of value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return String(format: "%.17g", value)
    }
}

extension RESPValue {
    /// A RESP3 double of `value`, with Redis 7.0's text for it.
    public static func double(_ value: Double) -> RESPValue {
        .double(RESPDouble(value))
    }
}
