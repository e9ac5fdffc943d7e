// RedisServer: pub/sub messages reach subscribers on other connections as they are
// published (RESP2 arrays, RESP3 pushes); a subscriber that does not read is disconnected by
// Redis's output buffer limit.

import Foundation
@testable import RedisHost
import XCTest

final class ServerPubSubTests: ServerTestCase {
    func testMessagesReachEverySubscriber() throws {
        let subscribers = try (0 ..< 3).map { _ in try running.connect() }
        for subscriber in subscribers {
            XCTAssertEqual(try subscriber.call("SUBSCRIBE", "news"), .array([bulk("subscribe"), bulk("news"), .integer(1)]))
        }
        let patterned = try running.connect()
        XCTAssertEqual(try patterned.call("PSUBSCRIBE", "n*"), .array([bulk("psubscribe"), bulk("n*"), .integer(1)]))

        let publisher = try running.connect()
        XCTAssertEqual(try publisher.call("PUBLISH", "news", "hello"), .integer(4))
        XCTAssertEqual(try publisher.call("PUBSUB", "NUMSUB", "news"), .array([bulk("news"), .integer(3)]))
        for subscriber in subscribers {
            XCTAssertEqual(try subscriber.reply(timeout: 5), .array([bulk("message"), bulk("news"), bulk("hello")]))
        }
        XCTAssertEqual(try patterned.reply(timeout: 5), .array([bulk("pmessage"), bulk("n*"), bulk("news"), bulk("hello")]))
        XCTAssertEqual(try publisher.call("PUBLISH", "other", "x"), .integer(0))
    }

    func testRESP3SubscribersGetPushes() throws {
        let subscriber = try running.connect()
        XCTAssertNotNil(try subscriber.call("HELLO", "3").map)
        XCTAssertEqual(try subscriber.call("SUBSCRIBE", "c"), .push([bulk("subscribe"), bulk("c"), .integer(1)]))
        let publisher = try running.connect()
        XCTAssertEqual(try publisher.call("PUBLISH", "c", "m1"), .integer(1))
        XCTAssertEqual(try subscriber.reply(timeout: 5), .push([bulk("message"), bulk("c"), bulk("m1")]))
        // In RESP3 a subscribed connection may still run commands.
        XCTAssertEqual(try subscriber.call("GET", "missing"), .null)
    }

    func testASubscriberThatDoesNotReadIsDisconnectedByTheOutputBufferLimit() throws {
        let publisher = try running.connect()
        XCTAssertEqual(try publisher.call("CONFIG", "SET", "client-output-buffer-limit", "pubsub 256kb 0 0"), .simpleString("OK"))
        let subscriber = try running.connect()
        XCTAssertEqual(try subscriber.call("SUBSCRIBE", "flood"), .array([bulk("subscribe"), bulk("flood"), .integer(1)]))
        let message = String(repeating: "m", count: 4096)
        var receivers: Int64 = 1
        var published = 0
        // The subscriber never reads: the kernel's buffers, then the connection's 64 KiB,
        // then Redis's reply list fill up, until Redis closes the client.
        while receivers == 1 && published < 50_000 {
            var batch: [UInt8] = []
            for _ in 0 ..< 100 { RESPRequest.append(["PUBLISH", "flood", message], to: &batch) }
            try publisher.send(batch)
            for _ in 0 ..< 100 { receivers = min(receivers, try publisher.reply(timeout: 10).int.map(Int64.init) ?? -1) }
            published += 100
        }
        XCTAssertEqual(receivers, 0, "still subscribed after \(published) messages of 4 KiB")
        // It got what fitted in the buffers, then Redis closed it.
        let received = try subscriber.repliesUntilClosed(timeout: 30)
        XCTAssertGreaterThan(received.count, 10)
        XCTAssertLessThan(received.count, published)
        XCTAssertEqual(received.first, .array([bulk("message"), bulk("flood"), bulk(message)]))
        let list = try XCTUnwrap(try publisher.call("CLIENT", "LIST").string)
        XCTAssertEqual(list.split(separator: "\n").count, 1, list)
    }
}
