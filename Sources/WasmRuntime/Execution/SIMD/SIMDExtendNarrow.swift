// §4.4.3 Vector instructions that change the lane width: shape.narrow_s/u (§4.3.2 narrow_s/u:
// sat_s/sat_u of a signed input), ishape.extend_half_s/u, extmul_half_s/u, extadd_pairwise_s/u
// and i32x4.dot_i16x8_s. The "low" lanes of a vector are those of its low 64-bit half, the
// "high" lanes those of its high half.

import WasmCore

extension V128 {
    // MARK: narrow (a's lanes then b's, each clamped to the narrower range)

    /// i8x16.narrow_i16x8_s: each signed lane clamped to -128...127.
    @inline(__always)
    static func i8x16NarrowI16x8S(_ a: V128, _ b: V128) -> V128 {
        V128(low: narrowI16x8(a, min: -128, max: 127), high: narrowI16x8(b, min: -128, max: 127))
    }
    /// i8x16.narrow_i16x8_u: each signed lane clamped to 0...255.
    @inline(__always)
    static func i8x16NarrowI16x8U(_ a: V128, _ b: V128) -> V128 {
        V128(low: narrowI16x8(a, min: 0, max: 255), high: narrowI16x8(b, min: 0, max: 255))
    }
    /// i16x8.narrow_i32x4_s: each signed lane clamped to -32768...32767.
    @inline(__always)
    static func i16x8NarrowI32x4S(_ a: V128, _ b: V128) -> V128 {
        V128(low: narrowI32x4(a, min: -32768, max: 32767), high: narrowI32x4(b, min: -32768, max: 32767))
    }
    /// i16x8.narrow_i32x4_u: each signed lane clamped to 0...65535.
    @inline(__always)
    static func i16x8NarrowI32x4U(_ a: V128, _ b: V128) -> V128 {
        V128(low: narrowI32x4(a, min: 0, max: 65535), high: narrowI32x4(b, min: 0, max: 65535))
    }

    /// The 8 signed 16-bit lanes of `a` clamped to min...max, then truncated to 8 bits each.
    @inline(__always)
    private static func narrowI16x8(_ a: V128, min: Int16, max: Int16) -> UInt64 {
        let lower = SIMD8<Int16>(repeating: min), upper = SIMD8<Int16>(repeating: max)
        let raised = select(V128(a.i16x8 .< lower), V128(lower), a)
        let clamped = select(V128(raised.i16x8 .> upper), V128(upper), raised)
        return UInt64(lanes: SIMD8<UInt8>(truncatingIfNeeded: clamped.u16x8))
    }

    /// The 4 signed 32-bit lanes of `a` clamped to min...max, then truncated to 16 bits each.
    @inline(__always)
    private static func narrowI32x4(_ a: V128, min: Int32, max: Int32) -> UInt64 {
        let lower = SIMD4<Int32>(repeating: min), upper = SIMD4<Int32>(repeating: max)
        let raised = select(V128(a.i32x4 .< lower), V128(lower), a)
        let clamped = select(V128(raised.i32x4 .> upper), V128(upper), raised)
        return UInt64(lanes: SIMD4<UInt16>(truncatingIfNeeded: clamped.u32x4))
    }

    // MARK: extend (sign or zero extension of the lanes of one half)

    /// i16x8.extend_low_i8x16_s
    @inline(__always)
    static func i16x8ExtendLowI8x16S(_ a: V128) -> V128 { V128(SIMD8<Int16>(truncatingIfNeeded: a.low.lanes(SIMD8<Int8>.self))) }
    /// i16x8.extend_high_i8x16_s
    @inline(__always)
    static func i16x8ExtendHighI8x16S(_ a: V128) -> V128 { V128(SIMD8<Int16>(truncatingIfNeeded: a.high.lanes(SIMD8<Int8>.self))) }
    /// i16x8.extend_low_i8x16_u
    @inline(__always)
    static func i16x8ExtendLowI8x16U(_ a: V128) -> V128 { V128(SIMD8<UInt16>(truncatingIfNeeded: a.low.lanes(SIMD8<UInt8>.self))) }
    /// i16x8.extend_high_i8x16_u
    @inline(__always)
    static func i16x8ExtendHighI8x16U(_ a: V128) -> V128 { V128(SIMD8<UInt16>(truncatingIfNeeded: a.high.lanes(SIMD8<UInt8>.self))) }

