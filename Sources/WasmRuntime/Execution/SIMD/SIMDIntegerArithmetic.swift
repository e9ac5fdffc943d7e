// §4.4.3 Vector instructions: the integer lane operations shape.vunop / shape.vbinop that wrap
// around (§4.3.2 iadd, isub, imul, ineg, iabs, imin_s/u, imax_s/u, ipopcnt). Lanes are computed
// with the standard library's SIMD types, whose `&+`, `&-`, `&*` wrap exactly like the spec's
// modulo-2^N arithmetic. i64x2 lanes are the two halves of `V128` themselves.

import WasmCore

extension V128 {
    // MARK: add, sub, mul (§4.3.2 iadd, isub, imul: modulo 2^N)

    /// i8x16.add
    @inline(__always)
    static func i8x16Add(_ a: V128, _ b: V128) -> V128 { V128(a.u8x16 &+ b.u8x16) }
    /// i16x8.add
    @inline(__always)
    static func i16x8Add(_ a: V128, _ b: V128) -> V128 { V128(a.u16x8 &+ b.u16x8) }
    /// i32x4.add
    @inline(__always)
    static func i32x4Add(_ a: V128, _ b: V128) -> V128 { V128(a.u32x4 &+ b.u32x4) }
    /// i64x2.add
    @inline(__always)
    static func i64x2Add(_ a: V128, _ b: V128) -> V128 {
        V128(low: a.low &+ b.low, high: a.high &+ b.high)
    }

    /// i8x16.sub
    @inline(__always)
    static func i8x16Sub(_ a: V128, _ b: V128) -> V128 { V128(a.u8x16 &- b.u8x16) }
    /// i16x8.sub
    @inline(__always)
    static func i16x8Sub(_ a: V128, _ b: V128) -> V128 { V128(a.u16x8 &- b.u16x8) }
    /// i32x4.sub
    @inline(__always)
    static func i32x4Sub(_ a: V128, _ b: V128) -> V128 { V128(a.u32x4 &- b.u32x4) }
    /// i64x2.sub
    @inline(__always)
    static func i64x2Sub(_ a: V128, _ b: V128) -> V128 {
        V128(low: a.low &- b.low, high: a.high &- b.high)
    }

    /// i16x8.mul
    @inline(__always)
    static func i16x8Mul(_ a: V128, _ b: V128) -> V128 { V128(a.u16x8 &* b.u16x8) }
    /// i32x4.mul
    @inline(__always)
    static func i32x4Mul(_ a: V128, _ b: V128) -> V128 { V128(a.u32x4 &* b.u32x4) }
    /// i64x2.mul
    @inline(__always)
    static func i64x2Mul(_ a: V128, _ b: V128) -> V128 {
        V128(low: a.low &* b.low, high: a.high &* b.high)
    }

    // MARK: neg, abs (§4.3.2 ineg, iabs: the negation of INT_MIN wraps to INT_MIN)

    /// i8x16.neg
    @inline(__always)
    static func i8x16Neg(_ a: V128) -> V128 { V128(SIMD16<UInt8>() &- a.u8x16) }
    /// i16x8.neg
    @inline(__always)
    static func i16x8Neg(_ a: V128) -> V128 { V128(SIMD8<UInt16>() &- a.u16x8) }
    /// i32x4.neg
    @inline(__always)
    static func i32x4Neg(_ a: V128) -> V128 { V128(SIMD4<UInt32>() &- a.u32x4) }
    /// i64x2.neg
    @inline(__always)
    static func i64x2Neg(_ a: V128) -> V128 { V128(low: 0 &- a.low, high: 0 &- a.high) }

    // (x ^ m) − m, where m is all ones in the negative lanes and 0 elsewhere, complements and
    // increments (negates) exactly the negative lanes, branch-free.

