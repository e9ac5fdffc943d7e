// §4.4.3 Vector instructions: the lane conversions (vcvtop) — §4.3.4 trunc_sat_s/u,
// convert_s/u, demote and promote applied to every lane. The "_zero" forms fill the two upper
// lanes of the result with 0; the "low" forms read the two lower lanes of the input.

import WasmCore

extension V128 {
    // MARK: trunc_sat (NaN → 0, out-of-range values saturate)
    //
    // Swift's float-to-integer conversions check their range, so these convert lane by lane
    // behind a range test: dozens of instructions with branches, kept out of line
    // (`@inline(never)`) so that they do not weigh on the interpreter's dispatch loop.

    /// i32x4.trunc_sat_f32x4_s
    @inline(never)
    static func i32x4TruncSatF32x4S(_ a: V128) -> V128 {
        let x = a.f32x4
        return V128(SIMD4<Int32>(truncateSaturatingSigned(x[0]), truncateSaturatingSigned(x[1]),
                                 truncateSaturatingSigned(x[2]), truncateSaturatingSigned(x[3])))
    }
    /// i32x4.trunc_sat_f32x4_u
    @inline(never)
    static func i32x4TruncSatF32x4U(_ a: V128) -> V128 {
        let x = a.f32x4
        return V128(SIMD4<UInt32>(truncateSaturatingUnsigned(x[0]), truncateSaturatingUnsigned(x[1]),
                                  truncateSaturatingUnsigned(x[2]), truncateSaturatingUnsigned(x[3])))
    }
    /// i32x4.trunc_sat_f64x2_s_zero
    @inline(never)
    static func i32x4TruncSatF64x2SZero(_ a: V128) -> V128 {
        let x = a.f64x2
        return V128(SIMD4<Int32>(truncateSaturatingSigned(x[0]), truncateSaturatingSigned(x[1]), 0, 0))
    }
    /// i32x4.trunc_sat_f64x2_u_zero
    @inline(never)
    static func i32x4TruncSatF64x2UZero(_ a: V128) -> V128 {
        let x = a.f64x2
        return V128(SIMD4<UInt32>(truncateSaturatingUnsigned(x[0]), truncateSaturatingUnsigned(x[1]), 0, 0))
    }

    // §4.3.4 trunc_sat_s / trunc_sat_u to i32, one lane. The in-range test repeats the bounds of
    // Swift's own conversion check (the values that truncate into range), so the optimizer can
    // fold most of that check into it; outside it, NaN gives 0 and the rest saturates by sign.

    @inline(__always)
    private static func truncateSaturatingSigned(_ x: Float) -> Int32 {
        if x > -2147483904 && x < 2147483648 { return Int32(x) }  // the next f32 below -2^31, and 2^31
        return x.isNaN ? 0 : x < 0 ? .min : .max
    }
    @inline(__always)
    private static func truncateSaturatingSigned(_ x: Double) -> Int32 {
        if x > -2147483649 && x < 2147483648 { return Int32(x) }
        return x.isNaN ? 0 : x < 0 ? .min : .max
    }
    @inline(__always)
    private static func truncateSaturatingUnsigned(_ x: Float) -> UInt32 {
        if x > -1 && x < 4294967296 { return UInt32(x) }
        return x.isNaN || x < 0 ? 0 : .max
    }
    @inline(__always)
    private static func truncateSaturatingUnsigned(_ x: Double) -> UInt32 {
        if x > -1 && x < 4294967296 { return UInt32(x) }
        return x.isNaN || x < 0 ? 0 : .max
    }

    // MARK: convert (§4.3.4 convert_s/u: round to nearest, ties to even)

    /// f32x4.convert_i32x4_s
    @inline(__always)
    static func f32x4ConvertI32x4S(_ a: V128) -> V128 { V128(SIMD4<Float>(a.i32x4)) }
    /// f32x4.convert_i32x4_u
    @inline(__always)
    static func f32x4ConvertI32x4U(_ a: V128) -> V128 { V128(SIMD4<Float>(a.u32x4)) }
    /// f64x2.convert_low_i32x4_s (exact)
    @inline(__always)
    static func f64x2ConvertLowI32x4S(_ a: V128) -> V128 { V128(SIMD2<Double>(a.low.lanes(SIMD2<Int32>.self))) }
    /// f64x2.convert_low_i32x4_u (exact)
    @inline(__always)
    static func f64x2ConvertLowI32x4U(_ a: V128) -> V128 { V128(SIMD2<Double>(a.low.lanes(SIMD2<UInt32>.self))) }

    // MARK: demote, promote (§4.3.4 demote, promote; NaNs as §4.3.3 allows)

    /// f32x4.demote_f64x2_zero: round to nearest; a NaN stays a NaN (quieted, upper payload bits
    /// kept: canonical stays canonical).
    @inline(__always)
    static func f32x4DemoteF64x2Zero(_ a: V128) -> V128 {
        let x = a.f64x2
        return V128(SIMD4<Float>(Float(x[0]), Float(x[1]), 0, 0))
    }
    /// f64x2.promote_low_f32x4 (exact; a NaN stays a NaN, quieted).
    @inline(__always)
    static func f64x2PromoteLowF32x4(_ a: V128) -> V128 {
        let x = a.f32x4
        return V128(SIMD2<Double>(Double(x[0]), Double(x[1])))
    }
}
