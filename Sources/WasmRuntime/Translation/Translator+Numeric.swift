// Translation of numeric instructions (§4.4.1): each operator becomes one internal
// instruction reading its operands where they are and writing its result to the home slot.
// Integer operators whose operand is a constant take it as an immediate (a constant left
// operand too, for operators that commute or mirror). The wrap and reinterpret conversions only
// change the operand's type: with i32 and f32 kept in the low 32 bits of a slot (see
// `InternalInstruction`), the bits are already right.

import WasmCore

extension Translator {
    mutating func translateNumeric(_ op: NumericOperator) {
        switch op {
        case .i32Eqz: emitUnary(op) { .i32Eqz(result: $0, source: $1) }
        case .i32Eq:
            emitBinary(op, immediate: { .i32EqImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i32EqImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32Eq(result: $0, lhs: $1, rhs: $2)
            }
        case .i32Ne:
            emitBinary(op, immediate: { .i32NeImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i32NeImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32Ne(result: $0, lhs: $1, rhs: $2)
            }
        case .i32LtS:
            emitBinary(op, immediate: { .i32LtSImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i32GtSImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32LtS(result: $0, lhs: $1, rhs: $2)
            }
        case .i32LtU:
            emitBinary(op, immediate: { .i32LtUImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i32GtUImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32LtU(result: $0, lhs: $1, rhs: $2)
            }
        case .i32GtS:
            emitBinary(op, immediate: { .i32GtSImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i32LtSImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32GtS(result: $0, lhs: $1, rhs: $2)
            }
        case .i32GtU:
            emitBinary(op, immediate: { .i32GtUImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i32LtUImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32GtU(result: $0, lhs: $1, rhs: $2)
            }
        case .i32LeS:
            emitBinary(op, immediate: { .i32LeSImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i32GeSImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32LeS(result: $0, lhs: $1, rhs: $2)
            }
        case .i32LeU:
            emitBinary(op, immediate: { .i32LeUImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i32GeUImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32LeU(result: $0, lhs: $1, rhs: $2)
            }
        case .i32GeS:
            emitBinary(op, immediate: { .i32GeSImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i32LeSImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32GeS(result: $0, lhs: $1, rhs: $2)
            }
        case .i32GeU:
            emitBinary(op, immediate: { .i32GeUImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i32LeUImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32GeU(result: $0, lhs: $1, rhs: $2)
            }
        case .i64Eqz: emitUnary(op) { .i64Eqz(result: $0, source: $1) }
        case .i64Eq:
            emitBinary(op, immediate: { .i64EqImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64EqImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64Eq(result: $0, lhs: $1, rhs: $2)
            }
        case .i64Ne:
            emitBinary(op, immediate: { .i64NeImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64NeImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64Ne(result: $0, lhs: $1, rhs: $2)
            }
        case .i64LtS:
            emitBinary(op, immediate: { .i64LtSImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64GtSImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64LtS(result: $0, lhs: $1, rhs: $2)
            }
        case .i64LtU:
            emitBinary(op, immediate: { .i64LtUImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64GtUImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64LtU(result: $0, lhs: $1, rhs: $2)
            }
        case .i64GtS:
            emitBinary(op, immediate: { .i64GtSImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64LtSImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64GtS(result: $0, lhs: $1, rhs: $2)
            }
        case .i64GtU:
            emitBinary(op, immediate: { .i64GtUImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64LtUImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64GtU(result: $0, lhs: $1, rhs: $2)
            }
        case .i64LeS:
            emitBinary(op, immediate: { .i64LeSImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64GeSImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64LeS(result: $0, lhs: $1, rhs: $2)
            }
        case .i64LeU:
            emitBinary(op, immediate: { .i64LeUImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64GeUImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64LeU(result: $0, lhs: $1, rhs: $2)
            }
        case .i64GeS:
            emitBinary(op, immediate: { .i64GeSImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64LeSImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64GeS(result: $0, lhs: $1, rhs: $2)
            }
        case .i64GeU:
            emitBinary(op, immediate: { .i64GeUImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64LeUImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64GeU(result: $0, lhs: $1, rhs: $2)
            }
        case .f32Eq: emitBinary(op) { .f32Eq(result: $0, lhs: $1, rhs: $2) }
        case .f32Ne: emitBinary(op) { .f32Ne(result: $0, lhs: $1, rhs: $2) }
        case .f32Lt: emitBinary(op) { .f32Lt(result: $0, lhs: $1, rhs: $2) }
        case .f32Gt: emitBinary(op) { .f32Gt(result: $0, lhs: $1, rhs: $2) }
        case .f32Le: emitBinary(op) { .f32Le(result: $0, lhs: $1, rhs: $2) }
        case .f32Ge: emitBinary(op) { .f32Ge(result: $0, lhs: $1, rhs: $2) }
        case .f64Eq: emitBinary(op) { .f64Eq(result: $0, lhs: $1, rhs: $2) }
        case .f64Ne: emitBinary(op) { .f64Ne(result: $0, lhs: $1, rhs: $2) }
        case .f64Lt: emitBinary(op) { .f64Lt(result: $0, lhs: $1, rhs: $2) }
        case .f64Gt: emitBinary(op) { .f64Gt(result: $0, lhs: $1, rhs: $2) }
        case .f64Le: emitBinary(op) { .f64Le(result: $0, lhs: $1, rhs: $2) }
        case .f64Ge: emitBinary(op) { .f64Ge(result: $0, lhs: $1, rhs: $2) }
        case .i32Clz: emitUnary(op) { .i32Clz(result: $0, source: $1) }
        case .i32Ctz: emitUnary(op) { .i32Ctz(result: $0, source: $1) }
        case .i32Popcnt: emitUnary(op) { .i32Popcnt(result: $0, source: $1) }
        case .i32Add:
            emitBinary(op, immediate: { .i32AddImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i32AddImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32Add(result: $0, lhs: $1, rhs: $2)
            }
        case .i32Sub:
            // x − c is x + (−c) in 32-bit wrapping arithmetic: one form for the fusions that
            // look for an added constant (addresses, the stack-pointer prologue).
            emitBinary(op, immediate: { .i32AddImm(result: $0, lhs: $1, immediate: 0 &- $2) },
                       swapped: { .i32SubFromImm(result: $0, rhs: $1, immediate: $2) }) {
                .i32Sub(result: $0, lhs: $1, rhs: $2)
            }
        case .i32Mul:
            emitBinary(op, immediate: { .i32MulImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i32MulImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32Mul(result: $0, lhs: $1, rhs: $2)
            }
        case .i32DivS: emitBinary(op) { .i32DivS(result: $0, lhs: $1, rhs: $2) }
        case .i32DivU: emitBinary(op) { .i32DivU(result: $0, lhs: $1, rhs: $2) }
        case .i32RemS: emitBinary(op) { .i32RemS(result: $0, lhs: $1, rhs: $2) }
        case .i32RemU: emitBinary(op) { .i32RemU(result: $0, lhs: $1, rhs: $2) }
        case .i32And:
            emitBinary(op, immediate: { .i32AndImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i32AndImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32And(result: $0, lhs: $1, rhs: $2)
            }
        case .i32Or:
            emitBinary(op, immediate: { .i32OrImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i32OrImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32Or(result: $0, lhs: $1, rhs: $2)
            }
        case .i32Xor:
            emitBinary(op, immediate: { .i32XorImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i32XorImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32Xor(result: $0, lhs: $1, rhs: $2)
            }
        case .i32Shl:
            emitBinary(op, immediate: { .i32ShlImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32Shl(result: $0, lhs: $1, rhs: $2)
            }
        case .i32ShrS:
            emitBinary(op, immediate: { .i32ShrSImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32ShrS(result: $0, lhs: $1, rhs: $2)
            }
        case .i32ShrU:
            emitBinary(op, immediate: { .i32ShrUImm(result: $0, lhs: $1, immediate: $2) }) {
                .i32ShrU(result: $0, lhs: $1, rhs: $2)
            }
        case .i32Rotl:
            emitBinary(op, immediate: { .i32RotlImm(result: $0, lhs: $1, immediate: $2 & 31) }) {
                .i32Rotl(result: $0, lhs: $1, rhs: $2)
            }
        case .i32Rotr:
            emitBinary(op, immediate: { .i32RotlImm(result: $0, lhs: $1, immediate: (32 &- $2) & 31) }) {
                .i32Rotr(result: $0, lhs: $1, rhs: $2)
            }
        case .i64Clz: emitUnary(op) { .i64Clz(result: $0, source: $1) }
        case .i64Ctz: emitUnary(op) { .i64Ctz(result: $0, source: $1) }
        case .i64Popcnt: emitUnary(op) { .i64Popcnt(result: $0, source: $1) }
        case .i64Add:
            emitBinary(op, immediate: { .i64AddImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64AddImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64Add(result: $0, lhs: $1, rhs: $2)
            }
        case .i64Sub:
            emitBinary(op, immediate: { .i64SubImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64SubFromImm(result: $0, rhs: $1, immediate: $2) }) {
                .i64Sub(result: $0, lhs: $1, rhs: $2)
            }
        case .i64Mul:
            emitBinary(op, immediate: { .i64MulImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64MulImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64Mul(result: $0, lhs: $1, rhs: $2)
            }
        case .i64DivS: emitBinary(op) { .i64DivS(result: $0, lhs: $1, rhs: $2) }
        case .i64DivU: emitBinary(op) { .i64DivU(result: $0, lhs: $1, rhs: $2) }
        case .i64RemS: emitBinary(op) { .i64RemS(result: $0, lhs: $1, rhs: $2) }
        case .i64RemU: emitBinary(op) { .i64RemU(result: $0, lhs: $1, rhs: $2) }
        case .i64And:
            emitBinary(op, immediate: { .i64AndImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64AndImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64And(result: $0, lhs: $1, rhs: $2)
            }
        case .i64Or:
            emitBinary(op, immediate: { .i64OrImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64OrImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64Or(result: $0, lhs: $1, rhs: $2)
            }
        case .i64Xor:
            emitBinary(op, immediate: { .i64XorImm(result: $0, lhs: $1, immediate: $2) },
                       swapped: { .i64XorImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64Xor(result: $0, lhs: $1, rhs: $2)
            }
        case .i64Shl:
            emitBinary(op, immediate: { .i64ShlImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64Shl(result: $0, lhs: $1, rhs: $2)
            }
        case .i64ShrS:
            emitBinary(op, immediate: { .i64ShrSImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64ShrS(result: $0, lhs: $1, rhs: $2)
            }
        case .i64ShrU:
            emitBinary(op, immediate: { .i64ShrUImm(result: $0, lhs: $1, immediate: $2) }) {
                .i64ShrU(result: $0, lhs: $1, rhs: $2)
            }
        case .i64Rotl:
            emitBinary(op, immediate: { .i64RotlImm(result: $0, lhs: $1, immediate: $2 & 63) }) {
                .i64Rotl(result: $0, lhs: $1, rhs: $2)
            }
        case .i64Rotr:
            emitBinary(op, immediate: { .i64RotlImm(result: $0, lhs: $1, immediate: (64 &- $2) & 63) }) {
                .i64Rotr(result: $0, lhs: $1, rhs: $2)
            }
        case .f32Abs: emitUnary(op) { .f32Abs(result: $0, source: $1) }
        case .f32Neg: emitUnary(op) { .f32Neg(result: $0, source: $1) }
        case .f32Ceil: emitUnary(op) { .f32Ceil(result: $0, source: $1) }
        case .f32Floor: emitUnary(op) { .f32Floor(result: $0, source: $1) }
        case .f32Trunc: emitUnary(op) { .f32Trunc(result: $0, source: $1) }
        case .f32Nearest: emitUnary(op) { .f32Nearest(result: $0, source: $1) }
        case .f32Sqrt: emitUnary(op) { .f32Sqrt(result: $0, source: $1) }
        case .f32Add: emitBinary(op) { .f32Add(result: $0, lhs: $1, rhs: $2) }
        case .f32Sub: emitBinary(op) { .f32Sub(result: $0, lhs: $1, rhs: $2) }
        case .f32Mul: emitBinary(op) { .f32Mul(result: $0, lhs: $1, rhs: $2) }
        case .f32Div: emitBinary(op) { .f32Div(result: $0, lhs: $1, rhs: $2) }
        case .f32Min: emitBinary(op) { .f32Min(result: $0, lhs: $1, rhs: $2) }
        case .f32Max: emitBinary(op) { .f32Max(result: $0, lhs: $1, rhs: $2) }
        case .f32Copysign: emitBinary(op) { .f32Copysign(result: $0, lhs: $1, rhs: $2) }
        case .f64Abs: emitUnary(op) { .f64Abs(result: $0, source: $1) }
        case .f64Neg: emitUnary(op) { .f64Neg(result: $0, source: $1) }
        case .f64Ceil: emitUnary(op) { .f64Ceil(result: $0, source: $1) }
        case .f64Floor: emitUnary(op) { .f64Floor(result: $0, source: $1) }
        case .f64Trunc: emitUnary(op) { .f64Trunc(result: $0, source: $1) }
        case .f64Nearest: emitUnary(op) { .f64Nearest(result: $0, source: $1) }
        case .f64Sqrt: emitUnary(op) { .f64Sqrt(result: $0, source: $1) }
        case .f64Add: emitBinary(op) { .f64Add(result: $0, lhs: $1, rhs: $2) }
        case .f64Sub: emitBinary(op) { .f64Sub(result: $0, lhs: $1, rhs: $2) }
        case .f64Mul: emitBinary(op) { .f64Mul(result: $0, lhs: $1, rhs: $2) }
        case .f64Div: emitBinary(op) { .f64Div(result: $0, lhs: $1, rhs: $2) }
        case .f64Min: emitBinary(op) { .f64Min(result: $0, lhs: $1, rhs: $2) }
        case .f64Max: emitBinary(op) { .f64Max(result: $0, lhs: $1, rhs: $2) }
        case .f64Copysign: emitBinary(op) { .f64Copysign(result: $0, lhs: $1, rhs: $2) }
        case .i32WrapI64: retype(to: .i32)
        case .i32TruncF32S: emitUnary(op) { .i32TruncF32S(result: $0, source: $1) }
        case .i32TruncF32U: emitUnary(op) { .i32TruncF32U(result: $0, source: $1) }
        case .i32TruncF64S: emitUnary(op) { .i32TruncF64S(result: $0, source: $1) }
        case .i32TruncF64U: emitUnary(op) { .i32TruncF64U(result: $0, source: $1) }
        case .i64ExtendI32S: emitUnary(op) { .extend32S(result: $0, source: $1) }
        case .i64ExtendI32U: emitUnary(op) { .i64ExtendI32U(result: $0, source: $1) }
        case .i64TruncF32S: emitUnary(op) { .i64TruncF32S(result: $0, source: $1) }
        case .i64TruncF32U: emitUnary(op) { .i64TruncF32U(result: $0, source: $1) }
        case .i64TruncF64S: emitUnary(op) { .i64TruncF64S(result: $0, source: $1) }
        case .i64TruncF64U: emitUnary(op) { .i64TruncF64U(result: $0, source: $1) }
        case .f32ConvertI32S: emitUnary(op) { .f32ConvertI32S(result: $0, source: $1) }
        case .f32ConvertI32U: emitUnary(op) { .f32ConvertI32U(result: $0, source: $1) }
        case .f32ConvertI64S: emitUnary(op) { .f32ConvertI64S(result: $0, source: $1) }
        case .f32ConvertI64U: emitUnary(op) { .f32ConvertI64U(result: $0, source: $1) }
        case .f32DemoteF64: emitUnary(op) { .f32DemoteF64(result: $0, source: $1) }
        case .f64ConvertI32S: emitUnary(op) { .f64ConvertI32S(result: $0, source: $1) }
        case .f64ConvertI32U: emitUnary(op) { .f64ConvertI32U(result: $0, source: $1) }
        case .f64ConvertI64S: emitUnary(op) { .f64ConvertI64S(result: $0, source: $1) }
        case .f64ConvertI64U: emitUnary(op) { .f64ConvertI64U(result: $0, source: $1) }
        case .f64PromoteF32: emitUnary(op) { .f64PromoteF32(result: $0, source: $1) }
        case .i32ReinterpretF32: retype(to: .i32)
        case .i64ReinterpretF64: retype(to: .i64)
        case .f32ReinterpretI32: retype(to: .f32)
        case .f64ReinterpretI64: retype(to: .f64)
        case .i32Extend8S: emitUnary(op) { .extend8S(result: $0, source: $1) }
        case .i32Extend16S: emitUnary(op) { .extend16S(result: $0, source: $1) }
        case .i64Extend8S: emitUnary(op) { .extend8S(result: $0, source: $1) }
        case .i64Extend16S: emitUnary(op) { .extend16S(result: $0, source: $1) }
        case .i64Extend32S: emitUnary(op) { .extend32S(result: $0, source: $1) }
        case .i32TruncSatF32S: emitUnary(op) { .i32TruncSatF32S(result: $0, source: $1) }
        case .i32TruncSatF32U: emitUnary(op) { .i32TruncSatF32U(result: $0, source: $1) }
        case .i32TruncSatF64S: emitUnary(op) { .i32TruncSatF64S(result: $0, source: $1) }
        case .i32TruncSatF64U: emitUnary(op) { .i32TruncSatF64U(result: $0, source: $1) }
        case .i64TruncSatF32S: emitUnary(op) { .i64TruncSatF32S(result: $0, source: $1) }
        case .i64TruncSatF32U: emitUnary(op) { .i64TruncSatF32U(result: $0, source: $1) }
        case .i64TruncSatF64S: emitUnary(op) { .i64TruncSatF64S(result: $0, source: $1) }
        case .i64TruncSatF64U: emitUnary(op) { .i64TruncSatF64U(result: $0, source: $1) }
        }
    }

    mutating func emitUnary(_ op: NumericOperator, _ make: (Slot, Slot) -> InternalInstruction) {
        let source = popSlot()
        emitProducer(make(push(op.signature.result), source))
    }

    /// Emits a binary operator. `immediate` builds the form taking a constant right operand;
    /// `swapped` the form computing the same result from the operands exchanged, used when
    /// the left operand is the constant.
    mutating func emitBinary(_ op: NumericOperator,
                             immediate: ((Slot, Slot, UInt32) -> InternalInstruction)? = nil,
                             swapped: ((Slot, Slot, UInt32) -> InternalInstruction)? = nil,
                             _ make: (Slot, Slot, Slot) -> InternalInstruction) {
        let rhs = pop()
        let lhs = pop()
        let resultType = op.signature.result
        if let immediate, lhs.constant == nil, let value = rhs.constant.flatMap({ immediateOperand($0, op) }) {
            emitImmediateForm(op, lhs: lhs, value: value, immediate)
        } else if let swapped, rhs.constant == nil, let value = lhs.constant.flatMap({ immediateOperand($0, op) }) {
            emitImmediateForm(op, lhs: rhs, value: value, swapped)
        } else {
            let rhsSlot = slot(of: rhs)
            let lhsSlot = slot(of: lhs)
            let result = push(resultType)
            if let fused = fusedF64Arithmetic(op, result: result, lhs: lhs, lhsSlot: lhsSlot, rhs: rhs, rhsSlot: rhsSlot)
                ?? fusedF64Load(op, result: result, lhs: lhs, lhsSlot: lhsSlot, rhs: rhs, rhsSlot: rhsSlot)
                ?? (op == .i32Add ? fusedShiftedAdd(result: result, lhs: lhs, lhsSlot: lhsSlot, rhs: rhs, rhsSlot: rhsSlot) : nil)
                ?? fusedProductDivision(op, result: result, lhs: lhs, divisorSlot: rhsSlot) {
                code[code.count - 1] = fused  // still a producer: `local.set` may redirect it
            } else {
                emitProducer(make(result, lhsSlot, rhsSlot))
            }
        }
    }

    /// Emits the form of `op` taking `value` as its immediate right operand, the other operand
    /// being `lhs` (an `i32.add` also takes in the shift that computed `lhs`, an `i32.mul` the
    /// exclusive or).
    mutating func emitImmediateForm(_ op: NumericOperator, lhs: Operand, value: UInt32,
                                    _ make: (Slot, Slot, UInt32) -> InternalInstruction) {
        if op == .i32Add, let sum = invariantSumSlot(lhs, plus: value) {
            push(.i32, aliasing: sum)  // computed on entry to the loop: nothing to emit
            return
        }
        let result = push(op.signature.result)
        if let fused = op == .i32Add ? fusedShiftAddImmediate(result: result, lhs: lhs, immediate: value)
            : op == .i32Mul ? fusedXorMultiply(result: result, lhs: lhs, immediate: value) : nil {
            code[code.count - 1] = fused  // still a producer
        } else {
            emitProducer(make(result, lhs.source, value))
        }
    }

    /// A constant as a 32-bit immediate: any i32; an i64 only if it is a sign-extended i32.
    func immediateOperand(_ constant: UInt64, _ op: NumericOperator) -> UInt32? {
        if op.signature.operand == .i32 { return UInt32(truncatingIfNeeded: constant) }
        let value = Int64(bitPattern: constant)
        guard let narrow = Int32(exactly: value) else { return nil }
        return UInt32(bitPattern: narrow)
    }

    /// A conversion that keeps the bits: the top operand gets the result type.
    mutating func retype(to type: ValueType) {
        operands[operands.count - 1].type = type
    }
}
