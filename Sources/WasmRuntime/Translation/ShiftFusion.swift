// Scaled indices (DESIGN.md, "Translation"): C's `base[i]` compiles to `i32.shl` by a constant
// (the element size) and `i32.add`. When the add consumes the shift's result straight from
// its operand-stack slot, the shift is folded into the add (`i32AddShifted`, or
// `i32ShlAddImm` for a constant base), and a load or store whose address such an add computed
// takes it as an indexed access with a shift. §4.4.1 numeric instructions: both operators wrap
// modulo 2^32 and the shift count is taken modulo 32, as here.

import WasmCore

extension Translator {
    /// The slot shifted and the shift count when `operand` is the result of the `i32.shl` by a
    /// constant emitted just before, still in its operand-stack slot; `nil` otherwise.
    func shiftJustComputed(into operand: Operand) -> (source: Slot, shift: UInt8)? {
        guard case .i32ShlImm(operand.home, let source, let count) = instructionComputing(operand) else { return nil }
        return (source, UInt8(count & 31))
    }

    /// `i32.add` of `lhs` and `rhs` (in `lhsSlot` and `rhsSlot`) with the shift that computed
    /// one of them folded in; `nil` when neither was computed so.
    func fusedShiftedAdd(result: Slot, lhs: Operand, lhsSlot: Slot, rhs: Operand, rhsSlot: Slot) -> InternalInstruction? {
        if let (index, shift) = shiftJustComputed(into: rhs) {
            return .i32AddShifted(result: result, base: lhsSlot, index: index, shift: shift)
        }
        if let (index, shift) = shiftJustComputed(into: lhs) {
            return .i32AddShifted(result: result, base: rhsSlot, index: index, shift: shift)
        }
        return nil
    }

    /// `i32.add` of `lhs` and a constant with the shift that computed `lhs` folded in.
    func fusedShiftAddImmediate(result: Slot, lhs: Operand, immediate: UInt32) -> InternalInstruction? {
        shiftJustComputed(into: lhs).map { .i32ShlAddImm(result: result, lhs: $0.source, shift: $0.shift, immediate: immediate) }
    }
}
