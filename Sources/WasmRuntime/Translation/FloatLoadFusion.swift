// An f64 add, sub or mul whose operand an `f64.load` has just put in its home slot, the load's
// address a local plus a constant (`load64Displaced`) or a constant (`load64At`, a C global):
// one instruction loads and computes (§4.4.7 load, then §4.4.3 the binary operation; a load
// out of bounds traps before anything is written). The n-body step's `dx = x[i] - x[j]` is
// one instruction instead of two.

import WasmCore

extension Translator {
    /// The fused form of `op` (result to `result`, operands in `lhsSlot` and `rhsSlot`) with the
    /// instruction just emitted, when that instruction loaded one of the operands (the right
    /// one for a subtraction; either for the commutative add and mul); `nil` otherwise.
    func fusedF64Load(_ op: NumericOperator, result: Slot, lhs: Operand, lhsSlot: Slot,
                      rhs: Operand, rhsSlot: Slot) -> InternalInstruction? {
        guard op == .f64Add || op == .f64Sub || op == .f64Mul, let r = ShortSlot(exactly: result) else { return nil }
        if let fused = fusedF64ConstantAddressLoad(op, result: r, lhs: lhs, lhsSlot: lhsSlot, rhs: rhs, rhsSlot: rhsSlot) {
            return fused
        }
        let other: Slot, base: Slot, displacement: UInt32
        if case .load64Displaced(rhs.home, let b, let d)? = instructionComputing(rhs) {
            (other, base, displacement) = (lhsSlot, b, d)
        } else if op != .f64Sub, case .load64Displaced(lhs.home, let b, let d)? = instructionComputing(lhs) {
            (other, base, displacement) = (rhsSlot, b, d)
        } else {
            return nil
        }
        switch op {
        case .f64Add: return .f64AddDisplaced(result: r, lhs: other, base: base, displacement: displacement)
        case .f64Sub: return .f64SubDisplaced(result: r, lhs: other, base: base, displacement: displacement)
        default: return .f64MulDisplaced(result: r, lhs: other, base: base, displacement: displacement)
        }
    }

    /// The same with a load from a constant address.
    private func fusedF64ConstantAddressLoad(_ op: NumericOperator, result: ShortSlot, lhs: Operand, lhsSlot: Slot,
                                             rhs: Operand, rhsSlot: Slot) -> InternalInstruction? {
        let other: Slot, address: UInt64
        if case .load64At(let a, rhs.home)? = instructionComputing(rhs) {
            (other, address) = (lhsSlot, a)
        } else if op != .f64Sub, case .load64At(let a, lhs.home)? = instructionComputing(lhs) {
            (other, address) = (rhsSlot, a)
        } else {
            return nil
        }
        switch op {
        case .f64Add: return .f64AddAt(result: result, lhs: other, address: address)
        case .f64Sub: return .f64SubAt(result: result, lhs: other, address: address)
        default: return .f64MulAt(result: result, lhs: other, address: address)
        }
    }
}
