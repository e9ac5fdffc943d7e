import XCTest
@testable import WasmCore

/// §5.4 instructions, decoded one at a time by `InstructionDecoder`.
final class DecoderInstructionTests: XCTestCase {
    /// Decodes all of `bytes` (placed after some padding, to check absolute offsets).
    private func decode(_ bytes: [UInt8]) throws(DecodingError) -> [Instruction] {
        let padding: [UInt8] = [0xAA, 0xBB, 0xCC]
        var decoder = InstructionDecoder(bytes: padding + bytes, range: padding.count..<(padding.count + bytes.count))
        var instructions: [Instruction] = []
        while !decoder.isAtEnd { instructions.append(try decoder.next()) }
        return instructions
    }

    private func assertError(_ bytes: [UInt8], _ message: String, at offset: Int,
                             file: StaticString = #filePath, line: UInt = #line) {
        do {
            let instructions = try decode(bytes)
            XCTFail("decoded \(instructions), expected \"\(message)\"", file: file, line: line)
        } catch {
            XCTAssertEqual(error.message, message, file: file, line: line)
            XCTAssertEqual(error.offset, offset + 3, "absolute offset", file: file, line: line)
        }
    }

    func testControlAndVariableInstructions() throws {
        XCTAssertEqual(try decode([0x02, 0x40, 0x03, 0x7F, 0x04, 0x05, 0x05, 0x0B, 0x0B, 0x0B]),
                       [.block(.empty), .loop(.value(.i32)), .if(.typeIndex(5)), .else, .end, .end, .end])
        XCTAssertEqual(try decode([0x0C, 0x01, 0x0D, 0x80, 0x01, 0x0F, 0x10, 0x07, 0x11, 0x02, 0x01]),
                       [.br(labelIndex: 1), .brIf(labelIndex: 128), .return, .call(functionIndex: 7),
                        .callIndirect(typeIndex: 2, tableIndex: 1)])
        XCTAssertEqual(try decode([0x20, 0x00, 0x21, 0x01, 0x22, 0x02, 0x23, 0x03, 0x24, 0x04, 0x1A, 0x1B]),
                       [.localGet(0), .localSet(1), .localTee(2), .globalGet(3), .globalSet(4), .drop, .select])
        XCTAssertEqual(try decode([0xD0, 0x70, 0xD0, 0x6F, 0xD1, 0xD2, 0x03, 0x25, 0x00, 0x26, 0x01]),
                       [.refNull(.funcref), .refNull(.externref), .refIsNull, .refFunc(functionIndex: 3),
                        .tableGet(tableIndex: 0), .tableSet(tableIndex: 1)])
    }

    func testBrTableLabelsAreKeptByTheDecoder() throws {
        let bytes: [UInt8] = [0x0E, 0x03, 0x00, 0x01, 0x02, 0x04, 0x0E, 0x01, 0x09, 0x00]
        var decoder = InstructionDecoder(bytes: bytes, range: 0..<bytes.count)
        XCTAssertEqual(try decoder.next(), .brTable(labelCount: 3, defaultLabel: 4))
        XCTAssertEqual(decoder.brTableLabels, [0, 1, 2])
        XCTAssertEqual(try decoder.next(), .brTable(labelCount: 1, defaultLabel: 0))
        XCTAssertEqual(decoder.brTableLabels, [9])
        XCTAssertTrue(decoder.isAtEnd)
    }

    func testTypedSelect() throws {
        XCTAssertEqual(try decode([0x1C, 0x01, 0x7E]), [.selectTyped(.i64)])
        // Lengths other than 1 decode; validation rejects them.
        XCTAssertEqual(try decode([0x1C, 0x00]), [.selectTypedInvalidArity(typeCount: 0)])
        XCTAssertEqual(try decode([0x1C, 0x02, 0x7F, 0x7F]), [.selectTypedInvalidArity(typeCount: 2)])
        assertError([0x1C, 0x01, 0x40], "malformed value type", at: 2)
    }

    func testMemoryInstructions() throws {
        XCTAssertEqual(try decode([0x28, 0x02, 0x10, 0x3E, 0x00, 0x80, 0x80, 0x04, 0x3F, 0x00, 0x40, 0x00]),
                       [.load(.i32Load, MemArg(align: 4, offset: 16)), .store(.i64Store32, MemArg(align: 1, offset: 65536)),
                        .memorySize, .memoryGrow])
        XCTAssertEqual(try decode([0x29, 0x1F, 0x00]), [.load(.i64Load, MemArg(align: 1 << 31, offset: 0))])
        assertError([0x28, 0x20, 0x00], "malformed memop flags", at: 1)
        assertError([0x40, 0x01], "zero byte expected", at: 1)
        assertError([0x3F, 0x80, 0x00], "zero byte expected", at: 1)
    }

