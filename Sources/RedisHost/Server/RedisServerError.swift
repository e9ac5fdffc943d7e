// Why a RedisServer could not start or stopped with an error. Redis's own failures (a trap,
// an exit) are `RedisError`s; these are the host's socket errors.

import Glibc

/// A socket operation of the server failed.
public enum RedisServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The listening socket could not be set up: `operation` (`bind`, `listen`...) failed
    /// with `errno` on `address`. A port already in use is `bind` with `EADDRINUSE`.
    case cannotListen(address: String, operation: String, errno: Int32)
    /// `address` is not an address this host can resolve to listen on.
    case invalidBindAddress(address: String, reason: String)
    /// A system call of the event loop failed (`poll`, `pipe`...).
    case system(call: String, errno: Int32)

    public var description: String {
        switch self {
        case .cannotListen(let address, let operation, let code):
            // redis-server's wording (server.c listenToPort).
            return "Could not create server TCP listening socket \(address): \(operation): \(Self.message(code))"
        case .invalidBindAddress(let address, let reason):
            return "Invalid bind address '\(address)': \(reason)"
        case .system(let call, let code):
            return "\(call): \(Self.message(code))"
        }
    }

    /// `strerror(code)`.
    static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