    /// i32x4.extend_low_i16x8_s
    @inline(__always)
    static func i32x4ExtendLowI16x8S(_ a: V128) -> V128 { V128(SIMD4<Int32>(truncatingIfNeeded: a.low.lanes(SIMD4<Int16>.self))) }
    /// i32x4.extend_high_i16x8_s
    @inline(__always)
    static func i32x4ExtendHighI16x8S(_ a: V128) -> V128 { V128(SIMD4<Int32>(truncatingIfNeeded: a.high.lanes(SIMD4<Int16>.self))) }
    /// i32x4.extend_low_i16x8_u
    @inline(__always)
    static func i32x4ExtendLowI16x8U(_ a: V128) -> V128 { V128(SIMD4<UInt32>(truncatingIfNeeded: a.low.lanes(SIMD4<UInt16>.self))) }
    /// i32x4.extend_high_i16x8_u
    @inline(__always)
    static func i32x4ExtendHighI16x8U(_ a: V128) -> V128 { V128(SIMD4<UInt32>(truncatingIfNeeded: a.high.lanes(SIMD4<UInt16>.self))) }

    /// i64x2.extend_low_i32x4_s
    @inline(__always)
    static func i64x2ExtendLowI32x4S(_ a: V128) -> V128 { V128(SIMD2<Int64>(truncatingIfNeeded: a.low.lanes(SIMD2<Int32>.self))) }
    /// i64x2.extend_high_i32x4_s
    @inline(__always)
    static func i64x2ExtendHighI32x4S(_ a: V128) -> V128 { V128(SIMD2<Int64>(truncatingIfNeeded: a.high.lanes(SIMD2<Int32>.self))) }
    /// i64x2.extend_low_i32x4_u
    @inline(__always)
    static func i64x2ExtendLowI32x4U(_ a: V128) -> V128 { V128(low: a.low & 0xFFFF_FFFF, high: a.low &>> 32) }
    /// i64x2.extend_high_i32x4_u
    @inline(__always)
    static func i64x2ExtendHighI32x4U(_ a: V128) -> V128 { V128(low: a.high & 0xFFFF_FFFF, high: a.high &>> 32) }

    // MARK: extmul (both operands' halves extended, then multiplied; the product always fits)

    /// i16x8.extmul_low_i8x16_s
    @inline(__always)
    static func i16x8ExtmulLowI8x16S(_ a: V128, _ b: V128) -> V128 {
        V128(i16x8ExtendLowI8x16S(a).u16x8 &* i16x8ExtendLowI8x16S(b).u16x8)
    }
    /// i16x8.extmul_high_i8x16_s
    @inline(__always)
    static func i16x8ExtmulHighI8x16S(_ a: V128, _ b: V128) -> V128 {
        V128(i16x8ExtendHighI8x16S(a).u16x8 &* i16x8ExtendHighI8x16S(b).u16x8)
    }
    /// i16x8.extmul_low_i8x16_u
    @inline(__always)
    static func i16x8ExtmulLowI8x16U(_ a: V128, _ b: V128) -> V128 {
        V128(i16x8ExtendLowI8x16U(a).u16x8 &* i16x8ExtendLowI8x16U(b).u16x8)
    }
    /// i16x8.extmul_high_i8x16_u
    @inline(__always)
    static func i16x8ExtmulHighI8x16U(_ a: V128, _ b: V128) -> V128 {
        V128(i16x8ExtendHighI8x16U(a).u16x8 &* i16x8ExtendHighI8x16U(b).u16x8)
    }

    /// i32x4.extmul_low_i16x8_s
    @inline(__always)
    static func i32x4ExtmulLowI16x8S(_ a: V128, _ b: V128) -> V128 {
        V128(i32x4ExtendLowI16x8S(a).u32x4 &* i32x4ExtendLowI16x8S(b).u32x4)
    }
    /// i32x4.extmul_high_i16x8_s
    @inline(__always)
    static func i32x4ExtmulHighI16x8S(_ a: V128, _ b: V128) -> V128 {
        V128(i32x4ExtendHighI16x8S(a).u32x4 &* i32x4ExtendHighI16x8S(b).u32x4)
    }
    /// i32x4.extmul_low_i16x8_u
    @inline(__always)
    static func i32x4ExtmulLowI16x8U(_ a: V128, _ b: V128) -> V128 {
        V128(i32x4ExtendLowI16x8U(a).u32x4 &* i32x4ExtendLowI16x8U(b).u32x4)
    }
    /// i32x4.extmul_high_i16x8_u
    @inline(__always)
    static func i32x4ExtmulHighI16x8U(_ a: V128, _ b: V128) -> V128 {
        V128(i32x4ExtendHighI16x8U(a).u32x4 &* i32x4ExtendHighI16x8U(b).u32x4)
    }

