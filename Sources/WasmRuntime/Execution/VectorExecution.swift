// Execution of the vector instructions without memory access (§4.4.3 vector instructions).
// The interpreter's loop calls `VectorExecution.execute` (VectorDispatch.swift) for every
// vector instruction (DESIGN.md, "Vectors"); it calls these functions, one per family, which
// switch on the operator and call its semantics in `SIMD/` (`V128.<operator>`, see
// SIMDLaneViews.swift). A v128 is two slots, low half first.

import WasmCore

extension UnsafeMutablePointer<UInt64> {
    /// The v128 in slots `slot` (low half) and `slot + 1` (high half).
    @inline(__always)
    subscript(v128 slot: Slot) -> V128 {
        get { V128(low: self[Int(slot)], high: self[Int(slot) + 1]) }
        nonmutating set {
            self[Int(slot)] = newValue.low
            self[Int(slot) + 1] = newValue.high
        }
    }
}

/// The vector families' out-of-line execution; `fp` is the frame base.
enum VectorExecution {
    /// [v128] → [v128] operators (§4.4.3 vunop, extend, convert, demote, promote, ...).
    static func unary(_ op: SIMDOperator, _ fp: UnsafeMutablePointer<UInt64>, result: Slot, operand: Slot) {
        let a = fp[v128: operand]
        let value: V128
        switch op {
        case .v128Not: value = V128.v128Not(a)
        case .f32x4DemoteF64x2Zero: value = V128.f32x4DemoteF64x2Zero(a)
        case .f64x2PromoteLowF32x4: value = V128.f64x2PromoteLowF32x4(a)
        case .i8x16Abs: value = V128.i8x16Abs(a)
        case .i8x16Neg: value = V128.i8x16Neg(a)
        case .i8x16Popcnt: value = V128.i8x16Popcnt(a)
        case .f32x4Ceil: value = V128.f32x4Ceil(a)
        case .f32x4Floor: value = V128.f32x4Floor(a)
        case .f32x4Trunc: value = V128.f32x4Trunc(a)
        case .f32x4Nearest: value = V128.f32x4Nearest(a)
        case .f64x2Ceil: value = V128.f64x2Ceil(a)
        case .f64x2Floor: value = V128.f64x2Floor(a)
        case .f64x2Trunc: value = V128.f64x2Trunc(a)
        case .i16x8ExtaddPairwiseI8x16S: value = V128.i16x8ExtaddPairwiseI8x16S(a)
        case .i16x8ExtaddPairwiseI8x16U: value = V128.i16x8ExtaddPairwiseI8x16U(a)
        case .i32x4ExtaddPairwiseI16x8S: value = V128.i32x4ExtaddPairwiseI16x8S(a)
        case .i32x4ExtaddPairwiseI16x8U: value = V128.i32x4ExtaddPairwiseI16x8U(a)
        case .i16x8Abs: value = V128.i16x8Abs(a)
        case .i16x8Neg: value = V128.i16x8Neg(a)
        case .i16x8ExtendLowI8x16S: value = V128.i16x8ExtendLowI8x16S(a)
        case .i16x8ExtendHighI8x16S: value = V128.i16x8ExtendHighI8x16S(a)
        case .i16x8ExtendLowI8x16U: value = V128.i16x8ExtendLowI8x16U(a)
        case .i16x8ExtendHighI8x16U: value = V128.i16x8ExtendHighI8x16U(a)
        case .f64x2Nearest: value = V128.f64x2Nearest(a)
        case .i32x4Abs: value = V128.i32x4Abs(a)
        case .i32x4Neg: value = V128.i32x4Neg(a)
        case .i32x4ExtendLowI16x8S: value = V128.i32x4ExtendLowI16x8S(a)
        case .i32x4ExtendHighI16x8S: value = V128.i32x4ExtendHighI16x8S(a)
        case .i32x4ExtendLowI16x8U: value = V128.i32x4ExtendLowI16x8U(a)
        case .i32x4ExtendHighI16x8U: value = V128.i32x4ExtendHighI16x8U(a)
        case .i64x2Abs: value = V128.i64x2Abs(a)
        case .i64x2Neg: value = V128.i64x2Neg(a)
        case .i64x2ExtendLowI32x4S: value = V128.i64x2ExtendLowI32x4S(a)
        case .i64x2ExtendHighI32x4S: value = V128.i64x2ExtendHighI32x4S(a)
        case .i64x2ExtendLowI32x4U: value = V128.i64x2ExtendLowI32x4U(a)
        case .i64x2ExtendHighI32x4U: value = V128.i64x2ExtendHighI32x4U(a)
        case .f32x4Abs: value = V128.f32x4Abs(a)
        case .f32x4Neg: value = V128.f32x4Neg(a)
        case .f32x4Sqrt: value = V128.f32x4Sqrt(a)
        case .f64x2Abs: value = V128.f64x2Abs(a)
        case .f64x2Neg: value = V128.f64x2Neg(a)
        case .f64x2Sqrt: value = V128.f64x2Sqrt(a)
        case .i32x4TruncSatF32x4S: value = V128.i32x4TruncSatF32x4S(a)
        case .i32x4TruncSatF32x4U: value = V128.i32x4TruncSatF32x4U(a)
        case .f32x4ConvertI32x4S: value = V128.f32x4ConvertI32x4S(a)
        case .f32x4ConvertI32x4U: value = V128.f32x4ConvertI32x4U(a)
        case .i32x4TruncSatF64x2SZero: value = V128.i32x4TruncSatF64x2SZero(a)
        case .i32x4TruncSatF64x2UZero: value = V128.i32x4TruncSatF64x2UZero(a)
        case .f64x2ConvertLowI32x4S: value = V128.f64x2ConvertLowI32x4S(a)
        case .f64x2ConvertLowI32x4U: value = V128.f64x2ConvertLowI32x4U(a)
        default: preconditionFailure("not a unary vector operator: \(op)")
        }
        fp[v128: result] = value
    }