    func testNumericInstructions() throws {
        XCTAssertEqual(try decode([0x41, 0x7F, 0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F]),
                       [.i32Const(-1), .i64Const(Int64.min)])
        XCTAssertEqual(try decode([0x43, 0x01, 0x00, 0x80, 0x7F, 0x44, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F]),
                       [.f32Const(0x7F80_0001), .f64Const(0x3FF0_0000_0000_0000)])
        XCTAssertEqual(try decode([0x45, 0x6A, 0xA7, 0xBF, 0xC4]),
                       [.numeric(.i32Eqz), .numeric(.i32Add), .numeric(.i32WrapI64), .numeric(.f64ReinterpretI64),
                        .numeric(.i64Extend32S)])
        // Every one-byte numeric opcode decodes to the operator with that raw value.
        for opcode in UInt8(0x45)...0xC4 {
            XCTAssertEqual(try decode([opcode]), [.numeric(NumericOperator(rawValue: UInt16(opcode))!)])
        }
    }

    func testPrefixFC() throws {
        XCTAssertEqual(try decode([0xFC, 0x00, 0xFC, 0x07]),
                       [.numeric(.i32TruncSatF32S), .numeric(.i64TruncSatF64U)])
        XCTAssertEqual(try decode([0xFC, 0x08, 0x02, 0x00, 0xFC, 0x09, 0x01, 0xFC, 0x0A, 0x00, 0x00, 0xFC, 0x0B, 0x00]),
                       [.memoryInit(dataIndex: 2), .dataDrop(dataIndex: 1), .memoryCopy, .memoryFill])
        XCTAssertEqual(try decode([0xFC, 0x0C, 0x03, 0x01, 0xFC, 0x0D, 0x02, 0xFC, 0x0E, 0x04, 0x05,
                                   0xFC, 0x0F, 0x01, 0xFC, 0x10, 0x02, 0xFC, 0x11, 0x03]),
                       [.tableInit(elementIndex: 3, tableIndex: 1), .elemDrop(elementIndex: 2),
                        .tableCopy(destination: 4, source: 5), .tableGrow(tableIndex: 1), .tableSize(tableIndex: 2),
                        .tableFill(tableIndex: 3)])
        // The sub-opcode is a u32: a padded encoding is fine.
        XCTAssertEqual(try decode([0xFC, 0x81, 0x80, 0x00]), [.numeric(.i32TruncSatF32U)])
        assertError([0xFC, 0x12], "illegal opcode fc 12", at: 0)
        assertError([0xFC, 0x0A, 0x00, 0x01], "zero byte expected", at: 3)
    }

    func testPrefixFD() throws {
        let bytes16: [UInt8] = Array(0..<16)
        XCTAssertEqual(try decode([0xFD, 0x0C] + bytes16), [.v128Const(V128(bytes: bytes16))])
        XCTAssertEqual(try decode([0xFD, 0x0D] + bytes16), [.i8x16Shuffle(V128(bytes: bytes16))])
        XCTAssertEqual(try decode([0xFD, 0x00, 0x04, 0x00, 0xFD, 0x0B, 0x04, 0x08, 0xFD, 0x5D, 0x03, 0x00]),
                       [.simdLoad(.v128Load, MemArg(align: 16, offset: 0)), .v128Store(MemArg(align: 16, offset: 8)),
                        .simdLoad(.v128Load64Zero, MemArg(align: 8, offset: 0))])
        XCTAssertEqual(try decode([0xFD, 0x15, 0x0F, 0xFD, 0x54, 0x00, 0x00, 0x07]),
                       [.simdLane(.i8x16ExtractLaneS, lane: 15), .simdMemoryLane(.v128Load8Lane, MemArg(align: 1, offset: 0), lane: 7)])
        // Sub-opcodes above 127 take two LEB128 bytes.
        XCTAssertEqual(try decode([0xFD, 0x80, 0x01, 0xFD, 0xFF, 0x01, 0xFD, 0x0E]),
                       [.simd(.i16x8Abs), .simd(.f64x2ConvertLowI32x4U), .simd(.i8x16Swizzle)])
        // Every operator without immediates decodes from its raw value.
        for operation in SIMDOperator.allCases {
            XCTAssertEqual(try decode([0xFD] + WasmBytes.u32(UInt32(operation.rawValue))), [.simd(operation)])
        }
        assertError([0xFD, 0xA2, 0x01], "illegal opcode fd a2", at: 0)
        assertError([0xFD, 0x80, 0x02], "illegal opcode fd 100", at: 0)
        assertError([0xFD, 0x0C, 0x00], "unexpected end of section or function", at: 2)
    }

    func testIllegalOpcodesAndEnd() {
        for opcode: UInt8 in [0x06, 0x0A, 0x12, 0x1D, 0x27, 0xC5, 0xD3, 0xFE, 0xFF] {
            let digits = String(opcode, radix: 16)
            assertError([opcode], "illegal opcode " + (digits.count == 1 ? "0" + digits : digits), at: 0)
        }
        assertError([0x41], "unexpected end of section or function", at: 1)
        assertError([0xD0, 0x7F], "malformed reference type", at: 1)
    }
}
