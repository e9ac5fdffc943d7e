// RedisServer: every connection is a Redis client of its own (database, MULTI, user, name,
// protocol), listed by CLIENT LIST and INFO clients; pipelining and large values.

import Foundation
@testable import RedisHost
import XCTest

final class ServerConnectionTests: ServerTestCase {
    func testEachConnectionHasItsOwnDatabaseTransactionNameAndProtocol() throws {
        let a = try running.connect()
        let b = try running.connect()
        XCTAssertEqual(try a.call("SELECT", "3"), .simpleString("OK"))
        XCTAssertEqual(try a.call("SET", "k", "in-3"), .simpleString("OK"))
        XCTAssertEqual(try b.call("GET", "k"), .null, "b is still in database 0")

        XCTAssertEqual(try a.call("CLIENT", "SETNAME", "alpha"), .simpleString("OK"))
        XCTAssertEqual(try a.call("CLIENT", "GETNAME"), bulk("alpha"))
        XCTAssertEqual(try b.call("CLIENT", "GETNAME"), .null)

        XCTAssertEqual(try a.call("MULTI"), .simpleString("OK"))
        XCTAssertEqual(try a.call("INCR", "n"), .simpleString("QUEUED"))
        XCTAssertEqual(try b.call("INCR", "n"), .integer(1), "b is not in a's transaction")
        XCTAssertEqual(try a.call("EXEC"), .array([.integer(1)]), "a's n is in database 3")

        XCTAssertNotNil(try b.call("HELLO", "3").map)
        XCTAssertEqual(try b.call("HGETALL", "none"), .map([]))
        XCTAssertEqual(try a.call("HGETALL", "none"), .array([]), "a still speaks RESP2")
    }

    func testEachConnectionAuthenticatesOnItsOwn() throws {
        let admin = try running.connect()
        XCTAssertEqual(try admin.call("ACL", "SETUSER", "reader", "on", ">secret", "~*", "+get"), .simpleString("OK"))
        let reader = try running.connect()
        XCTAssertEqual(try reader.call("AUTH", "reader", "secret"), .simpleString("OK"))
        XCTAssertEqual(try reader.call("ACL", "WHOAMI").errorMessage?.hasPrefix("NOPERM"), true)
        XCTAssertEqual(try reader.call("SET", "k", "v").errorMessage?.hasPrefix("NOPERM"), true)
        XCTAssertEqual(try admin.call("ACL", "WHOAMI"), bulk("default"))
        XCTAssertEqual(try admin.call("SET", "k", "v"), .simpleString("OK"))
        XCTAssertEqual(try reader.call("GET", "k"), bulk("v"))
    }

    func testClientListAndInfoClientsShowTheConnections() throws {
        let clients = try (0 ..< 3).map { _ in try running.connect() }
        for (index, client) in clients.enumerated() {
            XCTAssertEqual(try client.call("CLIENT", "SETNAME", "c\(index)"), .simpleString("OK"))
        }
        let list = try XCTUnwrap(try clients[0].call("CLIENT", "LIST").string)
        let lines = list.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, list)
        for (index, client) in clients.enumerated() {
            let line = try XCTUnwrap(lines.first { $0.contains(" name=c\(index) ") }, list)
            XCTAssertTrue(line.contains(" addr=\(client.localAddress) "), "\(line) lacks the client's address")
            XCTAssertTrue(line.contains(" laddr=127.0.0.1:\(running.port) "), String(line))
            XCTAssertTrue(line.contains(" fd=") && !line.contains(" fd=-1 "), String(line))
        }
        XCTAssertEqual(try infoField("connected_clients", via: clients[0]), 3)
    }

    func testAClosedConnectionIsNoLongerAClient() throws {
        let staying = try running.connect()
        var leaving: TestClient? = try running.connect()
        XCTAssertEqual(try leaving?.call("PING"), .simpleString("PONG"))
        XCTAssertEqual(try infoField("connected_clients", via: staying), 2)
        leaving = nil  // closes the socket
        try waitUntil { try self.infoField("connected_clients", via: staying) == 1 }
        XCTAssertEqual(try infoField("total_connections_received", via: staying), 2)
    }

    func testPipelinedRequestsAreAnsweredInOrder() throws {
        let client = try running.connect()
        var request: [UInt8] = []
        for _ in 0 ..< 2000 { RESPRequest.append(["INCR", "counter"], to: &request) }
        try client.send(request)
        for expected in 1 ... 2000 {
            XCTAssertEqual(try client.reply(), .integer(Int64(expected)))
        }
    }

    func testLargeRequestsAndRepliesCrossTheSocketWhole() throws {
        let client = try running.connect()
        let value = (0 ..< (6 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 13) }
        try client.send(RESPRequest.encode([Array("SET".utf8), Array("big".utf8), value]))
        XCTAssertEqual(try client.reply(timeout: 60), .simpleString("OK"))
        XCTAssertEqual(try client.call("GET", "big", timeout: 60), .bulkString(value))

        var push: [UInt8] = []
        RESPRequest.append(["RPUSH", "list"] + (0 ..< 30000).map(String.init), to: &push)
        try client.send(push)
        XCTAssertEqual(try client.reply(timeout: 60), .integer(30000))
        let range = try XCTUnwrap(try client.call("LRANGE", "list", "0", "-1", timeout: 60).array)
        XCTAssertEqual(range.count, 30000)
        XCTAssertEqual(range.last, bulk("29999"))
    }

    func testManyConcurrentConnections() throws {
        let clients = try (0 ..< 60).map { _ in try running.connect() }
        for (index, client) in clients.enumerated() { try client.send("SET", "key:\(index)", "value:\(index)") }
        for client in clients { XCTAssertEqual(try client.reply(), .simpleString("OK")) }
        for (index, client) in clients.reversed().enumerated() {
            XCTAssertEqual(try client.call("GET", "key:\(clients.count - 1 - index)"), bulk("value:\(clients.count - 1 - index)"))
        }
        XCTAssertEqual(try infoField("connected_clients", via: clients[0]), 60)
    }

    // MARK: Helpers

    private func infoField(_ name: String, via client: TestClient) throws -> Int {
        let text = try XCTUnwrap(try client.call("INFO").string)
        let line = try XCTUnwrap(text.split(separator: "\r\n").first { $0.hasPrefix(name + ":") }, "no \(name) in INFO")
        return try XCTUnwrap(Int(line.dropFirst(name.count + 1)))
    }
}

/// Polls `condition` for up to `timeout` seconds.
func waitUntil(timeout: Double = 5, _ condition: () throws -> Bool) throws {
    let start = Date()
    while try !condition() {
        guard secondsSince(start) < timeout else { return XCTFail("condition not met within \(timeout) s") }
        usleep(20_000)
    }
}