    /// [v128 v128] → [v128] operators (§4.4.3 vbinop, vrelop, narrow, swizzle, dot, extmul);
    /// the left operand is in the result's slots.
    static func binary(_ op: SIMDOperator, _ fp: UnsafeMutablePointer<UInt64>, result: Slot, rhs: Slot) {
        let a = fp[v128: result], b = fp[v128: rhs]
        let value: V128
        switch op {
        case .i8x16Swizzle: value = V128.i8x16Swizzle(a, b)
        case .i8x16Eq: value = V128.i8x16Eq(a, b)
        case .i8x16Ne: value = V128.i8x16Ne(a, b)
        case .i8x16LtS: value = V128.i8x16LtS(a, b)
        case .i8x16LtU: value = V128.i8x16LtU(a, b)
        case .i8x16GtS: value = V128.i8x16GtS(a, b)
        case .i8x16GtU: value = V128.i8x16GtU(a, b)
        case .i8x16LeS: value = V128.i8x16LeS(a, b)
        case .i8x16LeU: value = V128.i8x16LeU(a, b)
        case .i8x16GeS: value = V128.i8x16GeS(a, b)
        case .i8x16GeU: value = V128.i8x16GeU(a, b)
        case .i16x8Eq: value = V128.i16x8Eq(a, b)
        case .i16x8Ne: value = V128.i16x8Ne(a, b)
        case .i16x8LtS: value = V128.i16x8LtS(a, b)
        case .i16x8LtU: value = V128.i16x8LtU(a, b)
        case .i16x8GtS: value = V128.i16x8GtS(a, b)
        case .i16x8GtU: value = V128.i16x8GtU(a, b)
        case .i16x8LeS: value = V128.i16x8LeS(a, b)
        case .i16x8LeU: value = V128.i16x8LeU(a, b)
        case .i16x8GeS: value = V128.i16x8GeS(a, b)
        case .i16x8GeU: value = V128.i16x8GeU(a, b)
        case .i32x4Eq: value = V128.i32x4Eq(a, b)
        case .i32x4Ne: value = V128.i32x4Ne(a, b)
        case .i32x4LtS: value = V128.i32x4LtS(a, b)
        case .i32x4LtU: value = V128.i32x4LtU(a, b)
        case .i32x4GtS: value = V128.i32x4GtS(a, b)
        case .i32x4GtU: value = V128.i32x4GtU(a, b)
        case .i32x4LeS: value = V128.i32x4LeS(a, b)
        case .i32x4LeU: value = V128.i32x4LeU(a, b)
        case .i32x4GeS: value = V128.i32x4GeS(a, b)
        case .i32x4GeU: value = V128.i32x4GeU(a, b)
        case .f32x4Eq: value = V128.f32x4Eq(a, b)
        case .f32x4Ne: value = V128.f32x4Ne(a, b)
        case .f32x4Lt: value = V128.f32x4Lt(a, b)
        case .f32x4Gt: value = V128.f32x4Gt(a, b)
        case .f32x4Le: value = V128.f32x4Le(a, b)
        case .f32x4Ge: value = V128.f32x4Ge(a, b)
        case .f64x2Eq: value = V128.f64x2Eq(a, b)
        case .f64x2Ne: value = V128.f64x2Ne(a, b)
        case .f64x2Lt: value = V128.f64x2Lt(a, b)
        case .f64x2Gt: value = V128.f64x2Gt(a, b)
        case .f64x2Le: value = V128.f64x2Le(a, b)
        case .f64x2Ge: value = V128.f64x2Ge(a, b)
        case .v128And: value = V128.v128And(a, b)
        case .v128AndNot: value = V128.v128AndNot(a, b)
        case .v128Or: value = V128.v128Or(a, b)
        case .v128Xor: value = V128.v128Xor(a, b)
        case .i8x16NarrowI16x8S: value = V128.i8x16NarrowI16x8S(a, b)
        case .i8x16NarrowI16x8U: value = V128.i8x16NarrowI16x8U(a, b)
        case .i8x16Add: value = V128.i8x16Add(a, b)
        case .i8x16AddSatS: value = V128.i8x16AddSatS(a, b)
        case .i8x16AddSatU: value = V128.i8x16AddSatU(a, b)
        case .i8x16Sub: value = V128.i8x16Sub(a, b)
        case .i8x16SubSatS: value = V128.i8x16SubSatS(a, b)
        case .i8x16SubSatU: value = V128.i8x16SubSatU(a, b)
        case .i8x16MinS: value = V128.i8x16MinS(a, b)
        case .i8x16MinU: value = V128.i8x16MinU(a, b)
        case .i8x16MaxS: value = V128.i8x16MaxS(a, b)
        case .i8x16MaxU: value = V128.i8x16MaxU(a, b)
        case .i8x16AvgrU: value = V128.i8x16AvgrU(a, b)
        case .i16x8Q15mulrSatS: value = V128.i16x8Q15mulrSatS(a, b)
        case .i16x8NarrowI32x4S: value = V128.i16x8NarrowI32x4S(a, b)
        case .i16x8NarrowI32x4U: value = V128.i16x8NarrowI32x4U(a, b)
        case .i16x8Add: value = V128.i16x8Add(a, b)
        case .i16x8AddSatS: value = V128.i16x8AddSatS(a, b)
        case .i16x8AddSatU: value = V128.i16x8AddSatU(a, b)
        case .i16x8Sub: value = V128.i16x8Sub(a, b)
        case .i16x8SubSatS: value = V128.i16x8SubSatS(a, b)
        case .i16x8SubSatU: value = V128.i16x8SubSatU(a, b)
        case .i16x8Mul: value = V128.i16x8Mul(a, b)
        case .i16x8MinS: value = V128.i16x8MinS(a, b)
        case .i16x8MinU: value = V128.i16x8MinU(a, b)
        case .i16x8MaxS: value = V128.i16x8MaxS(a, b)
        case .i16x8MaxU: value = V128.i16x8MaxU(a, b)
        case .i16x8AvgrU: value = V128.i16x8AvgrU(a, b)
        case .i16x8ExtmulLowI8x16S: value = V128.i16x8ExtmulLowI8x16S(a, b)
        case .i16x8ExtmulHighI8x16S: value = V128.i16x8ExtmulHighI8x16S(a, b)
        case .i16x8ExtmulLowI8x16U: value = V128.i16x8ExtmulLowI8x16U(a, b)
        case .i16x8ExtmulHighI8x16U: value = V128.i16x8ExtmulHighI8x16U(a, b)
        case .i32x4Add: value = V128.i32x4Add(a, b)
        case .i32x4Sub: value = V128.i32x4Sub(a, b)
        case .i32x4Mul: value = V128.i32x4Mul(a, b)
        case .i32x4MinS: value = V128.i32x4MinS(a, b)
        case .i32x4MinU: value = V128.i32x4MinU(a, b)
        case .i32x4MaxS: value = V128.i32x4MaxS(a, b)
        case .i32x4MaxU: value = V128.i32x4MaxU(a, b)
        case .i32x4DotI16x8S: value = V128.i32x4DotI16x8S(a, b)
        case .i32x4ExtmulLowI16x8S: value = V128.i32x4ExtmulLowI16x8S(a, b)
        case .i32x4ExtmulHighI16x8S: value = V128.i32x4ExtmulHighI16x8S(a, b)
        case .i32x4ExtmulLowI16x8U: value = V128.i32x4ExtmulLowI16x8U(a, b)
        case .i32x4ExtmulHighI16x8U: value = V128.i32x4ExtmulHighI16x8U(a, b)
        case .i64x2Add: value = V128.i64x2Add(a, b)
        case .i64x2Sub: value = V128.i64x2Sub(a, b)
        case .i64x2Mul: value = V128.i64x2Mul(a, b)
        case .i64x2Eq: value = V128.i64x2Eq(a, b)
        case .i64x2Ne: value = V128.i64x2Ne(a, b)
        case .i64x2LtS: value = V128.i64x2LtS(a, b)
        case .i64x2GtS: value = V128.i64x2GtS(a, b)
        case .i64x2LeS: value = V128.i64x2LeS(a, b)
        case .i64x2GeS: value = V128.i64x2GeS(a, b)
        case .i64x2ExtmulLowI32x4S: value = V128.i64x2ExtmulLowI32x4S(a, b)
        case .i64x2ExtmulHighI32x4S: value = V128.i64x2ExtmulHighI32x4S(a, b)
        case .i64x2ExtmulLowI32x4U: value = V128.i64x2ExtmulLowI32x4U(a, b)
        case .i64x2ExtmulHighI32x4U: value = V128.i64x2ExtmulHighI32x4U(a, b)
        case .f32x4Add: value = V128.f32x4Add(a, b)
        case .f32x4Sub: value = V128.f32x4Sub(a, b)
        case .f32x4Mul: value = V128.f32x4Mul(a, b)
        case .f32x4Div: value = V128.f32x4Div(a, b)
        case .f32x4Min: value = V128.f32x4Min(a, b)
        case .f32x4Max: value = V128.f32x4Max(a, b)
        case .f32x4Pmin: value = V128.f32x4Pmin(a, b)
        case .f32x4Pmax: value = V128.f32x4Pmax(a, b)
        case .f64x2Add: value = V128.f64x2Add(a, b)
        case .f64x2Sub: value = V128.f64x2Sub(a, b)
        case .f64x2Mul: value = V128.f64x2Mul(a, b)
        case .f64x2Div: value = V128.f64x2Div(a, b)
        case .f64x2Min: value = V128.f64x2Min(a, b)
        case .f64x2Max: value = V128.f64x2Max(a, b)
        case .f64x2Pmin: value = V128.f64x2Pmin(a, b)
        case .f64x2Pmax: value = V128.f64x2Pmax(a, b)
        default: preconditionFailure("not a binary vector operator: \(op)")
        }
        fp[v128: result] = value
    }

