// The executable form of internal code (DESIGN.md, "Encoded instructions"): each
// `InternalInstruction` the translator produced, laid out as a plain 16-byte record with an
// explicit opcode. The interpreter's `switch` reads the 2-byte opcode and each case loads only
// the operand fields it uses, at fixed offsets: no enum payload to extract and recombine.
//
// Operands keep the order of the `InternalInstruction` case's declaration: 8-byte operands
// (constants, addresses, global cells, callees) in `wide`, one small operand (a `ShortSlot`,
// `Int16`, `UInt8` or vector operator) in `short`, and the 4-byte ones in `a`, `b`, `c` in
// that order (`InstructionEncoding.swift`). `i32.add`'s `.i32Add(result:lhs:rhs:)` is thus
// `a` = result, `b` = lhs, `c` = rhs.

import WasmCore

struct EncodedInstruction: Equatable {
    /// One opcode per `InternalInstruction` case, with the same name.
    enum Opcode: UInt16, CaseIterable {
        // MARK: Control (§4.4.8)
        case unreachable
        case br
        case brIf
        case brIfNot
        case copyBr
        case const32Br
        case brTable
        case call
        case callMoving
        case callMoves
        case callHost
        case callIndirect
        case returnNone
        case returnOne
        case returnMany
        case copy
        case copyTwo
        case copyPair
        case copyMany
        case selectFrom
        case selectSlotOrImm
        case selectImmOrSlot
        case select

        // MARK: Fused comparison and branch (DESIGN.md, "Peepholes"): branch when `lhs` op `rhs`
        case brIfI32Eq
        case brIfI32Ne
        case brIfI32LtS
        case brIfI32LtU
        case brIfI32GtS
        case brIfI32GtU
        case brIfI32LeS
        case brIfI32LeU
        case brIfI32GeS
        case brIfI32GeU
        case brIfI32EqImm
        case brIfI32NeImm
        case brIfI32MaskedEqImm
        case brIfI32MaskedNeImm
        case brIfI32MaskedEq
        case brIfI32MaskedNe
        case brIfI32LtSImm
        case brIfI32LtUImm
        case brIfI32GtSImm
        case brIfI32GtUImm
        case brIfI32LeSImm
        case brIfI32LeUImm
        case brIfI32GeSImm
        case brIfI32GeUImm
        case brIfF64Eq
        case brIfF64Ne
        case brIfF64Lt
        case brIfF64Gt
        case brIfF64Le
        case brIfF64Ge
        case brIfNotF64Lt
        case brIfNotF64Gt
        case brIfNotF64Le
        case brIfNotF64Ge
        case brIfI64Zero
        case brIfI64NonZero
        case brIfLoad32NonZero
        case brIfLoad32Zero
        case brIfLoad8NonZero
        case brIfLoad8Zero
        case brIfLoad32AtNonZero
        case brIfLoad32AtZero
        case brIfI32AndImm
        case brIfNotI32AndImm
        case brIfI64AndImm
        case brIfNotI64AndImm

        // MARK: Constants and variables (§4.4.1, §4.4.5)
        case const32
        case const64
        case globalGet
        case globalSet
        case globalAddImmTee
        case globalSetAddImm
        case globalGetWide
        case globalSetWide

        // MARK: Memory (§4.4.7); effective address = i32 in `address` + `offset`
        case load8S
        case load8U
        case load16S
        case load16U
        case load32S
        case load32U
        case load64
        case store8
        case store16
        case store32
        case store64
        case load8UAt
        case load32UAt
        case load64At
        case store8At
        case store32At
        case store64At
        case load8UDisplaced
        case load8UOrDisplaced
        case load32UDisplaced
        case load64Displaced
        case load8UIndexed
        case load32UIndexed
        case load64Indexed
        case load32UScaled
        case load32UScaledKeeping
        case store8Displaced
        case store32Displaced
        case store64Displaced
        case store8Indexed
        case store32Indexed
        case store64Indexed
        case move8
        case move32
        case move32Run
        case move64
        case f64AddStore
        case f64AddToMemory
        case f64SubFromMemory
        case f64SubStore
        case f64MulStore
        case store8Imm
        case store32Imm
        case store64Imm
        case memorySize
        case memoryGrow
        case memoryFill
        case memoryCopy
        case memoryInit
        case dataDrop

        // MARK: Tables (§4.4.6)
        case tableGet
        case tableSet
        case tableSize
        case tableGrow
        case tableFill
        case tableCopy
        case tableInit
        case elemDrop

