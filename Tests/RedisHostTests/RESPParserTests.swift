import TestSupport
import XCTest
import RedisHost

final class RESPParserTests: XCTestCase {
    /// One wire value of every kind, RESP2 and RESP3, with the value it must parse to.
    static let samples: [(wire: String, value: RESPValue)] = [
        ("+OK\r\n", .simpleString("OK")),
        ("+\r\n", .simpleString("")),
        ("+a\rb\r\n", .simpleString("a\rb")),
        ("-ERR unknown command 'foo'\r\n", .error("ERR unknown command 'foo'")),
        (":0\r\n", .integer(0)),
        (":-9223372036854775808\r\n", .integer(.min)),
        (":9223372036854775807\r\n", .integer(.max)),
        ("$3\r\nbar\r\n", .bulkString(utf8("bar"))),
        ("$0\r\n\r\n", .bulkString([])),
        ("$6\r\na\r\nb\u{0}\u{7f}\r\n", .bulkString([0x61, 0x0D, 0x0A, 0x62, 0x00, 0x7F])),
        ("$-1\r\n", .null),
        ("*-1\r\n", .null),
        ("_\r\n", .null),
        ("*0\r\n", .array([])),
        ("*3\r\n:1\r\n*2\r\n$1\r\nb\r\n$1\r\nc\r\n*0\r\n",
         .array([.integer(1), .array([.bulkString(utf8("b")), .bulkString(utf8("c"))]), .array([])])),
        ("#t\r\n", .boolean(true)),
        ("#f\r\n", .boolean(false)),
        (",1.5\r\n", .double(1.5)),
        (",-0.25e3\r\n", .double(-250)),
        (",inf\r\n", .double(.infinity)),
        (",-inf\r\n", .double(-.infinity)),
        ("(3492890328409238509324850943850943825024385\r\n", .bigNumber("3492890328409238509324850943850943825024385")),
        ("(-12\r\n", .bigNumber("-12")),
        ("!21\r\nSYNTAX invalid syntax\r\n", .error("SYNTAX invalid syntax")),
        ("=15\r\ntxt:Some string\r\n", .verbatimString(format: "txt", text: utf8("Some string"))),
        ("%2\r\n+first\r\n:1\r\n$6\r\nsecond\r\n,2.5\r\n",
         .map([RESPPair(key: .simpleString("first"), value: .integer(1)),
               RESPPair(key: .bulkString(utf8("second")), value: .double(2.5))])),
        ("%0\r\n", .map([])),
        ("~3\r\n+a\r\n:1\r\n_\r\n", .set([.simpleString("a"), .integer(1), .null])),
        (">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n",
         .push([.bulkString(utf8("message")), .bulkString(utf8("ch")), .bulkString(utf8("hi"))])),
        ("|1\r\n+key-popularity\r\n%2\r\n$1\r\na\r\n,0.1923\r\n$1\r\nb\r\n,0.0012\r\n*2\r\n:2039123\r\n:9543892\r\n",
         .attribute([RESPPair(key: .simpleString("key-popularity"),
                              value: .map([RESPPair(key: .bulkString(utf8("a")), value: .double(0.1923)),
                                           RESPPair(key: .bulkString(utf8("b")), value: .double(0.0012))]))],
                    value: .array([.integer(2039123), .integer(9543892)]))),
        ("*2\r\n|1\r\n+ttl\r\n:3600\r\n$3\r\nval\r\n:7\r\n",
         .array([.attribute([RESPPair(key: .simpleString("ttl"), value: .integer(3600))], value: .bulkString(utf8("val"))),
                 .integer(7)])),
        ("|0\r\n:5\r\n", .integer(5)),
    ]

    static var sampleStream: [UInt8] { samples.flatMap { utf8($0.wire) } }
    static var sampleValues: [RESPValue] { samples.map(\.value) }

    func testEveryKindParsesAlone() throws {
        for (wire, expected) in Self.samples {
            let values = try RESPParser.parseComplete(utf8(wire))
            XCTAssertEqual(values, [expected], "wire \(wire.debugDescription)")
        }
    }

    func testNaNDouble() throws {
        let values = try RESPParser.parseComplete(utf8(",nan\r\n"))
        XCTAssertEqual(values.count, 1)
        XCTAssertTrue(values[0].double?.isNaN ?? false)
    }

    func testPipelinedStreamInOnePiece() throws {
        XCTAssertEqual(try parse(Self.sampleStream, cuttingAt: []), Self.sampleValues)
    }

    func testSplitAtEveryBoundary() throws {
        let stream = Self.sampleStream
        for cut in 0 ... stream.count {
            XCTAssertEqual(try parse(stream, cuttingAt: [cut]), Self.sampleValues, "cut at \(cut)")
        }
    }

    func testByteByByte() throws {
        let stream = Self.sampleStream
        var parser = RESPParser()
        var values: [RESPValue] = []
        for (index, byte) in stream.enumerated() {
            let completed = try parser.parse([byte])
            // A value completes exactly on the last byte of its wire form.
            if !completed.isEmpty { XCTAssertEqual(stream[index - 1 ... index], [0x0D, 0x0A]) }
            values += completed
        }
        XCTAssertEqual(values, Self.sampleValues)
        XCTAssertFalse(parser.hasIncompleteValue)
    }

