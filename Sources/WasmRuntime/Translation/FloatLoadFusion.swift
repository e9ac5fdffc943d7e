// An f64 add, sub or mul whose operand an `f64.load` has just put in its home slot, the load's
// address a local plus a constant (`load64Displaced`) or a constant (`load64At`, a C global):
// one instruction loads and computes (§4.4.7 load, then §4.4.3 the binary operation; a load
// out of bounds traps before anything is written). The n-body step's `dx = x[i] - x[j]` is
// one instruction instead of two.

import WasmCore

/// Where a fusable f64 load read its operand.
private enum LoadedAddress {
    case displaced(base: Slot, displacement: UInt32)
    case constant(UInt64)
}

extension Translator {
    /// The fused form of `op` (result to `result`, operands in `lhsSlot` and `rhsSlot`) with the
    /// instruction just emitted, when that instruction loaded one of the operands (the right
    /// one for a subtraction; either for the commutative add and mul); `nil` otherwise.
    func fusedF64Load(_ op: NumericOperator, result: Slot, lhs: Operand, lhsSlot: Slot,
                      rhs: Operand, rhsSlot: Slot) -> InternalInstruction? {
        guard op == .f64Add || op == .f64Sub || op == .f64Mul, let r = ShortSlot(exactly: result) else { return nil }
        let other: Slot, address: LoadedAddress
        if let loaded = loadedAddress(of: rhs) {
            (other, address) = (lhsSlot, loaded)
        } else if op != .f64Sub, let loaded = loadedAddress(of: lhs) {
            (other, address) = (rhsSlot, loaded)
        } else {
            return nil
        }
        switch (op, address) {
        case (.f64Add, .displaced(let base, let d)): return .f64AddDisplaced(result: r, lhs: other, base: base, displacement: d)
        case (.f64Sub, .displaced(let base, let d)): return .f64SubDisplaced(result: r, lhs: other, base: base, displacement: d)
        case (_, .displaced(let base, let d)): return .f64MulDisplaced(result: r, lhs: other, base: base, displacement: d)
        case (.f64Add, .constant(let a)): return .f64AddAt(result: r, lhs: other, address: a)
        case (.f64Sub, .constant(let a)): return .f64SubAt(result: r, lhs: other, address: a)
        case (_, .constant(let a)): return .f64MulAt(result: r, lhs: other, address: a)
        }
    }

    /// The address of the load that just put `operand`'s value in its home slot, if a fusable one did.
    private func loadedAddress(of operand: Operand) -> LoadedAddress? {
        switch instructionComputing(operand) {
        case .load64Displaced(operand.home, let base, let displacement)?: .displaced(base: base, displacement: displacement)
        case .load64At(let address, operand.home)?: .constant(address)
        default: nil
        }
    }
}
