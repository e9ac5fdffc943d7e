// The public client API of an embedded Redis: one redis.wasm instance, running in this
// process on the WasmRuntime interpreter, with no listener and one connection-like client.

import Foundation
import WasmRuntime

/// An embedded Redis 7.0.15: redis.wasm running in-process on this package's WebAssembly
/// interpreter, answering commands through a client API (no sockets).
///
/// ```swift
/// let redis = try Redis(RedisOptions(maxmemory: "64mb", maxmemoryPolicy: .allKeysLRU))
/// try redis.call("SET", "greeting", "hello")
/// let value = try redis.call("GET", "greeting")   // .bulkString(Array("hello".utf8))
/// ```
///
/// Commands run on one client, as if over one connection: its MULTI state, selected
/// database and protocol (RESP3 after `HELLO 3`) carry over from call to call. Error replies
/// are values (`RESPValue.error`); `execute` throws them as `RedisError.reply` instead.
///
/// Thread safety: `Redis` is a final class whose mutable state (the WebAssembly store, which
/// is not thread-safe, and the pending messages) is only touched with `lock` held, so every
/// method may be called from any thread or task; calls are serialised, each runs to
/// completion. That is why it is `@unchecked Sendable`. The API is synchronous: a call
/// holds its thread for the command's duration (microseconds to milliseconds).
///
/// Failures: if the guest traps (a Redis panic ends in one) or exits (`SHUTDOWN`), the call
/// throws `RedisError.trapped` / `.exited`, the host process goes on, and this instance
/// becomes unusable: its memory is released and every later call throws
/// `RedisError.unusable` with the reason.
///
/// Timers: Redis's cron (active expiry of keys nobody reads, incremental rehashing,
/// statistics) runs only when the host drives it: call `tick()` yourself, or `startCron()`.
public final class Redis: @unchecked Sendable {
    /// The options this instance was started with.
    public let options: RedisOptions
    /// The redis.wasm file it runs.
    public let wasmModulePath: String
    /// How long start-up took: reading, decoding and validating the module (skipped when
    /// another instance already loaded the same file), instantiating it, `_initialize` and
    /// `redis_init`.
    public let startupDuration: Duration

    let lock = NSLock()
    /// The running guest; nil once unusable. Guarded by `lock`.
    private var instance: RedisInstance?
    /// Why the instance is unusable. Guarded by `lock`.
    private var unusableReason: String?
    /// Out-of-band values received with replies. Guarded by `lock`.
    private var messages: [RESPValue] = []

    /// Starts Redis with `options`: finds redis.wasm (see `RedisWasmModule`), decodes and
    /// validates it (once per file and process), instantiates it and runs `redis_init` with
    /// the options' configuration.
    ///
    /// Throws `RedisOptionsError.wasmModuleNotFound` when there is no redis.wasm,
    /// `DecodingError` / `ValidationError` for a broken file, `RedisError.unsupportedImports`
    /// or `.incompatibleModule` for a module this host cannot run, and
    /// `RedisError.exited(code: 1)` for a configuration Redis rejects (it prints why on
    /// standard error).
    public convenience init(_ options: RedisOptions = RedisOptions()) throws {
        try self.init(options, storeLimits: StoreLimits())
    }

    /// Starts Redis in a store with the given limits (tests use a small call depth to make
    /// the guest trap).
    init(_ options: RedisOptions, storeLimits: StoreLimits) throws {
        let clock = ContinuousClock()
        let start = clock.now
        self.options = options
        wasmModulePath = try options.resolvedWasmModulePath()
        let module = try RedisModuleCache.module(atPath: wasmModulePath)
        let wasi = options.wasiConfiguration
        do {
            instance = try RedisInstance(module: module, configuration: options.configuration, wasi: wasi, limits: storeLimits)
        } catch {
            throw Self.failure(error).error
        }
        startupDuration = clock.now - start
    }

    /// Whether the instance still runs (no trap or exit so far).
    public var isUsable: Bool {
        lock.withLock { instance != nil }
    }

    // MARK: Commands

    /// Runs one command and returns its reply; an error reply is returned as
    /// `RESPValue.error`. `try redis.call("SET", "k", bytes)`: arguments are binary-safe.
    /// Throws only when the instance fails (`RedisError`).
    @discardableResult
    public func call(_ command: any RedisArgument, _ arguments: any RedisArgument...) throws -> RESPValue {
        try call([command] + arguments)
    }

    /// Runs one command given as an array of its name and arguments.
    @discardableResult
    public func call(_ command: [any RedisArgument]) throws -> RESPValue {
        guard !command.isEmpty else { throw RedisError.emptyCommand }
        let request = RESPRequest.encode(command.map(\.redisArgumentBytes))
        return try lock.withLock {
            var replies = try receive(request)
            guard !replies.isEmpty else { throw RedisError.noReply(command: Self.name(of: command)) }
            let reply = replies.removeFirst()
            // (UN)SUBSCRIBE with several channels answers once per channel.
            messages += replies
            return reply
        }
    }

    /// Like `call`, but throws an error reply as `RedisError.reply(message)`.
    @discardableResult
    public func execute(_ command: any RedisArgument, _ arguments: any RedisArgument...) throws -> RESPValue {
        try execute([command] + arguments)
    }