    func testRandomSplitsWithFixedSeed() throws {
        var random = SeededGenerator(seed: 0x5EED_0001)
        let stream = Self.sampleStream + Self.sampleStream
        let expected = Self.sampleValues + Self.sampleValues
        for round in 0 ..< 2000 {
            let cutCount = Int.random(in: 1 ... 12, using: &random)
            let cuts = (0 ..< cutCount).map { _ in Int.random(in: 0 ... stream.count, using: &random) }.sorted()
            XCTAssertEqual(try parse(stream, cuttingAt: cuts), expected, "round \(round), cuts \(cuts)")
        }
    }

    func testValuesComeOutAsSoonAsComplete() throws {
        var parser = RESPParser()
        XCTAssertEqual(try parser.parse(utf8("+OK\r\n:1")), [.simpleString("OK")])
        XCTAssertTrue(parser.hasIncompleteValue)
        XCTAssertEqual(try parser.parse(utf8("2\r")), [])
        XCTAssertEqual(try parser.parse(utf8("\n*2\r\n$1\r\na\r\n")), [.integer(12)])
        XCTAssertEqual(try parser.parse(utf8("$1\r\nb\r")), [])
        XCTAssertTrue(parser.hasIncompleteValue)
        XCTAssertEqual(try parser.parse(utf8("\n")), [.array([.bulkString(utf8("a")), .bulkString(utf8("b"))])])
        XCTAssertFalse(parser.hasIncompleteValue)
        XCTAssertNil(try parser.next())
    }

    /// Bytes with CR, LF and a marker every 4093 bytes, so that a misplaced piece shows.
    static func largePayload(_ length: Int) -> [UInt8] {
        var payload = [UInt8](repeating: 0x0D, count: length)
        for index in stride(from: 0, to: length, by: 4093) { payload[index] = UInt8(truncatingIfNeeded: index / 4093) }
        payload[1] = 0x0A
        payload[length - 1] = 0xAB
        return payload
    }

    func testLargeBulkStringInSmallPieces() throws {
        let length = 64 << 20
        let payload = Self.largePayload(length)
        var parser = RESPParser()
        XCTAssertEqual(try parser.parse(utf8("$\(length)\r\n")), [])
        let piece = 64 << 10
        for from in stride(from: 0, to: length, by: piece) {
            XCTAssertEqual(try parser.parse(payload[from ..< min(from + piece, length)]), [])
        }
        XCTAssertEqual(try parser.parse([0x0D]), [])
        let values = try parser.parse([0x0A])
        XCTAssertEqual(values.count, 1)
        XCTAssertEqual(values.first?.bytes?.count, length)
        XCTAssertTrue(values.first?.bytes == payload)
    }

    func testLargeBulkStringInOnePiece() throws {
        let length = 64 << 20
        let payload = Self.largePayload(length)
        let wire = utf8("*2\r\n$\(length)\r\n") + payload + utf8("\r\n:1\r\n")
        let values = try RESPParser.parseComplete(wire)
        XCTAssertEqual(values.count, 1)
        XCTAssertTrue(values.first?.array?.first?.bytes == payload)
        XCTAssertEqual(values.first?.array?.last, .integer(1))
    }

    func testLongLineFedByteByByteIsScannedOnce() throws {
        // A partial line is not rescanned from its start on every feed: with rescanning
        // this would take ~3 * 10^10 steps.
        let text = [UInt8](repeating: UInt8(ascii: "x"), count: 256 << 10)
        var parser = RESPParser()
        XCTAssertEqual(try parser.parse([UInt8(ascii: "+")]), [])
        for byte in text {
            parser.feed([byte])
            if try parser.next() != nil { return XCTFail("a value before the line ended") }
        }
        XCTAssertEqual(try parser.parse(utf8("\r\n")), [.simpleString(String(decoding: text, as: UTF8.self))])
    }

    func testLargeArrayInSmallPiecesKeepsFinishedElements() throws {
        let count = 100_000
        var wire = utf8("*\(count)\r\n")
        for index in 0 ..< count { wire += utf8(":\(index)\r\n") }
        var parser = RESPParser()
        var values: [RESPValue] = []
        for from in stride(from: 0, to: wire.count, by: 7) {
            values += try parser.parse(wire[from ..< min(from + 7, wire.count)])
        }
        XCTAssertEqual(values.count, 1)
        let elements = try XCTUnwrap(values.first?.array)
        XCTAssertEqual(elements.count, count)
        XCTAssertEqual(elements[count - 1], .integer(Int64(count - 1)))
    }

    func testDeepNestingWithinLimit() throws {
        let depth = 1000
        let wire = utf8(String(repeating: "*1\r\n", count: depth) + ":1\r\n")
        var value = try XCTUnwrap(RESPParser.parseComplete(wire).first)
        var levels = 0
        while let inner = value.array?.first { value = inner; levels += 1 }
        XCTAssertEqual(levels, depth)
        XCTAssertEqual(value, .integer(1))
    }

    func testTruncatedCompleteInput() {
        XCTAssertThrowsError(try RESPParser.parseComplete(utf8("+OK\r\n$5\r\nab"))) { error in
            XCTAssertEqual(error as? RESPProtocolError, RESPProtocolError(.truncated, at: 11))
        }
        XCTAssertThrowsError(try RESPParser.parseComplete(utf8("*2\r\n:1\r\n")))
        XCTAssertThrowsError(try RESPParser.parseComplete(utf8("|1\r\n+a\r\n+b\r\n")))
    }
}
