import XCTest
import RedisHost

final class RESPValueTests: XCTestCase {
    func testAccessorsAnswerOnlyForTheirKinds() {
        let bulk = RESPValue.bulkString([0x68, 0x69])
        XCTAssertEqual(bulk.string, "hi")
        XCTAssertEqual(bulk.bytes, [0x68, 0x69])
        XCTAssertNil(bulk.int)
        XCTAssertNil(bulk.array)
        XCTAssertFalse(bulk.isError)
        XCTAssertFalse(bulk.isNull)

        XCTAssertEqual(RESPValue.simpleString("OK").string, "OK")
        XCTAssertEqual(RESPValue.simpleString("OK").bytes, utf8("OK"))
        XCTAssertEqual(RESPValue.integer(-7).int, -7)
        XCTAssertNil(RESPValue.integer(-7).string)
        XCTAssertEqual(RESPValue.double(2.5).double, 2.5)
        XCTAssertNil(RESPValue.integer(2).double)
        XCTAssertEqual(RESPValue.boolean(false).bool, false)
        XCTAssertTrue(RESPValue.null.isNull)
        XCTAssertNil(RESPValue.null.string)
        XCTAssertEqual(RESPValue.error("ERR x").errorMessage, "ERR x")
        XCTAssertTrue(RESPValue.error("ERR x").isError)
        XCTAssertNil(RESPValue.error("ERR x").string)
        XCTAssertEqual(RESPValue.verbatimString(format: "txt", text: utf8("a\nb")).string, "a\nb")
        XCTAssertEqual(RESPValue.set([.integer(1)]).array, [.integer(1)])
        XCTAssertEqual(RESPValue.push([.integer(1)]).array, [.integer(1)])
        let pair = RESPPair(key: .simpleString("k"), value: .integer(1))
        XCTAssertEqual(RESPValue.map([pair]).map, [pair])
        XCTAssertNil(RESPValue.map([pair]).array)
    }

    func testDoublesKeepTheirTextButCompareByValue() throws {
        let parsed = try RESPParser.parseComplete(utf8(",13.36138933897018433\r\n,1.50\r\n,-inf\r\n,nan\r\n"))
        XCTAssertEqual(parsed.map { $0.description },
                       ["(double) 13.36138933897018433", "(double) 1.50", "(double) -inf", "(double) nan"])
        XCTAssertEqual(parsed[1], .double(1.5))
        XCTAssertEqual(parsed[2], .double(-.infinity))
        XCTAssertEqual(parsed[3], .double(.nan))
        XCTAssertEqual(Set(parsed[3 ... 3] + [.double(-.nan)]).count, 1)
        XCTAssertEqual(parsed[0].double, 13.361389338970184)
        XCTAssertEqual(parsed[1].encoded(), utf8(",1.50\r\n"))
        XCTAssertEqual(RESPDouble(0.1).text, "0.10000000000000001")
        XCTAssertEqual(RESPDouble(2).text, "2")
        XCTAssertEqual(RESPDouble(text: "1e3")?.value, 1000)
        XCTAssertNil(RESPDouble(text: "1,5"))
    }

    func testInvalidUTF8BecomesReplacementCharacterInString() {
        let value = RESPValue.bulkString([0x61, 0xFF, 0x62])
        XCTAssertEqual(value.string, "a\u{FFFD}b")
        XCTAssertEqual(value.bytes, [0x61, 0xFF, 0x62])
    }

    func testAccessorsLookThroughAttributes() {
        let note = RESPPair(key: .simpleString("ttl"), value: .integer(5))
        let other = RESPPair(key: .simpleString("hits"), value: .integer(9))
        let value = RESPValue.attribute([note], value: .attribute([other], value: .bulkString("v")))
        XCTAssertEqual(value.string, "v")
        XCTAssertEqual(value.attributes, [note, other])
        XCTAssertEqual(value.withoutAttributes, .bulkString("v"))
        let nested = RESPValue.array([.attribute([note], value: .integer(1)),
                                      .map([RESPPair(key: .attribute([note], value: .integer(2)), value: .null)])])
        XCTAssertEqual(nested.withoutAttributes, .array([.integer(1), .map([RESPPair(key: .integer(2), value: .null)])]))
        XCTAssertEqual(RESPValue.integer(1).attributes, [])
    }

    func testDescription() {
        XCTAssertEqual(RESPValue.simpleString("OK").description, "OK")
        XCTAssertEqual(RESPValue.error("ERR x").description, "(error) ERR x")
        XCTAssertEqual(RESPValue.integer(3).description, "(integer) 3")
        XCTAssertEqual(RESPValue.bulkString([0x61, 0x0A, 0x00]).description, "\"a\\n\\x00\"")
        XCTAssertEqual(RESPValue.null.description, "(nil)")
        XCTAssertEqual(RESPValue.double(0.1).description, "(double) 0.10000000000000001")
        XCTAssertEqual(RESPValue.double(-.infinity).description, "(double) -inf")
        XCTAssertEqual(RESPValue.double(.nan).description, "(double) nan")
        XCTAssertEqual(RESPValue.boolean(true).description, "(true)")
        XCTAssertEqual(RESPValue.bigNumber("-12").description, "(big number) -12")
        XCTAssertEqual(RESPValue.verbatimString(format: "txt", text: utf8("hi")).description, "(verbatim txt) \"hi\"")
        XCTAssertEqual(RESPValue.array([.integer(1), .bulkString("a")]).description, "[(integer) 1, \"a\"]")
        XCTAssertEqual(RESPValue.set([.null]).description, "~[(nil)]")
        XCTAssertEqual(RESPValue.push([]).description, ">[]")
        XCTAssertEqual(RESPValue.map([RESPPair(key: .bulkString("k"), value: .boolean(false))]).description, "{\"k\" => (false)}")
        XCTAssertEqual(RESPValue.attribute([RESPPair(key: .simpleString("a"), value: .integer(1))], value: .null).description,
                       "|{a => (integer) 1} (nil)")
    }
}
