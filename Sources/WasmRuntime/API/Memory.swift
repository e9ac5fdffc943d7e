// Memory instances (spec §4.2.8) in the embedding API (§7.1.8): size, growth and byte access.

import WasmCore

/// A linear memory in a store.
public struct Memory: Hashable {
    let store: Store
    let address: MemoryAddress

    /// Allocates a new memory of type `type` in `store`, e.g. to provide as an import
    /// (§7.1.8 mem_alloc). Throws when the minimum exceeds the store's page limit.
    public init(store: Store, type: MemoryType) throws {
        guard let address = store.allocateMemory(type) else {
            throw EmbeddingError("cannot allocate a memory of \(type.limits.min) pages")
        }
        self.init(store: store, address: address)
    }

    init(store: Store, address: MemoryAddress) {
        self.store = store
        self.address = address
    }

    /// The memory's current type: current size in pages as minimum, declared maximum.
    public var type: MemoryType { address.pointee.type }
    /// The size in pages of 64 KiB.
    public var pageCount: UInt32 { address.pointee.pageCount }
    /// The size in bytes.
    public var byteCount: Int { address.pointee.byteCount }

    /// Grows the memory by `delta` pages (§7.1.8 mem_grow); returns the old size in pages, or
    /// `nil` when the maximum or the store's limit does not allow it.
    @discardableResult
    public func grow(by delta: UInt32) -> UInt32? {
        address.pointee.grow(by: delta)
    }

    /// Reads `count` bytes at `offset`. Throws a `Trap` (out of bounds memory access) when
    /// the range is not inside the memory.
    public func read(at offset: Int, count: Int) throws -> [UInt8] {
        try withUnsafeBytes(at: offset, count: count) { Array($0) }
    }

    /// Writes `bytes` at `offset`. Throws a `Trap` when the range is not inside the memory.
    public func write(_ bytes: some Collection<UInt8>, at offset: Int) throws {
        try withUnsafeMutableBytes(at: offset, count: bytes.count) { buffer in
            buffer.copyBytes(from: bytes)
        }
    }

    /// Gives direct access to `count` bytes at `offset`. The pointer is valid during `body`
    /// only, and only until the memory grows.
    public func withUnsafeMutableBytes<R>(at offset: Int, count: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> R) throws -> R {
        guard offset >= 0, count >= 0, offset <= byteCount, count <= byteCount - offset else {
            throw Trap(.outOfBoundsMemoryAccess)
        }
        return try body(UnsafeMutableRawBufferPointer(start: address.pointee.base + offset, count: count))
    }

    /// Read-only direct access; see `withUnsafeMutableBytes`.
    public func withUnsafeBytes<R>(at offset: Int, count: Int, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        try withUnsafeMutableBytes(at: offset, count: count) { try body(UnsafeRawBufferPointer($0)) }
    }

    public static func == (a: Memory, b: Memory) -> Bool { a.address == b.address }
    public func hash(into hasher: inout Hasher) { hasher.combine(address) }
}
