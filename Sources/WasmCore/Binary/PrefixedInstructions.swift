// Binary › Instructions with a prefix byte and a u32 sub-opcode (spec §5.4): 0xFC (saturating
// truncation §5.4.7, bulk memory §5.4.6, tables §5.4.5) and 0xFD (vector instructions §5.4.8).

extension InstructionDecoder {
    /// The 0xFC space.
    mutating func readMiscellaneous(start: Int) throws(DecodingError) -> Instruction {
        let subOpcode = try reader.readU32()
        switch subOpcode {
        // §5.4.7 i32.trunc_sat_f32_s … i64.trunc_sat_f64_u
        case 0...7:
            guard let numeric = NumericOperator(rawValue: 0xFC00 | UInt16(subOpcode)) else { break }
            return .numeric(numeric)
        // §5.4.6 memory.init x 0x00, data.drop x, memory.copy 0x00 0x00, memory.fill 0x00
        case 8:
            let dataIndex = try reader.readU32()
            try reader.readZeroByte()
            return .memoryInit(dataIndex: dataIndex)
        case 9: return .dataDrop(dataIndex: try reader.readU32())
        case 10:
            try reader.readZeroByte()
            try reader.readZeroByte()
            return .memoryCopy
        case 11:
            try reader.readZeroByte()
            return .memoryFill
        // §5.4.5 table.init y x (element index first), elem.drop, table.copy x y, grow, size, fill
        case 12:
            let elementIndex = try reader.readU32()
            return .tableInit(elementIndex: elementIndex, tableIndex: try reader.readU32())
        case 13: return .elemDrop(elementIndex: try reader.readU32())
        case 14:
            let destination = try reader.readU32()
            return .tableCopy(destination: destination, source: try reader.readU32())
        case 15: return .tableGrow(tableIndex: try reader.readU32())
        case 16: return .tableSize(tableIndex: try reader.readU32())
        case 17: return .tableFill(tableIndex: try reader.readU32())
        default: break
        }
        throw DecodingError("illegal opcode fc \(hex(subOpcode))", at: start)
    }

    /// The 0xFD space (§5.4.8); the operator enums' raw values are the sub-opcodes.
    mutating func readVector(start: Int) throws(DecodingError) -> Instruction {
        let subOpcode = try reader.readU32()
        if subOpcode <= 0xFF {
            let code = UInt8(subOpcode)
            switch code {
            case 11: return .v128Store(try readMemArg())
            case 12: return .v128Const(try reader.readV128())
            case 13: return .i8x16Shuffle(try reader.readV128())
            default: break
            }
            if let operation = SIMDOperator(rawValue: code) {
                return .simd(operation)
            }
            if let load = SIMDLoadOperator(rawValue: code) {
                return .simdLoad(load, try readMemArg())
            }
            // Lane indices are single bytes, not LEB128.
            if let lane = SIMDLaneOperator(rawValue: code) {
                return .simdLane(lane, lane: try reader.readByte())
            }
            if let memoryLane = SIMDMemoryLaneOperator(rawValue: code) {
                let memArg = try readMemArg()
                return .simdMemoryLane(memoryLane, memArg, lane: try reader.readByte())
            }
        }
        throw DecodingError("illegal opcode fd \(hex(subOpcode))", at: start)
    }
}
