// Paired constant additions (DESIGN.md, "Peepholes"): loops step two pointers or a pointer
// and a count together (`d += 4; s += 4` in memcpy, `p++; n--`), and an interpreter loop
// its pc and a counter: two `i32AddImm` in a row become one `i32AddImmPair`, executed in
// their order, so the second may read the first's result.

extension InternalInstruction {
    /// `first` then `second` as one `i32AddImmPair`, when both are `i32AddImm` with short
    /// slots and the second immediate fits 16 bits.
    static func addImmediatePair(_ first: InternalInstruction, _ second: InternalInstruction) -> InternalInstruction? {
        guard case .i32AddImm(let result, let lhs, let immediate) = first,
              case .i32AddImm(let secondResult, let secondLhs, let secondImmediate) = second,
              let r = ShortSlot(exactly: result), let l = ShortSlot(exactly: lhs),
              let r2 = ShortSlot(exactly: secondResult), let l2 = ShortSlot(exactly: secondLhs),
              let immediate2 = Int16(exactly: Int32(bitPattern: secondImmediate)) else { return nil }
        return .i32AddImmPair(result: r, lhs: l, immediate: immediate,
                              secondResult: r2, secondLhs: l2, secondImmediate: immediate2)
    }
}
