// WASI preview1 › guest memory: the calling instance's linear memory during one WASI call.
// WASI passes pointers into memory 0 (32-bit offsets); every access is bounds-checked here, so
// a bad pointer or length is the guest's `fault` error and never a host memory access.

import Glibc

/// Bounds-checked, little-endian access to the caller's linear memory for the duration of
/// one host call (the memory cannot grow meanwhile: WASI functions do not call back into
/// WebAssembly).
struct GuestMemory {
    /// All of the memory; empty when the caller has none.
    let bytes: UnsafeMutableRawBufferPointer

    /// The most buffers one readv/writev takes on Linux (IOV_MAX, not exported to Swift).
    static let maxIOVectors = 1024

    /// `count` bytes at `address`; throws `fault` unless they lie inside the memory.
    func buffer(at address: UInt32, count: Int) throws -> UnsafeMutableRawBufferPointer {
        let start = Int(address)
        guard count >= 0, count <= bytes.count - start else { throw WASIErrno.fault }
        let end = start + count
        return UnsafeMutableRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// Reads a little-endian integer at any alignment.
    func load<T: FixedWidthInteger>(_ type: T.Type, at address: UInt32) throws -> T {
        let buffer = try buffer(at: address, count: MemoryLayout<T>.size)
        return T(littleEndian: buffer.loadUnaligned(as: T.self))
    }

    /// Writes a little-endian integer at any alignment.
    func store<T: FixedWidthInteger>(_ value: T, at address: UInt32) throws {
        let buffer = try buffer(at: address, count: MemoryLayout<T>.size)
        buffer.storeBytes(of: value.littleEndian, as: T.self)
    }

    /// Copies `source` to `address`.
    func write(_ source: UnsafeRawBufferPointer, at address: UInt32) throws {
        let destination = try buffer(at: address, count: source.count)
        destination.copyMemory(from: source)
    }

    /// A path or name argument: `count` bytes at `address`, which must be UTF-8 without NUL
    /// (`ilseq` otherwise: a NUL would cut the path short on the host).
    func string(at address: UInt32, count: UInt32) throws -> String {
        let buffer = try buffer(at: address, count: Int(count))
        guard !buffer.contains(0), let string = String(validating: buffer, as: UTF8.self) else {
            throw WASIErrno.ilseq
        }
        return string
    }

    /// The buffers of a `ciovec`/`iovec` array (`{ buf: u32, buf_len: u32 }` each) at
    /// `address`, as host `iovec`s pointing straight into this memory, so that readv/writev
    /// need no copy. At most `maxIOVectors` are taken: a shorter transfer is allowed by WASI.
    func ioVectors(at address: UInt32, count: UInt32) throws -> [iovec] {
        let taken = min(Int(count), Self.maxIOVectors)
        _ = try buffer(at: address, count: Int(count) * 8)
        var vectors: [iovec] = []
        vectors.reserveCapacity(taken)
        for index in 0..<taken {
            let entry = address + UInt32(index) * 8
            let buffer = try buffer(at: try load(UInt32.self, at: entry), count: Int(try load(UInt32.self, at: entry + 4)))
            vectors.append(iovec(iov_base: buffer.baseAddress, iov_len: buffer.count))
        }
        return vectors
    }
}
