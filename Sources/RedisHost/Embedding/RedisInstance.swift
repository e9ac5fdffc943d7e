// One running redis.wasm: its store, its instance, and the shim's exports (wasm/shim.c) the
// host calls. Start-up follows the shim's contract: `_initialize` once (the reactor's
// constructors), then `redis_init(config)`; requests go to the default client (handle 1)
// through `redis_client_exec`, whose reply stays in the module's memory until the next call.

import Glibc
import WasmCore
import WasmRuntime

/// A started redis.wasm instance. Not thread-safe (neither is its `Store`): `Redis` serialises
/// every use. Errors from its methods other than `RedisError.guestAllocationFailed` mean the
/// guest is in an unknown state; `Redis` then stops using it.
final class RedisInstance {
    /// The shim's default client, opened by redis_init.
    private static let defaultClient: Int32 = 1
    /// `redis_client_flags` bits (wasm/shim.c).
    private static let clientClosed: Int32 = 1
    private static let clientBlocked: Int32 = 2
    /// Requests up to this size reuse one buffer in guest memory; a bigger one gets a buffer
    /// of its own, freed after the call, so a rare huge request does not stay allocated.
    private static let keptRequestCapacity = 64 << 10

    let store: Store
    let instance: Instance
    let memory: Memory
    private let clientExec: Function
    private let clientFlags: Function
    private let clientOpen: Function
    private let clientClose: Function
    private let clientTimeout: Function
    private let cronTick: Function
    private let malloc: Function
    private let free: Function
    private let stackSave: Function

    /// The request buffer kept in guest memory (`keptRequestCapacity` bytes).
    private var requestAddress: UInt32 = 0
    /// A `size_t` (4 bytes in wasm32) where `redis_client_exec` writes the reply length.
    private var lengthCell: UInt32 = 0

    /// Instantiates `module` in a store with `limits` and starts Redis with the redis.conf text `configuration`
    /// (applied after the shim's embedded defaults, so it wins). Throws what instantiation
    /// throws (`LinkError`, `Trap`), `RedisError.unsupportedImports` /
    /// `.incompatibleModule` for a module that is not a redis.wasm this host can run, and
    /// `WASIExit` when Redis exits during start-up (a configuration error: its message went to
    /// standard error).
    init(module: ValidatedModule, configuration: String, wasi: WASIConfiguration, limits: StoreLimits) throws {
        let store = Store(limits: limits)
        let imports = try RedisImports(for: module.module, store: store, wasi: wasi)
        let instance = try store.instantiate(module, imports: imports.imports)
        try EmscriptenSetjmp.checkExports(of: instance)
        func export(_ name: String) throws -> Function {
            guard let function = instance.function(name) else { throw RedisError.incompatibleModule("no exported function \(name)") }
            return function
        }
        guard let memory = instance.memory("memory") else { throw RedisError.incompatibleModule("no exported memory") }
        self.store = store
        self.instance = instance
        self.memory = memory
        clientExec = try export("redis_client_exec")
        clientFlags = try export("redis_client_flags")
        clientOpen = try export("redis_client_open")
        clientClose = try export("redis_client_close")
        clientTimeout = try export("redis_client_timeout")
        cronTick = try export("redis_tick")
        malloc = try export("malloc")
        free = try export("free")
        stackSave = try export("stackSave")

        try export("_initialize").call([])
        let text = Array(configuration.utf8) + [0]
        let configAddress = try allocate(text.count)
        try memory.write(text, at: Int(configAddress))
        let status = try export("redis_init")(.i32(configAddress))
        try free(.i32(configAddress))
        guard status.first?.int32 == 0 else { throw RedisError.incompatibleModule("redis_init returned \(status)") }
        lengthCell = try allocate(4)
        requestAddress = try allocate(Self.keptRequestCapacity)
    }

