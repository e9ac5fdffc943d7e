// The `local.set`/`local.tee` peephole (DESIGN.md, "Peepholes"): an instruction that computed a
// value into its home slot is rewritten to compute it straight into the local (or, for a
// `return`, into the frame base). Only "producers" qualify: instructions that read all their
// operands before writing their result, so that the result slot may equal one of the operand
// slots.

extension Translator {
    /// When the last instruction just computed `value` into its home, rewrites it to compute
    /// the value into `target` instead (a local for `local.set`, the frame base for a return);
    /// returns whether it did.
    mutating func redirectJustComputed(_ value: Operand, to target: Slot) -> Bool {
        guard let producer = instructionComputing(value),
              let redirected = producer.redirectingResult(from: value.home, to: target) else { return false }
        code[code.count - 1] = redirected
        lastProducer = nil
        return true
    }
}

extension InternalInstruction {
    /// This producer with its result written to `slot` instead of `expected`; `nil` when the
    /// instruction is not a producer or its result slot is not `expected`.
    func redirectingResult(from expected: Slot, to slot: Slot) -> InternalInstruction? {
        switch self {
        case .const64(let value, expected): .const64(value: value, result: slot)
        case .globalGet(let cell, expected): .globalGet(cell: cell, result: slot)
        case .memorySize(expected): .memorySize(result: slot)
        case .load8UAt(let address, expected): .load8UAt(address: address, result: slot)
        case .load32UAt(let address, expected): .load32UAt(address: address, result: slot)
        case .load64At(let address, expected): .load64At(address: address, result: slot)
        case .const32(expected, let p0): .const32(result: slot, value: p0)
        case .load8S(expected, let p0, let p1): .load8S(result: slot, address: p0, offset: p1)
        case .load8U(expected, let p0, let p1): .load8U(result: slot, address: p0, offset: p1)
        case .load16S(expected, let p0, let p1): .load16S(result: slot, address: p0, offset: p1)
        case .load16U(expected, let p0, let p1): .load16U(result: slot, address: p0, offset: p1)
        case .load32S(expected, let p0, let p1): .load32S(result: slot, address: p0, offset: p1)
        case .load32U(expected, let p0, let p1): .load32U(result: slot, address: p0, offset: p1)
        case .load64(expected, let p0, let p1): .load64(result: slot, address: p0, offset: p1)
        case .load8UDisplaced(expected, let p0, let p1): .load8UDisplaced(result: slot, base: p0, displacement: p1)
        case .load32UDisplaced(expected, let p0, let p1): .load32UDisplaced(result: slot, base: p0, displacement: p1)
        case .load64Displaced(expected, let p0, let p1): .load64Displaced(result: slot, base: p0, displacement: p1)
        case .load8UIndexed(expected, let p0, let p1, let p2): .load8UIndexed(result: slot, base: p0, index: p1, shift: p2)
        case .load32UIndexed(expected, let p0, let p1, let p2): .load32UIndexed(result: slot, base: p0, index: p1, shift: p2)
        case .load64Indexed(expected, let p0, let p1, let p2): .load64Indexed(result: slot, base: p0, index: p1, shift: p2)
        case .load32UScaled(expected, let p0, let p1, let p2): .load32UScaled(result: slot, index: p0, shift: p1, displacement: p2)
        case .i32Eqz(expected, let p0): .i32Eqz(result: slot, source: p0)
        case .i32Eq(expected, let p0, let p1): .i32Eq(result: slot, lhs: p0, rhs: p1)
        case .i32Ne(expected, let p0, let p1): .i32Ne(result: slot, lhs: p0, rhs: p1)
        case .i32LtS(expected, let p0, let p1): .i32LtS(result: slot, lhs: p0, rhs: p1)
        case .i32LtU(expected, let p0, let p1): .i32LtU(result: slot, lhs: p0, rhs: p1)
        case .i32GtS(expected, let p0, let p1): .i32GtS(result: slot, lhs: p0, rhs: p1)
        case .i32GtU(expected, let p0, let p1): .i32GtU(result: slot, lhs: p0, rhs: p1)
        case .i32LeS(expected, let p0, let p1): .i32LeS(result: slot, lhs: p0, rhs: p1)
        case .i32LeU(expected, let p0, let p1): .i32LeU(result: slot, lhs: p0, rhs: p1)
        case .i32GeS(expected, let p0, let p1): .i32GeS(result: slot, lhs: p0, rhs: p1)
        case .i32GeU(expected, let p0, let p1): .i32GeU(result: slot, lhs: p0, rhs: p1)
        case .i32Clz(expected, let p0): .i32Clz(result: slot, source: p0)
        case .i32Ctz(expected, let p0): .i32Ctz(result: slot, source: p0)
        case .i32Popcnt(expected, let p0): .i32Popcnt(result: slot, source: p0)
        case .i32Add(expected, let p0, let p1): .i32Add(result: slot, lhs: p0, rhs: p1)
        case .i32Sub(expected, let p0, let p1): .i32Sub(result: slot, lhs: p0, rhs: p1)
        case .i32Mul(expected, let p0, let p1): .i32Mul(result: slot, lhs: p0, rhs: p1)
        case .i32DivS(expected, let p0, let p1): .i32DivS(result: slot, lhs: p0, rhs: p1)
        case .i32DivU(expected, let p0, let p1): .i32DivU(result: slot, lhs: p0, rhs: p1)
        case .i32RemS(expected, let p0, let p1): .i32RemS(result: slot, lhs: p0, rhs: p1)
        case .i32RemU(expected, let p0, let p1): .i32RemU(result: slot, lhs: p0, rhs: p1)
        case .i32And(expected, let p0, let p1): .i32And(result: slot, lhs: p0, rhs: p1)
        case .i32Or(expected, let p0, let p1): .i32Or(result: slot, lhs: p0, rhs: p1)
        case .i32Xor(expected, let p0, let p1): .i32Xor(result: slot, lhs: p0, rhs: p1)
        case .i32Shl(expected, let p0, let p1): .i32Shl(result: slot, lhs: p0, rhs: p1)
        case .i32ShrS(expected, let p0, let p1): .i32ShrS(result: slot, lhs: p0, rhs: p1)
        case .i32ShrU(expected, let p0, let p1): .i32ShrU(result: slot, lhs: p0, rhs: p1)
        case .i32Rotl(expected, let p0, let p1): .i32Rotl(result: slot, lhs: p0, rhs: p1)
        case .i32Rotr(expected, let p0, let p1): .i32Rotr(result: slot, lhs: p0, rhs: p1)
        case .i64Eqz(expected, let p0): .i64Eqz(result: slot, source: p0)
        case .i64Eq(expected, let p0, let p1): .i64Eq(result: slot, lhs: p0, rhs: p1)
        case .i64Ne(expected, let p0, let p1): .i64Ne(result: slot, lhs: p0, rhs: p1)
        case .i64LtS(expected, let p0, let p1): .i64LtS(result: slot, lhs: p0, rhs: p1)
        case .i64LtU(expected, let p0, let p1): .i64LtU(result: slot, lhs: p0, rhs: p1)
        case .i64GtS(expected, let p0, let p1): .i64GtS(result: slot, lhs: p0, rhs: p1)
        case .i64GtU(expected, let p0, let p1): .i64GtU(result: slot, lhs: p0, rhs: p1)
        case .i64LeS(expected, let p0, let p1): .i64LeS(result: slot, lhs: p0, rhs: p1)
        case .i64LeU(expected, let p0, let p1): .i64LeU(result: slot, lhs: p0, rhs: p1)
        case .i64GeS(expected, let p0, let p1): .i64GeS(result: slot, lhs: p0, rhs: p1)
        case .i64GeU(expected, let p0, let p1): .i64GeU(result: slot, lhs: p0, rhs: p1)
        case .i64Clz(expected, let p0): .i64Clz(result: slot, source: p0)
        case .i64Ctz(expected, let p0): .i64Ctz(result: slot, source: p0)
        case .i64Popcnt(expected, let p0): .i64Popcnt(result: slot, source: p0)
        case .i64Add(expected, let p0, let p1): .i64Add(result: slot, lhs: p0, rhs: p1)
        case .i64Sub(expected, let p0, let p1): .i64Sub(result: slot, lhs: p0, rhs: p1)
        case .i64Mul(expected, let p0, let p1): .i64Mul(result: slot, lhs: p0, rhs: p1)
        case .i64DivS(expected, let p0, let p1): .i64DivS(result: slot, lhs: p0, rhs: p1)
        case .i64DivU(expected, let p0, let p1): .i64DivU(result: slot, lhs: p0, rhs: p1)
        case .i64RemS(expected, let p0, let p1): .i64RemS(result: slot, lhs: p0, rhs: p1)
        case .i64RemU(expected, let p0, let p1): .i64RemU(result: slot, lhs: p0, rhs: p1)
        case .i64And(expected, let p0, let p1): .i64And(result: slot, lhs: p0, rhs: p1)
        case .i64Or(expected, let p0, let p1): .i64Or(result: slot, lhs: p0, rhs: p1)
        case .i64Xor(expected, let p0, let p1): .i64Xor(result: slot, lhs: p0, rhs: p1)
        case .i64Shl(expected, let p0, let p1): .i64Shl(result: slot, lhs: p0, rhs: p1)
        case .i64ShrS(expected, let p0, let p1): .i64ShrS(result: slot, lhs: p0, rhs: p1)
        case .i64ShrU(expected, let p0, let p1): .i64ShrU(result: slot, lhs: p0, rhs: p1)
        case .i64Rotl(expected, let p0, let p1): .i64Rotl(result: slot, lhs: p0, rhs: p1)
        case .i64Rotr(expected, let p0, let p1): .i64Rotr(result: slot, lhs: p0, rhs: p1)
        case .f32Eq(expected, let p0, let p1): .f32Eq(result: slot, lhs: p0, rhs: p1)
        case .f32Ne(expected, let p0, let p1): .f32Ne(result: slot, lhs: p0, rhs: p1)
        case .f32Lt(expected, let p0, let p1): .f32Lt(result: slot, lhs: p0, rhs: p1)
        case .f32Gt(expected, let p0, let p1): .f32Gt(result: slot, lhs: p0, rhs: p1)
        case .f32Le(expected, let p0, let p1): .f32Le(result: slot, lhs: p0, rhs: p1)
        case .f32Ge(expected, let p0, let p1): .f32Ge(result: slot, lhs: p0, rhs: p1)
        case .f32Abs(expected, let p0): .f32Abs(result: slot, source: p0)
        case .f32Neg(expected, let p0): .f32Neg(result: slot, source: p0)
        case .f32Ceil(expected, let p0): .f32Ceil(result: slot, source: p0)
        case .f32Floor(expected, let p0): .f32Floor(result: slot, source: p0)
        case .f32Trunc(expected, let p0): .f32Trunc(result: slot, source: p0)
        case .f32Nearest(expected, let p0): .f32Nearest(result: slot, source: p0)
        case .f32Sqrt(expected, let p0): .f32Sqrt(result: slot, source: p0)
        case .f32Add(expected, let p0, let p1): .f32Add(result: slot, lhs: p0, rhs: p1)
        case .f32Sub(expected, let p0, let p1): .f32Sub(result: slot, lhs: p0, rhs: p1)
        case .f32Mul(expected, let p0, let p1): .f32Mul(result: slot, lhs: p0, rhs: p1)
        case .f32Div(expected, let p0, let p1): .f32Div(result: slot, lhs: p0, rhs: p1)
        case .f32Min(expected, let p0, let p1): .f32Min(result: slot, lhs: p0, rhs: p1)
        case .f32Max(expected, let p0, let p1): .f32Max(result: slot, lhs: p0, rhs: p1)
        case .f32Copysign(expected, let p0, let p1): .f32Copysign(result: slot, lhs: p0, rhs: p1)
        case .f64Eq(expected, let p0, let p1): .f64Eq(result: slot, lhs: p0, rhs: p1)
        case .f64Ne(expected, let p0, let p1): .f64Ne(result: slot, lhs: p0, rhs: p1)
        case .f64Lt(expected, let p0, let p1): .f64Lt(result: slot, lhs: p0, rhs: p1)
        case .f64Gt(expected, let p0, let p1): .f64Gt(result: slot, lhs: p0, rhs: p1)
        case .f64Le(expected, let p0, let p1): .f64Le(result: slot, lhs: p0, rhs: p1)
        case .f64Ge(expected, let p0, let p1): .f64Ge(result: slot, lhs: p0, rhs: p1)
        case .f64Abs(expected, let p0): .f64Abs(result: slot, source: p0)
        case .f64Neg(expected, let p0): .f64Neg(result: slot, source: p0)
        case .f64Ceil(expected, let p0): .f64Ceil(result: slot, source: p0)
        case .f64Floor(expected, let p0): .f64Floor(result: slot, source: p0)
        case .f64Trunc(expected, let p0): .f64Trunc(result: slot, source: p0)
        case .f64Nearest(expected, let p0): .f64Nearest(result: slot, source: p0)
        case .f64Sqrt(expected, let p0): .f64Sqrt(result: slot, source: p0)
        case .f64Add(expected, let p0, let p1): .f64Add(result: slot, lhs: p0, rhs: p1)
        case .f64Sub(expected, let p0, let p1): .f64Sub(result: slot, lhs: p0, rhs: p1)
        case .f64Mul(expected, let p0, let p1): .f64Mul(result: slot, lhs: p0, rhs: p1)
        case .f64Div(expected, let p0, let p1): .f64Div(result: slot, lhs: p0, rhs: p1)
        case .f64Min(expected, let p0, let p1): .f64Min(result: slot, lhs: p0, rhs: p1)
        case .f64Max(expected, let p0, let p1): .f64Max(result: slot, lhs: p0, rhs: p1)
        case .f64Copysign(expected, let p0, let p1): .f64Copysign(result: slot, lhs: p0, rhs: p1)
        case .i32AddImm(expected, let p0, let p1): .i32AddImm(result: slot, lhs: p0, immediate: p1)
        case .i32AddShifted(expected, let p0, let p1, let p2): .i32AddShifted(result: slot, base: p0, index: p1, shift: p2)
        case .i32XorMulImm(let r, let p0, let p1, let p2) where Slot(r) == expected:
            ShortSlot(exactly: slot).map { .i32XorMulImm(result: $0, lhs: p0, rhs: p1, immediate: p2) }
        case .i64MulRemU(let r, let p0, let p1, let p2) where Slot(r) == expected:
            ShortSlot(exactly: slot).map { .i64MulRemU(result: $0, lhs: p0, rhs: p1, divisor: p2) }
        case .i64MulRemS(let r, let p0, let p1, let p2) where Slot(r) == expected:
            ShortSlot(exactly: slot).map { .i64MulRemS(result: $0, lhs: p0, rhs: p1, divisor: p2) }
        case .i64MulDivU(let r, let p0, let p1, let p2) where Slot(r) == expected:
            ShortSlot(exactly: slot).map { .i64MulDivU(result: $0, lhs: p0, rhs: p1, divisor: p2) }
        case .i64MulDivS(let r, let p0, let p1, let p2) where Slot(r) == expected:
            ShortSlot(exactly: slot).map { .i64MulDivS(result: $0, lhs: p0, rhs: p1, divisor: p2) }
        case .i32ShlAddImm(expected, let p0, let p1, let p2): .i32ShlAddImm(result: slot, lhs: p0, shift: p1, immediate: p2)
        case .i32MulImm(expected, let p0, let p1): .i32MulImm(result: slot, lhs: p0, immediate: p1)
        case .i32AndImm(expected, let p0, let p1): .i32AndImm(result: slot, lhs: p0, immediate: p1)
        case .i32OrImm(expected, let p0, let p1): .i32OrImm(result: slot, lhs: p0, immediate: p1)
        case .i32XorImm(expected, let p0, let p1): .i32XorImm(result: slot, lhs: p0, immediate: p1)
        case .i32ShlImm(expected, let p0, let p1): .i32ShlImm(result: slot, lhs: p0, immediate: p1)
        case .i32ShrSImm(expected, let p0, let p1): .i32ShrSImm(result: slot, lhs: p0, immediate: p1)
        case .i32ShrUImm(expected, let p0, let p1): .i32ShrUImm(result: slot, lhs: p0, immediate: p1)
        case .i32RotlImm(expected, let p0, let p1): .i32RotlImm(result: slot, lhs: p0, immediate: p1)
        case .i32SubFromImm(expected, let p0, let p1): .i32SubFromImm(result: slot, rhs: p0, immediate: p1)
        case .i32EqImm(expected, let p0, let p1): .i32EqImm(result: slot, lhs: p0, immediate: p1)
        case .i32NeImm(expected, let p0, let p1): .i32NeImm(result: slot, lhs: p0, immediate: p1)
        case .i32LtSImm(expected, let p0, let p1): .i32LtSImm(result: slot, lhs: p0, immediate: p1)
        case .i32LtUImm(expected, let p0, let p1): .i32LtUImm(result: slot, lhs: p0, immediate: p1)
        case .i32GtSImm(expected, let p0, let p1): .i32GtSImm(result: slot, lhs: p0, immediate: p1)
        case .i32GtUImm(expected, let p0, let p1): .i32GtUImm(result: slot, lhs: p0, immediate: p1)
        case .i32LeSImm(expected, let p0, let p1): .i32LeSImm(result: slot, lhs: p0, immediate: p1)
        case .i32LeUImm(expected, let p0, let p1): .i32LeUImm(result: slot, lhs: p0, immediate: p1)
        case .i32GeSImm(expected, let p0, let p1): .i32GeSImm(result: slot, lhs: p0, immediate: p1)
        case .i32GeUImm(expected, let p0, let p1): .i32GeUImm(result: slot, lhs: p0, immediate: p1)
        case .i64AddImm(expected, let p0, let p1): .i64AddImm(result: slot, lhs: p0, immediate: p1)
        case .i64SubImm(expected, let p0, let p1): .i64SubImm(result: slot, lhs: p0, immediate: p1)
        case .i64MulImm(expected, let p0, let p1): .i64MulImm(result: slot, lhs: p0, immediate: p1)
        case .i64AndImm(expected, let p0, let p1): .i64AndImm(result: slot, lhs: p0, immediate: p1)
        case .i64OrImm(expected, let p0, let p1): .i64OrImm(result: slot, lhs: p0, immediate: p1)
        case .i64XorImm(expected, let p0, let p1): .i64XorImm(result: slot, lhs: p0, immediate: p1)
        case .i64ShlImm(expected, let p0, let p1): .i64ShlImm(result: slot, lhs: p0, immediate: p1)
        case .i64ShrSImm(expected, let p0, let p1): .i64ShrSImm(result: slot, lhs: p0, immediate: p1)
        case .i64ShrUImm(expected, let p0, let p1): .i64ShrUImm(result: slot, lhs: p0, immediate: p1)
        case .i64RotlImm(expected, let p0, let p1): .i64RotlImm(result: slot, lhs: p0, immediate: p1)
        case .i64SubFromImm(expected, let p0, let p1): .i64SubFromImm(result: slot, rhs: p0, immediate: p1)
        case .i64EqImm(expected, let p0, let p1): .i64EqImm(result: slot, lhs: p0, immediate: p1)
        case .i64NeImm(expected, let p0, let p1): .i64NeImm(result: slot, lhs: p0, immediate: p1)
        case .i64LtSImm(expected, let p0, let p1): .i64LtSImm(result: slot, lhs: p0, immediate: p1)
        case .i64LtUImm(expected, let p0, let p1): .i64LtUImm(result: slot, lhs: p0, immediate: p1)
        case .i64GtSImm(expected, let p0, let p1): .i64GtSImm(result: slot, lhs: p0, immediate: p1)
        case .i64GtUImm(expected, let p0, let p1): .i64GtUImm(result: slot, lhs: p0, immediate: p1)
        case .i64LeSImm(expected, let p0, let p1): .i64LeSImm(result: slot, lhs: p0, immediate: p1)
        case .i64LeUImm(expected, let p0, let p1): .i64LeUImm(result: slot, lhs: p0, immediate: p1)
        case .i64GeSImm(expected, let p0, let p1): .i64GeSImm(result: slot, lhs: p0, immediate: p1)
        case .i64GeUImm(expected, let p0, let p1): .i64GeUImm(result: slot, lhs: p0, immediate: p1)
        case .i32TruncF32S(expected, let p0): .i32TruncF32S(result: slot, source: p0)
        case .i32TruncF32U(expected, let p0): .i32TruncF32U(result: slot, source: p0)
        case .i32TruncF64S(expected, let p0): .i32TruncF64S(result: slot, source: p0)
        case .i32TruncF64U(expected, let p0): .i32TruncF64U(result: slot, source: p0)
        case .i64TruncF32S(expected, let p0): .i64TruncF32S(result: slot, source: p0)
        case .i64TruncF32U(expected, let p0): .i64TruncF32U(result: slot, source: p0)
        case .i64TruncF64S(expected, let p0): .i64TruncF64S(result: slot, source: p0)
        case .i64TruncF64U(expected, let p0): .i64TruncF64U(result: slot, source: p0)
        case .i32TruncSatF32S(expected, let p0): .i32TruncSatF32S(result: slot, source: p0)
        case .i32TruncSatF32U(expected, let p0): .i32TruncSatF32U(result: slot, source: p0)
        case .i32TruncSatF64S(expected, let p0): .i32TruncSatF64S(result: slot, source: p0)
        case .i32TruncSatF64U(expected, let p0): .i32TruncSatF64U(result: slot, source: p0)
        case .i64TruncSatF32S(expected, let p0): .i64TruncSatF32S(result: slot, source: p0)
        case .i64TruncSatF32U(expected, let p0): .i64TruncSatF32U(result: slot, source: p0)
        case .i64TruncSatF64S(expected, let p0): .i64TruncSatF64S(result: slot, source: p0)
        case .i64TruncSatF64U(expected, let p0): .i64TruncSatF64U(result: slot, source: p0)
        case .i64ExtendI32U(expected, let p0): .i64ExtendI32U(result: slot, source: p0)
        case .extend8S(expected, let p0): .extend8S(result: slot, source: p0)
        case .extend16S(expected, let p0): .extend16S(result: slot, source: p0)
        case .extend32S(expected, let p0): .extend32S(result: slot, source: p0)
        case .f32ConvertI32S(expected, let p0): .f32ConvertI32S(result: slot, source: p0)
        case .f32ConvertI32U(expected, let p0): .f32ConvertI32U(result: slot, source: p0)
        case .f32ConvertI64S(expected, let p0): .f32ConvertI64S(result: slot, source: p0)
        case .f32ConvertI64U(expected, let p0): .f32ConvertI64U(result: slot, source: p0)
        case .f32DemoteF64(expected, let p0): .f32DemoteF64(result: slot, source: p0)
        case .f64ConvertI32S(expected, let p0): .f64ConvertI32S(result: slot, source: p0)
        case .f64ConvertI32U(expected, let p0): .f64ConvertI32U(result: slot, source: p0)
        case .f64ConvertI64S(expected, let p0): .f64ConvertI64S(result: slot, source: p0)
        case .f64ConvertI64U(expected, let p0): .f64ConvertI64U(result: slot, source: p0)
        case .f64PromoteF32(expected, let p0): .f64PromoteF32(result: slot, source: p0)
        case .selectFrom(let r, let a, let b, let c) where Slot(r) == expected:
            ShortSlot(exactly: slot).map { .selectFrom(result: $0, first: a, second: b, condition: c) }
        case .selectSlotOrImm(let r, let a, let b, let c) where Slot(r) == expected:
            ShortSlot(exactly: slot).map { .selectSlotOrImm(result: $0, slot: a, immediate: b, condition: c) }
        case .selectImmOrSlot(let r, let a, let b, let c) where Slot(r) == expected:
            ShortSlot(exactly: slot).map { .selectImmOrSlot(result: $0, slot: a, immediate: b, condition: c) }
        case .f64AddAdd(let r, let a, let b, let c) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64AddAdd(result: $0, lhs: a, rhs: b, other: c) }
        case .f64AddSub(let r, let a, let b, let c) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64AddSub(result: $0, lhs: a, rhs: b, other: c) }
        case .f64AddSubFrom(let r, let a, let b, let c) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64AddSubFrom(result: $0, lhs: a, rhs: b, other: c) }
        case .f64AddMul(let r, let a, let b, let c) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64AddMul(result: $0, lhs: a, rhs: b, other: c) }
        case .f64SubAdd(let r, let a, let b, let c) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64SubAdd(result: $0, lhs: a, rhs: b, other: c) }
        case .f64SubSub(let r, let a, let b, let c) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64SubSub(result: $0, lhs: a, rhs: b, other: c) }
        case .f64SubSubFrom(let r, let a, let b, let c) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64SubSubFrom(result: $0, lhs: a, rhs: b, other: c) }
        case .f64SubMul(let r, let a, let b, let c) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64SubMul(result: $0, lhs: a, rhs: b, other: c) }
        case .f64MulAdd(let r, let a, let b, let c) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64MulAdd(result: $0, lhs: a, rhs: b, other: c) }
        case .f64MulSub(let r, let a, let b, let c) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64MulSub(result: $0, lhs: a, rhs: b, other: c) }
        case .f64MulSubFrom(let r, let a, let b, let c) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64MulSubFrom(result: $0, lhs: a, rhs: b, other: c) }
        case .f64MulMul(let r, let a, let b, let c) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64MulMul(result: $0, lhs: a, rhs: b, other: c) }
        case .f64AddDisplaced(let r, let a, let b, let d) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64AddDisplaced(result: $0, lhs: a, base: b, displacement: d) }
        case .f64SubDisplaced(let r, let a, let b, let d) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64SubDisplaced(result: $0, lhs: a, base: b, displacement: d) }
        case .f64MulDisplaced(let r, let a, let b, let d) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64MulDisplaced(result: $0, lhs: a, base: b, displacement: d) }
        case .f64AddAt(let r, let a, let address) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64AddAt(result: $0, lhs: a, address: address) }
        case .f64SubAt(let r, let a, let address) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64SubAt(result: $0, lhs: a, address: address) }
        case .f64MulAt(let r, let a, let address) where Slot(r) == expected: ShortSlot(exactly: slot).map { .f64MulAt(result: $0, lhs: a, address: address) }
        default: nil
        }
    }
}
