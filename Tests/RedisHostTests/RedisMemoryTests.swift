// maxmemory and its eight policies under memory pressure, and growth of the guest's memory
// past the 256 MB default when maxmemory allows.

@testable import RedisHost
import XCTest

final class RedisMemoryTests: XCTestCase {
    private static let maxmemory = 8 << 20
    private static let value = [UInt8](repeating: 0x61, count: 10_000)

    /// Writes `count` 10 kB values under `prefix` with an optional TTL; returns the error
    /// replies and, if `checksMemory`, checks `used_memory` every 50 writes against maxmemory
    /// (INFO runs Redis's eviction first, so while something is evictable it is under the limit).
    @discardableResult
    private func fill(_ redis: Redis, _ prefix: String, count: Int, ttl: Int? = nil, checksMemory: Bool = true,
                      file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        var errors: [String] = []
        for i in 0..<count {
            let key = "\(prefix):\(i)"
            let reply = if let ttl { try redis.call("SET", key, Self.value, "EX", ttl) } else { try redis.call("SET", key, Self.value) }
            if let message = reply.errorMessage { errors.append(message) }
            if checksMemory, i % 50 == 49 {
                XCTAssertLessThanOrEqual(try redis.usedMemory(), Self.maxmemory, "used_memory over maxmemory", file: file, line: line)
            }
        }
        return errors
    }

    /// With nothing evictable, Redis refuses a write only once used_memory is over maxmemory, so
    /// the last write it accepted may leave it above the limit, by about one value at most.
    private func assertAtMostOneWriteOverTheLimit(_ redis: Redis, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertLessThanOrEqual(try redis.usedMemory(), Self.maxmemory + 2 * Self.value.count, file: file, line: line)
    }

    private func surviving(_ redis: Redis, _ prefix: String, count: Int) throws -> Int {
        let keys = (0..<count).map { "\(prefix):\($0)" as any RedisArgument }
        return try XCTUnwrap(try redis.call(["EXISTS"] + keys).int)
    }

    private func startRedis(_ policy: MaxmemoryPolicy) throws -> Redis {
        try startRedis(maxmemory: String(Self.maxmemory), policy: policy)
    }

    func testNoEvictionAnswersOOM() throws {
        let redis = try startRedis(.noEviction)
        let errors = try fill(redis, "k", count: 1500, checksMemory: false)
        try assertAtMostOneWriteOverTheLimit(redis)
        XCTAssertGreaterThan(errors.count, 0)
        XCTAssertEqual(Set(errors), ["OOM command not allowed when used memory > 'maxmemory'."])
        XCTAssertEqual(try redis.infoField("evicted_keys"), 0)
        XCTAssertEqual(try redis.call("DBSIZE").int, 1500 - errors.count)
        XCTAssertEqual(try redis.call("GET", "k:0"), .bulkString(Self.value), "reads still work")
        XCTAssertEqual(try redis.call(["DEL"] + (0..<100).map { "k:\($0)" }), .integer(100))
        XCTAssertEqual(try redis.call("SET", "again", "v"), .simpleString("OK"), "deleting makes room")
    }

    func testAllKeysLRUEvictsTheLeastRecentlyUsed() throws {
        let redis = try startRedis(.allKeysLRU)
        try fill(redis, "old", count: 400)
        // The LRU clock moves with the cron (at hz 10 Redis uses its cached clock, 1 s units).
        usleep(1_100_000)
        try redis.tick()
        XCTAssertEqual(try fill(redis, "new", count: 800), [])
        XCTAssertGreaterThan(try redis.infoField("evicted_keys"), 0)
        let old = try surviving(redis, "old", count: 400), new = try surviving(redis, "new", count: 800)
        XCTAssertLessThan(Double(old) / 400, Double(new) / 800, "old keys go first: \(old) old, \(new) new left")
    }