    /// §4.4.3 v128.bitselect: the operands are three vectors from `operands`, the result
    /// replaces the first.
    static func bitselect(_ fp: UnsafeMutablePointer<UInt64>, operands: Slot) {
        fp[v128: operands] = V128.v128Bitselect(fp[v128: operands], fp[v128: operands + 2], fp[v128: operands + 4])
    }

    /// §4.4.3 shl, shr_s, shr_u of the vector in `result`: the count is the i32 in `count`
    /// (taken modulo the lane width by the semantics).
    static func shift(_ op: SIMDOperator, _ fp: UnsafeMutablePointer<UInt64>, result: Slot, count: Slot) {
        let a = fp[v128: result], count = fp[i32: count]
        let value: V128
        switch op {
        case .i8x16Shl: value = V128.i8x16Shl(a, count)
        case .i8x16ShrS: value = V128.i8x16ShrS(a, count)
        case .i8x16ShrU: value = V128.i8x16ShrU(a, count)
        case .i16x8Shl: value = V128.i16x8Shl(a, count)
        case .i16x8ShrS: value = V128.i16x8ShrS(a, count)
        case .i16x8ShrU: value = V128.i16x8ShrU(a, count)
        case .i32x4Shl: value = V128.i32x4Shl(a, count)
        case .i32x4ShrS: value = V128.i32x4ShrS(a, count)
        case .i32x4ShrU: value = V128.i32x4ShrU(a, count)
        case .i64x2Shl: value = V128.i64x2Shl(a, count)
        case .i64x2ShrS: value = V128.i64x2ShrS(a, count)
        case .i64x2ShrU: value = V128.i64x2ShrU(a, count)
        default: preconditionFailure("not a vector shift: \(op)")
        }
        fp[v128: result] = value
    }

