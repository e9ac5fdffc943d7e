import TestSupport
import XCTest
import RedisHost

final class RESPEncodingTests: XCTestCase {
    func testRequestFromStrings() {
        XCTAssertEqual(RESPRequest.encode(["SET", "k", "v"]), utf8("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n"))
        XCTAssertEqual(RESPRequest.encode(["GET", ""]), utf8("*2\r\n$3\r\nGET\r\n$0\r\n\r\n"))
        XCTAssertEqual(RESPRequest.encode(["SET", "é", "x"]), utf8("*3\r\n$3\r\nSET\r\n$2\r\né\r\n$1\r\nx\r\n"))
        XCTAssertEqual(RESPRequest.encode([String]()), utf8("*0\r\n"))
    }

    func testRequestFromBytesIsBinarySafe() throws {
        let value = (0 ... 255).map { UInt8($0) } + utf8("\r\n$3\r\n")
        let wire = RESPRequest.encode([utf8("SET"), utf8("k"), value])
        XCTAssertEqual(Array(wire.prefix(24)), utf8("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$262"))
        // A request is an array of bulk strings, so the reply parser reads it back.
        XCTAssertEqual(try RESPParser.parseComplete(wire),
                       [.array([.bulkString(utf8("SET")), .bulkString(utf8("k")), .bulkString(value)])])
    }

    func testPipelineByAppending() throws {
        var pipeline: [UInt8] = []
        RESPRequest.append(["INCR", "n"], to: &pipeline)
        RESPRequest.append([utf8("GET"), [0xFF]], to: &pipeline)
        XCTAssertEqual(pipeline, utf8("*2\r\n$4\r\nINCR\r\n$1\r\nn\r\n*2\r\n$3\r\nGET\r\n$1\r\n") + [0xFF] + utf8("\r\n"))
    }

    func testEveryParserSampleEncodesBackToItsWireForm() throws {
        for (wire, _) in RESPParserTests.samples {
            let value = try XCTUnwrap(RESPParser.parseComplete(utf8(wire)).first)
            let canonical: String
            switch wire {
            // Wire forms with several encodings of one value; the encoder writes RESP3's.
            case "$-1\r\n", "*-1\r\n": canonical = "_\r\n"
            case "!21\r\nSYNTAX invalid syntax\r\n": canonical = "-SYNTAX invalid syntax\r\n"
            case "|0\r\n:5\r\n": canonical = ":5\r\n"
            // Redis replaces CR and LF in status lines with spaces.
            case "+a\rb\r\n": canonical = "+a b\r\n"
            default: canonical = wire
            }
            XCTAssertEqual(value.encoded(), utf8(canonical), wire.debugDescription)
        }
    }

    func testRESP2DowngradesLikeRedis() {
        let pair = RESPPair(key: .bulkString("k"), value: .double(1.5))
        XCTAssertEqual(RESPValue.null.encoded(as: .resp2), utf8("$-1\r\n"))
        XCTAssertEqual(RESPValue.map([pair]).encoded(as: .resp2), utf8("*2\r\n$1\r\nk\r\n$3\r\n1.5\r\n"))
        XCTAssertEqual(RESPValue.set([.integer(1)]).encoded(as: .resp2), utf8("*1\r\n:1\r\n"))
        XCTAssertEqual(RESPValue.push([.integer(1)]).encoded(as: .resp2), utf8("*1\r\n:1\r\n"))
        XCTAssertEqual(RESPValue.boolean(true).encoded(as: .resp2), utf8(":1\r\n"))
        XCTAssertEqual(RESPValue.boolean(false).encoded(as: .resp2), utf8(":0\r\n"))
        XCTAssertEqual(RESPValue.double(.infinity).encoded(as: .resp2), utf8("$3\r\ninf\r\n"))
        XCTAssertEqual(RESPValue.double(0.1).encoded(as: .resp2), utf8("$19\r\n0.10000000000000001\r\n"))
        XCTAssertEqual(RESPValue.bigNumber("123").encoded(as: .resp2), utf8("$3\r\n123\r\n"))
        XCTAssertEqual(RESPValue.verbatimString(format: "txt", text: utf8("hi")).encoded(as: .resp2), utf8("$2\r\nhi\r\n"))
        XCTAssertEqual(RESPValue.attribute([pair], value: .integer(3)).encoded(as: .resp2), utf8(":3\r\n"))
    }