    /// i64x2.extmul_low_i32x4_s
    @inline(__always)
    static func i64x2ExtmulLowI32x4S(_ a: V128, _ b: V128) -> V128 {
        i64x2Mul(i64x2ExtendLowI32x4S(a), i64x2ExtendLowI32x4S(b))
    }
    /// i64x2.extmul_high_i32x4_s
    @inline(__always)
    static func i64x2ExtmulHighI32x4S(_ a: V128, _ b: V128) -> V128 {
        i64x2Mul(i64x2ExtendHighI32x4S(a), i64x2ExtendHighI32x4S(b))
    }
    /// i64x2.extmul_low_i32x4_u
    @inline(__always)
    static func i64x2ExtmulLowI32x4U(_ a: V128, _ b: V128) -> V128 {
        i64x2Mul(i64x2ExtendLowI32x4U(a), i64x2ExtendLowI32x4U(b))
    }
    /// i64x2.extmul_high_i32x4_u
    @inline(__always)
    static func i64x2ExtmulHighI32x4U(_ a: V128, _ b: V128) -> V128 {
        i64x2Mul(i64x2ExtendHighI32x4U(a), i64x2ExtendHighI32x4U(b))
    }

    // MARK: extadd_pairwise (lanes 2i and 2i+1 extended and added)
    //
    // Seen as lanes twice as wide, lane 2i is the low part of wide lane i and lane 2i+1 its high
    // part: (w << n) >> n and w >> n extract them, sign- or zero-extended by the shift.

    /// i16x8.extadd_pairwise_i8x16_s
    @inline(__always)
    static func i16x8ExtaddPairwiseI8x16S(_ a: V128) -> V128 {
        let wide = a.i16x8, eight = SIMD8<Int16>(repeating: 8)
        return V128(((wide &<< eight) &>> eight) &+ (wide &>> eight))
    }
    /// i16x8.extadd_pairwise_i8x16_u
    @inline(__always)
    static func i16x8ExtaddPairwiseI8x16U(_ a: V128) -> V128 {
        let even = a & repeating(0x00FF_00FF_00FF_00FF)
        let odd = V128(low: a.low &>> 8, high: a.high &>> 8) & repeating(0x00FF_00FF_00FF_00FF)
        return V128(even.u16x8 &+ odd.u16x8)
    }
    /// i32x4.extadd_pairwise_i16x8_s
    @inline(__always)
    static func i32x4ExtaddPairwiseI16x8S(_ a: V128) -> V128 {
        let wide = a.i32x4, sixteen = SIMD4<Int32>(repeating: 16)
        return V128(((wide &<< sixteen) &>> sixteen) &+ (wide &>> sixteen))
    }
    /// i32x4.extadd_pairwise_i16x8_u
    @inline(__always)
    static func i32x4ExtaddPairwiseI16x8U(_ a: V128) -> V128 {
        let even = a & repeating(0x0000_FFFF_0000_FFFF)
        let odd = V128(low: a.low &>> 16, high: a.high &>> 16) & repeating(0x0000_FFFF_0000_FFFF)
        return V128(even.u32x4 &+ odd.u32x4)
    }

    // MARK: dot (§4.4.3 i32x4.dot_i16x8_s)

    /// i32x4.dot_i16x8_s: lane i is a[2i]·b[2i] + a[2i+1]·b[2i+1] (signed), modulo 2^32: only
    /// 2 × (-32768)² = 2^31 wraps, to -2^31.
    @inline(__always)
    static func i32x4DotI16x8S(_ a: V128, _ b: V128) -> V128 {
        let low = i32x4ExtendLowI16x8S(a).u32x4 &* i32x4ExtendLowI16x8S(b).u32x4
        let high = i32x4ExtendHighI16x8S(a).u32x4 &* i32x4ExtendHighI16x8S(b).u32x4
        return V128(SIMD4<UInt32>(low[0] &+ low[1], low[2] &+ low[3], high[0] &+ high[1], high[2] &+ high[3]))
    }
}
