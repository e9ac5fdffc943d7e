// The Redis example of README.md, compiled and run here. The lines between the markers must
// appear verbatim in README.md (checked below), so the README cannot drift from the API.

import Foundation
import RedisHost
import XCTest

// README Redis example begin
/// Starts an embedded Redis (build/redis.wasm, found without configuration after `make`),
/// then stores, reads, scripts and pipelines.
func redisExample() throws -> (greeting: String?, counter: Int?, failure: String?, replies: [RESPValue]) {
    let redis = try Redis(RedisOptions(maxmemory: "64mb", maxmemoryPolicy: .allKeysLRU))
    try redis.call("SET", "greeting", "hello")
    let greeting = try redis.call("GET", "greeting").string       // "hello"
    try redis.call("SET", "blob", [0x00, 0xFF, 0x0D, 0x0A] as [UInt8])  // binary-safe arguments

    let counter = try redis.call("EVAL", "return redis.call('INCRBY', KEYS[1], ARGV[1])", 1, "counter", 5).int  // 5
    let error = try redis.call("INCR", "greeting")  // an error reply is a value: .error("ERR value is not ...")
    var failure: String?
    do {
        try redis.execute("INCR", "greeting")          // execute throws error replies instead
    } catch RedisError.reply(let message) {
        failure = message                              // == error.errorMessage
    }
    precondition(failure == error.errorMessage)

    let replies = try redis.pipeline([["INCR", "counter"], ["EXPIRE", "counter", 60], ["HELLO", 3]])
    let cron = redis.startCron()  // serverCron in the background: active expiry, stats...
    cron.cancel()
    return (greeting, counter, failure, replies)
}
// README Redis example end

final class RedisReadmeExampleTests: XCTestCase {
    func testExampleRuns() throws {
        let (greeting, counter, failure, replies) = try redisExample()
        XCTAssertEqual(greeting, "hello")
        XCTAssertEqual(counter, 5)
        XCTAssertEqual(failure, "ERR value is not an integer or out of range")
        XCTAssertEqual(replies.count, 3)
        XCTAssertEqual(replies.prefix(2), [.integer(6), .integer(1)])
        XCTAssertNotNil(replies.last?.map, "HELLO 3 answers a RESP3 map")
    }

    func testReadmeShowsTheExample() throws {
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let begin = try XCTUnwrap(source.range(of: "// README Redis example begin\n"))
        let end = try XCTUnwrap(source.range(of: "// README Redis example end"))
        let example = source[begin.upperBound..<end.lowerBound]
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        XCTAssertTrue(text.contains(example), "README.md must contain the example of RedisReadmeExampleTests.swift verbatim")
    }
}
