// The shim's connection clients (wasm/shim.c: redis_client_connect, _feed, _events, _sent,
// _close, and redis_signal) for one running redis.wasm: real Redis clients whose sockets the
// host owns. Bytes move between the sockets and guest memory without a copy in Swift: reads
// land in a guest buffer, writes are sent from the guest's output buffers.

import WasmRuntime

/// A connection client that got output or was closed (one entry of `redis_client_events`).
struct ShimClientEvent {
    /// The client's handle.
    var handle: Int32
    /// `redis_client_flags` of the client.
    var flags: ShimClientFlags
    /// Where its unsent output starts in guest memory, and how long it is.
    var output: ShimOutput
}

/// A client's unsent output in guest memory: valid until the next call into the module,
/// except that `redis_client_sent` for one client leaves other clients' output in place.
struct ShimOutput {
    var address: UInt32
    var count: Int
}

/// `redis_client_flags` bits.
struct ShimClientFlags: OptionSet {
    let rawValue: Int32
    /// Redis closed the client: send the rest of its output, then close the handle.
    static let closed = ShimClientFlags(rawValue: 1)
    /// Waiting in a blocking command.
    static let blocked = ShimClientFlags(rawValue: 2)
    /// Subscribed to channels or patterns.
    static let subscribed = ShimClientFlags(rawValue: 4)
}

/// The connection-client exports of one `RedisInstance`, with the guest buffers they use.
/// Like the instance, not thread-safe: use it inside `Redis.withRunningInstance`.
final class ShimConnections {
    /// The guest buffer a read lands in: each read takes at most this many bytes.
    static let inputCapacity = 64 << 10
    /// Size of one `redis_client_events` entry: handle, flags, output address, output length.
    private static let eventSize = 16

    private let memory: Memory
    private let connectFunction: Function
    private let feedFunction: Function
    private let eventsFunction: Function
    private let sentFunction: Function
    private let closeFunction: Function
    private let signalFunction: Function
    /// Guest buffers: the read buffer, a `size_t` result cell, and the two address strings
    /// of `redis_client_connect` (NUL-terminated, at most `addressCapacity` bytes each).
    private let inputAddress: UInt32
    private let lengthCell: UInt32
    private let peerAddress: UInt32
    private let localAddress: UInt32
    private static let addressCapacity = 64

    /// Looks up the exports and allocates the guest buffers. Throws
    /// `RedisError.incompatibleModule` for a redis.wasm without connection clients.
    init(instance: RedisInstance) throws {
        func export(_ name: String) throws -> Function {
            guard let function = instance.instance.function(name) else {
                throw RedisError.incompatibleModule("no exported function \(name) (a redis.wasm built before connection clients?)")
            }
            return function
        }
        memory = instance.memory
        connectFunction = try export("redis_client_connect")
        feedFunction = try export("redis_client_feed")
        eventsFunction = try export("redis_client_events")
        sentFunction = try export("redis_client_sent")
        closeFunction = try export("redis_client_close")
        signalFunction = try export("redis_signal")
        inputAddress = try instance.allocate(Self.inputCapacity)
        lengthCell = try instance.allocate(4)
        peerAddress = try instance.allocate(Self.addressCapacity)
        localAddress = try instance.allocate(Self.addressCapacity)
    }

    /// A client for a connection the host accepted from `peer` on `local` ("ip:port"; socket
    /// descriptor `fd`, shown in CLIENT LIST). Returns its handle, or nil when the shim's
    /// client table cannot grow. Redis may refuse the client at once (maxclients, protected
    /// mode): the next `events()` then reports it closed, with the error as its output.
    func connect(peer: String, local: String, fd: Int32) throws -> Int32? {
        try writeString(peer, at: peerAddress)
        try writeString(local, at: localAddress)
        let handle = try connectFunction(.i32(peerAddress), .i32(localAddress), .i32(UInt32(bitPattern: fd))).first?.int32 ?? 0
        return handle > 0 ? handle : nil
    }

    /// Calls `read` with the guest's input buffer; when it returns a positive count, Redis
    /// reads that many bytes as from the client's socket and runs the complete commands.
    /// Returns what `read` returned (0 at end of file, -1 on error with `errno` set).
    func feed(_ handle: Int32, reading read: (UnsafeMutableRawBufferPointer) -> Int) throws -> Int {
        let count = try memory.withUnsafeMutableBytes(at: Int(inputAddress), count: Self.inputCapacity, read)
        if count > 0 {
            _ = try feedFunction(.i32(UInt32(bitPattern: handle)), .i32(inputAddress), .i32(UInt32(count)))
        }
        return count
    }

    /// Runs Redis's before-sleep work and returns the clients that got output or were
    /// closed since the last call; `events` is emptied first (its storage is reused).
    func events(into events: inout [ShimClientEvent]) throws {
        events.removeAll(keepingCapacity: true)
        guard case .i32(let table) = try eventsFunction(.i32(lengthCell)).first, table != 0 else {
            throw RedisError.incompatibleModule("redis_client_events returned no table")
        }
        let count = Int(try readUInt32(at: lengthCell))
        guard count > 0 else { return }
        try memory.withUnsafeBytes(at: Int(table), count: count * Self.eventSize) { bytes in
            for index in 0 ..< count {
                let entry = index * Self.eventSize
                func word(_ offset: Int) -> UInt32 { bytes.loadUnaligned(fromByteOffset: entry + offset, as: UInt32.self).littleEndian }
                events.append(ShimClientEvent(handle: Int32(bitPattern: word(0)),
                                              flags: ShimClientFlags(rawValue: Int32(bitPattern: word(4))),
                                              output: ShimOutput(address: word(8), count: Int(word(12)))))
            }
        }
    }

    /// Calls `send` with the bytes of `output` (a client's unsent output); returns what it
    /// returned (-1 with `errno` set on error). Does not call into the module.
    func withOutput(_ output: ShimOutput, _ send: (UnsafeRawBufferPointer) -> Int) throws -> Int {
        try memory.withUnsafeBytes(at: Int(output.address), count: output.count, send)
    }

    /// Tells Redis that the first `count` bytes of the client's output were sent (0 to only
    /// ask); Redis may write more now. Returns the output still to send.
    func sent(_ handle: Int32, count: Int) throws -> ShimOutput {
        guard case .i32(let address) = try sentFunction(.i32(UInt32(bitPattern: handle)), .i32(UInt32(count)), .i32(lengthCell)).first,
              address != 0 else {
            throw RedisError.incompatibleModule("redis_client_sent refused handle \(handle) with \(count) bytes sent")
        }
        return ShimOutput(address: address, count: Int(try readUInt32(at: lengthCell)))
    }

    /// Closes the handle: when Redis has not closed the client yet, as if its peer
    /// disconnected.
    func close(_ handle: Int32) throws {
        _ = try closeFunction(.i32(UInt32(bitPattern: handle)))
    }

    /// Passes SIGINT or SIGTERM to Redis, which schedules a shutdown for its next cron run.
    func signal(_ number: Int32) throws {
        _ = try signalFunction(.i32(UInt32(bitPattern: number)))
    }

    private func writeString(_ text: String, at address: UInt32) throws {
        let bytes = Array(text.utf8.prefix(Self.addressCapacity - 1)) + [0]
        try memory.write(bytes, at: Int(address))
    }

    private func readUInt32(at address: UInt32) throws -> UInt32 {
        try memory.withUnsafeBytes(at: Int(address), count: 4) { $0.loadUnaligned(as: UInt32.self).littleEndian }
    }
}
