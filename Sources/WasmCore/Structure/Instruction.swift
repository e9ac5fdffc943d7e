// Structure › Instructions (spec §2.4), as decoded from the binary format (§5.4).
// One enum case per instruction family; instructions without immediates that share a typing
// rule are grouped in operator enums whose raw values are their binary opcodes.

/// The memory immediate of loads and stores (§2.4.7): an alignment exponent and an offset.
public struct MemArg: Hashable, Sendable {
    /// The alignment hint in bytes, a power of two: 2^exponent, where the binary stores the
    /// exponent (the decoder rejects exponents ≥ 32, so 2^31 is the largest value).
    public var align: UInt32
    public var offset: UInt32
    public init(align: UInt32, offset: UInt32) {
        self.align = align
        self.offset = offset
    }
}

/// A decoded instruction. `brTable` carries only its default label: the label vector is kept
/// by the `InstructionDecoder` that produced it (`brTableLabels`), so decoding never allocates
/// per instruction.
public enum Instruction: Hashable, Sendable {
    // Control instructions (§2.4.8, §5.4.1)
    case unreachable
    case nop
    case block(BlockType)
    case loop(BlockType)
    case `if`(BlockType)
    case `else`
    case end
    case br(labelIndex: UInt32)
    case brIf(labelIndex: UInt32)
    case brTable(labelCount: UInt32, defaultLabel: UInt32)
    case `return`
    case call(functionIndex: UInt32)
    case callIndirect(typeIndex: UInt32, tableIndex: UInt32)

    // Reference instructions (§2.4.2, §5.4.2)
    case refNull(RefType)
    case refIsNull
    case refFunc(functionIndex: UInt32)

    // Parametric instructions (§2.4.3, §5.4.3)
    case drop
    /// `select` without a type annotation (numeric and vector operands only).
    case select
    /// `select t`: the binary allows a vector of types; WebAssembly 2.0 requires exactly one.
    case selectTyped(ValueType)
    /// `select t*` whose type vector does not have exactly one type (`typeCount` ≠ 1). The binary
    /// format allows it; WebAssembly 2.0 validation rejects it ("invalid result arity", §3.3.4).
    case selectTypedInvalidArity(typeCount: UInt32)

    // Variable instructions (§2.4.4, §5.4.4)
    case localGet(UInt32)
    case localSet(UInt32)
    case localTee(UInt32)
    case globalGet(UInt32)
    case globalSet(UInt32)

    // Table instructions (§2.4.5, §5.4.5)
    case tableGet(tableIndex: UInt32)
    case tableSet(tableIndex: UInt32)
    case tableInit(elementIndex: UInt32, tableIndex: UInt32)
    case elemDrop(elementIndex: UInt32)
    case tableCopy(destination: UInt32, source: UInt32)
    case tableGrow(tableIndex: UInt32)
    case tableSize(tableIndex: UInt32)
    case tableFill(tableIndex: UInt32)

    // Memory instructions (§2.4.7, §5.4.6)
    case load(LoadOperator, MemArg)
    case store(StoreOperator, MemArg)
    case memorySize
    case memoryGrow
    case memoryInit(dataIndex: UInt32)
    case dataDrop(dataIndex: UInt32)
    case memoryCopy
    case memoryFill

    // Numeric instructions (§2.4.1, §5.4.7)
    case i32Const(Int32)
    case i64Const(Int64)
    /// `f32.const`, as its bit pattern (NaN payloads must survive).
    case f32Const(UInt32)
    /// `f64.const`, as its bit pattern.
    case f64Const(UInt64)
    case numeric(NumericOperator)

    // Vector instructions (§2.4.6, §5.4.8), prefix 0xFD
    case v128Const(V128)
    /// `i8x16.shuffle` with its 16 lane indices, one per byte of the immediate.
    case i8x16Shuffle(V128)
    case simd(SIMDOperator)
    case simdLoad(SIMDLoadOperator, MemArg)
    case v128Store(MemArg)
    case simdLane(SIMDLaneOperator, lane: UInt8)
    case simdMemoryLane(SIMDMemoryLaneOperator, MemArg, lane: UInt8)
}

/// Scalar loads (§5.4.6); raw value = opcode.
public enum LoadOperator: UInt8, Hashable, Sendable, CaseIterable {
    case i32Load = 0x28, i64Load = 0x29, f32Load = 0x2A, f64Load = 0x2B
    case i32Load8S = 0x2C, i32Load8U = 0x2D, i32Load16S = 0x2E, i32Load16U = 0x2F
    case i64Load8S = 0x30, i64Load8U = 0x31, i64Load16S = 0x32, i64Load16U = 0x33
    case i64Load32S = 0x34, i64Load32U = 0x35

