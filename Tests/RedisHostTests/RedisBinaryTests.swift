// Arguments and replies are binary-safe: every byte value in keys and values, and values of
// 1 MiB and 64 MiB, come back exactly.

import TestSupport
import Foundation
@testable import RedisHost
import XCTest

final class RedisBinaryTests: XCTestCase {
    func testEveryByteValueInKeysAndValues() throws {
        let redis = try startRedis()
        let allBytes = (0...255).map(UInt8.init)
        XCTAssertEqual(try redis.call("SET", allBytes, allBytes), .simpleString("OK"))
        XCTAssertEqual(try redis.call("GET", allBytes), .bulkString(allBytes))
        XCTAssertEqual(try redis.call("STRLEN", allBytes), .integer(256))
        for byte in allBytes {
            try redis.call("SET", [byte], [byte, 0x0D, 0x0A, byte])
        }
        XCTAssertEqual(try redis.call("DBSIZE"), .integer(257))
        for byte in allBytes {
            XCTAssertEqual(try redis.call("GET", [byte]), .bulkString([byte, 0x0D, 0x0A, byte]), "byte \(byte)")
        }
        // Data and slices are arguments too; hash fields and list elements are binary-safe.
        try redis.call("HSET", Data([0, 1]), Data([0xFF, 0]), allBytes[10..<20])
        XCTAssertEqual(try redis.call("HGET", [0, 1], [0xFF, 0]), .bulkString(Array(allBytes[10..<20])))
        try redis.call("RPUSH", "list", [0x00], [0x0D, 0x0A], "\r\n$3\r\n")
        XCTAssertEqual(try redis.call("LRANGE", "list", 0, -1),
                       .array([.bulkString([0]), .bulkString([0x0D, 0x0A]), bulk("\r\n$3\r\n")]))
        // In Lua too.
        XCTAssertEqual(try redis.call("EVAL", "return redis.call('GET', KEYS[1])", 1, allBytes), .bulkString(allBytes))
    }

    func testOneMebibyteValue() throws {
        let redis = try startRedis()
        var generator = SeededGenerator(seed: 1)
        let value = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        XCTAssertEqual(try redis.call("SET", "mib", value), .simpleString("OK"))
        XCTAssertEqual(try redis.call("GET", "mib"), .bulkString(value))
        XCTAssertEqual(try redis.call("GETRANGE", "mib", 500_000, 500_009), .bulkString(Array(value[500_000...500_009])))
        XCTAssertEqual(try redis.call("APPEND", "mib", value), .integer(2 << 20))
        XCTAssertEqual(try redis.call("GETRANGE", "mib", -3, -1), .bulkString(Array(value.suffix(3))))
    }

    func testSixtyFourMebibyteValue() throws {
        let redis = try startRedis()
        var value = [UInt8](repeating: 0, count: 64 << 20)
        for i in stride(from: 0, to: value.count, by: 4096) { value[i] = UInt8(truncatingIfNeeded: i >> 12) }
        value[value.count - 1] = 0xAB
        try timed("SET + GET 64 MiB") {
            XCTAssertEqual(try redis.call("SET", "big", value), .simpleString("OK"))
            XCTAssertEqual(try redis.call("STRLEN", "big"), .integer(64 << 20))
            XCTAssertEqual(try redis.call("GET", "big"), .bulkString(value))
        }
        XCTAssertEqual(try redis.call("GETRANGE", "big", 40960, 40960), .bulkString([10]))
        XCTAssertEqual(try redis.call("DEL", "big"), .integer(1))
        XCTAssertEqual(try redis.call("PING"), .simpleString("PONG"))
    }
}
