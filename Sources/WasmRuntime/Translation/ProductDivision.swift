// A product divided at once (DESIGN.md, "Translation"): `(a * b) % m` and `(a * b) / m` on i64,
// the `i64.mul` consumed by the division straight from its operand-stack slot, become one
// instruction (`i64MulRemU`, …). Modular arithmetic (`a * b % m` in a power loop) then takes one
// dispatch per step instead of two, and the product no longer travels through its slot on the
// way to the divider. §4.4.1 numeric instructions: the product wraps modulo 2^64; the division
// traps on a zero divisor (and `div_s` on overflow) exactly as on its own.

import WasmCore

extension Translator {
    /// `op` (an i64 division or remainder) of `lhs` by `divisorSlot` with the `i64.mul` emitted
    /// just before, which computed `lhs`, folded in; `nil` otherwise.
    func fusedProductDivision(_ op: NumericOperator, result: Slot, lhs: Operand,
                              divisorSlot: Slot) -> InternalInstruction? {
        guard case .i64Mul(lhs.home, let a, let b) = instructionComputing(lhs),
              let shortResult = ShortSlot(exactly: result) else { return nil }
        switch op {
        case .i64RemU: return .i64MulRemU(result: shortResult, lhs: a, rhs: b, divisor: divisorSlot)
        case .i64RemS: return .i64MulRemS(result: shortResult, lhs: a, rhs: b, divisor: divisorSlot)
        case .i64DivU: return .i64MulDivU(result: shortResult, lhs: a, rhs: b, divisor: divisorSlot)
        case .i64DivS: return .i64MulDivS(result: shortResult, lhs: a, rhs: b, divisor: divisorSlot)
        default: return nil
        }
    }
}
