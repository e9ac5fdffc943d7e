// Helpers of the server tests: a RedisServer on a free loopback port, run on a thread of its
// own, and a minimal blocking RESP client over a real TCP socket.

import Foundation
import Glibc
@testable import RedisHost
import XCTest

/// A test case that starts a fresh server before each test and stops it after.
class ServerTestCase: XCTestCase {
    var running: RunningServer!

    override func setUpWithError() throws {
        running = try RunningServer()
    }

    override func tearDown() {
        running?.stop()
        running = nil
    }
}

/// A server on 127.0.0.1 and a port the system picked, running on its own thread.
final class RunningServer: @unchecked Sendable {
    let redis: Redis
    let server: RedisServer
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var outcome: Result<RedisServerStop, any Error>?

    var port: UInt16 { server.port }

    init(directives: [RedisConfigDirective] = []) throws {
        redis = try Redis(RedisOptions(directives: directives))
        server = try RedisServer(redis: redis, host: "127.0.0.1", port: 0)
        let thread = Thread { [self] in
            let result = Result { try server.run() }
            lock.withLock { outcome = result }
            finished.signal()
        }
        thread.start()
    }

    /// How `run()` ended, waiting at most `timeout` seconds for it; nil if it still runs.
    func waitForEnd(timeout: Double = 10) -> Result<RedisServerStop, any Error>? {
        guard finished.wait(timeout: .now() + timeout) == .success else { return nil }
        finished.signal()  // later calls see the end too
        return lock.withLock { outcome }
    }

    /// Stops the server (if it still runs) and waits for `run()` to return.
    func stop() {
        server.stop()
        _ = waitForEnd()
    }

    /// A new client connection.
    func connect() throws -> TestClient {
        try TestClient(port: port)
    }
}

/// A blocking RESP client on one TCP connection, with a deadline on every read.
final class TestClient {
    let fd: Int32
    private var parser = RESPParser()

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            close(fd)
            throw TestClientError.system("connect", errno)
        }
    }

    deinit { close(fd) }

    /// The local "127.0.0.1:port" of this connection (CLIENT LIST's addr).
    var localAddress: String { SocketAddress.format(SocketAddress.of(fd, peer: false)) }

    /// Sends raw bytes.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw TestClientError.system("send", errno) }
            offset += count
        }
    }

    /// Sends one command.
    func send(_ arguments: String...) throws {
        try send(RESPRequest.encode(arguments))
    }

    /// Sends one command and reads its reply.
    @discardableResult
    func call(_ arguments: String..., timeout: Double = 10) throws -> RESPValue {
        try call(arguments, timeout: timeout)
    }

    /// Sends one command given as an array and reads its reply.
    @discardableResult
    func call(_ arguments: [String], timeout: Double = 10) throws -> RESPValue {
        try send(RESPRequest.encode(arguments))
        return try reply(timeout: timeout)
    }

    /// The next reply; throws `TestClientError.timedOut` after `timeout` seconds and
    /// `.closed` when the server closes the connection first.
    func reply(timeout: Double = 10) throws -> RESPValue {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let value = try parser.next() { return value }
            try receive(until: deadline)
        }
    }

    /// Reads until the server closes the connection; returns the replies received before.
    func repliesUntilClosed(timeout: Double = 10) throws -> [RESPValue] {
        let deadline = Date().addingTimeInterval(timeout)
        var replies: [RESPValue] = []
        while true {
            while let value = try parser.next() { replies.append(value) }
            do {
                try receive(until: deadline)
            } catch TestClientError.closed {
                return replies
            }
        }
    }

    private func receive(until deadline: Date) throws {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { throw TestClientError.timedOut }
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(remaining * 1000) + 1) > 0 else { throw TestClientError.timedOut }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let count = recv(fd, &buffer, buffer.count, 0)
        if count == 0 { throw TestClientError.closed }
        if count < 0 {
            if errno == ECONNRESET { throw TestClientError.closed }
            throw TestClientError.system("recv", errno)
        }
        parser.feed(buffer[..<count])
    }
}

enum TestClientError: Error, Equatable {
    case timedOut
    case closed
    case system(String, Int32)
}

/// Seconds since `start`.
func secondsSince(_ start: Date) -> Double {
    Date().timeIntervalSince(start)
}
