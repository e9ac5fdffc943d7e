// Unrolled word copies (DESIGN.md, "Translation"): a `move32` that continues the run of word
// moves just before it — same address slots, the same offset on both sides, the next word —
// joins that run (`moveWords`), so that a copy loop unrolled sixteen times takes one
// dispatch instead of sixteen. The words are still moved one by one, in order, each with its
// own bounds checks (§4.4.7: a trap leaves the words before it moved, as the separate stores do).

extension Translator {
    /// Joins the `move32` just emitted to the `move32` or `moveWords` before it when it moves
    /// the next word of the same run.
    mutating func joinWordMoves() {
        let last = code.count - 1
        guard last - 1 >= labelPosition, case .move32(let destination, let offset, let source, let sourceOffset) = code[last],
              sourceOffset == UInt32(offset) else { return }
        switch code[last - 1] {
        case .move32(destination, let first, source, let firstSource)
            where firstSource == UInt32(first) && UInt32(first) + 4 == UInt32(offset):
            code[last - 1] = .moveWords(destination: destination, source: source, offset: first, count: 2)
        case .moveWords(destination, source, let first, let count) where UInt32(first) + 4 * UInt32(count) == UInt32(offset):
            code[last - 1] = .moveWords(destination: destination, source: source, offset: first, count: count + 1)
        default:
            return
        }
        code.removeLast()
    }
}