    func testLineValuesCannotBreakFraming() throws {
        let wire = RESPValue.error("ERR a\r\nb").encoded()
        XCTAssertEqual(wire, utf8("-ERR a  b\r\n"))
        XCTAssertEqual(try RESPParser.parseComplete(wire), [.error("ERR a  b")])
    }

    func testRandomValuesRoundTripThroughRandomSplits() throws {
        var random = SeededGenerator(seed: 0xC0FF_EE00)
        for round in 0 ..< 300 {
            let values = (0 ..< Int.random(in: 1 ... 5, using: &random)).map { _ in Self.randomValue(depth: 3, using: &random) }
            var wire: [UInt8] = []
            for value in values { value.encode(into: &wire) }
            let cuts = (0 ..< Int.random(in: 0 ... 6, using: &random))
                .map { _ in Int.random(in: 0 ... wire.count, using: &random) }.sorted()
            let parsed = try parse(wire, cuttingAt: cuts)
            XCTAssertTrue(sameWire(parsed, values), "round \(round): \(values) parsed as \(parsed)")
        }
    }

    /// A value of any kind, as the parser returns it (attributes are non-empty and do not
    /// directly wrap another attribute, since the wire form would merge them).
    static func randomValue(depth: Int, using random: inout SeededGenerator) -> RESPValue {
        let kind = Int.random(in: 0 ..< (depth > 0 ? 15 : 10), using: &random)
        let word = { (random: inout SeededGenerator) -> String in
            String((0 ..< Int.random(in: 0 ... 8, using: &random)).map { _ in "abcdefgh XYZ-:'\"é".randomElement(using: &random)! })
        }
        let bytes = { (random: inout SeededGenerator) -> [UInt8] in
            (0 ..< Int.random(in: 0 ... 20, using: &random)).map { _ in UInt8.random(in: 0 ... 255, using: &random) }
        }
        let elements = { (random: inout SeededGenerator) -> [RESPValue] in
            (0 ..< Int.random(in: 0 ... 4, using: &random)).map { _ in randomValue(depth: depth - 1, using: &random) }
        }
        switch kind {
        case 0: return .simpleString(word(&random))
        case 1: return .error("ERR " + word(&random))
        case 2: return .integer(Int64.random(in: .min ... .max, using: &random))
        case 3: return .bulkString(bytes(&random))
        case 4: return .null
        case 5: return .double([1.5, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                Double.random(in: -1e9 ... 1e9, using: &random)].randomElement(using: &random)!)
        case 6: return .boolean(Bool.random(using: &random))
        case 7: return .bigNumber((Bool.random(using: &random) ? "-" : "") + String(UInt64.random(in: 0 ... .max, using: &random)) + "0000000000")
        case 8: return .verbatimString(format: Bool.random(using: &random) ? "txt" : "mkd", text: bytes(&random))
        case 9: return .bulkString(utf8(word(&random)))
        case 10: return .array(elements(&random))
        case 11: return .set(elements(&random))
        case 12: return .push(elements(&random))
        case 13:
            let flat = elements(&random) + elements(&random)
            return .map(stride(from: 0, to: flat.count - 1, by: 2).map { RESPPair(key: flat[$0], value: flat[$0 + 1]) })
        default:
            var annotated = randomValue(depth: depth - 1, using: &random)
            if case .attribute(_, let inner) = annotated { annotated = inner }
            return .attribute([RESPPair(key: .simpleString(word(&random)), value: randomValue(depth: depth - 1, using: &random))],
                              value: annotated)
        }
    }
}
