// Runtime structure › Memory instances (spec §4.2.8): a vector of bytes that grows in pages.
// The bytes live in a reservation of address space made once (mmap, PROT_NONE), large enough
// for the memory's maximum; growing makes more of it accessible (mprotect). The base address
// therefore never moves, and fresh pages read as zero without being touched.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WasmCore

/// The address of a memory instance in its store.
typealias MemoryAddress = UnsafeMutablePointer<MemoryEntity>

/// A memory instance as the interpreter reads it.
struct MemoryEntity {
    /// The page size (§4.2.8): 64 KiB.
    static let pageSize = 65536

    /// Start of the bytes; valid for `byteCount` bytes.
    var base: UnsafeMutableRawPointer
    var byteCount: Int
    /// The declared maximum in pages, if any (its type's limits, §4.5.3.4).
    var declaredMaximum: UInt32?
    /// The most pages this memory may ever have: the declared maximum, the embedder's limit
    /// and what could be reserved.
    var pageLimit: UInt32
    /// Bytes of address space reserved at `base`.
    var reservedBytes: Int

    var pageCount: UInt32 { UInt32(byteCount / Self.pageSize) }

    /// The memory's current type (§4.5.3.4): current size as minimum, declared maximum.
    var type: MemoryType { MemoryType(limits: Limits(min: pageCount, max: declaredMaximum)) }

    /// Allocates a memory of type `type` (§4.5.3.4 alloc_mem), limited to `embedderPageLimit`
    /// pages. Returns `nil` when the initial size cannot be provided.
    static func allocate(_ type: MemoryType, embedderPageLimit: UInt32) -> MemoryAddress? {
        let maximum = min(type.limits.max ?? 65536, 65536, embedderPageLimit)
        guard type.limits.min <= maximum else { return nil }
        // Reserve the whole range up front, or as much as the system gives (at least `min`).
        var pages = max(maximum, 1)
        var reservation: UnsafeMutableRawPointer?
        while reservation == nil {
            let mapped = mmap(nil, Int(pages) * pageSize, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
            if let mapped, mapped != MAP_FAILED {
                reservation = mapped
            } else if pages / 2 >= max(type.limits.min, 1) {
                pages /= 2
            } else {
                return nil
            }
        }
        let address = MemoryAddress.allocate(capacity: 1)
        address.initialize(to: MemoryEntity(
            base: reservation!, byteCount: 0, declaredMaximum: type.limits.max,
            pageLimit: min(maximum, pages), reservedBytes: Int(pages) * pageSize))
        guard address.pointee.grow(by: type.limits.min) != nil else {
            address.pointee.release()
            address.deallocate()
            return nil
        }
        return address
    }

    /// §4.5.3.8 grow_mem: adds `delta` zeroed pages and returns the old size in pages, or `nil`
    /// (memory.grow's -1) beyond the limit or when the system refuses.
    mutating func grow(by delta: UInt32) -> UInt32? {
        let oldPages = pageCount
        let (newPages, overflow) = oldPages.addingReportingOverflow(delta)
        guard !overflow, newPages <= pageLimit else { return nil }
        if delta > 0 {
            let newByteCount = Int(newPages) * Self.pageSize
            guard mprotect(base, newByteCount, PROT_READ | PROT_WRITE) == 0 else { return nil }
            byteCount = newByteCount
        }
        return oldPages
    }

    /// Returns the reservation to the system.
    func release() {
        munmap(base, reservedBytes)
    }
}
