// The errors of the Redis API. Redis's own error replies are values (`RESPValue.error`);
// these are the failures around them.

import WasmRuntime

/// Why a `Redis` call or start-up failed.
public enum RedisError: Error, Sendable, CustomStringConvertible {
    /// Redis answered with an error reply (only thrown by `Redis.execute`; `call` returns it
    /// as `RESPValue.error`). The text starts with the error code: `ERR ...`, `WRONGTYPE ...`.
    case reply(String)
    /// The WebAssembly code trapped (a Redis panic ends in one). The instance is unusable
    /// from now on; the trap carries the guest's backtrace.
    case trapped(Trap)
    /// Redis called `proc_exit` (SHUTDOWN exits with 0, a fatal configuration error at
    /// start-up with 1, after printing the reason on standard error). The instance is
    /// unusable from now on.
    case exited(code: Int32)
    /// An earlier failure (trap, exit, host error) left this instance unusable; `reason`
    /// says which. Open a new `Redis` to continue.
    case unusable(reason: String)
    /// The module imports functions this host does not provide (`module.name` each): it was
    /// built with another Emscripten configuration than `make redis-wasm` uses.
    case unsupportedImports([String])
    /// The module lacks an export of the shim (wasm/shim.c) or broke its contract.
    case incompatibleModule(String)
    /// The guest's `malloc` could not provide a buffer of `bytes` for a request (the
    /// instance stays usable).
    case guestAllocationFailed(bytes: Int)
    /// Redis's reply could not be parsed as RESP (a bug in Redis or this host).
    case invalidReply(RESPProtocolError)
    /// `call`, `execute` or `pipeline` was given a command without a name.
    case emptyCommand
    /// The command produced no reply (`DEBUG SEGFAULT`, which cannot fault in WebAssembly).
    case noReply(command: String)

    public var description: String {
        switch self {
        case .reply(let message): "Redis error reply: \(message)"
        case .trapped(let trap): "Redis trapped: \(trap)"
        case .exited(let code): "Redis exited with status \(code)"
        case .unusable(let reason): "this Redis instance is unusable: \(reason)"
        case .unsupportedImports(let names): "redis.wasm imports what this host does not provide: \(names.joined(separator: ", "))"
        case .incompatibleModule(let message): "not a redis.wasm this host can run: \(message)"
        case .guestAllocationFailed(let bytes): "Redis could not allocate \(bytes) bytes for a request"
        case .invalidReply(let error): "invalid reply from Redis: \(error)"
        case .emptyCommand: "a command needs at least its name"
        case .noReply(let command): "\(command) produced no reply"
        }
    }
}
