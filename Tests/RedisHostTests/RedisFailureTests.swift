// Failures inside the guest: a trap or an exit becomes a typed Swift error, the host goes on,
// and the instance is unusable (and released) from then on.

@testable import RedisHost
import WasmRuntime
import XCTest

final class RedisFailureTests: XCTestCase {
    /// 100 Lua pcalls nested in each other: about 800 WebAssembly frames.
    private static let deepScript = """
        local f = function() return 1 end
        for i = 1, 100 do local g = f; f = function() local ok, v = pcall(g); return v end end
        return f()
        """

    func testATrapMakesTheInstanceUnusable() throws {
        var limits = StoreLimits()
        limits.maxCallDepth = 200
        let redis = try Redis(RedisOptions(), storeLimits: limits)
        let other = try startRedis()
        XCTAssertEqual(try redis.call("SET", "k", "v"), .simpleString("OK"))
        XCTAssertEqual(try other.call("EVAL", Self.deepScript, 0), .integer(1), "fine with the default call depth")

        XCTAssertThrowsError(try redis.call("EVAL", Self.deepScript, 0)) { error in
            guard case RedisError.trapped(let trap) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(trap.reason, .callStackExhausted)
            XCTAssertTrue(trap.backtrace.contains("luaRedisPcall"), "\(trap.backtrace.prefix(10))")
        }
        XCTAssertFalse(redis.isUsable)
        XCTAssertNil(redis.guestStore, "the guest is released")
        for attempt in [{ try redis.call("GET", "k") }, { try redis.pipeline([["PING"]]).first! },
                        { .bulkString(try redis.callRaw(Array("PING\r\n".utf8))) }] {
            XCTAssertThrowsError(try attempt()) { error in
                guard case RedisError.unusable(let reason) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(reason.hasPrefix("Redis trapped: call stack exhausted"), reason)
                XCTAssertTrue("\(error)".contains("unusable"), "\(error)")
            }
        }
        XCTAssertThrowsError(try redis.tick())
        XCTAssertEqual(try other.call("PING"), .simpleString("PONG"), "other instances go on")
    }

    func testShutdownExitsAndMakesTheInstanceUnusable() throws {
        let redis = try startRedis()
        XCTAssertThrowsError(try redis.call("SHUTDOWN", "NOSAVE")) { error in
            guard case RedisError.exited(let code) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(code, 0)
        }
        XCTAssertFalse(redis.isUsable)
        XCTAssertThrowsError(try redis.call("PING")) { error in
            guard case RedisError.unusable(let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(reason, "Redis exited with status 0")
        }
    }

    func testAConfigurationRedisRejectsFailsStartUp() throws {
        XCTAssertThrowsError(try startRedis(directives: [RedisConfigDirective("no-such-directive", "1")])) { error in
            guard case RedisError.exited(let code) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(code, 1)
        }
        XCTAssertThrowsError(try Redis(RedisOptions(wasmModulePath: "/nonexistent/redis.wasm"))) { error in
            XCTAssertEqual(error as? RedisOptionsError, .wasmModuleNotFound(searched: ["/nonexistent/redis.wasm"]))
        }
    }

    func testAReleasedInstanceReleasesItsStore() throws {
        weak var store: Store?
        do {
            let redis = try startRedis()
            try redis.call("SET", "k", "v")
            store = redis.guestStore
            XCTAssertNotNil(store)
        }
        XCTAssertNil(store, "no reference cycle keeps the guest's memory alive")
    }
}
