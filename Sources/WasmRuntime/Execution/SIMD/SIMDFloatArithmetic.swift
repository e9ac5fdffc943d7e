// §4.4.3 Vector instructions: the float lane operations fshape.vunop / fshape.vbinop, applying
// the scalar rules of §4.3.3 to every lane.
//
// NaN results (§4.3.3 NaN propagation): when an operand lane is NaN, or an operation like
// ∞ − ∞ makes one, the spec allows any NaN that is canonical when all NaN operands are
// canonical, arithmetic (quiet bit set) otherwise. IEEE hardware arithmetic gives exactly that
// (it quiets an input NaN and keeps its payload, or makes the default NaN, which is canonical), so
// + − × ÷ and sqrt use the standard library's float lanes directly. abs and neg only touch the
// sign bit, even of a NaN (§4.3.3 fabs, fneg), so they are bit operations.

import WasmCore

extension V128 {
    // MARK: abs, neg (sign bit only)

    /// f32x4.abs (§4.3.3 fabs)
    @inline(__always)
    static func f32x4Abs(_ a: V128) -> V128 { a & repeating(0x7FFF_FFFF_7FFF_FFFF) }
    /// f32x4.neg (§4.3.3 fneg)
    @inline(__always)
    static func f32x4Neg(_ a: V128) -> V128 { a ^ repeating(0x8000_0000_8000_0000) }
    /// f64x2.abs (§4.3.3 fabs)
    @inline(__always)
    static func f64x2Abs(_ a: V128) -> V128 { a & repeating(0x7FFF_FFFF_FFFF_FFFF) }
    /// f64x2.neg (§4.3.3 fneg)
    @inline(__always)
    static func f64x2Neg(_ a: V128) -> V128 { a ^ repeating(0x8000_0000_0000_0000) }

    // MARK: sqrt, add, sub, mul, div (§4.3.3 fsqrt, fadd, fsub, fmul, fdiv)

    /// f32x4.sqrt
    @inline(__always) static func f32x4Sqrt(_ a: V128) -> V128 { V128(a.f32x4.squareRoot()) }
    /// f32x4.add
    @inline(__always) static func f32x4Add(_ a: V128, _ b: V128) -> V128 { V128(a.f32x4 + b.f32x4) }
    /// f32x4.sub
    @inline(__always) static func f32x4Sub(_ a: V128, _ b: V128) -> V128 { V128(a.f32x4 - b.f32x4) }
    /// f32x4.mul
    @inline(__always) static func f32x4Mul(_ a: V128, _ b: V128) -> V128 { V128(a.f32x4 * b.f32x4) }
    /// f32x4.div
    @inline(__always) static func f32x4Div(_ a: V128, _ b: V128) -> V128 { V128(a.f32x4 / b.f32x4) }

    /// f64x2.sqrt
    @inline(__always) static func f64x2Sqrt(_ a: V128) -> V128 { V128(a.f64x2.squareRoot()) }
    /// f64x2.add
    @inline(__always) static func f64x2Add(_ a: V128, _ b: V128) -> V128 { V128(a.f64x2 + b.f64x2) }
    /// f64x2.sub
    @inline(__always) static func f64x2Sub(_ a: V128, _ b: V128) -> V128 { V128(a.f64x2 - b.f64x2) }
    /// f64x2.mul
    @inline(__always) static func f64x2Mul(_ a: V128, _ b: V128) -> V128 { V128(a.f64x2 * b.f64x2) }
    /// f64x2.div
    @inline(__always) static func f64x2Div(_ a: V128, _ b: V128) -> V128 { V128(a.f64x2 / b.f64x2) }

    // MARK: min, max (§4.3.3 fmin, fmax: NaN if either lane is NaN; -0 < +0)
    //
    // Branch-free: where the lanes compare equal they have equal bits except for ±0, and OR-ing
    // the bits gives -0 (fmin), AND-ing gives +0 (fmax); where either lane is NaN the result is
    // the lane of a + b, a NaN as §4.3.3 allows (see above).

