import WasmRuntime

/// How to start an embedded Redis: memory limit, eviction policy, further redis.conf
/// directives, and which redis.wasm to run.
///
/// ```swift
/// var options = try RedisOptions(maxmemory: "128mb", maxmemoryPolicy: .allKeysLRU)
/// options.directives.append(RedisConfigDirective("hz", "50"))
/// ```
///
/// The guest starts from its built-in defaults (`port 0`, `save ""`, `appendonly no`,
/// `io-threads 1`, `maxmemory 256mb`, `maxmemory-policy noeviction`, `loglevel warning`),
/// then applies ``configuration``.
public struct RedisOptions: Sendable, Hashable {
    /// 256 MiB, the default memory limit.
    public static let defaultMaxmemory: UInt64 = 256 << 20

    /// The memory limit in bytes (redis.conf `maxmemory`); 0 means no limit. The guest's
    /// 32-bit address space holds at most 4 GiB, data and overhead included.
    public var maxmemory: UInt64
    /// What happens when a write would pass ``maxmemory``.
    public var maxmemoryPolicy: MaxmemoryPolicy
    /// Further redis.conf directives, applied after ``maxmemory`` and ``maxmemoryPolicy``
    /// and in order: as in redis.conf, a later line for the same setting wins, so a
    /// `maxmemory` directive here overrides the property.
    public var directives: [RedisConfigDirective]
    /// The redis.wasm to run; nil to find it as ``RedisWasmModule`` describes.
    public var wasmModulePath: String?
    /// The host directory Redis keeps its files in (`dump.rdb`, the AOF), which must exist;
    /// nil for none (no persistence: every file operation of the guest fails). The guest sees
    /// it as ``dataDirectoryGuestPath`` (its `dir`) and can reach nothing outside it: WASI
    /// path resolution refuses absolute paths, `..` and symbolic links leading out.
    ///
    /// Redis saves when told to (`SAVE`, `BGSAVE`, `BGREWRITEAOF`: all done before they
    /// answer, there being no fork), on the `save` points of ``directives`` (none by default)
    /// when the cron runs, at `SHUTDOWN` when there are save points, and after every write
    /// with `appendonly yes`. Dropping a ``Redis`` saves nothing.
    public var dataDirectory: String?

    /// Where the guest sees ``dataDirectory``.
    public static let dataDirectoryGuestPath = "/data"

    /// Options with a memory limit in bytes (default 256 MiB) and `noeviction`.
    public init(maxmemory: UInt64 = defaultMaxmemory, maxmemoryPolicy: MaxmemoryPolicy = .noEviction,
                directives: [RedisConfigDirective] = [], wasmModulePath: String? = nil, dataDirectory: String? = nil) {
        self.maxmemory = maxmemory
        self.maxmemoryPolicy = maxmemoryPolicy
        self.directives = directives
        self.wasmModulePath = wasmModulePath
        self.dataDirectory = dataDirectory
    }

    /// Options with a memory limit in Redis's size syntax (`"128mb"`, `"1gb"`, `"100k"`;
    /// see ``MemorySize/bytes(_:)``).
    ///
    /// - Throws: ``RedisOptionsError/invalidMemorySize(_:)``.
    public init(maxmemory: String, maxmemoryPolicy: MaxmemoryPolicy = .noEviction,
                directives: [RedisConfigDirective] = [], wasmModulePath: String? = nil,
                dataDirectory: String? = nil) throws(RedisOptionsError) {
        self.init(maxmemory: try MemorySize.bytes(maxmemory), maxmemoryPolicy: maxmemoryPolicy,
                  directives: directives, wasmModulePath: wasmModulePath, dataDirectory: dataDirectory)
    }

    /// The redis.conf text handed to the guest's `redis_init`: `maxmemory <bytes>`,
    /// `maxmemory-policy <name>`, `dir /data` when there is a ``dataDirectory``, then
    /// ``directives``, one per line, each line ending in
    /// LF, values quoted as Redis's config parser expects (``RedisConfigDirective/line``).
    /// The text never contains a NUL byte (a NUL in a value is written `\x00`).
    public var configuration: String {
        let directory = dataDirectory.map { _ in RedisConfigDirective("dir", Self.dataDirectoryGuestPath) }
        let lines = [RedisConfigDirective("maxmemory", String(maxmemory)),
                     RedisConfigDirective("maxmemory-policy", maxmemoryPolicy.configName)] + (directory.map { [$0] } ?? [])
            + directives
        return lines.map { $0.line + "\n" }.joined()
    }

    /// What the guest's WASI sees: its program name and, with a ``dataDirectory``, that
    /// directory preopened as ``dataDirectoryGuestPath`` (descriptor 3).
    var wasiConfiguration: WASIConfiguration {
        WASIConfiguration(arguments: ["redis-server"],
                          preopens: dataDirectory.map { [(hostPath: $0, guestPath: Self.dataDirectoryGuestPath)] } ?? [])
    }

    /// The redis.wasm to run: ``wasmModulePath`` if set (it must exist), else the first
    /// module ``RedisWasmModule/locate(environment:currentDirectory:executablePath:)`` finds.
    ///
    /// - Throws: ``RedisOptionsError/wasmModuleNotFound(searched:)``.
    public func resolvedWasmModulePath() throws(RedisOptionsError) -> String {
        guard let wasmModulePath else { return try RedisWasmModule.locate() }
        guard RedisWasmModule.isFile(wasmModulePath) else { throw .wasmModuleNotFound(searched: [wasmModulePath]) }
        return wasmModulePath
    }
}

extension MaxmemoryPolicy {
    /// The policy a redis.conf name stands for, throwing for an unknown name (for command
    /// lines and configuration files).
    ///
    /// - Throws: ``RedisOptionsError/unknownMaxmemoryPolicy(_:)``.
    public static func named(_ configName: String) throws(RedisOptionsError) -> MaxmemoryPolicy {
        guard let policy = MaxmemoryPolicy(configName: configName) else { throw .unknownMaxmemoryPolicy(configName) }
        return policy
    }
}
