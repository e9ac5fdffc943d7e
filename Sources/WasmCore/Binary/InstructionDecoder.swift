// Binary › Instructions (spec §5.4): one opcode byte (or a prefix byte and a u32 sub-opcode)
// followed by the instruction's immediates.

/// Decodes the instructions of a function body or constant expression one at a time (§5.4).
///
/// The decoder reads single instructions; it does not match `block`/`loop`/`if` with their
/// `end` (the module decoder checks nesting once, when the module is decoded). Decoding does not
/// allocate, except that `brTableLabels` grows to the largest `br_table` seen.
public struct InstructionDecoder {
    /// Internal so the prefixed instruction spaces (PrefixedInstructions.swift) can read immediates.
    var reader: ByteReader

    /// The explicit labels of the last `brTable` decoded (not including the default label); the
    /// buffer is reused (no allocation per br_table after warm-up).
    public private(set) var brTableLabels: [UInt32] = []

    /// Decodes `bytes[range]`; `range` holds absolute offsets into `bytes` (e.g. `FunctionBody.code`).
    public init(bytes: [UInt8], range: Range<Int>) {
        reader = ByteReader(bytes: bytes, offset: range.lowerBound, limit: range.upperBound)
    }

    /// Absolute offset of the next instruction.
    public var offset: Int { reader.offset }

    /// Whether every instruction in the range has been decoded.
    public var isAtEnd: Bool { reader.isAtEnd }

    /// Decodes the next instruction. Throws `DecodingError` for an unknown opcode, a malformed
    /// immediate, or an instruction running past the end of the range.
    public mutating func next() throws(DecodingError) -> Instruction {
        let start = reader.offset
        let opcode = try reader.readByte()
        switch opcode {
        // §5.4.1 Control instructions
        case 0x00: return .unreachable
        case 0x01: return .nop
        case 0x02: return .block(try reader.readBlockType())
        case 0x03: return .loop(try reader.readBlockType())
        case 0x04: return .if(try reader.readBlockType())
        case 0x05: return .else
        case 0x0B: return .end
        case 0x0C: return .br(labelIndex: try reader.readU32())
        case 0x0D: return .brIf(labelIndex: try reader.readU32())
        case 0x0E: return try readBrTable()
        case 0x0F: return .return
        case 0x10: return .call(functionIndex: try reader.readU32())
        case 0x11:
            let typeIndex = try reader.readU32()
            return .callIndirect(typeIndex: typeIndex, tableIndex: try reader.readU32())

        // §5.4.2 Reference instructions
        case 0xD0: return .refNull(try reader.readRefType())
        case 0xD1: return .refIsNull
        case 0xD2: return .refFunc(functionIndex: try reader.readU32())

        // §5.4.3 Parametric instructions
        case 0x1A: return .drop
        case 0x1B: return .select
        case 0x1C: return try readTypedSelect()

        // §5.4.4 Variable instructions
        case 0x20: return .localGet(try reader.readU32())
        case 0x21: return .localSet(try reader.readU32())
        case 0x22: return .localTee(try reader.readU32())
        case 0x23: return .globalGet(try reader.readU32())
        case 0x24: return .globalSet(try reader.readU32())

        // §5.4.5 Table instructions (the others are under the 0xFC prefix)
        case 0x25: return .tableGet(tableIndex: try reader.readU32())
        case 0x26: return .tableSet(tableIndex: try reader.readU32())

        // §5.4.6 Memory instructions
        case 0x28...0x35:
            guard let load = LoadOperator(rawValue: opcode) else { break }
            return .load(load, try readMemArg())
        case 0x36...0x3E:
            guard let store = StoreOperator(rawValue: opcode) else { break }
            return .store(store, try readMemArg())
        case 0x3F:
            try reader.readZeroByte()
            return .memorySize
        case 0x40:
            try reader.readZeroByte()
            return .memoryGrow

        // §5.4.7 Numeric instructions
        case 0x41: return .i32Const(try reader.readS32())
        case 0x42: return .i64Const(try reader.readS64())
        case 0x43: return .f32Const(try reader.readLittleEndian32())
        case 0x44: return .f64Const(try reader.readLittleEndian64())
        case 0x45...0xC4:
            guard let numeric = NumericOperator(rawValue: UInt16(opcode)) else { break }
            return .numeric(numeric)

        // Prefixed instructions: bulk memory/table and saturating truncation (0xFC), vectors (0xFD).
        case 0xFC: return try readMiscellaneous(start: start)
        case 0xFD: return try readVector(start: start)

        default: break
        }
        throw DecodingError("illegal opcode \(hex(opcode))", at: start)
    }

    /// §5.4.1 br_table: vec(labelidx) labelidx. The explicit labels go to `brTableLabels`.
    private mutating func readBrTable() throws(DecodingError) -> Instruction {
        let count = try reader.readCount()
        brTableLabels.removeAll(keepingCapacity: true)
        brTableLabels.reserveCapacity(reader.capacity(for: count))
        for _ in 0..<count { brTableLabels.append(try reader.readU32()) }
        let defaultLabel = try reader.readU32()
        return .brTable(labelCount: UInt32(count), defaultLabel: defaultLabel)
    }

    /// §5.4.3 select t*: the binary allows any number of types; 2.0 validation requires one.
    private mutating func readTypedSelect() throws(DecodingError) -> Instruction {
        let count = try reader.readCount()
        guard count == 1 else {
            for _ in 0..<count { _ = try reader.readValueType() }
            return .selectTypedInvalidArity(typeCount: UInt32(count))
        }
        return .selectTyped(try reader.readValueType())
    }

    /// §5.4.6 memarg: the alignment exponent, then the offset, both u32. An exponent of 32 or
    /// more cannot describe a 32-bit alignment and is malformed.
    mutating func readMemArg() throws(DecodingError) -> MemArg {
        let start = reader.offset
        let exponent = try reader.readU32()
        guard exponent < 32 else { throw DecodingError("malformed memop flags", at: start) }
        return MemArg(align: 1 << exponent, offset: try reader.readU32())
    }
}

/// Two-digit hexadecimal, as in the reference interpreter's "illegal opcode" messages.
func hex(_ value: some BinaryInteger) -> String {
    let digits = String(value, radix: 16)
    return digits.count < 2 ? "0" + digits : digits
}