    /// Feeds `request` (RESP or inline commands, complete or not) to the default client and
    /// returns the bytes Redis replied. An empty request only collects what arrived meanwhile
    /// (pub/sub messages). When Redis closed the client (QUIT, a protocol error), the reply
    /// is returned and a fresh default client takes its place, like a reconnect.
    ///
    /// A command that blocks the client (BLPOP on an empty list...) gets the reply it would
    /// get on timeout at once: this host has one client, so nothing else could ever serve it,
    /// and waiting would only delay that reply (or hang, for a timeout of 0). Redis does the
    /// same for blocking commands inside MULTI and scripts.
    func exec(_ request: [UInt8]) throws -> [UInt8] {
        let large = request.count > Self.keptRequestCapacity
        let address = large ? try allocate(request.count) : requestAddress
        defer { if large { _ = try? free(.i32(address)) } }
        try memory.write(request, at: Int(address))

        var reply = try exec(address: address, count: request.count)
        var flags = try onDefaultClient(clientFlags)
        while flags >= 0, flags & Self.clientBlocked != 0 {
            // Blocked on keys or in WAIT: time it out now. Else (CLIENT PAUSE) the wait ends
            // by itself: give it a moment.
            if try onDefaultClient(clientTimeout) != 1 { usleep(1000) }
            reply += try exec(address: address, count: 0)
            flags = try onDefaultClient(clientFlags)
        }
        if flags >= 0, flags & Self.clientClosed != 0 {
            _ = try onDefaultClient(clientClose)
            try openDefaultClient()
        }
        return reply
    }

    /// `redis_client_exec(default client, address, count, &length)`: the reply, copied out.
    private func exec(address: UInt32, count: Int) throws -> [UInt8] {
        let result = try clientExec(.i32(UInt32(bitPattern: Self.defaultClient)), .i32(address), .i32(UInt32(count)), .i32(lengthCell))
        guard case .i32(let replyAddress) = result.first, replyAddress != 0 else {
            throw RedisError.incompatibleModule("redis_client_exec returned no reply buffer")
        }
        let length = try readUInt32(at: lengthCell)
        return try memory.read(at: Int(replyAddress), count: Int(length))
    }

    /// Calls a `redis_client_*(handle)` export on the default client; its i32 result (0 for
    /// none).
    private func onDefaultClient(_ function: Function) throws -> Int32 {
        try function(.i32(UInt32(bitPattern: Self.defaultClient))).first?.int32 ?? 0
    }

    /// Opens a new default client after Redis closed the old one.
    private func openDefaultClient() throws {
        let handle = try clientOpen().first?.int32
        guard handle == Self.defaultClient else {
            throw RedisError.incompatibleModule("redis_client_open returned \(handle.map(String.init) ?? "nothing"), not the default client")
        }
    }

    /// Runs Redis's timer work once (serverCron, then the before-sleep work); returns the
    /// milliseconds until it is due again (1000 / hz).
    func tick() throws -> Int {
        Int(try cronTick().first?.int32 ?? 100)
    }

    /// The guest's C stack pointer (`stackSave()`).
    func stackPointer() throws -> UInt32 {
        guard case .i32(let pointer) = try stackSave().first else { throw RedisError.incompatibleModule("stackSave returned no i32") }
        return pointer
    }

    /// The size of the guest's linear memory in bytes.
    var memoryByteCount: Int { memory.byteCount }

    /// `malloc(size)` in the guest; throws `RedisError.guestAllocationFailed` when it returns 0.
    func allocate(_ size: Int) throws -> UInt32 {
        guard size <= Int(UInt32.max), case .i32(let address) = try malloc(.i32(UInt32(size))).first, address != 0 else {
            throw RedisError.guestAllocationFailed(bytes: size)
        }
        return address
    }

    private func readUInt32(at address: UInt32) throws -> UInt32 {
        try memory.withUnsafeBytes(at: Int(address), count: 4) { $0.loadUnaligned(as: UInt32.self).littleEndian }
    }
}
