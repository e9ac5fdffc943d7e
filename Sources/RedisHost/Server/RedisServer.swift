// A RESP server over the platform's TCP sockets in front of an embedded Redis: what
// redis-server's networking does, so that redis-cli, redis-benchmark and client libraries
// talk to the embedded Redis unchanged. It lives in the library so that embedders can serve
// their `Redis` too; the wasm-redis executable's --serve mode is one such embedder.

import Foundation
import Glibc

/// Serves an embedded `Redis` over TCP with the Redis protocol.
///
/// ```swift
/// let redis = try Redis()
/// let server = try RedisServer(redis: redis, host: "127.0.0.1", port: 6379)
/// server.routeTerminationSignals()          // SIGINT / SIGTERM shut Redis down
/// let stop = try server.run()               // until SHUTDOWN, a signal or stop()
/// ```
///
/// Each connection is a client of its own inside Redis, as in redis-server: its own
/// database, MULTI state, user, name and protocol; listed by CLIENT LIST and INFO clients;
/// subject to `maxclients`, `client-query-buffer-limit`, `client-output-buffer-limit` and
/// `timeout`. Redis itself reads the requests (its protocol errors close the connection),
/// runs its event loop's before-sleep work after each round of reads (blocked clients
/// served, replies written, pub/sub messages delivered) and its cron at `hz` (key expiry,
/// blocked clients' timeouts), idle or not.
///
/// Concurrency: `run()` is a single-threaded event loop on `poll(2)`; it is the only thread
/// that touches the sockets, and it calls into Redis (which is not re-entrant) through the
/// `Redis` object's lock, so the embedder may still use `redis.call` from other threads (what
/// such a call sends to connected clients, a PUBLISH's messages say, goes out at the loop's
/// next iteration: within 1000 / `hz` ms). `stop()` may be called from any thread.
public final class RedisServer: @unchecked Sendable {
    /// The Redis it serves.
    public let redis: Redis
    /// The address it listens on, `ip:port` (`[ip]:port` for IPv6), with the actual port.
    public let address: String
    /// The port it listens on (the one the system chose when 0 was asked for).
    public let port: UInt16

    private let listener: ListeningSocket
    private let wakeup: ServerWakeup
    private let loop: ServerEventLoop
    private let runLock = NSLock()
    /// Whether `run()` was called. Guarded by `runLock`.
    private var started = false

    /// Listens on `host` and `port` (0: a free port, see `port`) right away, so that a port
    /// in use is reported here: `RedisServerError.cannotListen` (`bind`, `EADDRINUSE`).
    /// Throws `RedisError.incompatibleModule` for a redis.wasm without connection clients.
    public init(redis: Redis, host: String = "127.0.0.1", port: UInt16 = 6379, backlog: Int32 = 511) throws {
        let shim = try redis.withRunningInstance { try ShimConnections(instance: $0) }
        raiseDescriptorLimit()
        self.redis = redis
        wakeup = try ServerWakeup()
        listener = try ListeningSocket(host: host, port: port, backlog: backlog)
        address = listener.address
        self.port = listener.port
        loop = ServerEventLoop(redis: redis, shim: shim, listener: listener, wakeup: wakeup)
    }

    deinit {
        // `run()` closes it when it ends.
        if !started { listener.close() }
    }

    /// Serves until Redis shuts down (SHUTDOWN, or a signal after
    /// `routeTerminationSignals()`) or `stop()` is called, then closes every connection and
    /// the listening socket. Call it once.
    ///
    /// Throws what makes Redis unusable (`RedisError.trapped` with the guest's backtrace)
    /// and failures of the event loop's system calls (`RedisServerError.system`); the
    /// connections are closed then too.
    public func run() throws -> RedisServerStop {
        let first = runLock.withLock {
            defer { started = true }
            return !started
        }
        precondition(first, "RedisServer.run() may be called once")
        return try loop.run()
    }

    /// Makes `run()` return `.stopped` soon (thread-safe; Redis keeps running and may be
    /// served again by a new `RedisServer`).
    public func stop() {
        wakeup.requestStop()
    }

    /// From now on SIGINT and SIGTERM make Redis shut down as redis-server does on them (it
    /// logs the signal, then `run()` returns `.shutdown(status: 0)`), until this server is
    /// released. For a process that runs one server.
    public func routeTerminationSignals() {
        wakeup.routeTerminationSignals()
    }
}

/// How `RedisServer.run()` ended.
public enum RedisServerStop: Sendable, Equatable {
    /// `stop()` was called.
    case stopped
    /// Redis exited with `status`: 0 after SHUTDOWN or a routed SIGINT/SIGTERM.
    case shutdown(status: Int32)
}

/// Raises the soft limit on open descriptors to the hard limit (redis-server raises it for
/// `maxclients` too); without it a default of 1024 caps the connections.
private func raiseDescriptorLimit() {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
    limit.rlim_cur = limit.rlim_max
    _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
}
