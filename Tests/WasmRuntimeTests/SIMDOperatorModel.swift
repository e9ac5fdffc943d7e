// The lane model of every SIMDOperator: the spec's lane-wise definitions (§4.3, §4.4.3) written
// with the plain formulas of `Reference`. The switch is exhaustive.

import WasmCore

/// What `op` must produce for the operands of `applySIMD`.
func laneModel(_ op: SIMDOperator, _ a: V128, _ b: V128, _ c: V128, scalar: UInt64) -> ExpectedResult {
    typealias R = Reference
    let count = UInt32(truncatingIfNeeded: scalar)
    func allTrue(_ width: LaneWidth) -> ExpectedResult { .i32(a.unsignedLanes(width).allSatisfy { $0 != 0 } ? 1 : 0) }
    func bitmask(_ width: LaneWidth) -> ExpectedResult {
        .i32(a.signedLanes(width).enumerated().reduce(0) { $0 | ($1.element < 0 ? 1 << UInt32($1.offset) : 0) })
    }
    func shifted(_ width: LaneWidth) -> Int { Int(count) % width.rawValue }
    func narrow(_ from: LaneWidth, _ to: LaneWidth, signed: Bool) -> ExpectedResult {
        R.widening(a, b, from: from, to: to, signed: true) { la, lb, lane in
            R.saturate(lane < from.count ? la[lane] : lb[lane - from.count], to, signed: signed)
        }
    }
    func extend(_ from: LaneWidth, _ to: LaneWidth, high: Bool, signed: Bool) -> ExpectedResult {
        R.widening(a, b, from: from, to: to, signed: signed) { la, _, lane in la[lane + (high ? to.count : 0)] }
    }
    func extmul(_ from: LaneWidth, _ to: LaneWidth, high: Bool, signed: Bool) -> ExpectedResult {
        R.widening(a, b, from: from, to: to, signed: signed) { la, lb, lane in
            la[lane + (high ? to.count : 0)] &* lb[lane + (high ? to.count : 0)]
        }
    }
    func pairwise(_ from: LaneWidth, _ to: LaneWidth, signed: Bool) -> ExpectedResult {
        R.widening(a, b, from: from, to: to, signed: signed) { la, _, lane in la[2 * lane] + la[2 * lane + 1] }
    }
    func truncSat(signed: Bool) -> ExpectedResult {
        .vector(V128(lanes: a.f32Lanes.map { R.truncateSaturating($0, signed: signed) }, .b32))
    }
    func truncSatZero(signed: Bool) -> ExpectedResult {
        .vector(V128(lanes: a.f64Lanes.map { R.truncateSaturating($0, signed: signed) } + [0, 0], .b32))
    }

    switch op {
    case .i8x16Swizzle:
        let table = a.unsignedLanes(.b8)
        return .vector(V128(lanes: b.unsignedLanes(.b8).map { $0 < 16 ? table[$0] : 0 }, .b8))
    case .i8x16Splat: return .vector(V128(lanes: Array(repeating: Int(count), count: 16), .b8))
    case .i16x8Splat: return .vector(V128(lanes: Array(repeating: Int(count), count: 8), .b16))
    case .i32x4Splat: return .vector(V128(lanes: Array(repeating: Int(count), count: 4), .b32))
    case .i64x2Splat: return .vector(V128(f64Bits: [scalar, scalar]))
    case .f32x4Splat: return .vector(V128(f32Bits: Array(repeating: count, count: 4)))
    case .f64x2Splat: return .vector(V128(f64Bits: [scalar, scalar]))
    case .i8x16Eq: return R.compare(a, b, .b8, signed: true, ==)
    case .i8x16Ne: return R.compare(a, b, .b8, signed: true, !=)
    case .i8x16LtS: return R.compare(a, b, .b8, signed: true, <)
    case .i8x16LtU: return R.compare(a, b, .b8, signed: false, <)
    case .i8x16GtS: return R.compare(a, b, .b8, signed: true, >)
    case .i8x16GtU: return R.compare(a, b, .b8, signed: false, >)
    case .i8x16LeS: return R.compare(a, b, .b8, signed: true, <=)
    case .i8x16LeU: return R.compare(a, b, .b8, signed: false, <=)
    case .i8x16GeS: return R.compare(a, b, .b8, signed: true, >=)
    case .i8x16GeU: return R.compare(a, b, .b8, signed: false, >=)
    case .i16x8Eq: return R.compare(a, b, .b16, signed: true, ==)
    case .i16x8Ne: return R.compare(a, b, .b16, signed: true, !=)
    case .i16x8LtS: return R.compare(a, b, .b16, signed: true, <)
    case .i16x8LtU: return R.compare(a, b, .b16, signed: false, <)
    case .i16x8GtS: return R.compare(a, b, .b16, signed: true, >)
    case .i16x8GtU: return R.compare(a, b, .b16, signed: false, >)
    case .i16x8LeS: return R.compare(a, b, .b16, signed: true, <=)
    case .i16x8LeU: return R.compare(a, b, .b16, signed: false, <=)
    case .i16x8GeS: return R.compare(a, b, .b16, signed: true, >=)
    case .i16x8GeU: return R.compare(a, b, .b16, signed: false, >=)
    case .i32x4Eq: return R.compare(a, b, .b32, signed: true, ==)
    case .i32x4Ne: return R.compare(a, b, .b32, signed: true, !=)
    case .i32x4LtS: return R.compare(a, b, .b32, signed: true, <)
    case .i32x4LtU: return R.compare(a, b, .b32, signed: false, <)
    case .i32x4GtS: return R.compare(a, b, .b32, signed: true, >)
    case .i32x4GtU: return R.compare(a, b, .b32, signed: false, >)
    case .i32x4LeS: return R.compare(a, b, .b32, signed: true, <=)
    case .i32x4LeU: return R.compare(a, b, .b32, signed: false, <=)
    case .i32x4GeS: return R.compare(a, b, .b32, signed: true, >=)
    case .i32x4GeU: return R.compare(a, b, .b32, signed: false, >=)
    case .f32x4Eq: return R.f32Compare(a, b, ==)
    case .f32x4Ne: return R.f32Compare(a, b, !=)
    case .f32x4Lt: return R.f32Compare(a, b, <)
    case .f32x4Gt: return R.f32Compare(a, b, >)
    case .f32x4Le: return R.f32Compare(a, b, <=)
    case .f32x4Ge: return R.f32Compare(a, b, >=)
    case .f64x2Eq: return R.f64Compare(a, b, ==)
    case .f64x2Ne: return R.f64Compare(a, b, !=)
    case .f64x2Lt: return R.f64Compare(a, b, <)
    case .f64x2Gt: return R.f64Compare(a, b, >)
    case .f64x2Le: return R.f64Compare(a, b, <=)
    case .f64x2Ge: return R.f64Compare(a, b, >=)
    case .v128Not: return R.unary(a, .b64) { ~$0 }
    case .v128And: return R.binary(a, b, .b64) { $0 & $1 }
    case .v128AndNot: return R.binary(a, b, .b64) { $0 & ~$1 }
    case .v128Or: return R.binary(a, b, .b64) { $0 | $1 }
    case .v128Xor: return R.binary(a, b, .b64) { $0 ^ $1 }
    case .v128Bitselect:
        let lanes = zip(zip(a.signedLanes(.b64), b.signedLanes(.b64)), c.signedLanes(.b64)).map { ($0.0 & $1) | ($0.1 & ~$1) }
        return .vector(V128(lanes: lanes, .b64))
    case .v128AnyTrue: return .i32(a.low != 0 || a.high != 0 ? 1 : 0)
    case .f32x4DemoteF64x2Zero:
        let x = a.f64Lanes
        return .f32(lanes: [Float(x[0]), Float(x[1]), 0, 0], operands: [[nanClassProxy(x[0])], [nanClassProxy(x[1])], [], []])
    case .f64x2PromoteLowF32x4:
        let x = a.f32Lanes
        return .f64(lanes: [Double(x[0]), Double(x[1])], operands: [[nanClassProxy(x[0])], [nanClassProxy(x[1])]])
    case .i8x16Abs: return R.unary(a, .b8) { abs($0) }
    case .i8x16Neg: return R.unary(a, .b8) { -$0 }
    case .i8x16Popcnt: return R.unary(a, .b8, signed: false) { $0.nonzeroBitCount }
    case .i8x16AllTrue: return allTrue(.b8)
    case .i8x16Bitmask: return bitmask(.b8)
    case .i8x16NarrowI16x8S: return narrow(.b16, .b8, signed: true)
    case .i8x16NarrowI16x8U: return narrow(.b16, .b8, signed: false)
    case .f32x4Ceil: return R.f32Unary(a) { $0.rounded(.up) }
    case .f32x4Floor: return R.f32Unary(a) { $0.rounded(.down) }
    case .f32x4Trunc: return R.f32Unary(a) { $0.rounded(.towardZero) }
    case .f32x4Nearest: return R.f32Unary(a) { $0.rounded(.toNearestOrEven) }
    case .i8x16Shl: return R.unary(a, .b8) { $0 << shifted(.b8) }
    case .i8x16ShrS: return R.unary(a, .b8) { $0 >> shifted(.b8) }
    case .i8x16ShrU: return R.unary(a, .b8, signed: false) { R.shiftRightLogical($0, shifted(.b8)) }
    case .i8x16Add: return R.binary(a, b, .b8, +)
    case .i8x16AddSatS: return R.binary(a, b, .b8) { R.saturate($0 + $1, .b8, signed: true) }
    case .i8x16AddSatU: return R.binary(a, b, .b8, signed: false) { R.saturate($0 + $1, .b8, signed: false) }
    case .i8x16Sub: return R.binary(a, b, .b8, -)
    case .i8x16SubSatS: return R.binary(a, b, .b8) { R.saturate($0 - $1, .b8, signed: true) }
    case .i8x16SubSatU: return R.binary(a, b, .b8, signed: false) { R.saturate($0 - $1, .b8, signed: false) }
    case .f64x2Ceil: return R.f64Unary(a) { $0.rounded(.up) }
    case .f64x2Floor: return R.f64Unary(a) { $0.rounded(.down) }
    case .i8x16MinS: return R.binary(a, b, .b8, min)
    case .i8x16MinU: return R.binary(a, b, .b8, signed: false, min)
    case .i8x16MaxS: return R.binary(a, b, .b8, max)
    case .i8x16MaxU: return R.binary(a, b, .b8, signed: false, max)
    case .f64x2Trunc: return R.f64Unary(a) { $0.rounded(.towardZero) }
    case .i8x16AvgrU: return R.binary(a, b, .b8, signed: false) { ($0 + $1 + 1) / 2 }
    case .i16x8ExtaddPairwiseI8x16S: return pairwise(.b8, .b16, signed: true)
    case .i16x8ExtaddPairwiseI8x16U: return pairwise(.b8, .b16, signed: false)
    case .i32x4ExtaddPairwiseI16x8S: return pairwise(.b16, .b32, signed: true)
    case .i32x4ExtaddPairwiseI16x8U: return pairwise(.b16, .b32, signed: false)
    case .i16x8Abs: return R.unary(a, .b16) { abs($0) }
    case .i16x8Neg: return R.unary(a, .b16) { -$0 }
    case .i16x8Q15mulrSatS: return R.binary(a, b, .b16) { R.saturate(($0 * $1 + 0x4000) >> 15, .b16, signed: true) }
    case .i16x8AllTrue: return allTrue(.b16)
    case .i16x8Bitmask: return bitmask(.b16)
    case .i16x8NarrowI32x4S: return narrow(.b32, .b16, signed: true)
    case .i16x8NarrowI32x4U: return narrow(.b32, .b16, signed: false)
    case .i16x8ExtendLowI8x16S: return extend(.b8, .b16, high: false, signed: true)
    case .i16x8ExtendHighI8x16S: return extend(.b8, .b16, high: true, signed: true)
    case .i16x8ExtendLowI8x16U: return extend(.b8, .b16, high: false, signed: false)
    case .i16x8ExtendHighI8x16U: return extend(.b8, .b16, high: true, signed: false)
    case .i16x8Shl: return R.unary(a, .b16) { $0 << shifted(.b16) }
    case .i16x8ShrS: return R.unary(a, .b16) { $0 >> shifted(.b16) }
    case .i16x8ShrU: return R.unary(a, .b16, signed: false) { R.shiftRightLogical($0, shifted(.b16)) }
    case .i16x8Add: return R.binary(a, b, .b16, +)
    case .i16x8AddSatS: return R.binary(a, b, .b16) { R.saturate($0 + $1, .b16, signed: true) }
    case .i16x8AddSatU: return R.binary(a, b, .b16, signed: false) { R.saturate($0 + $1, .b16, signed: false) }
    case .i16x8Sub: return R.binary(a, b, .b16, -)
    case .i16x8SubSatS: return R.binary(a, b, .b16) { R.saturate($0 - $1, .b16, signed: true) }
    case .i16x8SubSatU: return R.binary(a, b, .b16, signed: false) { R.saturate($0 - $1, .b16, signed: false) }
    case .f64x2Nearest: return R.f64Unary(a) { $0.rounded(.toNearestOrEven) }
    case .i16x8Mul: return R.binary(a, b, .b16, *)
    case .i16x8MinS: return R.binary(a, b, .b16, min)
    case .i16x8MinU: return R.binary(a, b, .b16, signed: false, min)
    case .i16x8MaxS: return R.binary(a, b, .b16, max)
    case .i16x8MaxU: return R.binary(a, b, .b16, signed: false, max)
    case .i16x8AvgrU: return R.binary(a, b, .b16, signed: false) { ($0 + $1 + 1) / 2 }
    case .i16x8ExtmulLowI8x16S: return extmul(.b8, .b16, high: false, signed: true)
    case .i16x8ExtmulHighI8x16S: return extmul(.b8, .b16, high: true, signed: true)
    case .i16x8ExtmulLowI8x16U: return extmul(.b8, .b16, high: false, signed: false)
    case .i16x8ExtmulHighI8x16U: return extmul(.b8, .b16, high: true, signed: false)
    case .i32x4Abs: return R.unary(a, .b32) { abs($0) }
    case .i32x4Neg: return R.unary(a, .b32) { -$0 }
    case .i32x4AllTrue: return allTrue(.b32)
    case .i32x4Bitmask: return bitmask(.b32)
    case .i32x4ExtendLowI16x8S: return extend(.b16, .b32, high: false, signed: true)
    case .i32x4ExtendHighI16x8S: return extend(.b16, .b32, high: true, signed: true)
    case .i32x4ExtendLowI16x8U: return extend(.b16, .b32, high: false, signed: false)
    case .i32x4ExtendHighI16x8U: return extend(.b16, .b32, high: true, signed: false)
    case .i32x4Shl: return R.unary(a, .b32) { $0 << shifted(.b32) }
    case .i32x4ShrS: return R.unary(a, .b32) { $0 >> shifted(.b32) }
    case .i32x4ShrU: return R.unary(a, .b32, signed: false) { R.shiftRightLogical($0, shifted(.b32)) }
    case .i32x4Add: return R.binary(a, b, .b32, +)
    case .i32x4Sub: return R.binary(a, b, .b32, -)
    case .i32x4Mul: return R.binary(a, b, .b32, *)
    case .i32x4MinS: return R.binary(a, b, .b32, min)
    case .i32x4MinU: return R.binary(a, b, .b32, signed: false, min)
    case .i32x4MaxS: return R.binary(a, b, .b32, max)
    case .i32x4MaxU: return R.binary(a, b, .b32, signed: false, max)
    case .i32x4DotI16x8S:
        return R.widening(a, b, from: .b16, to: .b32, signed: true) { la, lb, lane in
            la[2 * lane] * lb[2 * lane] + la[2 * lane + 1] * lb[2 * lane + 1]
        }
    case .i32x4ExtmulLowI16x8S: return extmul(.b16, .b32, high: false, signed: true)
    case .i32x4ExtmulHighI16x8S: return extmul(.b16, .b32, high: true, signed: true)
    case .i32x4ExtmulLowI16x8U: return extmul(.b16, .b32, high: false, signed: false)
    case .i32x4ExtmulHighI16x8U: return extmul(.b16, .b32, high: true, signed: false)
    case .i64x2Abs: return R.unary(a, .b64) { $0 < 0 ? 0 &- $0 : $0 }
    case .i64x2Neg: return R.unary(a, .b64) { 0 &- $0 }
    case .i64x2AllTrue: return allTrue(.b64)
    case .i64x2Bitmask: return bitmask(.b64)
    case .i64x2ExtendLowI32x4S: return extend(.b32, .b64, high: false, signed: true)
    case .i64x2ExtendHighI32x4S: return extend(.b32, .b64, high: true, signed: true)
    case .i64x2ExtendLowI32x4U: return extend(.b32, .b64, high: false, signed: false)
    case .i64x2ExtendHighI32x4U: return extend(.b32, .b64, high: true, signed: false)
    case .i64x2Shl: return R.unary(a, .b64) { $0 << shifted(.b64) }
    case .i64x2ShrS: return R.unary(a, .b64) { $0 >> shifted(.b64) }
    case .i64x2ShrU: return R.unary(a, .b64) { R.shiftRightLogical($0, shifted(.b64)) }
    case .i64x2Add: return R.binary(a, b, .b64, &+)
    case .i64x2Sub: return R.binary(a, b, .b64, &-)
    case .i64x2Mul: return R.binary(a, b, .b64, &*)
    case .i64x2Eq: return R.compare(a, b, .b64, signed: true, ==)
    case .i64x2Ne: return R.compare(a, b, .b64, signed: true, !=)
    case .i64x2LtS: return R.compare(a, b, .b64, signed: true, <)
    case .i64x2GtS: return R.compare(a, b, .b64, signed: true, >)
    case .i64x2LeS: return R.compare(a, b, .b64, signed: true, <=)
    case .i64x2GeS: return R.compare(a, b, .b64, signed: true, >=)
    case .i64x2ExtmulLowI32x4S: return extmul(.b32, .b64, high: false, signed: true)
    case .i64x2ExtmulHighI32x4S: return extmul(.b32, .b64, high: true, signed: true)
    case .i64x2ExtmulLowI32x4U: return extmul(.b32, .b64, high: false, signed: false)
    case .i64x2ExtmulHighI32x4U: return extmul(.b32, .b64, high: true, signed: false)
    case .f32x4Abs: return R.f32Bits(a, a) { x, _ in Float(bitPattern: x.bitPattern & 0x7FFF_FFFF) }
    case .f32x4Neg: return R.f32Bits(a, a) { x, _ in Float(bitPattern: x.bitPattern ^ 0x8000_0000) }
    case .f32x4Sqrt: return R.f32Unary(a) { $0.squareRoot() }
    case .f32x4Add: return R.f32Binary(a, b, +)
    case .f32x4Sub: return R.f32Binary(a, b, -)
    case .f32x4Mul: return R.f32Binary(a, b, *)
    case .f32x4Div: return R.f32Binary(a, b, /)
    case .f32x4Min: return R.f32Binary(a, b, R.fmin)
    case .f32x4Max: return R.f32Binary(a, b, R.fmax)
    case .f32x4Pmin: return R.f32Bits(a, b) { x, y in y < x ? y : x }
    case .f32x4Pmax: return R.f32Bits(a, b) { x, y in x < y ? y : x }
    case .f64x2Abs: return R.f64Bits(a, a) { x, _ in Double(bitPattern: x.bitPattern & 0x7FFF_FFFF_FFFF_FFFF) }
    case .f64x2Neg: return R.f64Bits(a, a) { x, _ in Double(bitPattern: x.bitPattern ^ 0x8000_0000_0000_0000) }
    case .f64x2Sqrt: return R.f64Unary(a) { $0.squareRoot() }
    case .f64x2Add: return R.f64Binary(a, b, +)
    case .f64x2Sub: return R.f64Binary(a, b, -)
    case .f64x2Mul: return R.f64Binary(a, b, *)
    case .f64x2Div: return R.f64Binary(a, b, /)
    case .f64x2Min: return R.f64Binary(a, b, R.fmin)
    case .f64x2Max: return R.f64Binary(a, b, R.fmax)
    case .f64x2Pmin: return R.f64Bits(a, b) { x, y in y < x ? y : x }
    case .f64x2Pmax: return R.f64Bits(a, b) { x, y in x < y ? y : x }
    case .i32x4TruncSatF32x4S: return truncSat(signed: true)
    case .i32x4TruncSatF32x4U: return truncSat(signed: false)
    case .f32x4ConvertI32x4S: return .vector(V128(f32: a.signedLanes(.b32).map { Float($0) }))
    case .f32x4ConvertI32x4U: return .vector(V128(f32: a.unsignedLanes(.b32).map { Float($0) }))
    case .i32x4TruncSatF64x2SZero: return truncSatZero(signed: true)
    case .i32x4TruncSatF64x2UZero: return truncSatZero(signed: false)
    case .f64x2ConvertLowI32x4S: return .vector(V128(f64: a.signedLanes(.b32).prefix(2).map { Double($0) }))
    case .f64x2ConvertLowI32x4U: return .vector(V128(f64: a.unsignedLanes(.b32).prefix(2).map { Double($0) }))
    }
}

/// A value of the other float format with the same NaN class as `x` (for the NaN rule of
/// demote and promote: canonical in, canonical out; other NaNs give arithmetic NaNs).
private func nanClassProxy(_ x: Double) -> Float {
    x.isNaN ? (x.isCanonicalNaN ? .nan : Float(bitPattern: 0x7FA0_0000)) : 0
}

private func nanClassProxy(_ x: Float) -> Double {
    x.isNaN ? (x.isCanonicalNaN ? .nan : Double(bitPattern: 0x7FF4_0000_0000_0000)) : 0
}
