// An i32 equality test of `x & mask` (16-bit mask) against a constant or another value,
// consumed by `br_if` or `if` (BranchFusion.swift, `applyingMask`): one branch applying the
// mask itself. Bits above the mask are ignored, as by the `i32.and`; a wider mask is not fused.

import WasmCore
@testable import WasmRuntime
import XCTest

final class MaskedBranchTests: XCTestCase {
    /// All (x, y) -> 1 when the test holds, else 0, as `if (test) 1 else 0`:
    /// 0 "eqImm": (x & 0xFF) == 0x61; 1 "neImm": (x & 0xFF) != 0x61; 2 "eq": (x & 0xFFFF) == y;
    /// 3 "ne": y != (x & 0xFFFF); 4 "wide": (x & 0x1FFFF) == y (not fused).
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        let type = FuncType([.i32, .i32], [.i32])
        let and: [UInt8] = [0x71], eq: [UInt8] = [0x46], ne: [UInt8] = [0x47]
        let choose = Op.if(.i32, then: Op.i32Const(1), else: Op.i32Const(0))
        func masked(_ mask: Int32) -> [UInt8] { Op.localGet(0) + Op.i32Const(mask) + and }
        builder.exportFunction("eqImm", builder.function(type, masked(0xFF), Op.i32Const(0x61), eq, choose))
        builder.exportFunction("neImm", builder.function(type, masked(0xFF), Op.i32Const(0x61), ne, choose))
        builder.exportFunction("eq", builder.function(type, masked(0xFFFF), Op.localGet(1), eq, choose))
        builder.exportFunction("ne", builder.function(type, Op.localGet(1), masked(0xFFFF), ne, choose))
        builder.exportFunction("wide", builder.function(type, masked(0x1FFFF), Op.localGet(1), eq, choose))
        return builder.build()
    }

    func testMaskedComparisons() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func call(_ name: String, _ x: UInt32, _ y: UInt32 = 0) throws -> [Value] {
            try XCTUnwrap(instance.function(name)).call([.i32(x), .i32(y)])
        }
        XCTAssertEqual(try call("eqImm", 0x61), [.i32(1)])
        XCTAssertEqual(try call("eqImm", 0xFFFF_FF61), [.i32(1)], "bits above the mask are ignored")
        XCTAssertEqual(try call("eqImm", 0x62), [.i32(0)])
        XCTAssertEqual(try call("neImm", 0x161), [.i32(0)])
        XCTAssertEqual(try call("neImm", 0x60), [.i32(1)])
        XCTAssertEqual(try call("eq", 0x1_2345, 0x2345), [.i32(1)])
        XCTAssertEqual(try call("eq", 0x1_2345, 0x1_2345), [.i32(0)])
        XCTAssertEqual(try call("ne", 0xABCD_8001, 0x8001), [.i32(0)])
        XCTAssertEqual(try call("ne", 0x8001, 0x8002), [.i32(1)])
        XCTAssertEqual(try call("wide", 0x3_0001, 0x1_0001), [.i32(1)])
        XCTAssertEqual(try call("wide", 0x3_0001, 0x0001), [.i32(0)])
    }

    func testTheMaskIsPartOfTheBranch() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let expected = ["brIfI32MaskedNeImm", "brIfI32MaskedEqImm", "brIfI32MaskedNe", "brIfI32MaskedEq"]
        for (function, name) in expected.enumerated() {
            let code = try instance.translation(ofFunction: function).code.map(\.caseName)
            XCTAssertEqual(code.first, name, "\(function): \(code)")
        }
        let wide = try instance.translation(ofFunction: 4).code.map(\.caseName)
        XCTAssertEqual(wide.first, "i32AndImm", "\(wide)")
    }
}
