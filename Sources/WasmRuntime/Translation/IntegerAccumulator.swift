// The integer accumulator (DESIGN.md, "The integer accumulator"): the i32 producers that most
// often feed a branch, an address or a store (loads, additions, masks, `copy`) leave their
// result in a register of the interpreter loop (`ireg`) as well as in their result slot. The
// instruction right after one of them, when it reads that slot and no branch arrives there,
// reads the register instead: a branch is decided, an address known, without a store and a
// reload of the same slot, whose forwarding latency otherwise comes first. The rewriting
// itself is AccumulatorPass.swift.

extension InternalInstruction {
    /// The result slot of an instruction that also leaves its i32 result in the accumulator.
    var integerAccumulatorResult: Slot? {
        switch self {
        case .load32U(let r, _, _), .load8U(let r, _, _), .load8S(let r, _, _): r
        case .i32AndImm(let r, _, _), .i32AddImm(let r, _, _), .i32SubFromImm(let r, _, _): r
        case .i32Add(let r, _, _), .i32Sub(let r, _, _), .i32Or(let r, _, _), .i32Xor(let r, _, _): r
        case .copy(let r, _): r
        case .load32UAt(_, let r), .load32UDisplaced(let r, _, _), .load8UDisplaced(let r, _, _): r
        case .load32UAcc(let r, _), .load8UAcc(let r, _), .i32AddImmAcc(let r, _), .i32AddAcc(let r, _),
             .i32SubAcc(let r, _), .i32SubFromAcc(let r, _): r
        default: nil
        }
    }

    /// This instruction reading the accumulator in place of `slot`, when it has such a form.
    func readingIntegerAccumulator(holding slot: Slot) -> InternalInstruction? {
        switch self {
        case .brIf(slot, let o): .brIfAcc(offset: o)
        case .brIfNot(slot, let o): .brIfNotAcc(offset: o)
        case .brIfI32EqImm(slot, let v, let o): .brIfI32EqImmAcc(immediate: v, offset: o)
        case .brIfI32NeImm(slot, let v, let o): .brIfI32NeImmAcc(immediate: v, offset: o)
        case .brIfI32LtUImm(slot, let v, let o): .brIfI32LtUImmAcc(immediate: v, offset: o)
        case .brIfI32AndImm(slot, let m, let o): .brIfI32AndImmAcc(mask: m, offset: o)
        case .brIfNotI32AndImm(slot, let m, let o): .brIfNotI32AndImmAcc(mask: m, offset: o)
        case .load32U(let r, slot, let o): .load32UAcc(result: r, offset: o)
        case .load8U(let r, slot, let o): .load8UAcc(result: r, offset: o)
        case .store32(let a, slot, let o) where a != slot: .store32Acc(address: a, offset: o)
        case .i32AddImm(let r, slot, let v): .i32AddImmAcc(result: r, immediate: v)
        case .i32Add(let r, let a, let b) where a == slot: .i32AddAcc(result: r, operand: b)
        case .i32Add(let r, let a, let b) where b == slot: .i32AddAcc(result: r, operand: a)
        case .i32Sub(let r, let a, let b) where a == slot && b != slot: .i32SubAcc(result: r, rhs: b)
        case .i32Sub(let r, let a, let b) where b == slot && a != slot: .i32SubFromAcc(result: r, lhs: a)
        // A comparison with the accumulator on the right is the mirrored one with it on the left.
        case .brIfI32LtS(let a, let b, let o) where a == slot: .brIfI32LtSAcc(rhs: b, offset: o)
        case .brIfI32LtS(let a, let b, let o) where b == slot: .brIfI32GtSAcc(rhs: a, offset: o)
        case .brIfI32GtS(let a, let b, let o) where a == slot: .brIfI32GtSAcc(rhs: b, offset: o)
        case .brIfI32GtS(let a, let b, let o) where b == slot: .brIfI32LtSAcc(rhs: a, offset: o)
        case .brIfI32LeU(let a, let b, let o) where a == slot: .brIfI32LeUAcc(rhs: b, offset: o)
        case .brIfI32LeU(let a, let b, let o) where b == slot: .brIfI32GeUAcc(rhs: a, offset: o)
        case .brIfI32GeU(let a, let b, let o) where a == slot: .brIfI32GeUAcc(rhs: b, offset: o)
        case .brIfI32GeU(let a, let b, let o) where b == slot: .brIfI32LeUAcc(rhs: a, offset: o)
        case .brIfI32GeSImm(slot, let v, let o): .brIfI32GeSImmAcc(immediate: v, offset: o)
        case .brTable(slot, let count): .brTableAcc(count: count)
        default: nil
        }
    }
}
