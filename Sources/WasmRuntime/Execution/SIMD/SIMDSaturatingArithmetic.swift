// §4.4.3 Vector instructions: the saturating and rounding lane operations (§4.3.2 iadd_sat_s/u,
// isub_sat_s/u, iavgr_u, iq15mulr_sat_s), branch-free: the wrapped result is computed, lanes that
// overflowed are detected with a comparison and replaced by the bound.

import WasmCore

extension V128 {
    // MARK: add_sat_s, sub_sat_s
    //
    // A signed sum overflows iff both operands have the same sign and the wrapped sum the other
    // one; a difference iff the operands' signs differ and the wrapped difference's sign is not
    // a's. The bound is then the one on a's side: INT_MAX if a ≥ 0, INT_MIN if a < 0, which is
    // INT_MAX ^ (all ones where a < 0).

    /// i8x16.add_sat_s
    @inline(__always)
    static func i8x16AddSatS(_ a: V128, _ b: V128) -> V128 {
        let sum = V128(a.u8x16 &+ b.u8x16)
        let overflow = V128(((a ^ sum) & (b ^ sum)).i8x16 .< SIMD16<Int8>())
        return select(overflow, signedBound(V128(a.i8x16 .< SIMD16<Int8>()), max: 0x7F7F_7F7F_7F7F_7F7F), sum)
    }
    /// i8x16.sub_sat_s
    @inline(__always)
    static func i8x16SubSatS(_ a: V128, _ b: V128) -> V128 {
        let difference = V128(a.u8x16 &- b.u8x16)
        let overflow = V128(((a ^ b) & (a ^ difference)).i8x16 .< SIMD16<Int8>())
        return select(overflow, signedBound(V128(a.i8x16 .< SIMD16<Int8>()), max: 0x7F7F_7F7F_7F7F_7F7F), difference)
    }
    /// i16x8.add_sat_s
    @inline(__always)
    static func i16x8AddSatS(_ a: V128, _ b: V128) -> V128 {
        let sum = V128(a.u16x8 &+ b.u16x8)
        let overflow = V128(((a ^ sum) & (b ^ sum)).i16x8 .< SIMD8<Int16>())
        return select(overflow, signedBound(V128(a.i16x8 .< SIMD8<Int16>()), max: 0x7FFF_7FFF_7FFF_7FFF), sum)
    }
    /// i16x8.sub_sat_s
    @inline(__always)
    static func i16x8SubSatS(_ a: V128, _ b: V128) -> V128 {
        let difference = V128(a.u16x8 &- b.u16x8)
        let overflow = V128(((a ^ b) & (a ^ difference)).i16x8 .< SIMD8<Int16>())
        return select(overflow, signedBound(V128(a.i16x8 .< SIMD8<Int16>()), max: 0x7FFF_7FFF_7FFF_7FFF), difference)
    }

    /// The saturation bound of each lane: `max` (INT_MAX in every lane) where `negative` is 0,
    /// INT_MIN where it is all ones.
    @inline(__always)
    private static func signedBound(_ negative: V128, max: UInt64) -> V128 {
        negative ^ repeating(max)
    }

    // MARK: add_sat_u, sub_sat_u

    /// i8x16.add_sat_u: a wrapped sum below `a` overflowed; OR-ing all ones makes it 255.
    @inline(__always)
    static func i8x16AddSatU(_ a: V128, _ b: V128) -> V128 {
        let sum = a.u8x16 &+ b.u8x16
        return V128(sum) | V128(sum .< a.u8x16)
    }
    /// i8x16.sub_sat_u: lanes where b > a become 0.
    @inline(__always)
    static func i8x16SubSatU(_ a: V128, _ b: V128) -> V128 {
        V128(a.u8x16 &- b.u8x16) & ~V128(a.u8x16 .< b.u8x16)
    }
    /// i16x8.add_sat_u
    @inline(__always)
    static func i16x8AddSatU(_ a: V128, _ b: V128) -> V128 {
        let sum = a.u16x8 &+ b.u16x8
        return V128(sum) | V128(sum .< a.u16x8)
    }
    /// i16x8.sub_sat_u
    @inline(__always)
    static func i16x8SubSatU(_ a: V128, _ b: V128) -> V128 {
        V128(a.u16x8 &- b.u16x8) & ~V128(a.u16x8 .< b.u16x8)
    }

    // MARK: avgr_u (§4.3.2 iavgr_u: (a + b + 1) / 2)
    //
    // (a + b + 1) >> 1 = (a | b) − ((a ^ b) >> 1), which never leaves the lane width. The shift
    // is done on the halves, then the bit shifted in from the next lane is cleared.

    /// i8x16.avgr_u
    @inline(__always)
    static func i8x16AvgrU(_ a: V128, _ b: V128) -> V128 {
        let halfDifference = V128(low: (a.low ^ b.low) &>> 1, high: (a.high ^ b.high) &>> 1) & repeating(0x7F7F_7F7F_7F7F_7F7F)
        return V128((a | b).u8x16 &- halfDifference.u8x16)
    }
    /// i16x8.avgr_u
    @inline(__always)
    static func i16x8AvgrU(_ a: V128, _ b: V128) -> V128 {
        let halfDifference = V128(low: (a.low ^ b.low) &>> 1, high: (a.high ^ b.high) &>> 1) & repeating(0x7FFF_7FFF_7FFF_7FFF)
        return V128((a | b).u16x8 &- halfDifference.u16x8)
    }

    // MARK: q15mulr_sat_s (§4.3.2 iq15mulr_sat_s: sat_s((a × b + 2^14) >> 15))

    /// i16x8.q15mulr_sat_s: Q15 fixed-point multiplication rounding to nearest (ties up). Only
    /// -32768 × -32768 leaves the range (32768), and saturates to 32767.
    @inline(__always)
    static func i16x8Q15mulrSatS(_ a: V128, _ b: V128) -> V128 {
        V128(low: q15MultiplyRounding(a.low, b.low), high: q15MultiplyRounding(a.high, b.high))
    }

    /// iq15mulr_sat_s on the four 16-bit lanes of one half, computed in 32-bit lanes.
    @inline(__always)
    private static func q15MultiplyRounding(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = SIMD4<Int32>(truncatingIfNeeded: a.lanes(SIMD4<Int16>.self))
            &* SIMD4<Int32>(truncatingIfNeeded: b.lanes(SIMD4<Int16>.self))
        let rounded = (product &+ SIMD4<Int32>(repeating: 0x4000)) &>> SIMD4<Int32>(repeating: 15)
        let tooLarge = V128(rounded .> SIMD4<Int32>(repeating: 0x7FFF))
        let saturated = select(tooLarge, V128(SIMD4<Int32>(repeating: 0x7FFF)), V128(rounded)).i32x4
        return UInt64(lanes: SIMD4<Int16>(truncatingIfNeeded: saturated))
    }
}
