// Fusing a test with the branch on its result (DESIGN.md, "Peepholes"): `i32.lt_s` + `br_if`
// becomes one `brIfI32LtS`, `i32.and` with a constant + `br_if` one `brIfI32AndImm`, `f64.le`
// + `br_if` one `brIfF64Le`. Integer comparisons (and f64 eq/ne) can be negated exactly, so a
// branch on a false result (`if`) uses the opposite test; the other f64 comparisons have
// `brIfNot` forms, since NaN makes both a comparison and its opposite false.

extension InternalInstruction {
    /// When this instruction is an i32 or f64 comparison, `i32.eqz`, `i64.eqz`, an `i32.and`
    /// with a constant or a 4- or 1-byte load (zero-extended), writing its result to `condition`, the single branch (offset still 0) taken when that
    /// result is non-zero (`whenTrue`) or zero; otherwise `nil`.
    func fusedBranch(testing condition: Slot, whenTrue: Bool) -> InternalInstruction? {
        switch self {
        case .i32Eqz(condition, let source):
            whenTrue ? .brIfNot(condition: source, offset: 0) : .brIf(condition: source, offset: 0)
        case .i64Eqz(condition, let source):
            whenTrue ? .brIfI64Zero(source: source, offset: 0) : .brIfI64NonZero(source: source, offset: 0)
        case .load32U(condition, let address, let memoryOffset):
            whenTrue ? .brIfLoad32NonZero(address: address, memoryOffset: memoryOffset, offset: 0)
                : .brIfLoad32Zero(address: address, memoryOffset: memoryOffset, offset: 0)
        case .load8U(condition, let address, let memoryOffset):
            whenTrue ? .brIfLoad8NonZero(address: address, memoryOffset: memoryOffset, offset: 0)
                : .brIfLoad8Zero(address: address, memoryOffset: memoryOffset, offset: 0)
        case .load32UAt(let address, condition):
            whenTrue ? .brIfLoad32AtNonZero(address: address, offset: 0) : .brIfLoad32AtZero(address: address, offset: 0)
        case .i32AndImm(condition, let lhs, let mask):
            whenTrue ? .brIfI32AndImm(lhs: lhs, mask: mask, offset: 0) : .brIfNotI32AndImm(lhs: lhs, mask: mask, offset: 0)
        case .i32Eq(condition, let lhs, let rhs):
            whenTrue ? .brIfI32Eq(lhs: lhs, rhs: rhs, offset: 0) : .brIfI32Ne(lhs: lhs, rhs: rhs, offset: 0)
        case .i32Ne(condition, let lhs, let rhs):
            whenTrue ? .brIfI32Ne(lhs: lhs, rhs: rhs, offset: 0) : .brIfI32Eq(lhs: lhs, rhs: rhs, offset: 0)
        case .i32LtS(condition, let lhs, let rhs):
            whenTrue ? .brIfI32LtS(lhs: lhs, rhs: rhs, offset: 0) : .brIfI32GeS(lhs: lhs, rhs: rhs, offset: 0)
        case .i32LtU(condition, let lhs, let rhs):
            whenTrue ? .brIfI32LtU(lhs: lhs, rhs: rhs, offset: 0) : .brIfI32GeU(lhs: lhs, rhs: rhs, offset: 0)
        case .i32GtS(condition, let lhs, let rhs):
            whenTrue ? .brIfI32GtS(lhs: lhs, rhs: rhs, offset: 0) : .brIfI32LeS(lhs: lhs, rhs: rhs, offset: 0)
        case .i32GtU(condition, let lhs, let rhs):
            whenTrue ? .brIfI32GtU(lhs: lhs, rhs: rhs, offset: 0) : .brIfI32LeU(lhs: lhs, rhs: rhs, offset: 0)
        case .i32LeS(condition, let lhs, let rhs):
            whenTrue ? .brIfI32LeS(lhs: lhs, rhs: rhs, offset: 0) : .brIfI32GtS(lhs: lhs, rhs: rhs, offset: 0)
        case .i32LeU(condition, let lhs, let rhs):
            whenTrue ? .brIfI32LeU(lhs: lhs, rhs: rhs, offset: 0) : .brIfI32GtU(lhs: lhs, rhs: rhs, offset: 0)
        case .i32GeS(condition, let lhs, let rhs):
            whenTrue ? .brIfI32GeS(lhs: lhs, rhs: rhs, offset: 0) : .brIfI32LtS(lhs: lhs, rhs: rhs, offset: 0)
        case .i32GeU(condition, let lhs, let rhs):
            whenTrue ? .brIfI32GeU(lhs: lhs, rhs: rhs, offset: 0) : .brIfI32LtU(lhs: lhs, rhs: rhs, offset: 0)
        case .i32EqImm(condition, let lhs, let immediate):
            whenTrue ? .brIfI32EqImm(lhs: lhs, immediate: immediate, offset: 0) : .brIfI32NeImm(lhs: lhs, immediate: immediate, offset: 0)
        case .i32NeImm(condition, let lhs, let immediate):
            whenTrue ? .brIfI32NeImm(lhs: lhs, immediate: immediate, offset: 0) : .brIfI32EqImm(lhs: lhs, immediate: immediate, offset: 0)
        case .i32LtSImm(condition, let lhs, let immediate):
            whenTrue ? .brIfI32LtSImm(lhs: lhs, immediate: immediate, offset: 0) : .brIfI32GeSImm(lhs: lhs, immediate: immediate, offset: 0)
        case .i32LtUImm(condition, let lhs, let immediate):
            whenTrue ? .brIfI32LtUImm(lhs: lhs, immediate: immediate, offset: 0) : .brIfI32GeUImm(lhs: lhs, immediate: immediate, offset: 0)
        case .i32GtSImm(condition, let lhs, let immediate):
            whenTrue ? .brIfI32GtSImm(lhs: lhs, immediate: immediate, offset: 0) : .brIfI32LeSImm(lhs: lhs, immediate: immediate, offset: 0)
        case .i32GtUImm(condition, let lhs, let immediate):
            whenTrue ? .brIfI32GtUImm(lhs: lhs, immediate: immediate, offset: 0) : .brIfI32LeUImm(lhs: lhs, immediate: immediate, offset: 0)
        case .i32LeSImm(condition, let lhs, let immediate):
            whenTrue ? .brIfI32LeSImm(lhs: lhs, immediate: immediate, offset: 0) : .brIfI32GtSImm(lhs: lhs, immediate: immediate, offset: 0)
        case .i32LeUImm(condition, let lhs, let immediate):
            whenTrue ? .brIfI32LeUImm(lhs: lhs, immediate: immediate, offset: 0) : .brIfI32GtUImm(lhs: lhs, immediate: immediate, offset: 0)
        case .i32GeSImm(condition, let lhs, let immediate):
            whenTrue ? .brIfI32GeSImm(lhs: lhs, immediate: immediate, offset: 0) : .brIfI32LtSImm(lhs: lhs, immediate: immediate, offset: 0)
        case .i32GeUImm(condition, let lhs, let immediate):
            whenTrue ? .brIfI32GeUImm(lhs: lhs, immediate: immediate, offset: 0) : .brIfI32LtUImm(lhs: lhs, immediate: immediate, offset: 0)
        case .f64Eq(condition, let lhs, let rhs):
            whenTrue ? .brIfF64Eq(lhs: lhs, rhs: rhs, offset: 0) : .brIfF64Ne(lhs: lhs, rhs: rhs, offset: 0)
        case .f64Ne(condition, let lhs, let rhs):
            whenTrue ? .brIfF64Ne(lhs: lhs, rhs: rhs, offset: 0) : .brIfF64Eq(lhs: lhs, rhs: rhs, offset: 0)
        case .f64Lt(condition, let lhs, let rhs):
            whenTrue ? .brIfF64Lt(lhs: lhs, rhs: rhs, offset: 0) : .brIfNotF64Lt(lhs: lhs, rhs: rhs, offset: 0)
        case .f64Gt(condition, let lhs, let rhs):
            whenTrue ? .brIfF64Gt(lhs: lhs, rhs: rhs, offset: 0) : .brIfNotF64Gt(lhs: lhs, rhs: rhs, offset: 0)
        case .f64Le(condition, let lhs, let rhs):
            whenTrue ? .brIfF64Le(lhs: lhs, rhs: rhs, offset: 0) : .brIfNotF64Le(lhs: lhs, rhs: rhs, offset: 0)
        case .f64Ge(condition, let lhs, let rhs):
            whenTrue ? .brIfF64Ge(lhs: lhs, rhs: rhs, offset: 0) : .brIfNotF64Ge(lhs: lhs, rhs: rhs, offset: 0)
        default: nil
        }
    }