    func testAllKeysLFUEvictsTheLeastFrequentlyUsed() throws {
        let redis = try startRedis(.allKeysLFU)
        try fill(redis, "hot", count: 100)
        try fill(redis, "cold", count: 100)
        for _ in 0..<30 { _ = try redis.pipeline((0..<100).map { ["GET", "hot:\($0)"] }) }
        XCTAssertEqual(try fill(redis, "new", count: 800), [])
        XCTAssertGreaterThan(try redis.infoField("evicted_keys"), 0)
        let hot = try surviving(redis, "hot", count: 100), cold = try surviving(redis, "cold", count: 100)
        XCTAssertGreaterThan(hot, cold, "frequently read keys stay: \(hot) hot, \(cold) cold left")
    }

    func testAllKeysRandomEvictsKeysWithoutTTL() throws {
        let redis = try startRedis(.allKeysRandom)
        XCTAssertEqual(try fill(redis, "k", count: 1500), [])
        XCTAssertGreaterThan(try redis.infoField("evicted_keys"), 0)
        XCTAssertLessThan(try XCTUnwrap(try redis.call("DBSIZE").int), 1500)
    }

    /// volatile-*: only keys with a TTL are evicted; with none left, writes get -OOM.
    private func checkVolatile(_ policy: MaxmemoryPolicy) throws {
        let redis = try startRedis(policy)
        try fill(redis, "persistent", count: 100)
        XCTAssertEqual(try fill(redis, "volatile", count: 1000, ttl: 3600), [])
        XCTAssertGreaterThan(try redis.infoField("evicted_keys"), 0)
        XCTAssertEqual(try surviving(redis, "persistent", count: 100), 100, "keys without TTL are never evicted")
        // Nothing is evictable now: Redis refuses writes once over the limit, but the last one it
        // accepted may leave used_memory above it, so memory is not checked here.
        let errors = try fill(redis, "more-persistent", count: 1000, checksMemory: false)
        try assertAtMostOneWriteOverTheLimit(redis)
        XCTAssertTrue(errors.contains("OOM command not allowed when used memory > 'maxmemory'."),
                      "no volatile key left to evict")
    }

    func testVolatileLRU() throws { try checkVolatile(.volatileLRU) }
    func testVolatileLFU() throws { try checkVolatile(.volatileLFU) }
    func testVolatileRandom() throws { try checkVolatile(.volatileRandom) }

    func testVolatileTTLEvictsTheNearestExpiryFirst() throws {
        let redis = try startRedis(.volatileTTL)
        try fill(redis, "persistent", count: 50)
        for i in 0..<500 {
            try redis.call("SET", "soon:\(i)", Self.value, "EX", 1000)
            try redis.call("SET", "late:\(i)", Self.value, "EX", 1_000_000)
        }
        XCTAssertLessThanOrEqual(try redis.usedMemory(), Self.maxmemory)
        XCTAssertGreaterThan(try redis.infoField("evicted_keys"), 0)
        XCTAssertEqual(try surviving(redis, "persistent", count: 50), 50)
        let soon = try surviving(redis, "soon", count: 500), late = try surviving(redis, "late", count: 500)
        XCTAssertGreaterThan(late, soon, "\(soon) expiring soon, \(late) expiring late left")
    }

    /// The guest's memory grows past 256 MB when maxmemory allows it; at the default limit
    /// the same writes are refused.
    func testGrowthPastTheDefaultLimit() throws {
        let large = try startRedis(maxmemory: "1gb")
        let limited = try startRedis()
        var refused = 0
        try timed("5 × 64 MiB in two instances") {
            for i in 0..<5 {
                XCTAssertEqual(try large.call("SETRANGE", "big:\(i)", (64 << 20) - 1, "x"), .integer(64 << 20))
                if try limited.call("SETRANGE", "big:\(i)", (64 << 20) - 1, "x").errorMessage?.hasPrefix("OOM") == true {
                    refused += 1
                }
            }
        }
        XCTAssertGreaterThan(try large.usedMemory(), 320 << 20)
        XCTAssertGreaterThan(large.guestMemoryByteCount, 320 << 20)
        XCTAssertEqual(try large.call("GETRANGE", "big:4", -1, -1), bulk("x"))
        XCTAssertEqual(refused, 1, "the 256mb default refuses the fifth 64 MiB value")
        XCTAssertLessThan(limited.guestMemoryByteCount, large.guestMemoryByteCount)
    }
}
