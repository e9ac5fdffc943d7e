// Paired constant additions (DESIGN.md, "Peepholes"): loops step two pointers or a pointer
// and a count together (`d += 4; s += 4` in memcpy, `p++; n--`), and an interpreter loop
// its pc and a counter: two `i32AddImm` in a row become one `i32AddImmPair`, executed in
// their order, so the second may read the first's result.

extension Translator {
    /// Joins the last two instructions when both are `i32AddImm` and no label lies between
    /// or after them. Called when another instruction is about to be appended: by then no
    /// peephole can still rewrite the second one (a `local.set` redirecting its result, a load
    /// taking its sum as an address), and no code index past the first has been recorded.
    mutating func joinAddImmediatePair() {
        let first = code.count - 2
        guard first >= labelPosition,
              case .i32AddImm(let result, let lhs, let immediate) = code[first],
              case .i32AddImm(let secondResult, let secondLhs, let secondImmediate) = code[first + 1],
              let r = ShortSlot(exactly: result), let l = ShortSlot(exactly: lhs),
              let r2 = ShortSlot(exactly: secondResult), let l2 = ShortSlot(exactly: secondLhs),
              let immediate2 = Int16(exactly: Int32(bitPattern: secondImmediate)) else { return }
        code[first] = .i32AddImmPair(result: r, lhs: l, immediate: immediate,
                                     secondResult: r2, secondLhs: l2, secondImmediate: immediate2)
        code.removeLast()
    }
}
