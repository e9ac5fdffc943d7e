// The vector operators of the code under test, by SIMDOperator: the interpreter's own
// out-of-line vector dispatch (VectorExecution), run on a small frame of slots, so the tests
// check the same mapping from operator to semantics that executes.

@testable import WasmRuntime
import WasmCore

/// `op` applied by the code under test to `a`, `b`, `c` (by arity: unary and test operators use
/// `a`, binary ones `a` and `b`, bitselect all three) and `scalar` (the splat operand's bits or
/// the shift count, truncated to the operand type).
func applySIMD(_ op: SIMDOperator, _ a: V128, _ b: V128, _ c: V128, scalar: UInt64) -> ActualResult {
    // Slots 0–1: a (and the result), 2–3: b, 4–5: c, 6: the scalar operand, 7: an i32 result.
    var slots = [UInt64](repeating: 0, count: 8)
    return slots.withUnsafeMutableBufferPointer { buffer in
        let fp = buffer.baseAddress!
        fp[v128: 0] = a
        fp[v128: 2] = b
        fp[v128: 4] = c
        fp[6] = scalar
        switch op.signature {
        case .unary: VectorExecution.unary(op, fp, result: 0, operand: 0)
        case .binary: VectorExecution.binary(op, fp, result: 0, rhs: 2)
        case .ternary: VectorExecution.bitselect(fp, operands: 0)
        case .shift: VectorExecution.shift(op, fp, result: 0, count: 6)
        case .splat: VectorExecution.splat(op, fp, result: 0, operand: 6)
        case .test:
            VectorExecution.test(op, fp, result: 7, operand: 0)
            return .i32(UInt32(truncatingIfNeeded: fp[7]))
        }
        return .vector(fp[v128: 0])
    }
}

/// A lane operator applied by the code under test to lane `lane` of `a`; replace_lane puts
/// `scalar` (the operand's bits) there.
func applySIMDLane(_ op: SIMDLaneOperator, lane: Int, _ a: V128, scalar: UInt64) -> ActualResult {
    let i32 = UInt32(truncatingIfNeeded: scalar)
    switch op {
    case .i8x16ExtractLaneS: return .i32(V128.i8x16ExtractLaneS(a, lane))
    case .i8x16ExtractLaneU: return .i32(V128.i8x16ExtractLaneU(a, lane))
    case .i8x16ReplaceLane: return .vector(V128.i8x16ReplaceLane(a, lane, i32))
    case .i16x8ExtractLaneS: return .i32(V128.i16x8ExtractLaneS(a, lane))
    case .i16x8ExtractLaneU: return .i32(V128.i16x8ExtractLaneU(a, lane))
    case .i16x8ReplaceLane: return .vector(V128.i16x8ReplaceLane(a, lane, i32))
    case .i32x4ExtractLane: return .i32(V128.i32x4ExtractLane(a, lane))
    case .i32x4ReplaceLane: return .vector(V128.i32x4ReplaceLane(a, lane, i32))
    case .i64x2ExtractLane: return .i64(V128.i64x2ExtractLane(a, lane))
    case .i64x2ReplaceLane: return .vector(V128.i64x2ReplaceLane(a, lane, scalar))
    case .f32x4ExtractLane: return .i32(V128.f32x4ExtractLane(a, lane).bitPattern)
    case .f32x4ReplaceLane: return .vector(V128.f32x4ReplaceLane(a, lane, Float(bitPattern: i32)))
    case .f64x2ExtractLane: return .i64(V128.f64x2ExtractLane(a, lane).bitPattern)
    case .f64x2ReplaceLane: return .vector(V128.f64x2ReplaceLane(a, lane, Double(bitPattern: scalar)))
    }
}
