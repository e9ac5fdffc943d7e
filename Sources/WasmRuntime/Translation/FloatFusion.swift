// Fusion of two dependent f64 arithmetic operators (DESIGN.md, "Translation"): when an
// `f64.add`, `f64.sub` or `f64.mul` consumes the value the previous `f64.add`/`sub`/`mul` just
// computed into its home slot, both become one instruction that keeps the intermediate value in
// a register (§4.4.1 numeric instructions, evaluated in the same order: the inner operation
// first, rounded, then the outer one; no contraction into a fused multiply-add).
// Chains such as `zr * zr - zi * zi + cr` then take half the dispatches, and the intermediate
// result no longer travels through memory.

import WasmCore

/// A frame slot in the compact form of the four-operand f64 instructions.
typealias ShortSlot = Int16

extension Translator {
    /// The fused form of `op` (the outer operator, an f64 add, sub or mul whose operands are in
    /// `lhsSlot` and `rhsSlot`, result to `result`) with the instruction just emitted, when that
    /// instruction computed one of the two operands into its home slot; `nil` otherwise.
    func fusedF64Arithmetic(_ op: NumericOperator, result: Slot, lhs: Operand, lhsSlot: Slot,
                            rhs: Operand, rhsSlot: Slot) -> InternalInstruction? {
        guard op == .f64Add || op == .f64Sub || op == .f64Mul else { return nil }
        // The inner result must be the operand's own (operand-stack) slot: nothing else reads it.
        let inner: F64Arithmetic, innerIsLhs: Bool
        if let computed = instructionComputing(lhs).flatMap(F64Arithmetic.init), computed.result == lhs.home {
            (inner, innerIsLhs) = (computed, true)
        } else if let computed = instructionComputing(rhs).flatMap(F64Arithmetic.init), computed.result == rhs.home {
            (inner, innerIsLhs) = (computed, false)
        } else {
            return nil
        }
        guard let r = ShortSlot(exactly: result), let a = ShortSlot(exactly: inner.lhs),
              let b = ShortSlot(exactly: inner.rhs),
              let c = ShortSlot(exactly: innerIsLhs ? rhsSlot : lhsSlot) else { return nil }
        switch (inner.kind, op, innerIsLhs) {
        case (.add, .f64Add, _): return .f64AddAdd(result: r, lhs: a, rhs: b, other: c)
        case (.add, .f64Mul, _): return .f64AddMul(result: r, lhs: a, rhs: b, other: c)
        case (.add, .f64Sub, true): return .f64AddSub(result: r, lhs: a, rhs: b, other: c)
        case (.add, .f64Sub, false): return .f64AddSubFrom(result: r, lhs: a, rhs: b, other: c)
        case (.sub, .f64Add, _): return .f64SubAdd(result: r, lhs: a, rhs: b, other: c)
        case (.sub, .f64Mul, _): return .f64SubMul(result: r, lhs: a, rhs: b, other: c)
        case (.sub, .f64Sub, true): return .f64SubSub(result: r, lhs: a, rhs: b, other: c)
        case (.sub, .f64Sub, false): return .f64SubSubFrom(result: r, lhs: a, rhs: b, other: c)
        case (.mul, .f64Add, _): return .f64MulAdd(result: r, lhs: a, rhs: b, other: c)
        case (.mul, .f64Mul, _): return .f64MulMul(result: r, lhs: a, rhs: b, other: c)
        case (.mul, .f64Sub, true): return .f64MulSub(result: r, lhs: a, rhs: b, other: c)
        case (.mul, .f64Sub, false): return .f64MulSubFrom(result: r, lhs: a, rhs: b, other: c)
        default: return nil
        }
    }
}

/// An `f64Add`, `f64Sub` or `f64Mul` instruction taken apart.
struct F64Arithmetic {
    enum Kind { case add, sub, mul }
    var kind: Kind
    var result: Slot
    var lhs: Slot
    var rhs: Slot

    init?(_ instruction: InternalInstruction) {
        switch instruction {
        case .f64Add(let r, let a, let b): (kind, result, lhs, rhs) = (.add, r, a, b)
        case .f64Sub(let r, let a, let b): (kind, result, lhs, rhs) = (.sub, r, a, b)
        case .f64Mul(let r, let a, let b): (kind, result, lhs, rhs) = (.mul, r, a, b)
        default: return nil
        }
    }
}
