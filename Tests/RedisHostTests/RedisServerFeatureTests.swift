// Server features beyond single commands: transactions, expiry driven by the cron, and
// Redis functions.

@testable import RedisHost
import XCTest

final class RedisServerFeatureTests: XCTestCase {
    func testMultiExec() throws {
        let redis = try startRedis()
        XCTAssertEqual(try redis.call("MULTI"), .simpleString("OK"))
        XCTAssertEqual(try redis.call("SET", "a", 1), .simpleString("QUEUED"))
        XCTAssertEqual(try redis.call("INCR", "a"), .simpleString("QUEUED"))
        XCTAssertEqual(try redis.call("LPUSH", "a", "x"), .simpleString("QUEUED"))
        let results = try redis.call("EXEC")
        XCTAssertEqual(results.array?.count, 3)
        XCTAssertEqual(results.array?[0], .simpleString("OK"))
        XCTAssertEqual(results.array?[1], .integer(2))
        XCTAssertEqual(results.array?[2].errorMessage?.hasPrefix("WRONGTYPE"), true, "a failing command does not abort EXEC")

        XCTAssertEqual(try redis.call("MULTI"), .simpleString("OK"))
        try redis.call("INCR", "a")
        XCTAssertEqual(try redis.call("DISCARD"), .simpleString("OK"))
        XCTAssertEqual(try redis.call("GET", "a"), bulk("2"))

        // A command rejected while queuing aborts the transaction.
        try redis.call("MULTI")
        XCTAssertEqual(try redis.call("INCR").errorMessage?.hasPrefix("ERR wrong number of arguments"), true)
        XCTAssertEqual(try redis.call("EXEC").errorMessage?.hasPrefix("EXECABORT"), true)
        XCTAssertEqual(try redis.call("EXEC"), .error("ERR EXEC without MULTI"))
    }

    func testWatch() throws {
        let redis = try startRedis()
        try redis.call("SET", "balance", 100)
        // Untouched watched key: EXEC runs.
        XCTAssertEqual(try redis.call("WATCH", "balance"), .simpleString("OK"))
        try redis.call("MULTI")
        try redis.call("DECRBY", "balance", 30)
        XCTAssertEqual(try redis.call("EXEC"), .array([.integer(70)]))
        // Touched after WATCH (by anyone, this client included): EXEC aborts with a null.
        try redis.call("WATCH", "balance")
        try redis.call("SET", "balance", 1000)
        try redis.call("MULTI")
        try redis.call("DECRBY", "balance", 30)
        XCTAssertEqual(try redis.call("EXEC"), .null)
        XCTAssertEqual(try redis.call("GET", "balance"), bulk("1000"))
        // UNWATCH forgets.
        try redis.call("WATCH", "balance")
        try redis.call("SET", "balance", 5)
        try redis.call("UNWATCH")
        try redis.call("MULTI")
        try redis.call("INCR", "balance")
        XCTAssertEqual(try redis.call("EXEC"), .array([.integer(6)]))
    }

    func testExpireAndTTL() throws {
        let redis = try startRedis()
        try redis.call("SET", "k", "v")
        XCTAssertEqual(try redis.call("TTL", "k"), .integer(-1))
        XCTAssertEqual(try redis.call("EXPIRE", "k", 100), .integer(1))
        XCTAssertEqual(try redis.call("TTL", "k").int.map { (99...100).contains($0) }, true)
        XCTAssertEqual(try redis.call("PERSIST", "k"), .integer(1))
        XCTAssertEqual(try redis.call("TTL", "k"), .integer(-1))
        XCTAssertEqual(try redis.call("TTL", "missing"), .integer(-2))
        try redis.call("SET", "short", "v", "PX", 50)
        XCTAssertEqual(try redis.call("PTTL", "short").int.map { (1...50).contains($0) }, true)
        usleep(80_000)
        XCTAssertEqual(try redis.call("GET", "short"), .null, "an expired key is gone when read")
    }

    /// Keys nobody reads disappear through serverCron's active expiry cycle, which only runs
    /// when the host ticks (the fast cycle after each command waits until a cron cycle has
    /// seen expired keys).
    func testActiveExpiryDrivenByTicks() throws {
        let redis = try startRedis()
        for i in 0..<200 { try redis.call("SET", "volatile:\(i)", "v", "PX", 20) }
        for i in 0..<50 { try redis.call("SET", "durable:\(i)", "v") }
        usleep(50_000)
        for _ in 0..<20 { try redis.call("PING") }
        XCTAssertEqual(try redis.call("DBSIZE"), .integer(250), "without ticks, expired keys stay")
        XCTAssertEqual(try redis.infoField("expired_keys"), 0)
        try timed("10 ticks") {
            for _ in 0..<10 { try redis.tick() }
        }
        XCTAssertEqual(try redis.infoField("expired_keys"), 200)
        XCTAssertEqual(try redis.call("DBSIZE"), .integer(50))
        XCTAssertEqual(try redis.tick(), .milliseconds(100), "hz 10")
    }

    func testStartCronExpiresKeysInTheBackground() async throws {
        let redis = try startRedis(directives: [RedisConfigDirective("hz", "100")])
        for i in 0..<100 { try redis.call("SET", "volatile:\(i)", "v", "PX", 10) }
        let cron = redis.startCron()
        defer { cron.cancel() }
        let deadline = Date().addingTimeInterval(10)
        while try redis.infoField("expired_keys") < 100, Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        XCTAssertEqual(try redis.infoField("expired_keys"), 100)
        XCTAssertEqual(try redis.call("DBSIZE"), .integer(0))
    }

    func testFunctionLoadAndFcall() throws {
        let redis = try startRedis()
        let library = """
            #!lua name=mylib
            redis.register_function('echo_first', function(keys, args) return args[1] end)
            redis.register_function('incr_by', function(keys, args) return redis.call('INCRBY', keys[1], args[1]) end)
            redis.register_function{function_name='peek', callback=function(keys) return redis.call('GET', keys[1]) end, flags={'no-writes'}}
            """
        XCTAssertEqual(try redis.call("FUNCTION", "LOAD", library), bulk("mylib"))
        XCTAssertEqual(try redis.call("FCALL", "echo_first", 0, "hello"), bulk("hello"))
        XCTAssertEqual(try redis.call("FCALL", "incr_by", 1, "counter", 5), .integer(5))
        XCTAssertEqual(try redis.call("FCALL", "incr_by", 1, "counter", 5), .integer(10))
        XCTAssertEqual(try redis.call("FCALL_RO", "peek", 1, "counter"), bulk("10"))
        XCTAssertEqual(try redis.call("FCALL_RO", "incr_by", 1, "counter", 1).errorMessage?.contains("write flag"), true)
        XCTAssertEqual(try redis.call("FUNCTION", "LOAD", library).errorMessage, "ERR Library 'mylib' already exists")
        let list = try redis.call("FUNCTION", "LIST")
        XCTAssertEqual(list.array?.count, 1)
        XCTAssertEqual(try redis.call("FUNCTION", "DELETE", "mylib"), .simpleString("OK"))
        XCTAssertEqual(try redis.call("FCALL", "echo_first", 0, "x"), .error("ERR Function not found"))
    }
}
