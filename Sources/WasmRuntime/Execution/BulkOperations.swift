// The less frequent memory and table instructions (spec §4.4.6, §4.4.7), out of the
// interpreter loop. Each checks all its bounds before writing anything.

extension Store {
    /// §4.4.7 memory.grow: the old size in pages, or -1 (as u32) when the memory cannot grow.
    static func growMemory(of instance: InstanceAddress, by delta: UInt32) -> UInt32 {
        instance.pointee.memory!.pointee.grow(by: delta) ?? UInt32.max
    }

    /// §4.4.7 memory.init: operands are destination, source offset in the data, count.
    static func initializeMemory(of instance: InstanceAddress, data: UInt32, operands: UnsafeMutablePointer<UInt64>) throws(TrapReason) {
        let memory = instance.pointee.memory!.pointee
        let segment = instance.pointee.datas[Int(data)]
        let d = UInt64(operands[i32: 0]), s = UInt64(operands[i32: 1]), n = UInt64(operands[i32: 2])
        guard s + n <= UInt64(segment.count), d + n <= UInt64(memory.byteCount) else {
            throw .outOfBoundsMemoryAccess
        }
        guard n > 0 else { return }
        (memory.base + Int(d)).copyMemory(from: segment.bytes! + Int(s), byteCount: Int(n))
    }

    /// §4.4.6 table.grow: operands are the initial value and the delta; the result (old size
    /// or -1) replaces the initial value.
    static func growTable(_ table: TableAddress, operands: UnsafeMutablePointer<UInt64>) {
        let result = table.pointee.grow(by: operands[i32: 1], initial: operands[0]) ?? UInt32.max
        operands[i32: 0] = result
    }

    /// §4.4.6 table.fill: operands are the index, the value and the count.
    static func fillTable(_ table: TableAddress, operands: UnsafeMutablePointer<UInt64>) throws(TrapReason) {
        let i = Int(operands[i32: 0]), n = Int(operands[i32: 2])
        guard i + n <= table.pointee.count else { throw .outOfBoundsTableAccess }
        (table.pointee.elements + i).update(repeating: operands[1], count: n)
    }

    /// §4.4.6 table.copy: operands are destination index, source index and count; the ranges
    /// may overlap.
    static func copyTable(_ destination: TableAddress, from source: TableAddress, operands: UnsafeMutablePointer<UInt64>) throws(TrapReason) {
        let d = Int(operands[i32: 0]), s = Int(operands[i32: 1]), n = Int(operands[i32: 2])
        guard s + n <= source.pointee.count, d + n <= destination.pointee.count else { throw .outOfBoundsTableAccess }
        UnsafeMutableRawPointer(destination.pointee.elements + d)
            .copyMemory(from: source.pointee.elements + s, byteCount: n * MemoryLayout<UInt64>.stride)
    }

    /// §4.4.6 table.init: operands are destination index, source offset in the element
    /// segment, count.
    static func initializeTable(_ table: TableAddress, from element: UnsafeMutablePointer<ElementEntity>,
                                operands: UnsafeMutablePointer<UInt64>) throws(TrapReason) {
        let d = Int(operands[i32: 0]), s = Int(operands[i32: 1]), n = Int(operands[i32: 2])
        guard s + n <= element.pointee.count, d + n <= table.pointee.count else { throw .outOfBoundsTableAccess }
        guard n > 0 else { return }
        (table.pointee.elements + d).update(from: element.pointee.references! + s, count: n)
    }
}
