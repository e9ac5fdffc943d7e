// §4.4.3 Vector instructions: shape.vishiftop (§4.3.2 ishl, ishr_s, ishr_u applied to every
// lane). The i32 shift count is taken modulo the lane width, exactly what Swift's masking
// shifts `&<<` / `&>>` do.

import WasmCore

extension V128 {
    /// i8x16.shl
    @inline(__always)
    static func i8x16Shl(_ a: V128, _ count: UInt32) -> V128 {
        V128(a.u8x16 &<< UInt8(truncatingIfNeeded: count))
    }
    /// i8x16.shr_s
    @inline(__always)
    static func i8x16ShrS(_ a: V128, _ count: UInt32) -> V128 {
        V128(a.i8x16 &>> Int8(truncatingIfNeeded: count))
    }
    /// i8x16.shr_u
    @inline(__always)
    static func i8x16ShrU(_ a: V128, _ count: UInt32) -> V128 {
        V128(a.u8x16 &>> UInt8(truncatingIfNeeded: count))
    }

    /// i16x8.shl
    @inline(__always)
    static func i16x8Shl(_ a: V128, _ count: UInt32) -> V128 {
        V128(a.u16x8 &<< UInt16(truncatingIfNeeded: count))
    }
    /// i16x8.shr_s
    @inline(__always)
    static func i16x8ShrS(_ a: V128, _ count: UInt32) -> V128 {
        V128(a.i16x8 &>> Int16(truncatingIfNeeded: count))
    }
    /// i16x8.shr_u
    @inline(__always)
    static func i16x8ShrU(_ a: V128, _ count: UInt32) -> V128 {
        V128(a.u16x8 &>> UInt16(truncatingIfNeeded: count))
    }

    /// i32x4.shl
    @inline(__always)
    static func i32x4Shl(_ a: V128, _ count: UInt32) -> V128 {
        V128(a.u32x4 &<< count)
    }
    /// i32x4.shr_s
    @inline(__always)
    static func i32x4ShrS(_ a: V128, _ count: UInt32) -> V128 {
        V128(a.i32x4 &>> Int32(bitPattern: count))
    }
    /// i32x4.shr_u
    @inline(__always)
    static func i32x4ShrU(_ a: V128, _ count: UInt32) -> V128 {
        V128(a.u32x4 &>> count)
    }

    /// i64x2.shl
    @inline(__always)
    static func i64x2Shl(_ a: V128, _ count: UInt32) -> V128 {
        let k = UInt64(count)
        return V128(low: a.low &<< k, high: a.high &<< k)
    }
    /// i64x2.shr_s
    @inline(__always)
    static func i64x2ShrS(_ a: V128, _ count: UInt32) -> V128 {
        let k = Int64(count)
        return V128(low: UInt64(bitPattern: Int64(bitPattern: a.low) &>> k),
                    high: UInt64(bitPattern: Int64(bitPattern: a.high) &>> k))
    }
    /// i64x2.shr_u
    @inline(__always)
    static func i64x2ShrU(_ a: V128, _ count: UInt32) -> V128 {
        let k = UInt64(count)
        return V128(low: a.low &>> k, high: a.high &>> k)
    }
}
