import XCTest
import RedisHost

/// Expected texts are what redis-cli 7.0.15 printed for the same replies from
/// redis-server 7.0.15 (`--no-raw` for standard mode, `--raw` for raw mode).
final class ReplyFormattingTests: XCTestCase {
    private func bulk(_ text: String) -> RESPValue { .bulkString(utf8(text)) }
    private func pair(_ key: RESPValue, _ value: RESPValue) -> RESPPair { RESPPair(key: key, value: value) }

    func testScalars() {
        XCTAssertEqual(formatReply(.simpleString("OK")), "OK\n")
        XCTAssertEqual(formatReply(bulk("bar")), "\"bar\"\n")
        XCTAssertEqual(formatReply(.integer(2)), "(integer) 2\n")
        XCTAssertEqual(formatReply(.integer(-9)), "(integer) -9\n")
        XCTAssertEqual(formatReply(.null), "(nil)\n")
        XCTAssertEqual(formatReply(.error("ERR unknown command 'foo', with args beginning with: ")),
                       "(error) ERR unknown command 'foo', with args beginning with: \n")
        XCTAssertEqual(formatReply(bulk("é")), "\"\\xc3\\xa9\"\n")
        XCTAssertEqual(formatReply(.bulkString([0x00, 0xFF, 0x0A, 0x22, 0x71, 0x5C])), #""\x00\xff\n\"q\\""# + "\n")
        XCTAssertEqual(formatReply(.double(3.141)), "(double) 3.141\n")
        XCTAssertEqual(formatReply(.double(1.6000000000000001)), "(double) 1.6000000000000001\n")
        XCTAssertEqual(formatReply(.double(2)), "(double) 2\n")
        XCTAssertEqual(formatReply(.double(.infinity)), "(double) inf\n")
        // GEOPOS under RESP3: the text as Redis sent it, not a rendering of the value.
        let coordinate = RESPValue.double(RESPDouble(text: "13.36138933897018433")!)
        XCTAssertEqual(formatReply(coordinate), "(double) 13.36138933897018433\n")
        XCTAssertEqual(formatReply(coordinate, raw: true), "13.36138933897018433\n")
        XCTAssertEqual(formatReply(.boolean(true)), "(true)\n")
        XCTAssertEqual(formatReply(.boolean(false)), "(false)\n")
        XCTAssertEqual(formatReply(.verbatimString(format: "txt", text: utf8("This is a verbatim\nstring"))),
                       "This is a verbatim\nstring\n")
        XCTAssertEqual(formatReply(.bigNumber("1234567999999999999999999999999999999")),
                       "(big number) 1234567999999999999999999999999999999\n")
    }

    func testArrays() {
        XCTAssertEqual(formatReply(.array([bulk("a"), bulk("b c"), .bulkString([0x00, 0xFF, 0x0A, 0x22, 0x71, 0x5C])])),
                       "1) \"a\"\n2) \"b c\"\n3) \"\\x00\\xff\\n\\\"q\\\\\"\n")
        XCTAssertEqual(formatReply(.array([])), "(empty array)\n")
        // EVAL "return {1,{2,{3,'x'}},{}}" 0
        XCTAssertEqual(formatReply(.array([.integer(1), .array([.integer(2), .array([.integer(3), bulk("x")])]), .array([])])),
                       "1) (integer) 1\n2) 1) (integer) 2\n   2) 1) (integer) 3\n      2) \"x\"\n3) (empty array)\n")
        // LRANGE big 0 10: indices right-aligned to the widest.
        let eleven = (1 ... 11).map { bulk(String($0)) }
        XCTAssertEqual(formatReply(.array(eleven)), (1 ... 11).map { ($0 < 10 ? " " : "") + "\($0)) \"\($0)\"\n" }.joined())
        // ZRANGE z 0 -1 WITHSCORES under RESP3.
        XCTAssertEqual(formatReply(.array([.array([bulk("m"), .double(1.5)]), .array([bulk("n"), .double(2)])])),
                       "1) 1) \"m\"\n   2) (double) 1.5\n2) 1) \"n\"\n   2) (double) 2\n")
    }

    func testNestedIndentationFollowsEachLevelsWidth() {
        let inner = RESPValue.array((1 ... 10).map { .integer(Int64($0)) })
        let text = formatReply(.array([inner] + (2 ... 10).map { _ in RESPValue.null }))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[0], " 1)  1) (integer) 1")
        XCTAssertEqual(lines[1], "     2) (integer) 2")
        XCTAssertEqual(lines[9], "    10) (integer) 10")
        XCTAssertEqual(lines[10], " 2) (nil)")
        XCTAssertEqual(lines[18], "10) (nil)")
        XCTAssertEqual(lines[19], "")
    }