        // MARK: Numeric (§4.4.1): `result` ← op(`source`) or op(`lhs`, `rhs`)
        case i32Eqz
        case i32Eq
        case i32Ne
        case i32LtS
        case i32LtU
        case i32GtS
        case i32GtU
        case i32LeS
        case i32LeU
        case i32GeS
        case i32GeU
        case i32Clz
        case i32Ctz
        case i32Popcnt
        case i32Add
        case i32Sub
        case i32Mul
        case i32DivS
        case i32DivU
        case i32RemS
        case i32RemU
        case i32And
        case i32Or
        case i32Xor
        case i32Shl
        case i32ShrS
        case i32ShrU
        case i32Rotl
        case i32Rotr
        case i64Eqz
        case i64Eq
        case i64Ne
        case i64LtS
        case i64LtU
        case i64GtS
        case i64GtU
        case i64LeS
        case i64LeU
        case i64GeS
        case i64GeU
        case i64Clz
        case i64Ctz
        case i64Popcnt
        case i64Add
        case i64Sub
        case i64Mul
        case i64DivS
        case i64DivU
        case i64RemS
        case i64RemU
        case i64And
        case i64Or
        case i64Xor
        case i64Shl
        case i64ShrS
        case i64ShrU
        case i64Rotl
        case i64Rotr
        case f32Eq
        case f32Ne
        case f32Lt
        case f32Gt
        case f32Le
        case f32Ge
        case f32Abs
        case f32Neg
        case f32Ceil
        case f32Floor
        case f32Trunc
        case f32Nearest
        case f32Sqrt
        case f32Add
        case f32Sub
        case f32Mul
        case f32Div
        case f32Min
        case f32Max
        case f32Copysign
        case f64Eq
        case f64Ne
        case f64Lt
        case f64Gt
        case f64Le
        case f64Ge
        case f64Abs
        case f64Neg
        case f64Ceil
        case f64Floor
        case f64Trunc
        case f64Nearest
        case f64Sqrt
        case f64Add
        case f64Sub
        case f64Mul
        case f64Div
        case f64Min
        case f64Max
        case f64Copysign
        case f64AddAdd
        case f64AddSub
        case f64AddSubFrom
        case f64AddMul
        case f64SubAdd
        case f64SubSub
        case f64SubSubFrom
        case f64SubMul
        case f64MulAdd
        case f64MulSub
        case f64MulSubFrom
        case f64MulMul
        case f64AddDisplaced
        case f64SubDisplaced
        case f64MulDisplaced
        case f64AddAt
        case f64SubAt
        case f64MulAt
        case f64AddAcc
        case f64SubAcc
        case f64SubFromAcc
        case f64MulAcc
        case f64SquareAcc
        case f64DivAcc
        case f64DivFromAcc
        case brIfF64LtAcc
        case brIfF64GtAcc
        case brIfF64LeAcc
        case brIfF64GeAcc
        case brIfNotF64LtAcc
        case brIfNotF64GtAcc
        case brIfNotF64LeAcc
        case brIfNotF64GeAcc
        case brIfAcc
        case brIfNotAcc
        case brIfI32EqImmAcc
        case brIfI32NeImmAcc
        case brIfI32LtUImmAcc
        case brIfI32AndImmAcc
        case brIfNotI32AndImmAcc
        case load32UAcc
        case load8UAcc
        case store32Acc
        case i32AddImmAcc
        case i32AddAcc
        case i32SubAcc
        case i32SubFromAcc
        case brIfI32LtSAcc
        case brIfI32GtSAcc
        case brIfI32LeUAcc
        case brIfI32GeUAcc
        case brIfI32GeSImmAcc
        case brTableAcc

        // MARK: Numeric with a constant right operand (DESIGN.md, "Peepholes"); i64 forms sign-extend it
        case i32AddImm
        case i32AddImmPair
        case i32AddShifted
        case i32ShlAddImm
        case i32XorMulImm
        case i64MulRemU
        case i64MulRemS
        case i64MulDivU
        case i64MulDivS
        case i32MulImm
        case i32AndImm
        case i32OrImm
        case i32XorImm
        case i32ShlImm
        case i32ShrSImm
        case i32ShrUImm
        case i32RotlImm
        case i32SubFromImm
        case i32EqImm
        case i32NeImm
        case i32LtSImm
        case i32LtUImm
        case i32GtSImm
        case i32GtUImm
        case i32LeSImm
        case i32LeUImm
        case i32GeSImm
        case i32GeUImm
        case i64AddImm
        case i64SubImm
        case i64MulImm
        case i64AndImm
        case i64OrImm
        case i64XorImm
        case i64ShlImm
        case i64ShrSImm
        case i64ShrUImm
        case i64RotlImm
        case i64SubFromImm
        case i64EqImm
        case i64NeImm
        case i64LtSImm
        case i64LtUImm
        case i64GtSImm
        case i64GtUImm
        case i64LeSImm
        case i64LeUImm
        case i64GeSImm
        case i64GeUImm

