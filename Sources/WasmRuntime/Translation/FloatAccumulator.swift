// The float accumulator (DESIGN.md, "The float accumulator"): every f64 arithmetic
// instruction leaves its result in a register of the interpreter loop (`freg`) as well as in
// its result slot. An instruction that reads that slot right after it, with no branch arriving
// in between, reads the register instead: a chain of dependent f64 operations (`zr * zr - zi *
// zi + cr`) then passes each value on in a register rather than through a store and a reload
// of the same slot, whose latency otherwise adds to every link of the chain. The rewriting
// itself is AccumulatorPass.swift.

extension InternalInstruction {
    /// The result slot of an instruction that also leaves its f64 result in the accumulator.
    var floatAccumulatorResult: Slot? {
        switch self {
        case .f64Add(let r, _, _), .f64Sub(let r, _, _), .f64Mul(let r, _, _), .f64Div(let r, _, _): r
        case .f64AddAdd(let r, _, _, _), .f64AddSub(let r, _, _, _), .f64AddSubFrom(let r, _, _, _),
             .f64AddMul(let r, _, _, _), .f64SubAdd(let r, _, _, _), .f64SubSub(let r, _, _, _),
             .f64SubSubFrom(let r, _, _, _), .f64SubMul(let r, _, _, _), .f64MulAdd(let r, _, _, _),
             .f64MulSub(let r, _, _, _), .f64MulSubFrom(let r, _, _, _), .f64MulMul(let r, _, _, _): Slot(r)
        case .f64AddDisplaced(let r, _, _, _), .f64SubDisplaced(let r, _, _, _), .f64MulDisplaced(let r, _, _, _),
             .f64AddAt(let r, _, _), .f64SubAt(let r, _, _), .f64MulAt(let r, _, _): Slot(r)
        case .f64AddAcc(let r, _), .f64SubAcc(let r, _), .f64SubFromAcc(let r, _), .f64MulAcc(let r, _),
             .f64SquareAcc(let r), .f64DivAcc(let r, _), .f64DivFromAcc(let r, _): r
        default: nil
        }
    }

    /// This instruction reading the accumulator in place of `slot`, when it has such a form.
    func readingFloatAccumulator(holding slot: Slot) -> InternalInstruction? {
        switch self {
        case .f64Add(let r, let a, let b) where a == slot: .f64AddAcc(result: r, operand: b)
        case .f64Add(let r, let a, let b) where b == slot: .f64AddAcc(result: r, operand: a)
        case .f64Mul(let r, let a, let b) where a == slot && b == slot: .f64SquareAcc(result: r)
        case .f64Mul(let r, let a, let b) where a == slot: .f64MulAcc(result: r, operand: b)
        case .f64Mul(let r, let a, let b) where b == slot: .f64MulAcc(result: r, operand: a)
        case .f64Sub(let r, let a, let b) where a == slot: .f64SubAcc(result: r, rhs: b)
        case .f64Sub(let r, let a, let b) where b == slot: .f64SubFromAcc(result: r, lhs: a)
        case .f64Div(let r, let a, let b) where a == slot: .f64DivAcc(result: r, rhs: b)
        case .f64Div(let r, let a, let b) where b == slot: .f64DivFromAcc(result: r, lhs: a)
        // A comparison with the accumulator on the right is the mirrored one with it on the left.
        case .brIfF64Lt(let a, let b, let o) where a == slot: .brIfF64LtAcc(rhs: b, offset: o)
        case .brIfF64Lt(let a, let b, let o) where b == slot: .brIfF64GtAcc(rhs: a, offset: o)
        case .brIfF64Gt(let a, let b, let o) where a == slot: .brIfF64GtAcc(rhs: b, offset: o)
        case .brIfF64Gt(let a, let b, let o) where b == slot: .brIfF64LtAcc(rhs: a, offset: o)
        case .brIfF64Le(let a, let b, let o) where a == slot: .brIfF64LeAcc(rhs: b, offset: o)
        case .brIfF64Le(let a, let b, let o) where b == slot: .brIfF64GeAcc(rhs: a, offset: o)
        case .brIfF64Ge(let a, let b, let o) where a == slot: .brIfF64GeAcc(rhs: b, offset: o)
        case .brIfF64Ge(let a, let b, let o) where b == slot: .brIfF64LeAcc(rhs: a, offset: o)
        case .brIfNotF64Lt(let a, let b, let o) where a == slot: .brIfNotF64LtAcc(rhs: b, offset: o)
        case .brIfNotF64Lt(let a, let b, let o) where b == slot: .brIfNotF64GtAcc(rhs: a, offset: o)
        case .brIfNotF64Gt(let a, let b, let o) where a == slot: .brIfNotF64GtAcc(rhs: b, offset: o)
        case .brIfNotF64Gt(let a, let b, let o) where b == slot: .brIfNotF64LtAcc(rhs: a, offset: o)
        case .brIfNotF64Le(let a, let b, let o) where a == slot: .brIfNotF64LeAcc(rhs: b, offset: o)
        case .brIfNotF64Le(let a, let b, let o) where b == slot: .brIfNotF64GeAcc(rhs: a, offset: o)
        case .brIfNotF64Ge(let a, let b, let o) where a == slot: .brIfNotF64GeAcc(rhs: b, offset: o)
        case .brIfNotF64Ge(let a, let b, let o) where b == slot: .brIfNotF64LeAcc(rhs: a, offset: o)
        default: nil
        }
    }
}
