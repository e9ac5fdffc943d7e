// Typed views of value-stack slots. i32 and f32 live in the low 32 bits of a slot; readers
// truncate, so the high bits never matter (see `InternalInstruction`).

extension UnsafeMutablePointer<UInt64> {
    @inline(__always)
    subscript(i32 slot: Slot) -> UInt32 {
        get { UInt32(truncatingIfNeeded: self[Int(slot)]) }
        nonmutating set { self[Int(slot)] = UInt64(newValue) }
    }

    @inline(__always)
    subscript(s32 slot: Slot) -> Int32 {
        get { Int32(truncatingIfNeeded: self[Int(slot)]) }
        nonmutating set { self[Int(slot)] = UInt64(UInt32(bitPattern: newValue)) }
    }

    @inline(__always)
    subscript(i64 slot: Slot) -> UInt64 {
        get { self[Int(slot)] }
        nonmutating set { self[Int(slot)] = newValue }
    }

    @inline(__always)
    subscript(s64 slot: Slot) -> Int64 {
        get { Int64(bitPattern: self[Int(slot)]) }
        nonmutating set { self[Int(slot)] = UInt64(bitPattern: newValue) }
    }

    @inline(__always)
    subscript(f32 slot: Slot) -> Float {
        get { Float(bitPattern: UInt32(truncatingIfNeeded: self[Int(slot)])) }
        nonmutating set { self[Int(slot)] = UInt64(newValue.bitPattern) }
    }

    @inline(__always)
    subscript(f64 slot: Slot) -> Double {
        get { Double(bitPattern: self[Int(slot)]) }
        nonmutating set { self[Int(slot)] = newValue.bitPattern }
    }

    /// An f64 in a slot named by a 16-bit slot (the four-operand fused instructions).
    @inline(__always)
    subscript(f64 slot: ShortSlot) -> Double {
        get { Double(bitPattern: self[Int(slot)]) }
        nonmutating set { self[Int(slot)] = newValue.bitPattern }
    }

    /// Writes an i32 boolean: 1 or 0.
    @inline(__always)
    subscript(bool slot: Slot) -> Bool {
        get { UInt32(truncatingIfNeeded: self[Int(slot)]) != 0 }
        nonmutating set { self[Int(slot)] = newValue ? 1 : 0 }
    }
}

/// Copies `count` slots in ascending order (`copyMany`, `returnMany`: the destination is never
/// above the source, so overlapping ranges copy correctly). A plain loop: the few slots of a
/// v128 or a multi-value result do not pay for a call into the standard library's bulk copy.
@inline(__always)
func copySlots(to destination: UnsafeMutablePointer<UInt64>, from source: UnsafeMutablePointer<UInt64>, count: Int) {
    var index = 0
    while index < count {
        destination[index] = source[index]
        index += 1
    }
}
