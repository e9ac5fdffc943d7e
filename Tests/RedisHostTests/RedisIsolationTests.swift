// Instances share nothing, and one instance can be used from many threads and tasks at once.

import Foundation
@testable import RedisHost
import XCTest

final class RedisIsolationTests: XCTestCase {
    func testTwoInstancesShareNothing() throws {
        let a = try startRedis(maxmemory: "64mb", policy: .allKeysLRU)
        let b = try startRedis()
        try a.call("SET", "k", "from a")
        XCTAssertEqual(try b.call("GET", "k"), .null)
        try b.call("SET", "k", "from b")
        XCTAssertEqual(try a.call("GET", "k"), bulk("from a"))
        XCTAssertEqual(try b.call("FLUSHALL"), .simpleString("OK"))
        XCTAssertEqual(try a.call("DBSIZE"), .integer(1))
        XCTAssertEqual(try a.call("CONFIG", "GET", "maxmemory-policy"), .array([bulk("maxmemory-policy"), bulk("allkeys-lru")]))
        XCTAssertEqual(try b.call("CONFIG", "GET", "maxmemory-policy"), .array([bulk("maxmemory-policy"), bulk("noeviction")]))
        try a.call("CONFIG", "SET", "maxmemory", "32mb")
        XCTAssertEqual(try b.call("CONFIG", "GET", "maxmemory"), .array([bulk("maxmemory"), bulk("268435456")]))
        // Scripts, protocol and client state are per instance.
        try a.call("SCRIPT", "LOAD", "return 'a'")
        XCTAssertEqual(try b.call("SCRIPT", "EXISTS", "0b1a5e4d9c5cf5bc8b2cfd5a6c1c39e0c0e2a0f8"), .array([.integer(0)]))
        try a.call("HELLO", 3)
        XCTAssertEqual(try b.call("HGETALL", "none"), .array([]))
        XCTAssertEqual(try a.call("HGETALL", "none"), .map([]))
        try a.call("MULTI")
        XCTAssertEqual(try b.call("PING"), .simpleString("PONG"))
        XCTAssertEqual(try a.call("PING"), .simpleString("QUEUED"))
        // Memory growth in one does not touch the other.
        let before = b.guestMemoryByteCount
        try a.call("DISCARD")
        try a.call("SETRANGE", "big", (16 << 20) - 1, "x")
        XCTAssertEqual(b.guestMemoryByteCount, before)
        XCTAssertGreaterThan(a.guestMemoryByteCount, 16 << 20)
    }

    func testManyThreadsShareOneInstance() throws {
        let redis = try startRedis()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for i in 0..<250 {
                let incremented = try? redis.call("INCR", "counter")
                let pushed = try? redis.call("RPUSH", "thread:\(thread)", i)
                XCTAssertNotNil(incremented?.int)
                XCTAssertEqual(pushed?.int, i + 1)
            }
        }
        XCTAssertEqual(try redis.call("GET", "counter"), bulk("2000"))
        for thread in 0..<8 {
            XCTAssertEqual(try redis.call("LRANGE", "thread:\(thread)", 0, -1).array?.compactMap(\.string),
                           (0..<250).map(String.init), "each thread's writes in its own order")
        }
    }

    func testManyTasksShareOneInstance() async throws {
        let redis = try startRedis()
        try await withThrowingTaskGroup(of: [RESPValue].self) { group in
            for task in 0..<16 {
                group.addTask {
                    try redis.pipeline((0..<100).map { ["HINCRBY", "tasks", "t\(task)", $0] })
                }
            }
            for try await replies in group { XCTAssertEqual(replies.count, 100) }
        }
        let cron = redis.startCron()
        defer { cron.cancel() }
        async let a = Task { try redis.call("HLEN", "tasks") }.value
        async let b = Task { try redis.call("HGET", "tasks", "t7") }.value
        let (length, total) = try await (a, b)
        XCTAssertEqual(length, .integer(16))
        XCTAssertEqual(total, bulk("4950"))
    }
}
