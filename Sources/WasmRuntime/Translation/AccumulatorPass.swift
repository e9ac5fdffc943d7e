// The accumulator pass (DESIGN.md, "The float accumulator" and "The integer accumulator"):
// the instructions that leave their result in one of the interpreter loop's two accumulator
// registers, and the accumulator forms that read it, are listed in FloatAccumulator.swift and
// IntegerAccumulator.swift; this pass applies both lists to a function's finished code.

extension Translator {
    /// Rewrites each instruction that reads the result the instruction just before it left in
    /// an accumulator, and that no branch targets, into its accumulator form. Runs on the
    /// finished code, when every branch target is known (at a target the register holds
    /// whatever the other path computed last).
    mutating func passAccumulators() {
        guard code.count > 1 else { return }
        for index in 1..<code.count where !branchTargets.contains(index) {
            let previous = code[index - 1]
            let rewritten = if let slot = previous.floatAccumulatorResult {
                code[index].readingFloatAccumulator(holding: slot)
            } else if let slot = previous.integerAccumulatorResult {
                code[index].readingIntegerAccumulator(holding: slot)
            } else {
                nil as InternalInstruction?
            }
            if let rewritten { code[index] = rewritten }
        }
    }
}
