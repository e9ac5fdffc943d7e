// Execution of `moveWords` (WordMoveJoining.swift), out of the interpreter loop.

extension Store {
    /// Moves `count` 4-byte words from `source` to `destination`, word by word in ascending
    /// order as the `move32`s it replaces would: each word's bounds are checked before it is
    /// moved (§4.4.7), so a trap leaves the words before it moved.
    @inline(never)
    static func moveWords(in memoryBase: UnsafeMutableRawPointer, size: UInt64, to destination: UInt64,
                          from source: UInt64, count: Int) throws(TrapReason) {
        for k in 0..<count {
            let from = source &+ UInt64(4 * k), to = destination &+ UInt64(4 * k)
            guard from &+ 4 <= size, to &+ 4 <= size else { throw .outOfBoundsMemoryAccess }
            memoryBase.write(memoryBase.read(UInt32.self, at: Int(from)), at: Int(to))
        }
    }
}