    /// The type of the loaded value.
    public var valueType: ValueType {
        switch self {
        case .i32Load, .i32Load8S, .i32Load8U, .i32Load16S, .i32Load16U: .i32
        case .i64Load, .i64Load8S, .i64Load8U, .i64Load16S, .i64Load16U, .i64Load32S, .i64Load32U: .i64
        case .f32Load: .f32
        case .f64Load: .f64
        }
    }

    /// Bytes read from memory.
    public var byteWidth: Int {
        switch self {
        case .i32Load8S, .i32Load8U, .i64Load8S, .i64Load8U: 1
        case .i32Load16S, .i32Load16U, .i64Load16S, .i64Load16U: 2
        case .i32Load, .f32Load, .i64Load32S, .i64Load32U: 4
        case .i64Load, .f64Load: 8
        }
    }
}

/// Scalar stores (§5.4.6); raw value = opcode.
public enum StoreOperator: UInt8, Hashable, Sendable, CaseIterable {
    case i32Store = 0x36, i64Store = 0x37, f32Store = 0x38, f64Store = 0x39
    case i32Store8 = 0x3A, i32Store16 = 0x3B
    case i64Store8 = 0x3C, i64Store16 = 0x3D, i64Store32 = 0x3E

    /// The type of the stored operand.
    public var valueType: ValueType {
        switch self {
        case .i32Store, .i32Store8, .i32Store16: .i32
        case .i64Store, .i64Store8, .i64Store16, .i64Store32: .i64
        case .f32Store: .f32
        case .f64Store: .f64
        }
    }

    /// Bytes written to memory.
    public var byteWidth: Int {
        switch self {
        case .i32Store8, .i64Store8: 1
        case .i32Store16, .i64Store16: 2
        case .i32Store, .f32Store, .i64Store32: 4
        case .i64Store, .f64Store: 8
        }
    }
}

/// The shape of a numeric operator's type: `arity` operands of `operand` type giving one `result`.
public struct OperatorSignature: Hashable, Sendable {
    public var operand: ValueType
    public var arity: Int
    public var result: ValueType
    public init(_ operand: ValueType, arity: Int, _ result: ValueType) {
        self.operand = operand
        self.arity = arity
        self.result = result
    }
}

/// Numeric instructions without immediates (§5.4.7). Raw value = the one-byte opcode, or
/// 0xFC00 | sub-opcode for the saturating truncations of the 0xFC prefix.
public enum NumericOperator: UInt16, Hashable, Sendable, CaseIterable {
    case i32Eqz = 0x45, i32Eq, i32Ne, i32LtS, i32LtU, i32GtS, i32GtU, i32LeS, i32LeU, i32GeS, i32GeU
    case i64Eqz = 0x50, i64Eq, i64Ne, i64LtS, i64LtU, i64GtS, i64GtU, i64LeS, i64LeU, i64GeS, i64GeU
    case f32Eq = 0x5B, f32Ne, f32Lt, f32Gt, f32Le, f32Ge
    case f64Eq = 0x61, f64Ne, f64Lt, f64Gt, f64Le, f64Ge
    case i32Clz = 0x67, i32Ctz, i32Popcnt
    case i32Add = 0x6A, i32Sub, i32Mul, i32DivS, i32DivU, i32RemS, i32RemU
    case i32And, i32Or, i32Xor, i32Shl, i32ShrS, i32ShrU, i32Rotl, i32Rotr
    case i64Clz = 0x79, i64Ctz, i64Popcnt
    case i64Add = 0x7C, i64Sub, i64Mul, i64DivS, i64DivU, i64RemS, i64RemU
    case i64And, i64Or, i64Xor, i64Shl, i64ShrS, i64ShrU, i64Rotl, i64Rotr
    case f32Abs = 0x8B, f32Neg, f32Ceil, f32Floor, f32Trunc, f32Nearest, f32Sqrt
    case f32Add = 0x92, f32Sub, f32Mul, f32Div, f32Min, f32Max, f32Copysign
    case f64Abs = 0x99, f64Neg, f64Ceil, f64Floor, f64Trunc, f64Nearest, f64Sqrt
    case f64Add = 0xA0, f64Sub, f64Mul, f64Div, f64Min, f64Max, f64Copysign
    case i32WrapI64 = 0xA7, i32TruncF32S, i32TruncF32U, i32TruncF64S, i32TruncF64U
    case i64ExtendI32S = 0xAC, i64ExtendI32U, i64TruncF32S, i64TruncF32U, i64TruncF64S, i64TruncF64U
    case f32ConvertI32S = 0xB2, f32ConvertI32U, f32ConvertI64S, f32ConvertI64U, f32DemoteF64
    case f64ConvertI32S = 0xB7, f64ConvertI32U, f64ConvertI64S, f64ConvertI64U, f64PromoteF32
    case i32ReinterpretF32 = 0xBC, i64ReinterpretF64, f32ReinterpretI32, f64ReinterpretI64
    case i32Extend8S = 0xC0, i32Extend16S, i64Extend8S, i64Extend16S, i64Extend32S
    case i32TruncSatF32S = 0xFC00, i32TruncSatF32U, i32TruncSatF64S, i32TruncSatF64U
    case i64TruncSatF32S, i64TruncSatF32U, i64TruncSatF64S, i64TruncSatF64U

