// The executable form of internal code (EncodedInstruction.swift, InstructionEncoding.swift):
// 16 bytes per instruction, and every kind of operand survives the encoding exactly.

@testable import WasmCore
@testable import WasmRuntime
import XCTest

final class EncodedInstructionTests: XCTestCase {
    func testInstructionsAreSixteenBytes() {
        XCTAssertEqual(MemoryLayout<EncodedInstruction>.size, 16)
        XCTAssertEqual(MemoryLayout<EncodedInstruction>.stride, 16)
        XCTAssertEqual(MemoryLayout<EncodedInstruction.Opcode>.size, 2)
    }

    func testSlotsAndUnsignedImmediatesKeepTheirBits() {
        let load = InternalInstruction.load32U(result: 7, address: -3, offset: 0xFFFF_FFF0).encoded
        XCTAssertEqual(load.opcode, .load32U)
        XCTAssertEqual(load.a, 7)
        XCTAssertEqual(load.b, -3)
        XCTAssertEqual(load.uc, 0xFFFF_FFF0)

        let branch = InternalInstruction.brIfI32LtSImm(lhs: 2, immediate: 0x8000_0000, offset: -40).encoded
        XCTAssertEqual(branch.a, 2)
        XCTAssertEqual(branch.ub, 0x8000_0000)
        XCTAssertEqual(branch.c, -40)
    }

    func testEightByteOperandsUseBothHalves() {
        let constant = InternalInstruction.const64(value: 0x8123_4567_89AB_CDEF, result: 5).encoded
        XCTAssertEqual(constant.wide, 0x8123_4567_89AB_CDEF)
        XCTAssertEqual(constant.a, 5)

        let cell = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
        defer { cell.deallocate() }
        let get = InternalInstruction.globalGet(cell: cell, result: 9).encoded
        XCTAssertEqual(get.cell, cell)
        XCTAssertEqual(get.a, 9)

        let lanes = InternalInstruction.vectorShuffleLanes(0x0F0E_0D0C_0B0A_0908).encoded
        XCTAssertEqual(lanes.wide, 0x0F0E_0D0C_0B0A_0908)
    }

    func testSmallOperandsAndVectorOperators() {
        let tee = InternalInstruction.globalAddImmTee(cell: UnsafeMutablePointer(bitPattern: 0x1000)!,
                                                      local: -2, adjustment: -16).encoded
        XCTAssertEqual(tee.short, -2)
        XCTAssertEqual(tee.a, -16)
        XCTAssertEqual(tee.wide, 0x1000)

        for op in SIMDLaneOperator.allCases {
            let lane = InternalInstruction.vectorLane(result: 1, operand: 3, op: op, lane: 15).encoded
            XCTAssertEqual(lane.operator(SIMDLaneOperator.self), op)
            XCTAssertEqual(lane.c, 15)
        }
        for op in SIMDOperator.allCases {
            XCTAssertEqual(InternalInstruction.vectorUnary(result: 0, operand: 2, op: op).encoded.operator(SIMDOperator.self), op)
        }
    }
}
