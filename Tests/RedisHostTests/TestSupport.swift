import RedisHost

/// SplitMix64: a small deterministic generator so that "random" tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

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