    /// §4.4.3 splat: the scalar in `operand` in every lane.
    static func splat(_ op: SIMDOperator, _ fp: UnsafeMutablePointer<UInt64>, result: Slot, operand: Slot) {
        let value: V128
        switch op {
        case .i8x16Splat: value = V128.i8x16Splat(fp[i32: operand])
        case .i16x8Splat: value = V128.i16x8Splat(fp[i32: operand])
        case .i32x4Splat: value = V128.i32x4Splat(fp[i32: operand])
        case .i64x2Splat: value = V128.i64x2Splat(fp[i64: operand])
        case .f32x4Splat: value = V128.f32x4Splat(fp[f32: operand])
        case .f64x2Splat: value = V128.f64x2Splat(fp[f64: operand])
        default: preconditionFailure("not a splat: \(op)")
        }
        fp[v128: result] = value
    }

    /// §4.4.3 any_true, all_true, bitmask: an i32 from a vector.
    static func test(_ op: SIMDOperator, _ fp: UnsafeMutablePointer<UInt64>, result: Slot, operand: Slot) {
        let a = fp[v128: operand]
        switch op {
        case .v128AnyTrue: fp[i32: result] = V128.v128AnyTrue(a) ? 1 : 0
        case .i8x16AllTrue: fp[i32: result] = V128.i8x16AllTrue(a) ? 1 : 0
        case .i8x16Bitmask: fp[i32: result] = V128.i8x16Bitmask(a)
        case .i16x8AllTrue: fp[i32: result] = V128.i16x8AllTrue(a) ? 1 : 0
        case .i16x8Bitmask: fp[i32: result] = V128.i16x8Bitmask(a)
        case .i32x4AllTrue: fp[i32: result] = V128.i32x4AllTrue(a) ? 1 : 0
        case .i32x4Bitmask: fp[i32: result] = V128.i32x4Bitmask(a)
        case .i64x2AllTrue: fp[i32: result] = V128.i64x2AllTrue(a) ? 1 : 0
        case .i64x2Bitmask: fp[i32: result] = V128.i64x2Bitmask(a)
        default: preconditionFailure("not a vector test: \(op)")
        }
    }
}