    /// f32x4.min
    @inline(__always)
    static func f32x4Min(_ a: V128, _ b: V128) -> V128 {
        let x = a.f32x4, y = b.f32x4
        let ordered = select(V128(y .< x), b, select(V128(x .< y), a, a | b))
        return select(V128(x .!= x) | V128(y .!= y), V128(x + y), ordered)
    }
    /// f32x4.max
    @inline(__always)
    static func f32x4Max(_ a: V128, _ b: V128) -> V128 {
        let x = a.f32x4, y = b.f32x4
        let ordered = select(V128(x .< y), b, select(V128(y .< x), a, a & b))
        return select(V128(x .!= x) | V128(y .!= y), V128(x + y), ordered)
    }
    /// f64x2.min
    @inline(__always)
    static func f64x2Min(_ a: V128, _ b: V128) -> V128 {
        let x = a.f64x2, y = b.f64x2
        let ordered = select(V128(y .< x), b, select(V128(x .< y), a, a | b))
        return select(V128(x .!= x) | V128(y .!= y), V128(x + y), ordered)
    }
    /// f64x2.max
    @inline(__always)
    static func f64x2Max(_ a: V128, _ b: V128) -> V128 {
        let x = a.f64x2, y = b.f64x2
        let ordered = select(V128(x .< y), b, select(V128(y .< x), a, a & b))
        return select(V128(x .!= x) | V128(y .!= y), V128(x + y), ordered)
    }

    // MARK: pmin, pmax (§4.4.3 fpmin: b < a ? b : a; fpmax: a < b ? b : a)
    //
    // Pseudo-minimum and -maximum: a plain compare and select, `a` unless the comparison holds,
    // so NaN and ±0 lanes are not special.

    /// f32x4.pmin
    @inline(__always)
    static func f32x4Pmin(_ a: V128, _ b: V128) -> V128 { select(V128(b.f32x4 .< a.f32x4), b, a) }
    /// f32x4.pmax
    @inline(__always)
    static func f32x4Pmax(_ a: V128, _ b: V128) -> V128 { select(V128(a.f32x4 .< b.f32x4), b, a) }
    /// f64x2.pmin
    @inline(__always)
    static func f64x2Pmin(_ a: V128, _ b: V128) -> V128 { select(V128(b.f64x2 .< a.f64x2), b, a) }
    /// f64x2.pmax
    @inline(__always)
    static func f64x2Pmax(_ a: V128, _ b: V128) -> V128 { select(V128(a.f64x2 .< b.f64x2), b, a) }

    // MARK: ceil, floor, trunc, nearest (§4.3.3 fceil, ffloor, ftrunc, fnearest)
    //
    // Vector code instead of one libm call per lane. A float of magnitude below 2^(p−1) (2^23
    // for f32, 2^52 for f64) rounds to an integer, ties to even, when 2^(p−1) is added to its
    // magnitude and subtracted again (IEEE round-to-nearest-even, the only rounding mode Swift
    // runs in); a larger one, ±∞ or NaN is already integral and is returned as x + 0, which
    // quiets a NaN (§4.3.3 NaN propagation) and changes nothing else. Ceil and floor correct the
    // nearest integer by one where it lies on the wrong side of x. Every result then takes the
    // sign of x, which is right for all four operations, and keeps -0 and results like
    // ceil(-0.5) = -0 exact.

    /// f32x4.ceil
    @inline(__always) static func f32x4Ceil(_ a: V128) -> V128 {
        let (nearest, x) = (f32x4RoundedToNearest(a).f32x4, a.f32x4)
        return f32x4Finish(a, V128(nearest + f32x4One(where: nearest .< x)))
    }
    /// f32x4.floor
    @inline(__always) static func f32x4Floor(_ a: V128) -> V128 {
        let (nearest, x) = (f32x4RoundedToNearest(a).f32x4, a.f32x4)
        return f32x4Finish(a, V128(nearest - f32x4One(where: nearest .> x)))
    }
    /// f32x4.trunc
    @inline(__always) static func f32x4Trunc(_ a: V128) -> V128 {
        let magnitude = f32x4Abs(a).f32x4, nearest = f32x4Abs(f32x4RoundedToNearest(a)).f32x4
        return f32x4Finish(a, V128(nearest - f32x4One(where: nearest .> magnitude)))
    }
    /// f32x4.nearest (ties to even)
    @inline(__always) static func f32x4Nearest(_ a: V128) -> V128 {
        f32x4Finish(a, f32x4RoundedToNearest(a))
    }

