// The server's event loop: redis-server's aeMain over poll(2), with the socket work on the
// host side and everything else in Redis. One iteration:
//   poll (until the next cron run at the latest) → accept new connections → read from
//   readable sockets into Redis (redis_client_feed runs their commands) → write to writable
//   sockets → serverCron when due → before-sleep (redis_client_events) → send the output it
//   reports and close the connections Redis closed.

import Glibc

/// One accepted connection and its Redis client.
struct ServerConnection {
    let fd: Int32
    let handle: Int32
    /// The socket was full: the rest of the output waits for POLLOUT.
    var waitsForWritable = false
}

final class ServerEventLoop {
    /// At most this many connections are accepted per iteration (redis-server:
    /// MAX_ACCEPTS_PER_CALL).
    private static let maxAcceptsPerIteration = 1000

    private let redis: Redis
    private let shim: ShimConnections
    private let listener: ListeningSocket
    private let wakeup: ServerWakeup
    private var connections: [Int32: ServerConnection] = [:]
    /// Accepting waits after running out of descriptors, until a connection closes.
    private var acceptPaused = false
    private let clock = ContinuousClock()
    private var nextCron: ContinuousClock.Instant
    /// Storage reused by every iteration.
    private var pollSet: [pollfd] = []
    private var pollHandles: [Int32] = []
    private var events: [ShimClientEvent] = []

    init(redis: Redis, shim: ShimConnections, listener: ListeningSocket, wakeup: ServerWakeup) {
        self.redis = redis
        self.shim = shim
        self.listener = listener
        self.wakeup = wakeup
        nextCron = clock.now
    }

    func run() throws -> RedisServerStop {
        defer { closeEverything() }
        do {
            while true {
                try waitForEvents()
                if try handleWakeup() { return .stopped }
                if pollSet[1].revents & Int16(POLLIN) != 0 { try acceptConnections() }
                try serviceSockets()
                if clock.now >= nextCron { nextCron = clock.now + (try redis.tick()) }
                try processEvents()
            }
        } catch RedisError.exited(let status) {
            return .shutdown(status: status)
        }
    }

    // MARK: Polling

    /// Polls the wake-up pipe, the listener and every connection until something happens or
    /// the cron is due.
    private func waitForEvents() throws {
        pollSet.removeAll(keepingCapacity: true)
        pollHandles.removeAll(keepingCapacity: true)
        pollSet.append(pollfd(fd: wakeup.readFD, events: Int16(POLLIN), revents: 0))
        pollSet.append(pollfd(fd: acceptPaused ? -1 : listener.fd, events: Int16(POLLIN), revents: 0))
        for connection in connections.values {
            let wanted = connection.waitsForWritable ? POLLIN | POLLOUT : POLLIN
            pollSet.append(pollfd(fd: connection.fd, events: Int16(wanted), revents: 0))
            pollHandles.append(connection.handle)
        }
        let timeout = max(0, milliseconds(until: nextCron))
        while poll(&pollSet, nfds_t(pollSet.count), Int32(clamping: timeout)) < 0 {
            guard errno == EINTR else { throw RedisServerError.system(call: "poll", errno: errno) }
        }
    }

    /// Handles stop requests and signals; true to stop.
    private func handleWakeup() throws -> Bool {
        guard pollSet[0].revents & Int16(POLLIN) != 0 else { return false }
        for byte in wakeup.drain() {
            if byte == ServerWakeup.stopByte { return true }
            try redis.withRunningInstance { _ in try shim.signal(Int32(byte)) }
            nextCron = clock.now  // the shutdown happens in serverCron
        }
        return false
    }

    // MARK: Connections