    /// i8x16.abs
    @inline(__always)
    static func i8x16Abs(_ a: V128) -> V128 {
        let negative = V128(a.i8x16 .< SIMD16<Int8>())
        return V128((a ^ negative).u8x16 &- negative.u8x16)
    }
    /// i16x8.abs
    @inline(__always)
    static func i16x8Abs(_ a: V128) -> V128 {
        let negative = V128(a.i16x8 .< SIMD8<Int16>())
        return V128((a ^ negative).u16x8 &- negative.u16x8)
    }
    /// i32x4.abs
    @inline(__always)
    static func i32x4Abs(_ a: V128) -> V128 {
        let negative = V128(a.i32x4 .< SIMD4<Int32>())
        return V128((a ^ negative).u32x4 &- negative.u32x4)
    }
    /// i64x2.abs
    @inline(__always)
    static func i64x2Abs(_ a: V128) -> V128 {
        let negative = V128(a.i64x2 .< SIMD2<Int64>())
        return i64x2Sub(a ^ negative, negative)
    }

    // MARK: min, max (§4.3.2 imin_s/u, imax_s/u: a compare and a select)

    /// i8x16.min_s
    @inline(__always)
    static func i8x16MinS(_ a: V128, _ b: V128) -> V128 { select(V128(b.i8x16 .< a.i8x16), b, a) }
    /// i8x16.min_u
    @inline(__always)
    static func i8x16MinU(_ a: V128, _ b: V128) -> V128 { select(V128(b.u8x16 .< a.u8x16), b, a) }
    /// i8x16.max_s
    @inline(__always)
    static func i8x16MaxS(_ a: V128, _ b: V128) -> V128 { select(V128(a.i8x16 .< b.i8x16), b, a) }
    /// i8x16.max_u
    @inline(__always)
    static func i8x16MaxU(_ a: V128, _ b: V128) -> V128 { select(V128(a.u8x16 .< b.u8x16), b, a) }
    /// i16x8.min_s
    @inline(__always)
    static func i16x8MinS(_ a: V128, _ b: V128) -> V128 { select(V128(b.i16x8 .< a.i16x8), b, a) }
    /// i16x8.min_u
    @inline(__always)
    static func i16x8MinU(_ a: V128, _ b: V128) -> V128 { select(V128(b.u16x8 .< a.u16x8), b, a) }
    /// i16x8.max_s
    @inline(__always)
    static func i16x8MaxS(_ a: V128, _ b: V128) -> V128 { select(V128(a.i16x8 .< b.i16x8), b, a) }
    /// i16x8.max_u
    @inline(__always)
    static func i16x8MaxU(_ a: V128, _ b: V128) -> V128 { select(V128(a.u16x8 .< b.u16x8), b, a) }
    /// i32x4.min_s
    @inline(__always)
    static func i32x4MinS(_ a: V128, _ b: V128) -> V128 { select(V128(b.i32x4 .< a.i32x4), b, a) }
    /// i32x4.min_u
    @inline(__always)
    static func i32x4MinU(_ a: V128, _ b: V128) -> V128 { select(V128(b.u32x4 .< a.u32x4), b, a) }
    /// i32x4.max_s
    @inline(__always)
    static func i32x4MaxS(_ a: V128, _ b: V128) -> V128 { select(V128(a.i32x4 .< b.i32x4), b, a) }
    /// i32x4.max_u
    @inline(__always)
    static func i32x4MaxU(_ a: V128, _ b: V128) -> V128 { select(V128(a.u32x4 .< b.u32x4), b, a) }

    // MARK: popcnt (§4.3.2 ipopcnt)

    /// i8x16.popcnt: the number of 1 bits of each byte, counted in both halves at once
    /// (pairs, then nibbles, then bytes; no lane ever carries into the next).
    @inline(__always)
    static func i8x16Popcnt(_ a: V128) -> V128 {
        V128(low: bytewisePopulationCount(a.low), high: bytewisePopulationCount(a.high))
    }

    @inline(__always)
    private static func bytewisePopulationCount(_ x: UInt64) -> UInt64 {
        let pairs = x &- ((x >> 1) & 0x5555_5555_5555_5555)
        let nibbles = (pairs & 0x3333_3333_3333_3333) &+ ((pairs >> 2) & 0x3333_3333_3333_3333)
        return (nibbles &+ (nibbles >> 4)) & 0x0F0F_0F0F_0F0F_0F0F
    }
}