    /// f64x2.ceil
    @inline(__always) static func f64x2Ceil(_ a: V128) -> V128 {
        let (nearest, x) = (f64x2RoundedToNearest(a).f64x2, a.f64x2)
        return f64x2Finish(a, V128(nearest + f64x2One(where: nearest .< x)))
    }
    /// f64x2.floor
    @inline(__always) static func f64x2Floor(_ a: V128) -> V128 {
        let (nearest, x) = (f64x2RoundedToNearest(a).f64x2, a.f64x2)
        return f64x2Finish(a, V128(nearest - f64x2One(where: nearest .> x)))
    }
    /// f64x2.trunc
    @inline(__always) static func f64x2Trunc(_ a: V128) -> V128 {
        let magnitude = f64x2Abs(a).f64x2, nearest = f64x2Abs(f64x2RoundedToNearest(a)).f64x2
        return f64x2Finish(a, V128(nearest - f64x2One(where: nearest .> magnitude)))
    }
    /// f64x2.nearest (ties to even)
    @inline(__always) static func f64x2Nearest(_ a: V128) -> V128 {
        f64x2Finish(a, f64x2RoundedToNearest(a))
    }

    /// The lanes of magnitude below 2^23 rounded to the nearest integer, ties to even, with
    /// x's sign; the other lanes are not meaningful (see `f32x4Finish`).
    @inline(__always)
    private static func f32x4RoundedToNearest(_ a: V128) -> V128 {
        let magic = SIMD4<Float>(repeating: 8388608)  // 2^23
        return V128((f32x4Abs(a).f32x4 + magic) - magic) | (a & repeating(0x8000_0000_8000_0000))
    }
    /// 1.0 in the lanes where `mask` holds, 0.0 elsewhere.
    @inline(__always)
    private static func f32x4One(where mask: SIMDMask<SIMD4<Int32>>) -> SIMD4<Float> {
        (V128(mask) & repeating(0x3F80_0000_3F80_0000)).f32x4
    }
    /// `rounded` with x's sign where |x| < 2^23, x + 0 elsewhere (large, infinite or NaN).
    @inline(__always)
    private static func f32x4Finish(_ a: V128, _ rounded: V128) -> V128 {
        let small = V128(f32x4Abs(a).f32x4 .< SIMD4<Float>(repeating: 8388608))
        let signed = f32x4Abs(rounded) | (a & repeating(0x8000_0000_8000_0000))
        return select(small, signed, V128(a.f32x4 + SIMD4<Float>()))
    }

    /// As `f32x4RoundedToNearest`, for magnitudes below 2^52.
    @inline(__always)
    private static func f64x2RoundedToNearest(_ a: V128) -> V128 {
        let magic = SIMD2<Double>(repeating: 4503599627370496)  // 2^52
        return V128((f64x2Abs(a).f64x2 + magic) - magic) | (a & repeating(0x8000_0000_0000_0000))
    }
    /// 1.0 in the lanes where `mask` holds, 0.0 elsewhere.
    @inline(__always)
    private static func f64x2One(where mask: SIMDMask<SIMD2<Int64>>) -> SIMD2<Double> {
        (V128(mask) & repeating(0x3FF0_0000_0000_0000)).f64x2
    }
    /// As `f32x4Finish`, for magnitudes below 2^52.
    @inline(__always)
    private static func f64x2Finish(_ a: V128, _ rounded: V128) -> V128 {
        let small = V128(f64x2Abs(a).f64x2 .< SIMD2<Double>(repeating: 4503599627370496))
        let signed = f64x2Abs(rounded) | (a & repeating(0x8000_0000_0000_0000))
        return select(small, signed, V128(a.f64x2 + SIMD2<Double>()))
    }
}