    /// The operator's type (§3.3.1): its operands and its result.
    public var signature: OperatorSignature {
        switch rawValue {
        case 0x45: OperatorSignature(.i32, arity: 1, .i32)
        case 0x46...0x4F: OperatorSignature(.i32, arity: 2, .i32)
        case 0x50: OperatorSignature(.i64, arity: 1, .i32)
        case 0x51...0x5A: OperatorSignature(.i64, arity: 2, .i32)
        case 0x5B...0x60: OperatorSignature(.f32, arity: 2, .i32)
        case 0x61...0x66: OperatorSignature(.f64, arity: 2, .i32)
        case 0x67...0x69: OperatorSignature(.i32, arity: 1, .i32)
        case 0x6A...0x78: OperatorSignature(.i32, arity: 2, .i32)
        case 0x79...0x7B: OperatorSignature(.i64, arity: 1, .i64)
        case 0x7C...0x8A: OperatorSignature(.i64, arity: 2, .i64)
        case 0x8B...0x91: OperatorSignature(.f32, arity: 1, .f32)
        case 0x92...0x98: OperatorSignature(.f32, arity: 2, .f32)
        case 0x99...0x9F: OperatorSignature(.f64, arity: 1, .f64)
        case 0xA0...0xA6: OperatorSignature(.f64, arity: 2, .f64)
        case 0xA7: OperatorSignature(.i64, arity: 1, .i32)
        case 0xA8, 0xA9: OperatorSignature(.f32, arity: 1, .i32)
        case 0xAA, 0xAB: OperatorSignature(.f64, arity: 1, .i32)
        case 0xAC, 0xAD: OperatorSignature(.i32, arity: 1, .i64)
        case 0xAE, 0xAF: OperatorSignature(.f32, arity: 1, .i64)
        case 0xB0, 0xB1: OperatorSignature(.f64, arity: 1, .i64)
        case 0xB2, 0xB3: OperatorSignature(.i32, arity: 1, .f32)
        case 0xB4, 0xB5: OperatorSignature(.i64, arity: 1, .f32)
        case 0xB6: OperatorSignature(.f64, arity: 1, .f32)
        case 0xB7, 0xB8: OperatorSignature(.i32, arity: 1, .f64)
        case 0xB9, 0xBA: OperatorSignature(.i64, arity: 1, .f64)
        case 0xBB: OperatorSignature(.f32, arity: 1, .f64)
        case 0xBC: OperatorSignature(.f32, arity: 1, .i32)
        case 0xBD: OperatorSignature(.f64, arity: 1, .i64)
        case 0xBE: OperatorSignature(.i32, arity: 1, .f32)
        case 0xBF: OperatorSignature(.i64, arity: 1, .f64)
        case 0xC0, 0xC1: OperatorSignature(.i32, arity: 1, .i32)
        case 0xC2...0xC4: OperatorSignature(.i64, arity: 1, .i64)
        case 0xFC00, 0xFC01: OperatorSignature(.f32, arity: 1, .i32)
        case 0xFC02, 0xFC03: OperatorSignature(.f64, arity: 1, .i32)
        case 0xFC04, 0xFC05: OperatorSignature(.f32, arity: 1, .i64)
        default: OperatorSignature(.f64, arity: 1, .i64)  // 0xFC06, 0xFC07
        }
    }
}
