// Loads and stores of linear memory bytes at any alignment (§4.4.7: alignment is only a hint),
// for the interpreter loop. One concrete, always-inlined function per width: the standard
// library's generic `loadUnaligned`/`storeBytes` were left as out-of-line calls inside the
// (very large) loop once it became generic over its monitor, a call and return per access.
// Bounds are checked by the caller, before the access.

extension UnsafeMutableRawPointer {
    @inline(__always) func read(_: UInt8.Type, at offset: Int) -> UInt8 { load(fromByteOffset: offset, as: UInt8.self) }
    @inline(__always) func read(_: Int8.Type, at offset: Int) -> Int8 { load(fromByteOffset: offset, as: Int8.self) }
    @inline(__always) func read(_: UInt16.Type, at offset: Int) -> UInt16 { loadUnaligned(fromByteOffset: offset, as: UInt16.self) }
    @inline(__always) func read(_: Int16.Type, at offset: Int) -> Int16 { loadUnaligned(fromByteOffset: offset, as: Int16.self) }
    @inline(__always) func read(_: UInt32.Type, at offset: Int) -> UInt32 { loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
    @inline(__always) func read(_: Int32.Type, at offset: Int) -> Int32 { loadUnaligned(fromByteOffset: offset, as: Int32.self) }
    @inline(__always) func read(_: UInt64.Type, at offset: Int) -> UInt64 { loadUnaligned(fromByteOffset: offset, as: UInt64.self) }

    @inline(__always) func write(_ value: UInt8, at offset: Int) { storeBytes(of: value, toByteOffset: offset, as: UInt8.self) }
    @inline(__always) func write(_ value: UInt16, at offset: Int) { storeBytes(of: value, toByteOffset: offset, as: UInt16.self) }
    @inline(__always) func write(_ value: UInt32, at offset: Int) { storeBytes(of: value, toByteOffset: offset, as: UInt32.self) }
    @inline(__always) func write(_ value: UInt64, at offset: Int) { storeBytes(of: value, toByteOffset: offset, as: UInt64.self) }
    @inline(__always) func write(_ value: Int64, at offset: Int) { storeBytes(of: value, toByteOffset: offset, as: Int64.self) }
}

extension Store {
    /// A `move32Run` whose words are not all in bounds: its moves in order, each checked as a
    /// `move32` checks it (source, then destination), up to the first out of bounds; returns
    /// the trap to throw there.
    @inline(never)
    static func moveWordsUntilOutOfBounds(from: UInt64, to: UInt64, count: Int,
                                          memoryBase: UnsafeMutableRawPointer, memorySize: UInt64) -> TrapReason {
        for word in 0 ..< UInt64(count) {
            let source = from + 4 * word, destination = to + 4 * word
            guard source + 4 <= memorySize, destination + 4 <= memorySize else { break }
            memoryBase.write(memoryBase.read(UInt32.self, at: Int(source)), at: Int(destination))
        }
        return .outOfBoundsMemoryAccess
    }
}
