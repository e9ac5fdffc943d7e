import TestSupport
import RedisHost


/// The UTF-8 bytes of `text`.
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Values compared by their RESP3 encoding, which is exact for every value the tests
/// build and, unlike `==`, treats a NaN double as equal to itself.
func sameWire(_ a: [RESPValue], _ b: [RESPValue]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.encoded() == $1.encoded() }
}

/// Feeds `bytes` in pieces ending at `cuts` (ascending offsets) and collects every value.
func parse(_ bytes: [UInt8], cuttingAt cuts: [Int],
           limits: RESPParserLimits = RESPParserLimits()) throws -> [RESPValue] {
    var parser = RESPParser(limits: limits)
    var values: [RESPValue] = []
    var from = 0
    for cut in cuts + [bytes.count] where cut >= from {
        values += try parser.parse(bytes[from ..< cut])
        from = cut
    }
    return values
}
