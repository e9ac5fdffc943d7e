// Scaled indices (ShiftFusion.swift): an `i32.shl` by a constant consumed by an `i32.add`
// becomes part of the add (`i32AddShifted`, `i32ShlAddImm`) and of an indexed load or store;
// `i32ShlAddImm` also of a 4-byte load (`load32UScaled`: a constant array indexed by a local).
// The shift count is taken modulo 32 and both operations wrap, as `i32.shl` and `i32.add` do;
// a shift whose result is also kept in a local is not folded.

import WasmCore
@testable import WasmRuntime
import XCTest

final class ShiftFusionTests: XCTestCase {
    private static let shl: [UInt8] = [0x74]

    /// One page of memory. "scaled"(b, i, k) = b + (i << k) for k = 3 and k = 35 (count mod 32);
    /// "scaled_imm"(i) = (i << 2) + 1000; "load"(b, i) = the i32 at b + (i << 2);
    /// "store"(b, i, v) stores the i32 v at b + (i << 2); "kept"(i) = (i << 2) + local, the
    /// shifted value also left in the local; "load_table"(i) = the i32 at (i << 2) + 256.
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        let binary = FuncType([.i32, .i32], [.i32])
        builder.exportFunction("scaled3", builder.function(binary,
            Op.localGet(0), Op.localGet(1), Op.i32Const(3), shl, Op.i32Add))
        builder.exportFunction("scaled35", builder.function(binary,
            Op.localGet(1), Op.i32Const(35), shl, Op.localGet(0), Op.i32Add))
        builder.exportFunction("scaled_imm", builder.function(FuncType([.i32], [.i32]),
            Op.localGet(0), Op.i32Const(2), shl, Op.i32Const(1000), Op.i32Add))
        builder.exportFunction("load", builder.function(binary,
            Op.localGet(0), Op.localGet(1), Op.i32Const(2), shl, Op.i32Add, Op.i32Load()))
        builder.exportFunction("store", builder.function(FuncType([.i32, .i32, .i32], []),
            Op.localGet(0), Op.localGet(1), Op.i32Const(2), shl, Op.i32Add, Op.localGet(2), Op.i32Store()))
        builder.exportFunction("kept", builder.function(FuncType([.i32], [.i32]), locals: [.i32],
            Op.localGet(0), Op.i32Const(2), shl, Op.localTee(1), Op.localGet(1), Op.i32Add))
        builder.exportFunction("load_table", builder.function(FuncType([.i32], [.i32]),
            Op.localGet(0), Op.i32Const(2), shl, Op.i32Const(256), Op.i32Add, Op.i32Load()))
        return builder.build()
    }

    func testScaledIndicesWrapAndMaskTheCount() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func call(_ name: String, _ arguments: UInt32...) throws -> [Value] {
            try XCTUnwrap(instance.function(name)).call(arguments.map { .i32($0) })
        }
        XCTAssertEqual(try call("scaled3", 100, 7), [.i32(156)])
        XCTAssertEqual(try call("scaled3", 0xFFFF_FFF8, 0x2000_0001), [.i32(0)])  // 2^32 wraps
        XCTAssertEqual(try call("scaled35", 1, 0x8000_0003), [.i32(25)])  // << 3, top bit out
        XCTAssertEqual(try call("scaled_imm", 0x4000_0001), [.i32(1004)])
        XCTAssertEqual(try call("kept", 5), [.i32(40)])

        try call("store", 0x100, 3, 0xDEAD_BEEF)
        XCTAssertEqual(try call("load", 0x10C, 0), [.i32(0xDEAD_BEEF)])
        XCTAssertEqual(try call("load", 0x0C, 0x40), [.i32(0xDEAD_BEEF)])
        // base + (index << 2) wraps past 2^32 to 0x10C.
        XCTAssertEqual(try call("load", 0x10C &+ 0x8000_0000, 0x6000_0000), [.i32(0xDEAD_BEEF)])
        // (i << 2) + 256: index 3 is 0x10C; the shift drops the top bits; the sum wraps (to 4).
        XCTAssertEqual(try call("load_table", 3), [.i32(0xDEAD_BEEF)])
        XCTAssertEqual(try call("load_table", 0xC000_0003), [.i32(0xDEAD_BEEF)])
        XCTAssertEqual(try call("load_table", 0x3FFF_FFC1), [.i32(0)])
        XCTAssertNoThrow(try call("load_table", 16319))  // 65276 + 256 = 65532, the last word
        XCTAssertThrowsError(try call("load_table", 16320)) {
            XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess)
        }
        // The last word of the page is in bounds; one byte further traps, for loads and stores.
        XCTAssertNoThrow(try call("load", 65532, 0))
        XCTAssertThrowsError(try call("load", 65530, 1)) {
            XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess)
        }
        XCTAssertThrowsError(try call("store", 65532, 1, 7)) {
            XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess)
        }
    }

    func testTheShiftsAreFolded() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let kinds = try (0..<7).map { try instance.translation(ofFunction: $0).code.map(\.caseName) }
        XCTAssertEqual(kinds[0].first, "i32AddShifted")
        XCTAssertEqual(kinds[1].first, "i32AddShifted")
        XCTAssertEqual(kinds[2].first, "i32ShlAddImm")
        XCTAssertEqual(kinds[3].first, "load32UIndexed")
        XCTAssertEqual(kinds[4].first, "store32Indexed")
        XCTAssertEqual(Array(kinds[5].prefix(2)), ["i32ShlImm", "i32Add"])
        XCTAssertEqual(kinds[6].first, "load32UScaled")
        guard case .load32UIndexed(_, _, _, let shift) = try instance.translation(ofFunction: 3).code[0] else {
            return XCTFail("not an indexed load")
        }
        XCTAssertEqual(shift, 2)
    }
}