    /// Like `call(_:)` with an array, but throws an error reply as `RedisError.reply(message)`.
    @discardableResult
    public func execute(_ command: [any RedisArgument]) throws -> RESPValue {
        let reply = try call(command)
        if let message = reply.errorMessage { throw RedisError.reply(message) }
        return reply
    }

    /// Sends many commands at once (one request, as a pipelining client does) and returns
    /// their replies in order, error replies included. A `SUBSCRIBE`-family command with
    /// several channels contributes one reply per channel.
    public func pipeline(_ commands: [[any RedisArgument]]) throws -> [RESPValue] {
        var request: [UInt8] = []
        for command in commands {
            guard !command.isEmpty else { throw RedisError.emptyCommand }
            RESPRequest.append(command.map(\.redisArgumentBytes), to: &request)
        }
        return try lock.withLock { try receive(request) }
    }

    /// Feeds raw protocol bytes (RESP requests, or inline commands such as `PING\r\n`) to the
    /// client and returns the bytes Redis replied, unparsed: all replies of the complete
    /// commands in `request`. An incomplete command waits for the rest in a later call.
    public func callRaw(_ request: [UInt8]) throws -> [UInt8] {
        try lock.withLock { try withInstance { try $0.exec(request) } }
    }

    /// Takes the out-of-band values received so far: RESP3 pushes (pub/sub messages,
    /// client-tracking invalidations) that arrived with replies, and the extra replies of a
    /// `call` to a `SUBSCRIBE`-family command with several channels.
    public func takeMessages() -> [RESPValue] {
        lock.withLock {
            defer { messages = [] }
            return messages
        }
    }

    // MARK: Cron

    /// Runs Redis's timer work once: `serverCron` (active expiry, incremental rehashing,
    /// statistics, client timeouts) and the event loop's before-sleep work. Returns when it
    /// is due next (1 s / `hz`, 100 ms by default).
    @discardableResult
    public func tick() throws -> Duration {
        try lock.withLock { .milliseconds(try withInstance { try $0.tick() }) }
    }

    /// Calls `tick()` periodically, at the interval Redis asks for, until the returned task is
    /// cancelled, the instance is released or it becomes unusable. Optional: without it
    /// expired keys are still removed when read and by each command's fast expiry cycle, but
    /// keys nobody reads stay until a tick.
    @discardableResult
    public func startCron() -> Task<Void, Never> {
        Task.detached { [weak self] in
            while !Task.isCancelled, let interval = try? self?.tick() {
                try? await Task.sleep(for: interval)
            }
        }
    }

    // MARK: Internals

    /// The guest's C stack pointer, for leak checks.
    func guestStackPointer() throws -> UInt32 {
        try lock.withLock { try withInstance { try $0.stackPointer() } }
    }

    /// The size of the guest's linear memory in bytes (0 once unusable).
    var guestMemoryByteCount: Int {
        lock.withLock { instance?.memoryByteCount ?? 0 }
    }

    /// The guest's store, for checks that it is released.
    var guestStore: Store? {
        lock.withLock { instance?.store }
    }

    /// Sends `request` and parses every reply; out-of-band pushes go to `messages`. Call
    /// with `lock` held.
    private func receive(_ request: [UInt8]) throws -> [RESPValue] {
        let bytes = try withInstance { try $0.exec(request) }
        let values: [RESPValue]
        do {
            values = try RESPParser.parseComplete(bytes)
        } catch {
            throw RedisError.invalidReply(error)
        }
        var replies: [RESPValue] = []
        replies.reserveCapacity(values.count)
        for value in values {
            if Self.isOutOfBand(value) { messages.append(value) } else { replies.append(value) }
        }
        return replies
    }

    /// Runs `body` on the instance; a failure other than a refused allocation makes the
    /// instance unusable. Call with `lock` held.
    func withInstance<R>(_ body: (RedisInstance) throws -> R) throws -> R {
        guard let instance else { throw RedisError.unusable(reason: unusableReason ?? "unknown") }
        do {
            return try body(instance)
        } catch let error as RedisError {
            if case .guestAllocationFailed = error { throw error }
            throw markUnusable(error)
        } catch {
            throw markUnusable(error)
        }
    }

    private func markUnusable(_ error: any Error) -> any Error {
        let (mapped, reason) = Self.failure(error)
        instance = nil
        unusableReason = reason
        return mapped
    }

    /// The typed error for a failure inside the guest, and the reason later calls report.
    private static func failure(_ error: any Error) -> (error: any Error, reason: String) {
        switch error {
        case let trap as Trap: (RedisError.trapped(trap), "Redis trapped: \(trap)")
        case let exit as WASIExit: (RedisError.exited(code: exit.code), "Redis exited with status \(exit.code)")
        default: (error, "host error: \(error)")
        }
    }

    /// RESP3 pushes that are not replies: pub/sub messages and tracking invalidations.
    private static func isOutOfBand(_ value: RESPValue) -> Bool {
        guard case .push(let elements) = value.withoutAttributes, let kind = elements.first?.string else { return false }
        return ["message", "pmessage", "smessage", "invalidate"].contains(kind.lowercased())
    }

    private static func name(of command: [any RedisArgument]) -> String {
        String(decoding: command.first?.redisArgumentBytes ?? [], as: UTF8.self)
    }
}
