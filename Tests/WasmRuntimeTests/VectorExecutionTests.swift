// The interpreter's vector instructions end to end (the semantics of each operator are tested
// by the SIMD*Tests files): v128 values through the API, the two-slot layout, memory bounds of
// vector accesses, lane loads written over their address's slot, shuffles skipping their lane
// indices, select of vectors, and the instruction size the vector cases keep.

import TestSupport
import WasmCore
@testable import WasmRuntime
import XCTest

/// Encodings of the vector instructions the tests use (§5.4.8: 0xFD, then the sub-opcode).
private enum Vector {
    static func op(_ code: UInt32) -> [UInt8] { [0xFD] + leb(code) }
    static func const(_ value: V128) -> [UInt8] { op(12) + bytes(value) }
    static func shuffle(_ lanes: [UInt8]) -> [UInt8] { op(13) + lanes }
    static func load(offset: UInt32 = 0) -> [UInt8] { op(0) + [0x00] + leb(offset) }
    static func store(offset: UInt32 = 0) -> [UInt8] { op(11) + [0x00] + leb(offset) }
    static func load8Lane(_ lane: UInt8) -> [UInt8] { op(84) + [0x00, 0x00, lane] }
    static func store32Lane(_ lane: UInt8, offset: UInt32 = 0) -> [UInt8] { op(90) + [0x00] + leb(offset) + [lane] }
    static let i32x4Add = op(174)
    static let i32x4ExtractLane1 = op(27) + [1]
    static let i16x8ReplaceLane7 = op(26) + [7]
    static let bitselect = op(82)
    static let selectV128: [UInt8] = [0x1C, 0x01, ValueType.v128.rawValue]

    static func bytes(_ value: V128) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value.low >> (8 * UInt64($0))) }
            + (0..<8).map { UInt8(truncatingIfNeeded: value.high >> (8 * UInt64($0))) }
    }
}

final class VectorExecutionTests: XCTestCase {
    func testVectorParametersResultsAndLaneArithmetic() throws {
        var builder = ModuleBuilder()
        builder.exportFunction("add", builder.function(FuncType([.v128, .v128], [.v128]),
            Op.localGet(0), Op.localGet(1), Vector.i32x4Add))
        // An i32 parameter between two vectors: the slots are 0-1, 2, 3-4.
        builder.exportFunction("lane", builder.function(FuncType([.v128, .i32, .v128], [.i32]),
            Op.localGet(2), Op.localGet(1), Vector.i16x8ReplaceLane7, Vector.i32x4ExtractLane1,
            Op.localGet(0), Vector.i32x4ExtractLane1, Op.i32Add))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        let a = V128(low: 0x0000_0002_FFFF_FFFF, high: 0x8000_0000_0000_0010)
        let b = V128(low: 0x0000_0003_0000_0001, high: 0x8000_0000_0000_0001)
        XCTAssertEqual(try instance.function("add")!(.v128(a), .v128(b)),
                       [.v128(V128(low: 0x0000_0005_0000_0000, high: 0x0000_0000_0000_0011))])
        // lane 1 of a is 2; replacing i16 lane 7 of b does not touch i32 lane 1 (3).
        XCTAssertEqual(try instance.function("lane")!(.v128(a), .i32(0x7777), .v128(b)), [.i32(5)])
    }

    func testVectorAccessesAreBoundsCheckedOverTheirWholeWidth() throws {
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        builder.exportFunction("load", builder.function(FuncType([.i32], [.v128]), Op.localGet(0), Vector.load()))
        builder.exportFunction("loadFar", builder.function(FuncType([.i32], [.v128]),
            Op.localGet(0), Vector.load(offset: 0xFFFF_FFFF)))
        builder.exportFunction("store", builder.function(FuncType([.i32, .v128], []),
            Op.localGet(0), Op.localGet(1), Vector.store()))
        builder.exportFunction("storeLane", builder.function(FuncType([.i32, .v128], []),
            Op.localGet(0), Op.localGet(1), Vector.store32Lane(0, offset: 4)))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        let value = V128(low: 0x0807_0605_0403_0201, high: 0x100F_0E0D_0C0B_0A09)
        XCTAssertEqual(try instance.function("store")!(.i32(65536 - 16), .v128(value)), [])
        XCTAssertEqual(try instance.function("load")!(.i32(65536 - 16)), [.v128(value)])
        XCTAssertEqual(try instance.function("load")!(.i32(65536 - 19)),
                       [.v128(V128(low: 0x0504_0302_0100_0000, high: 0x0D0C_0B0A_0908_0706))], "unaligned")
        for call in [{ try instance.function("load")!(.i32(65536 - 15)) },
                     { try instance.function("load")!(.i32(0xFFFF_FFFF)) },
                     { try instance.function("loadFar")!(.i32(1)) },
                     { try instance.function("store")!(.i32(65536 - 8), .v128(value)) },
                     { try instance.function("storeLane")!(.i32(65536 - 7), .v128(value)) }] {
            XCTAssertThrowsError(try call()) { error in
                XCTAssertEqual((error as? Trap)?.reason, .outOfBoundsMemoryAccess)
            }
        }
        XCTAssertEqual(try instance.function("storeLane")!(.i32(65536 - 8), .v128(value)), [])
        XCTAssertEqual(try instance.function("load")!(.i32(65536 - 16)),
                       [.v128(V128(low: value.low, high: 0x0403_0201_0C0B_0A09))])
    }