    /// When this is `brIfI64Zero` or `brIfI64NonZero`: the slot it tests and whether it
    /// branches on zero.
    var i64ZeroTest: (source: Slot, whenZero: Bool)? {
        switch self {
        case .brIfI64Zero(let source, _): (source, true)
        case .brIfI64NonZero(let source, _): (source, false)
        default: nil
        }
    }

    /// This fused branch with `masking` — an `i64.and` or `i32.and` with a constant computed
    /// just before into an operand slot (above `operandBase`: only the branch reads it) that
    /// the branch tests — applied in the branch itself: an i64 zero test of `x & mask`
    /// (`if (exp & 1)`), an i32 equality test of `x & mask` with a 16-bit mask
    /// (`if ((c & 0xFF) != 'a')`); `nil` otherwise.
    func applyingMask(_ masking: InternalInstruction, operandBase: Slot) -> InternalInstruction? {
        switch masking {
        case .i64AndImm(let masked, let lhs, let mask) where masked >= operandBase:
            guard let (source, whenZero) = i64ZeroTest, source == masked else { return nil }
            return whenZero ? .brIfNotI64AndImm(lhs: lhs, mask: mask, offset: 0) : .brIfI64AndImm(lhs: lhs, mask: mask, offset: 0)
        case .i32AndImm(let masked, let source, let mask) where masked >= operandBase:
            guard let shortMask = UInt16(exactly: mask) else { return nil }
            return testingMasked(masked, source: source, mask: shortMask)
        default:
            return nil
        }
    }

    /// This fused equality branch with its operand `masked` (`source & mask`) replaced by the
    /// mask applied in the branch; `nil` when this is no such branch.
    private func testingMasked(_ masked: Slot, source: Slot, mask: UInt16) -> InternalInstruction? {
        let m = Int16(bitPattern: mask)
        switch self {
        case .brIfI32EqImm(masked, let immediate, let offset):
            return .brIfI32MaskedEqImm(source: source, mask: m, immediate: immediate, offset: offset)
        case .brIfI32NeImm(masked, let immediate, let offset):
            return .brIfI32MaskedNeImm(source: source, mask: m, immediate: immediate, offset: offset)
        case .brIfI32Eq(let lhs, let rhs, let offset) where (lhs == masked) != (rhs == masked):
            return .brIfI32MaskedEq(source: source, mask: m, other: lhs == masked ? rhs : lhs, offset: offset)
        case .brIfI32Ne(let lhs, let rhs, let offset) where (lhs == masked) != (rhs == masked):
            return .brIfI32MaskedNe(source: source, mask: m, other: lhs == masked ? rhs : lhs, offset: offset)
        default:
            return nil
        }
    }
}
