// RedisServer: bad input gets Redis's own protocol error and only that connection is closed;
// maxclients and client-query-buffer-limit are enforced as in redis-server.

import Foundation
@testable import RedisHost
import XCTest

final class ServerProtocolTests: ServerTestCase {
    func testMalformedRequestsGetRedisProtocolErrorsAndTheirConnectionClosed() throws {
        let bystander = try running.connect()
        XCTAssertEqual(try bystander.call("SET", "k", "v"), .simpleString("OK"))
        let cases: [(request: String, error: String)] = [
            ("*1\r\n$-5\r\n", "ERR Protocol error: invalid bulk length"),
            ("*2\r\n$3\r\nGET\r\n$999999999999\r\n", "ERR Protocol error: invalid bulk length"),
            ("*1\r\n$4\r\nPING\r\n*99999999999\r\n", "ERR Protocol error: invalid multibulk length"),
            ("*1\r\nfoo\r\n", "ERR Protocol error: expected '$', got 'f'"),
            ("\"unbalanced\r\n", "ERR Protocol error: unbalanced quotes in request"),
            ("PING " + String(repeating: "x", count: 70_000), "ERR Protocol error: too big inline request"),
        ]
        for (request, error) in cases {
            let client = try running.connect()
            try client.send(Array(request.utf8))
            let replies = try client.repliesUntilClosed(timeout: 10)
            XCTAssertEqual(replies.last, .error(error), request.prefix(40).debugDescription)
            XCTAssertEqual(try bystander.call("GET", "k"), bulk("v"))
        }
        // A valid command before the bad one is still answered.
        let client = try running.connect()
        try client.send(Array("*1\r\n$4\r\nPING\r\n*1\r\n$-5\r\n".utf8))
        XCTAssertEqual(try client.repliesUntilClosed(), [.simpleString("PONG"), .error("ERR Protocol error: invalid bulk length")])
    }

    func testGarbageBytesAndDisconnectsMidCommandLeaveTheServerServing() throws {
        let bystander = try running.connect()
        var generator = SystemRandomNumberGenerator()
        for _ in 0 ..< 10 {
            let client = try running.connect()
            try client.send((0 ..< 4096).map { _ in UInt8.random(in: 0 ... 255, using: &generator) })
        }
        for partial in ["*3\r\n$3\r\nSET\r\n$1\r\nk\r\n", "*2\r\n$3\r\nGET\r\n$100\r\nabc", "*5\r\n"] {
            let client = try running.connect()
            try client.send(Array(partial.utf8))
        }
        // The clients above are gone (closed when their TestClient was released).
        try waitUntil { try self.connectedClients(via: bystander) == 1 }
        XCTAssertEqual(try bystander.call("PING"), .simpleString("PONG"))
        XCTAssertEqual(try bystander.call("DBSIZE"), .integer(0), "a partial SET ran")
    }

    func testQueryBufferLimitClosesTheClient() throws {
        let admin = try running.connect()
        XCTAssertEqual(try admin.call("CONFIG", "SET", "client-query-buffer-limit", "1mb"), .simpleString("OK"))
        let greedy = try running.connect()
        // An argument that never ends: its bytes stay in the query buffer.
        try greedy.send(Array("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$4000000\r\n".utf8) + [UInt8](repeating: 0x61, count: 2 << 20))
        XCTAssertEqual(try greedy.repliesUntilClosed(timeout: 10), [])
        XCTAssertEqual(try admin.call("EXISTS", "k"), .integer(0))
        XCTAssertEqual(try connectedClients(via: admin), 1)
    }

    func testMaxclientsRefusesTheConnectionsPastTheLimit() throws {
        let admin = try running.connect()
        let second = try running.connect()
        XCTAssertEqual(try second.call("PING"), .simpleString("PONG"))
        XCTAssertEqual(try admin.call("CONFIG", "SET", "maxclients", "2"), .simpleString("OK"))
        let refused = try running.connect()
        XCTAssertEqual(try refused.repliesUntilClosed(), [.error("ERR max number of clients reached")])
        let stats = try XCTUnwrap(try admin.call("INFO", "stats").string)
        XCTAssertTrue(stats.contains("rejected_connections:1\r\n"), stats)
        XCTAssertEqual(try second.call("PING"), .simpleString("PONG"), "the second client was let go")
        XCTAssertEqual(try admin.call("CONFIG", "SET", "maxclients", "10"), .simpleString("OK"))
        XCTAssertEqual(try running.connect().call("PING"), .simpleString("PONG"))
    }

    func testClientKillClosesTheOtherConnection() throws {
        let admin = try running.connect()
        let victim = try running.connect()
        XCTAssertEqual(try victim.call("CLIENT", "SETNAME", "victim"), .simpleString("OK"))
        let id = try XCTUnwrap(try victim.call("CLIENT", "ID").int)
        XCTAssertEqual(try admin.call("CLIENT", "KILL", "ID", String(id)), .integer(1))
        XCTAssertEqual(try victim.repliesUntilClosed(), [])
        XCTAssertEqual(try connectedClients(via: admin), 1)
    }

    func testQuitAnswersThenCloses() throws {
        let client = try running.connect()
        try client.send(Array("*1\r\n$4\r\nQUIT\r\n*1\r\n$4\r\nPING\r\n".utf8))
        XCTAssertEqual(try client.repliesUntilClosed(), [.simpleString("OK")])
    }

    private func connectedClients(via client: TestClient) throws -> Int {
        let text = try XCTUnwrap(try client.call("INFO", "clients").string)
        let line = try XCTUnwrap(text.split(separator: "\r\n").first { $0.hasPrefix("connected_clients:") })
        return try XCTUnwrap(Int(line.dropFirst("connected_clients:".count)))
    }
}