    func testRESP3Aggregates() {
        // HELLO 3
        let hello = RESPValue.map([
            pair(bulk("server"), bulk("redis")), pair(bulk("version"), bulk("7.0.15")), pair(bulk("proto"), .integer(3)),
            pair(bulk("id"), .integer(5)), pair(bulk("mode"), bulk("standalone")), pair(bulk("role"), bulk("master")),
            pair(bulk("modules"), .array([])),
        ])
        XCTAssertEqual(formatReply(hello), """
            1# "server" => "redis"
            2# "version" => "7.0.15"
            3# "proto" => (integer) 3
            4# "id" => (integer) 5
            5# "mode" => "standalone"
            6# "role" => "master"
            7# "modules" => (empty array)

            """)
        // DEBUG PROTOCOL map / set
        XCTAssertEqual(formatReply(.map([pair(.integer(0), .boolean(false)), pair(.integer(1), .boolean(true))])),
                       "1# (integer) 0 => (false)\n2# (integer) 1 => (true)\n")
        XCTAssertEqual(formatReply(.set([.integer(0), .integer(1), .integer(2)])),
                       "1~ (integer) 0\n2~ (integer) 1\n3~ (integer) 2\n")
        XCTAssertEqual(formatReply(.map([])), "(empty hash)\n")
        XCTAssertEqual(formatReply(.set([])), "(empty set)\n")
        XCTAssertEqual(formatReply(.push([])), "(empty push)\n")
        // SUBSCRIBE ch under RESP3
        XCTAssertEqual(formatReply(.push([bulk("subscribe"), bulk("ch"), .integer(1)])),
                       "1) \"subscribe\"\n2) \"ch\"\n3) (integer) 1\n")
    }

    func testMapValuesOfSeveralLinesStartOnTheNextLine() {
        // EVAL "return {map={a={1,2},b=3}}" 0
        let value = RESPValue.map([pair(bulk("a"), .array([.integer(1), .integer(2)])), pair(bulk("b"), .integer(3))])
        XCTAssertEqual(formatReply(value), "1# \"a\" => \n   1) (integer) 1\n   2) (integer) 2\n2# \"b\" => (integer) 3\n")
        // A one-line aggregate stays on the entry's line.
        XCTAssertEqual(formatReply(.map([pair(bulk("a"), .array([.array([bulk("x")])]))])), "1# \"a\" => 1) 1) \"x\"\n")
        XCTAssertEqual(formatReply(.map([pair(bulk("a"), .map([pair(bulk("k"), .set([.null, .null]))]))])),
                       "1# \"a\" => \n   1# \"k\" => \n      1~ (nil)\n      2~ (nil)\n")
        // XINFO STREAM st (ten entries: two-digit indices).
        let entry = RESPValue.array([bulk("1795813869246-0"), .array([bulk("a"), bulk("1")])])
        let info = RESPValue.map((1 ... 8).map { pair(bulk("f\($0)"), .integer(Int64($0))) }
                                 + [pair(bulk("first-entry"), entry), pair(bulk("last-entry"), entry)])
        XCTAssertEqual(formatReply(info).split(separator: "\n", omittingEmptySubsequences: false).suffix(9), [
            " 9# \"first-entry\" => ",
            "    1) \"1795813869246-0\"",
            "    2) 1) \"a\"",
            "       2) \"1\"",
            "10# \"last-entry\" => ",
            "    1) \"1795813869246-0\"",
            "    2) 1) \"a\"",
            "       2) \"1\"",
            "",
        ])
    }

    func testAttributesAreNotPrinted() {
        let value = RESPValue.attribute([pair(.simpleString("ttl"), .integer(5))], value: bulk("v"))
        XCTAssertEqual(formatReply(value), "\"v\"\n")
        XCTAssertEqual(formatReply(value, raw: true), "v\n")
    }

    func testRawMode() {
        XCTAssertEqual(formatReply(.simpleString("OK"), raw: true), "OK\n")
        XCTAssertEqual(formatReply(bulk("bar"), raw: true), "bar\n")
        XCTAssertEqual(formatReply(.integer(1), raw: true), "1\n")
        XCTAssertEqual(formatReply(.null, raw: true), "\n")
        XCTAssertEqual(formatReply(.error("ERR unknown command"), raw: true), "ERR unknown command\n\n")
        XCTAssertEqual(formatReply(.boolean(true), raw: true), "(true)\n")
        XCTAssertEqual(formatReply(.double(1.5), raw: true), "1.5\n")
        XCTAssertEqual(formatReply(.bigNumber("-12"), raw: true), "-12\n")
        XCTAssertEqual(formatReply(.verbatimString(format: "txt", text: utf8("a\nb")), raw: true), "a\nb\n")
        XCTAssertEqual(formatReply(.array([bulk("a"), bulk("b c")]), raw: true), "a\nb c\n")
        XCTAssertEqual(formatReply(.array([.integer(1), .array([.integer(2), .array([.integer(3), bulk("x")])]), .array([])]), raw: true),
                       "1\n2\n3\nx\n\n")
        XCTAssertEqual(formatReply(.map([pair(bulk("f"), bulk("v")), pair(bulk("g"), bulk("w"))]), raw: true), "f v\ng w\n")
        XCTAssertEqual(formatReply(.set([bulk("x")]), raw: true), "x\n")
        XCTAssertEqual(formatReply(.push([bulk("subscribe"), bulk("ch"), .integer(1)]), raw: true), "subscribe\nch\n1\n")
    }

    func testRawModeWritesBytesUnchanged() {
        let bytes: [UInt8] = [0x00, 0xFF, 0x0A, 0x22]
        XCTAssertEqual(formatReplyBytes(.bulkString(bytes), raw: true), bytes + [0x0A])
        XCTAssertEqual(formatReplyBytes(.bulkString(utf8("é")), raw: true), utf8("é\n"))
        XCTAssertEqual(formatReplyBytes(.verbatimString(format: "txt", text: [0xFF])), [0xFF, 0x0A])
    }
}
