// The FNV-1a hashing step `h = (h ^ byte) * prime` (DESIGN.md, "Translation"): an `i32.xor`
// whose result an `i32.mul` by a constant consumes straight from its operand-stack slot is
// folded into the multiplication (`i32XorMulImm`). §4.4.1 numeric instructions: both wrap
// modulo 2^32, as here.

import WasmCore

extension Translator {
    /// `i32.mul` of `lhs` by `immediate` with the `i32.xor` emitted just before, which computed
    /// `lhs`, folded in; `nil` when `lhs` was not computed so or `result` has no short slot.
    func fusedXorMultiply(result: Slot, lhs: Operand, immediate: UInt32) -> InternalInstruction? {
        guard case .i32Xor(lhs.home, let a, let b) = instructionComputing(lhs),
              let shortResult = ShortSlot(exactly: result) else { return nil }
        return .i32XorMulImm(result: shortResult, lhs: a, rhs: b, immediate: immediate)
    }
}
