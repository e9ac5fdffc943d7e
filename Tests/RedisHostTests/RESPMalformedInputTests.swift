import TestSupport
import XCTest
import RedisHost

final class RESPMalformedInputTests: XCTestCase {
    private func assertError(_ wire: String, _ reason: RESPProtocolError.Reason, at offset: Int,
                             limits: RESPParserLimits = RESPParserLimits(),
                             file: StaticString = #filePath, line: UInt = #line) {
        var parser = RESPParser(limits: limits)
        parser.feed(utf8(wire))
        var thrown: RESPProtocolError?
        do {
            while try parser.next() != nil {}
        } catch {
            thrown = error
        }
        XCTAssertEqual(thrown, RESPProtocolError(reason, at: offset), wire.debugDescription, file: file, line: line)
    }

    func testUnknownTypeByte() {
        assertError("hello\r\n", .unknownType(UInt8(ascii: "h")), at: 0)
        assertError("+OK\r\n:1\r\n@x\r\n", .unknownType(UInt8(ascii: "@")), at: 9)
        // Reported as soon as the byte arrives, without waiting for a CRLF.
        assertError("+OK\r\n\u{0}", .unknownType(0), at: 5)
    }

    func testIntegersAndLengths() {
        assertError(":12a\r\n", .invalidInteger, at: 0)
        assertError(":\r\n", .invalidInteger, at: 0)
        assertError(":-\r\n", .invalidInteger, at: 0)
        assertError(":+1\r\n", .invalidInteger, at: 0)
        assertError(": 1\r\n", .invalidInteger, at: 0)
        assertError(":9223372036854775808\r\n", .invalidInteger, at: 0)
        assertError(":-9223372036854775809\r\n", .invalidInteger, at: 0)
        assertError("$-2\r\n", .invalidLength(-2), at: 0)
        assertError("*-2\r\n", .invalidLength(-2), at: 0)
        assertError("%-1\r\n", .invalidLength(-1), at: 0)
        assertError("~-1\r\n", .invalidLength(-1), at: 0)
        assertError("!-1\r\n", .invalidLength(-1), at: 0)
        assertError("$abc\r\n", .invalidInteger, at: 0)
    }

    func testLimits() {
        let limits = RESPParserLimits(maxBulkLength: 10, maxAggregateLength: 3, maxNestingDepth: 2, maxLineLength: 8)
        assertError("$11\r\n", .bulkTooLong(length: 11, limit: 10), at: 0, limits: limits)
        assertError("$9223372036854775807\r\n", .bulkTooLong(length: .max, limit: 512 << 20), at: 0)
        assertError("*4\r\n", .aggregateTooLong(count: 4, limit: 3), at: 0, limits: limits)
        assertError("*1\r\n*1\r\n*1\r\n:1\r\n", .nestingTooDeep(limit: 2), at: 8, limits: limits)
        assertError("+123456789", .lineTooLong(limit: 8), at: 0, limits: limits)
        assertError("+123456789\r\n", .lineTooLong(limit: 8), at: 0, limits: limits)
        // A huge claimed count costs nothing until elements arrive.
        var parser = RESPParser()
        parser.feed(utf8("*2147483647\r\n:1\r\n"))
        XCTAssertNoThrow(XCTAssertNil(try parser.next()))
        XCTAssertTrue(parser.hasIncompleteValue)
    }

    func testBulkFraming() {
        assertError("$3\r\nbarX\r\n", .missingCRLF, at: 7)
        assertError("$3\r\nbar\n\r", .missingCRLF, at: 7)
        assertError("=3\r\ntxt\r\n", .invalidVerbatimString, at: 0)
        assertError("=4\r\ntxt-\r\n", .invalidVerbatimString, at: 0)
    }

    func testRESP3Scalars() {
        assertError("_x\r\n", .invalidNull, at: 0)
        assertError("#x\r\n", .invalidBoolean, at: 0)
        assertError("#tt\r\n", .invalidBoolean, at: 0)
        assertError(",\r\n", .invalidDouble, at: 0)
        assertError(",1.5x\r\n", .invalidDouble, at: 0)
        assertError("(\r\n", .invalidBigNumber, at: 0)
        assertError("(12a\r\n", .invalidBigNumber, at: 0)
        assertError("(-\r\n", .invalidBigNumber, at: 0)
    }

    func testStreamedTypesAreRejected() {
        assertError("$?\r\n;4\r\nHell\r\n;0\r\n", .streamedTypeUnsupported(UInt8(ascii: "$")), at: 0)
        assertError("*?\r\n:1\r\n.\r\n", .streamedTypeUnsupported(UInt8(ascii: "*")), at: 0)
    }

    func testOffsetsCountFromTheStreamStartAcrossFeeds() throws {
        var parser = RESPParser()
        let first = (0 ..< 10_000).flatMap { _ in utf8(":1\r\n") }
        XCTAssertEqual(try parser.parse(first).count, 10_000)
        parser.feed(utf8("+ok\r\n"))
        XCTAssertEqual(try parser.next(), .simpleString("ok"))
        parser.feed(utf8("?"))
        XCTAssertThrowsError(try parser.next()) { error in
            XCTAssertEqual(error as? RESPProtocolError, RESPProtocolError(.unknownType(UInt8(ascii: "?")), at: 40_005))
        }
    }

    func testErrorIsSticky() {
        var parser = RESPParser()
        parser.feed(utf8(":x\r\n+OK\r\n"))
        XCTAssertThrowsError(try parser.next())
        parser.feed(utf8("+OK\r\n"))
        XCTAssertThrowsError(try parser.next()) { error in
            XCTAssertEqual(error as? RESPProtocolError, RESPProtocolError(.invalidInteger, at: 0))
        }
    }

    func testErrorDescriptionNamesOffsetAndCause() {
        let error = RESPProtocolError(.unknownType(0x07), at: 42)
        XCTAssertEqual(error.description, "RESP protocol error at byte 42: unknown type byte \"\\a\"")
    }

    /// Random bytes, biased towards type bytes, digits and CRLF so that they get past the
    /// first line: every stream ends in values, a wait for more input, or a typed error.
    func testRandomGarbageNeverCrashes() {
        var random = SeededGenerator(seed: 0xBAD_B17E5)
        let alphabet = utf8("+-:$*_,#(!=%~>|0123456789-?\r\n\r\ntfx.:")
        var outcomes = (values: 0, errors: 0)
        for _ in 0 ..< 5000 {
            let length = Int.random(in: 1 ... 60, using: &random)
            let bytes = (0 ..< length).map { _ in
                Bool.random(using: &random) ? alphabet.randomElement(using: &random)! : UInt8.random(in: 0 ... 255, using: &random)
            }
            var parser = RESPParser(limits: RESPParserLimits(maxBulkLength: 1 << 16, maxNestingDepth: 8))
            do {
                outcomes.values += try parser.parse(bytes).count
            } catch {
                outcomes.errors += 1
            }
        }
        XCTAssertGreaterThan(outcomes.values, 0)
        XCTAssertGreaterThan(outcomes.errors, 0)
    }
}