    private func acceptConnections() throws {
        for _ in 0 ..< Self.maxAcceptsPerIteration {
            let accepted: AcceptedConnection
            do {
                guard let connection = try listener.accept() else { return }
                accepted = connection
            } catch {
                // redis-server logs and goes on; out of descriptors, wait for one to close.
                log("Accepting client connection: \(error)")
                if case .system(_, let code) = error, code == EMFILE || code == ENFILE { acceptPaused = true }
                return
            }
            let handle = try redis.withRunningInstance { _ in
                try shim.connect(peer: accepted.peer, local: accepted.local, fd: accepted.fd)
            }
            guard let handle else {
                log("Cannot create a client for \(accepted.peer): the client table cannot grow")
                close(accepted.fd)
                continue
            }
            connections[handle] = ServerConnection(fd: accepted.fd, handle: handle)
        }
    }

    /// Reads from the readable sockets into Redis and writes to the writable ones.
    private func serviceSockets() throws {
        for (index, handle) in pollHandles.enumerated() {
            let revents = Int32(pollSet[index + 2].revents)
            guard revents != 0, let connection = connections[handle] else { continue }
            if revents & (POLLIN | POLLHUP | POLLERR) != 0 {
                let count = try redis.withRunningInstance { _ in
                    try shim.feed(handle) { buffer in
                        let count = recv(connection.fd, buffer.baseAddress, buffer.count, 0)
                        return count >= 0 ? count : -Int(errno)
                    }
                }
                // 0: the peer closed; an error other than "try again": the connection is gone.
                if count == 0 || (count < 0 && -count != Int(EAGAIN) && -count != Int(EINTR)) {
                    try drop(handle)
                    continue
                }
            }
            if revents & POLLOUT != 0 {
                try send(handle, output: nil)
            }
        }
    }

    /// Before-sleep: the clients that got output are sent it. A client Redis closed (QUIT,
    /// protocol error, CLIENT KILL, an output buffer limit...) is sent what its socket takes
    /// now, then closed, as redis-server closes the socket of a client it frees.
    private func processEvents() throws {
        try redis.withRunningInstance { _ in try shim.events(into: &events) }
        for event in events {
            guard let connection = connections[event.handle] else { continue }
            let closed = event.flags.contains(.closed)
            if closed || !connection.waitsForWritable {
                try send(event.handle, output: event.output)
            }
            if closed { try drop(event.handle) }
        }
    }

    /// Sends the client's output (`output` as reported by the last events, or nil to ask
    /// Redis for it) until it is all out or the socket is full.
    private func send(_ handle: Int32, output reported: ShimOutput?) throws {
        guard var connection = connections[handle] else { return }
        let gone = try redis.withRunningInstance { _ -> Bool in
            var output = try reported ?? shim.sent(handle, count: 0)
            while output.count > 0 {
                let count = try shim.withOutput(output) { bytes in
                    let count = Glibc.send(connection.fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
                    return count >= 0 ? count : -Int(errno)
                }
                if count > 0 {
                    output = try shim.sent(handle, count: count)
                } else if -count == Int(EAGAIN) || -count == Int(EWOULDBLOCK) {
                    connection.waitsForWritable = true
                    return false
                } else if -count != Int(EINTR) {
                    return true
                }
            }
            connection.waitsForWritable = false
            return false
        }
        connections[handle] = connection
        if gone { try drop(handle) }
    }

    /// Closes the socket and the client's handle (for a client Redis has not closed, as when
    /// its peer disconnects).
    private func drop(_ handle: Int32) throws {
        guard let connection = connections.removeValue(forKey: handle) else { return }
        close(connection.fd)
        acceptPaused = false
        try redis.withRunningInstance { _ in try shim.close(handle) }
    }

    private func closeEverything() {
        for connection in connections.values {
            close(connection.fd)
            _ = try? redis.withRunningInstance { _ in try shim.close(connection.handle) }
        }
        connections.removeAll()
        listener.close()
    }

    // MARK: Helpers

    private func milliseconds(until instant: ContinuousClock.Instant) -> Int64 {
        let (seconds, attoseconds) = (instant - clock.now).components
        return seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    }

    private func log(_ message: String) {
        let line = Array("wasm-redis: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
