// RedisServer: blocking commands wait without holding up the other connections, are served
// when another client writes the key, and time out on Redis's own schedule.

import Foundation
@testable import RedisHost
import XCTest

final class ServerBlockingTests: ServerTestCase {
    func testBlockingCommandsTimeOut() throws {
        let client = try running.connect()
        let commands: [[String]] = [
            ["BLPOP", "empty", "0.3"],
            ["BRPOP", "empty", "0.3"],
            ["BLMOVE", "empty", "dest", "LEFT", "RIGHT", "0.3"],
            ["BZPOPMIN", "emptyz", "0.3"],
            ["XREAD", "BLOCK", "300", "STREAMS", "emptys", "$"],
        ]
        for command in commands {
            let start = Date()
            try client.send(RESPRequest.encode(command))
            XCTAssertEqual(try client.reply(timeout: 5), .null, command.joined(separator: " "))
            let elapsed = secondsSince(start)
            // Redis checks timeouts in before-sleep and its cron (every 100 ms at hz 10).
            XCTAssertGreaterThanOrEqual(elapsed, 0.29, command[0])
            XCTAssertLessThan(elapsed, 2.0, command[0])
        }
    }

    func testBlockedClientDoesNotHoldUpOthersAndIsServedByThem() throws {
        let waiter = try running.connect()
        let other = try running.connect()
        try waiter.send("BLPOP", "queue", "10")
        try waitUntil { try self.blockedClients(via: other) == 1 }

        let start = Date()
        XCTAssertEqual(try other.call("PING"), .simpleString("PONG"))
        XCTAssertEqual(try other.call("SET", "unrelated", "1"), .simpleString("OK"))
        XCTAssertLessThan(secondsSince(start), 1.0, "the other connection waited for the blocked one")

        XCTAssertEqual(try other.call("RPUSH", "queue", "job"), .integer(1))
        XCTAssertEqual(try waiter.reply(timeout: 5), .array([bulk("queue"), bulk("job")]))
        XCTAssertEqual(try other.call("LLEN", "queue"), .integer(0))
        XCTAssertEqual(try blockedClients(via: other), 0)
    }

    func testEveryBlockingCommandIsServedByAnotherClient() throws {
        let waiter = try running.connect()
        let writer = try running.connect()
        let cases: [(block: [String], write: [String], expected: RESPValue)] = [
            (["BRPOP", "l1", "5"], ["LPUSH", "l1", "a"], .array([bulk("l1"), bulk("a")])),
            (["BLMOVE", "l2", "l2dest", "LEFT", "RIGHT", "5"], ["RPUSH", "l2", "b"], bulk("b")),
            (["BZPOPMIN", "z", "5"], ["ZADD", "z", "2", "m"], .array([bulk("z"), bulk("m"), bulk("2")])),
            (["XREAD", "BLOCK", "5000", "STREAMS", "s", "$"], ["XADD", "s", "7-1", "f", "v"],
             .array([.array([bulk("s"), .array([.array([bulk("7-1"), .array([bulk("f"), bulk("v")])])])])])),
        ]
        for (block, write, expected) in cases {
            try waiter.send(RESPRequest.encode(block))
            try waitUntil { try self.blockedClients(via: writer) == 1 }
            XCTAssertFalse(try writer.call(write, timeout: 5).isError)
            XCTAssertEqual(try waiter.reply(timeout: 5), expected, block.joined(separator: " "))
        }
        XCTAssertEqual(try writer.call("LRANGE", "l2dest", "0", "-1"), .array([bulk("b")]))
    }

    func testCommandsPipelinedAfterABlockingOneRunOnceItIsServed() throws {
        let waiter = try running.connect()
        let writer = try running.connect()
        var request = RESPRequest.encode(["BLPOP", "q", "5"])
        RESPRequest.append(["INCR", "after"], to: &request)
        try waiter.send(request)
        try waitUntil { try self.blockedClients(via: writer) == 1 }
        XCTAssertEqual(try writer.call("GET", "after"), .null, "INCR ran before BLPOP was served")
        XCTAssertEqual(try writer.call("RPUSH", "q", "x"), .integer(1))
        XCTAssertEqual(try waiter.reply(timeout: 5), .array([bulk("q"), bulk("x")]))
        XCTAssertEqual(try waiter.reply(timeout: 5), .integer(1))
    }

    func testAClientThatDisconnectsWhileBlockedIsForgotten() throws {
        var waiter: TestClient? = try running.connect()
        let writer = try running.connect()
        try waiter?.send("BLPOP", "q", "10")
        try waitUntil { try self.blockedClients(via: writer) == 1 }
        waiter = nil
        try waitUntil { try self.blockedClients(via: writer) == 0 }
        XCTAssertEqual(try writer.call("RPUSH", "q", "kept"), .integer(1))
        XCTAssertEqual(try writer.call("LLEN", "q"), .integer(1), "the element went to a client that had left")
    }

    private func blockedClients(via client: TestClient) throws -> Int {
        let text = try XCTUnwrap(try client.call("INFO", "clients").string)
        let line = try XCTUnwrap(text.split(separator: "\r\n").first { $0.hasPrefix("blocked_clients:") })
        return try XCTUnwrap(Int(line.dropFirst("blocked_clients:".count)))
    }
}