        // MARK: Conversions (§4.4.1.6); wrap and the reinterpretations need no code
        case i32TruncF32S
        case i32TruncF32U
        case i32TruncF64S
        case i32TruncF64U
        case i64TruncF32S
        case i64TruncF32U
        case i64TruncF64S
        case i64TruncF64U
        case i32TruncSatF32S
        case i32TruncSatF32U
        case i32TruncSatF64S
        case i32TruncSatF64U
        case i64TruncSatF32S
        case i64TruncSatF32U
        case i64TruncSatF64S
        case i64TruncSatF64U
        case i64ExtendI32U
        case extend8S
        case extend16S
        case extend32S
        case f32ConvertI32S
        case f32ConvertI32U
        case f32ConvertI64S
        case f32ConvertI64U
        case f32DemoteF64
        case f64ConvertI32S
        case f64ConvertI32U
        case f64ConvertI64S
        case f64ConvertI64U
        case f64PromoteF32

        // MARK: Vectors (§4.4.3, §4.4.7): a v128 is two slots, low half first. All executed out of
        case vectorUnary
        case vectorBinary
        case vectorBitselect
        case vectorShift
        case vectorSplat
        case vectorTest
        case selectWide
        case vectorLoad
        case vectorLoadOther
        case vectorStore
        case vectorLane
        case vectorMemoryLane
        case vectorShuffle
        case vectorShuffleLanes
    }

    var opcode: Opcode
    var short: Int16
    var a: Int32
    var b: Int32
    var c: Int32

    init(_ opcode: Opcode, short: Int16 = 0, a: Int32 = 0, b: Int32 = 0, c: Int32 = 0) {
        self.opcode = opcode
        self.short = short
        self.a = a
        self.b = b
        self.c = c
    }

    init(_ opcode: Opcode, short: Int16 = 0, a: Int32 = 0, wide: UInt64) {
        self.init(opcode, short: short, a: a, b: Int32(truncatingIfNeeded: wide),
                  c: Int32(truncatingIfNeeded: wide >> 32))
    }

    /// `a`, `b` and `c` as unsigned 32-bit values (immediates, memory offsets, indices).
    @inline(__always) var ua: UInt32 { UInt32(bitPattern: a) }
    @inline(__always) var ub: UInt32 { UInt32(bitPattern: b) }
    @inline(__always) var uc: UInt32 { UInt32(bitPattern: c) }

    /// The 8-byte operand kept in `b` (low half) and `c` (high half).
    @inline(__always) var wide: UInt64 { UInt64(UInt32(bitPattern: b)) | UInt64(UInt32(bitPattern: c)) << 32 }

    /// `wide` as the address of a global's value cell.
    @inline(__always) var cell: UnsafeMutablePointer<UInt64> { UnsafeMutablePointer(bitPattern: UInt(wide)).unsafelyUnwrapped }

    /// `wide` as the address of the callee of a `call` or `callHost`.
    @inline(__always) var callee: UnsafeMutablePointer<FunctionEntity> { UnsafeMutablePointer(bitPattern: UInt(wide)).unsafelyUnwrapped }

    /// `short` as the vector operator of a vector instruction. Operators are one-byte enums
    /// without payloads, stored as their case number (not their raw value, which would need
    /// a table lookup to convert back).
    @inline(__always) func `operator`<Operator>(_: Operator.Type) -> Operator {
        unsafeBitCast(UInt8(truncatingIfNeeded: short), to: Operator.self)
    }
}

/// The interpreter reads an instruction's operands through its address, so that each case
/// loads only the fields it uses (a copy of the whole record would load all of them before
/// the dispatch).
extension UnsafePointer<EncodedInstruction> {
    @inline(__always) var opcode: EncodedInstruction.Opcode { pointee.opcode }
    @inline(__always) var short: Int16 { pointee.short }
    @inline(__always) var a: Int32 { pointee.a }
    @inline(__always) var b: Int32 { pointee.b }
    @inline(__always) var c: Int32 { pointee.c }
    @inline(__always) var ua: UInt32 { pointee.ua }
    @inline(__always) var ub: UInt32 { pointee.ub }
    @inline(__always) var uc: UInt32 { pointee.uc }
    @inline(__always) var wide: UInt64 { pointee.wide }
    @inline(__always) var cell: UnsafeMutablePointer<UInt64> { pointee.cell }
    @inline(__always) var callee: UnsafeMutablePointer<FunctionEntity> { pointee.callee }
    @inline(__always) func `operator`<Operator>(_ type: Operator.Type) -> Operator {
        pointee.operator(type)
    }
}

extension Int16 {
    /// A vector operator's case number, for `EncodedInstruction.short`.
    init<Operator>(operator: Operator) {
        precondition(MemoryLayout<Operator>.size == 1, "a vector operator is a one-byte enum")
        self.init(unsafeBitCast(`operator`, to: UInt8.self))
    }
}
