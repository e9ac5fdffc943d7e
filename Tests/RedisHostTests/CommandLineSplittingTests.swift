import TestSupport
import XCTest
import RedisHost

final class CommandLineSplittingTests: XCTestCase {
    private func split(_ line: String) throws -> [String] {
        try splitCommandLine(line).map { String(decoding: $0, as: UTF8.self) }
    }

    func testWhitespaceSeparates() throws {
        XCTAssertEqual(try split("SET foo bar"), ["SET", "foo", "bar"])
        XCTAssertEqual(try split("  \t GET   key \r\n"), ["GET", "key"])
        XCTAssertEqual(try split(""), [])
        XCTAssertEqual(try split(" \t\u{0B}\u{0C} "), [])
        // Vertical tab and form feed are skipped between arguments but, as in Redis, do not
        // end an unquoted one.
        XCTAssertEqual(try split("a\u{0B}b c"), ["a\u{0B}b", "c"])
    }

    func testDoubleQuotesAndEscapes() throws {
        XCTAssertEqual(try split(#"SET k "hello world""#), ["SET", "k", "hello world"])
        XCTAssertEqual(try split(#""a\nb\rc\td\be\af""#), ["a\nb\rc\td\u{08}e\u{07}f"])
        XCTAssertEqual(try split(#""q\"q" "s\\s" "\z""#), ["q\"q", "s\\s", "z"])
        XCTAssertEqual(try split(#""" ''"#), ["", ""])
        XCTAssertEqual(try split(#""it's""#), ["it's"])
    }

    func testHexEscapesProduceAnyByte() throws {
        XCTAssertEqual(try splitCommandLine(#""\x00\xff\xAb\x41""#), [[0x00, 0xFF, 0xAB, 0x41]])
        // Not followed by two hex digits: an ordinary escape of `x`.
        XCTAssertEqual(try splitCommandLine(#""\xg1" "\x4""#), [utf8("xg1"), utf8("x4")])
    }

    func testSingleQuotesAreLiteralExceptEscapedQuote() throws {
        XCTAssertEqual(try split(#"'a\nb' 'it\'s' 'say "hi"'"#), [#"a\nb"#, "it's", #"say "hi""#])
    }

    func testQuotesInsideAnArgument() throws {
        XCTAssertEqual(try split(#"a"b c"  x'y z'"#), ["ab c", "xy z"])
        // Outside quotes a backslash is an ordinary character.
        XCTAssertEqual(try split(#"a\nb \x41"#), [#"a\nb"#, #"\x41"#])
    }

    func testUnbalancedQuotesAreInvalid() {
        for line in [#"SET k "abc"#, "SET k 'abc", #""a"b"#, "'a'b", #""a\""#, #"SET "k"v"#] {
            XCTAssertThrowsError(try splitCommandLine(line), line) { error in
                XCTAssertEqual(error as? InvalidArgumentsError, InvalidArgumentsError())
                XCTAssertEqual("\(error)", "Invalid argument(s)")
            }
        }
    }

    func testClosingQuoteMayBeFollowedByAnyWhitespace() throws {
        XCTAssertEqual(try split("\"a\"\t'b'\n\"c\"\u{0B}d"), ["a", "b", "c", "d"])
    }

    func testNulEndsTheLine() throws {
        XCTAssertEqual(try splitCommandLine([0x61, 0x20, 0x62, 0x00, 0x63]), [utf8("a"), utf8("b")])
        XCTAssertThrowsError(try splitCommandLine(utf8("\"a") + [0x00] + utf8("\"")))
    }

    func testQuotingReadsBack() throws {
        var random = SeededGenerator(seed: 42)
        for _ in 0 ..< 500 {
            let arguments = (0 ..< Int.random(in: 1 ... 4, using: &random)).map { _ in
                (0 ..< Int.random(in: 0 ... 12, using: &random)).map { _ in UInt8.random(in: 0 ... 255, using: &random) }
            }
            let line = arguments.map { RedisQuoting.quoted($0) }.joined(separator: " ")
            XCTAssertEqual(try splitCommandLine(line), arguments, line)
        }
    }
}