    func testLaneLoadReplacesItsAddressAndLeavesTheLocalVector() throws {
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        builder.data(offset: 40, [0xAB])
        // v128.load8_lane 2 of (local.get 0) into (local.get 1), then a check that local 1 is
        // unchanged: the loaded vector's i32 lane 0 + local 1's i32 lane 0.
        builder.exportFunction("f", builder.function(FuncType([.i32, .v128], [.i32]),
            Op.localGet(0), Op.localGet(1), Vector.load8Lane(2), Vector.op(27) + [0],
            Op.localGet(1), Vector.op(27) + [0], Op.i32Add))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        let vector = V128(low: 0x0000_0000_0000_0001, high: 0)
        XCTAssertEqual(try instance.function("f")!(.i32(40), .v128(vector)), [.i32(0x00AB_0001 + 1)])
    }

    func testShuffleSkipsItsLaneIndicesAndBitselectAndSelectWork() throws {
        var builder = ModuleBuilder()
        let reversed: [UInt8] = Array((0..<16).reversed())
        let interleaved: [UInt8] = (0..<16).map { $0 % 2 == 0 ? $0 / 2 : 16 + $0 / 2 }
        // Shuffles a loop's worth of times (`n`): each iteration reverses, then interleaves
        // with the constant; code after the shuffle must run (the lane indices are skipped).
        builder.exportFunction("shuffle", builder.function(FuncType([.v128, .i32], [.v128]),
            Op.block(Op.loop(
                Op.localGet(1), Op.i32Eqz, Op.brIf(1),
                Op.localGet(0), Op.localGet(0), Vector.shuffle(reversed),
                Vector.const(V128(low: 0x1111_1111_1111_1111, high: 0x2222_2222_2222_2222)),
                Vector.shuffle(interleaved), Op.localSet(0),
                Op.localGet(1), Op.i32Const(1), Op.i32Sub, Op.localSet(1),
                Op.br(0))),
            Op.localGet(0)))
        builder.exportFunction("pick", builder.function(FuncType([.v128, .v128, .i32], [.v128]),
            Op.localGet(0), Op.localGet(1), Op.localGet(2), Vector.selectV128))
        builder.exportFunction("bitselect", builder.function(FuncType([.v128, .v128, .v128], [.v128]),
            Op.localGet(0), Op.localGet(1), Op.localGet(2), Vector.bitselect))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        let value = V128(low: 0x0706_0504_0302_0100, high: 0x0F0E_0D0C_0B0A_0908)
        XCTAssertEqual(try instance.function("shuffle")!(.v128(value), .i32(0)), [.v128(value)])
        XCTAssertEqual(try instance.function("shuffle")!(.v128(value), .i32(1)),
                       [.v128(V128(low: 0x110C_110D_110E_110F, high: 0x1108_1109_110A_110B))])
        let other = V128(low: 1, high: 2)
        XCTAssertEqual(try instance.function("pick")!(.v128(value), .v128(other), .i32(7)), [.v128(value)])
        XCTAssertEqual(try instance.function("pick")!(.v128(value), .v128(other), .i32(0)), [.v128(other)])
        let mask = V128(low: 0xFFFF_0000_FFFF_0000, high: 0x0F0F_0F0F_0F0F_0F0F)
        XCTAssertEqual(try instance.function("bitselect")!(.v128(value), .v128(other), .v128(mask)),
                       [.v128(V128(low: (value.low & mask.low) | (other.low & ~mask.low),
                                   high: (value.high & mask.high) | (other.high & ~mask.high)))])
    }
}
