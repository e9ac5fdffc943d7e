// Lua errors unwind through Emscripten's setjmp/longjmp: `_emscripten_throw_longjmp` throws
// to the nearest `invoke_*` trampoline, which restores the C stack pointer. Each kind of
// error is repeated 10,000 times; afterwards the guest's stack pointer, Redis's used memory
// and the size of linear memory must be exactly where they were, so nothing leaks on the
// longjmp path.

@testable import RedisHost
import XCTest

final class RedisLuaErrorTests: XCTestCase {
    private static let repetitions = 10_000

    /// Runs `command` `repetitions` times after a warm-up (which fills the script cache and
    /// the client's buffers, and allocates the commands' latency histograms), checking every reply with `check` and that nothing grew.
    private func assertNoLeak(_ label: String, _ command: [any RedisArgument],
                              check: (RESPValue) -> Bool, file: StaticString = #filePath, line: UInt = #line) throws {
        // A command slower than 10 ms (the machine may be busy) would add a slowlog entry.
        let redis = try startRedis(directives: [RedisConfigDirective("slowlog-log-slower-than", "-1")])
        try redis.call("SET", "text", "not a number")
        for _ in 0..<100 { try redis.call(command) }
        // Each command's latency histogram is allocated on its first run: INFO's too.
        _ = try redis.usedMemory()
        let stackPointer = try redis.guestStackPointer()
        let used = try redis.usedMemory()
        let memory = redis.guestMemoryByteCount

        try timed("\(label) × \(Self.repetitions)") {
            for i in 0..<Self.repetitions {
                let reply = try redis.call(command)
                if !check(reply) { return XCTFail("\(label): reply \(i) is \(reply)", file: file, line: line) }
            }
        }
        XCTAssertEqual(try redis.guestStackPointer(), stackPointer, "\(label): C stack pointer moved", file: file, line: line)
        XCTAssertEqual(try redis.usedMemory(), used, "\(label): used_memory changed", file: file, line: line)
        XCTAssertEqual(redis.guestMemoryByteCount, memory, "\(label): linear memory grew", file: file, line: line)
        XCTAssertEqual(try redis.call("PING"), .simpleString("PONG"), file: file, line: line)
    }

    func testErrorFunction() throws {
        try assertNoLeak("error()", ["EVAL", "error('boom')", 0]) {
            $0.errorMessage?.hasPrefix("ERR user_script:1: boom") == true
        }
    }

    func testErrorWithTable() throws {
        try assertNoLeak("error({err=...})", ["EVAL", "error({err='MYERR custom'})", 0]) {
            $0.errorMessage?.hasPrefix("MYERR custom") == true
        }
    }

    func testRuntimeError() throws {
        try assertNoLeak("runtime error", ["EVAL", "local t = nil; return t.field", 0]) {
            $0.errorMessage?.contains("attempt to index") == true
        }
    }

    func testCompileError() throws {
        try assertNoLeak("compile error", ["EVAL", "return +", 0]) {
            $0.errorMessage?.hasPrefix("ERR Error compiling script") == true
        }
    }

    func testFailingRedisCall() throws {
        try assertNoLeak("failing redis.call", ["EVAL", "return redis.call('INCR', KEYS[1])", 1, "text"]) {
            $0.errorMessage?.hasPrefix("ERR value is not an integer or out of range") == true
        }
    }

    func testRedisPcall() throws {
        try assertNoLeak("redis.pcall", ["EVAL", "local r = redis.pcall('INCR', KEYS[1]); return r", 1, "text"]) {
            $0 == .error("ERR value is not an integer or out of range")
        }
    }

    func testPcallInsideScript() throws {
        try assertNoLeak("pcall inside a script",
                         ["EVAL", "local ok, e = pcall(function() error('inner') end); return {ok and 1 or 0, e}", 0]) {
            $0.array?.first == .integer(0) && $0.array?.last?.string?.hasSuffix("inner") == true
        }
    }

    func testPcallAroundFailingRedisCall() throws {
        try assertNoLeak("pcall(redis.call) failing",
                         ["EVAL", "local ok, e = pcall(redis.call, 'INCR', KEYS[1]); if ok then return 1 end; return type(e) == 'table' and e.err or e", 1, "text"]) {
            $0.string?.hasPrefix("ERR value is not an integer") == true
        }
    }
}
