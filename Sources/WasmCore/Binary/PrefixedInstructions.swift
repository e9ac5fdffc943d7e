// Binary › Instructions with a prefix byte and a u32 sub-opcode (spec §5.4): 0xFC (saturating
// truncation §5.4.7, bulk memory §5.4.6, tables §5.4.5) and 0xFD (vector instructions §5.4.8).

extension InstructionDecoder {
    /// The 0xFC space.
    mutating func readMiscellaneous(start: Int) throws(DecodingError) -> Instruction {
        let subOpcode = try readSubOpcode()
        switch subOpcode {
        // §5.4.7 i32.trunc_sat_f32_s … i64.trunc_sat_f64_u
        case 0...7:
            guard let numeric = NumericOperator(rawValue: 0xFC00 | UInt16(subOpcode)) else { break }
            return .numeric(numeric)
        // §5.4.6 memory.init x 0x00, data.drop x, memory.copy 0x00 0x00, memory.fill 0x00
        case 8:
            let dataIndex = try readIndex()
            try readZeroByte()
            return .memoryInit(dataIndex: dataIndex)
        case 9: return .dataDrop(dataIndex: try readIndex())
        case 10:
            try readZeroByte()
            try readZeroByte()
            return .memoryCopy
        case 11:
            try readZeroByte()
            return .memoryFill
        // §5.4.5 table.init y x (element index first), elem.drop, table.copy x y, grow, size, fill
        case 12:
            let elementIndex = try readIndex()
            return .tableInit(elementIndex: elementIndex, tableIndex: try readIndex())
        case 13: return .elemDrop(elementIndex: try readIndex())
        case 14:
            let destination = try readIndex()
            return .tableCopy(destination: destination, source: try readIndex())
        case 15: return .tableGrow(tableIndex: try readIndex())
        case 16: return .tableSize(tableIndex: try readIndex())
        case 17: return .tableFill(tableIndex: try readIndex())
        default: break
        }
        throw DecodingError("illegal opcode fc \(hex(subOpcode))", at: start)
    }

    /// The 0xFD space (§5.4.8); the operator enums' raw values are the sub-opcodes.
    mutating func readVector(start: Int) throws(DecodingError) -> Instruction {
        let subOpcode = try readSubOpcode()
        if subOpcode <= 0xFF {
            let code = UInt8(subOpcode)
            switch code {
            case 11: return .v128Store(try readMemArg())
            case 12: return .v128Const(try readV128())
            case 13: return .i8x16Shuffle(try readV128())
            default: break
            }
            if let load = SIMDLoadOperator(rawValue: code) {
                return .simdLoad(load, try readMemArg())
            }
            if let lane = SIMDLaneOperator(rawValue: code) {
                return .simdLane(lane, lane: try readLaneIndex())
            }
            if let memoryLane = SIMDMemoryLaneOperator(rawValue: code) {
                let memArg = try readMemArg()
                return .simdMemoryLane(memoryLane, memArg, lane: try readLaneIndex())
            }
            if let operation = SIMDOperator(rawValue: code) {
                return .simd(operation)
            }
        }
        throw DecodingError("illegal opcode fd \(hex(subOpcode))", at: start)
    }
}
