// RedisServer: how it ends (SHUTDOWN, a routed SIGTERM, stop()), a port in use, and Redis's
// cron running while no client talks to it.

import Foundation
import Glibc
@testable import RedisHost
import XCTest

final class ServerLifecycleTests: XCTestCase {
    func testShutdownEndsTheServerAndClosesItsConnections() throws {
        let running = try RunningServer()
        let bystander = try running.connect()
        XCTAssertEqual(try bystander.call("PING"), .simpleString("PONG"))
        let client = try running.connect()
        try client.send("SHUTDOWN", "NOSAVE")
        guard case .success(let stop) = try XCTUnwrap(running.waitForEnd()) else { return XCTFail("run() threw") }
        XCTAssertEqual(stop, .shutdown(status: 0))
        XCTAssertEqual(try bystander.repliesUntilClosed(), [])
        XCTAssertFalse(running.redis.isUsable)
        XCTAssertThrowsError(try running.connect(), "still listening")
    }

    func testStopEndsTheServerAndRedisGoesOn() throws {
        let running = try RunningServer()
        let client = try running.connect()
        XCTAssertEqual(try client.call("SET", "k", "v"), .simpleString("OK"))
        running.stop()
        guard case .success(let stop) = try XCTUnwrap(running.waitForEnd()) else { return XCTFail("run() threw") }
        XCTAssertEqual(stop, .stopped)
        XCTAssertEqual(try client.repliesUntilClosed(), [])
        XCTAssertEqual(try running.redis.call("GET", "k"), bulk("v"), "the data outlives the server")
    }

    func testRoutedSIGTERMShutsRedisDown() throws {
        let running = try RunningServer()
        running.server.routeTerminationSignals()
        XCTAssertEqual(try running.connect().call("PING"), .simpleString("PONG"))
        raise(SIGTERM)
        guard case .success(let stop) = try XCTUnwrap(running.waitForEnd()) else { return XCTFail("run() threw") }
        XCTAssertEqual(stop, .shutdown(status: 0))
    }

    func testAPortInUseIsAClearError() throws {
        let running = try RunningServer()
        defer { running.stop() }
        XCTAssertThrowsError(try RedisServer(redis: try Redis(), host: "127.0.0.1", port: running.port)) { error in
            XCTAssertEqual(error as? RedisServerError,
                           .cannotListen(address: "127.0.0.1:\(running.port)", operation: "bind", errno: EADDRINUSE))
            XCTAssertEqual("\(error)", "Could not create server TCP listening socket 127.0.0.1:\(running.port): bind: Address already in use")
        }
        XCTAssertThrowsError(try RedisServer(redis: try Redis(), host: "no such host.invalid", port: 0)) { error in
            guard case .invalidBindAddress = error as? RedisServerError else { return XCTFail("\(error)") }
        }
    }

    func testKeysExpireWhileNoClientTalks() throws {
        let running = try RunningServer()
        defer { running.stop() }
        let client = try running.connect()
        for index in 0 ..< 20 {
            XCTAssertEqual(try client.call("SET", "short:\(index)", "v", "PX", "100"), .simpleString("OK"))
        }
        XCTAssertEqual(try client.call("SET", "long", "v", "EX", "100"), .simpleString("OK"))
        // Nothing reaches Redis for a while: only its cron (hz 10) can expire the keys.
        usleep(800_000)
        let stats = try XCTUnwrap(try client.call("INFO", "stats").string)
        XCTAssertTrue(stats.contains("\r\nexpired_keys:20\r\n"), stats)
        XCTAssertEqual(try client.call("DBSIZE"), .integer(1))
    }
}
