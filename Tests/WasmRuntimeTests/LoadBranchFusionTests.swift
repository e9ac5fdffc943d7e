// A branch on a value just loaded (`if (p->field)`, `if (global)`) fuses with the load
// (brIfLoad32Zero, brIfLoad8Zero, brIfLoad32AtZero, …; BranchFusion.swift): same results
// as the two instructions, and the load still traps out of bounds.

import WasmCore
@testable import WasmRuntime
import XCTest

final class LoadBranchFusionTests: XCTestCase {
    /// One page. "if32"(p) = mem32[p + 4] ? 1 : 2; "br8"(p) = block { br_if (mem8[p + 1]) ; 3 } else 4
    /// written as: block (result i32) { i32.const 4; mem8[p+1]; br_if 0; drop; i32.const 3 };
    /// "global"() = mem32[16] ? 5 : 6; "set"(a, v) stores the i32 v at a.
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        builder.exportFunction("if32", builder.function(FuncType([.i32], [.i32]),
            Op.localGet(0), Op.i32Load(offset: 4), Op.if(.i32, then: Op.i32Const(1), else: Op.i32Const(2))))
        builder.exportFunction("br8", builder.function(FuncType([.i32], [.i32]),
            [0x02, ValueType.i32.rawValue], Op.i32Const(4), Op.localGet(0), [0x2D, 0x00, 0x01], Op.brIf(0),
            Op.drop, Op.i32Const(3), [0x0B]))
        builder.exportFunction("global", builder.function(FuncType([], [.i32]),
            Op.i32Const(16), Op.i32Load(), Op.if(.i32, then: Op.i32Const(5), else: Op.i32Const(6))))
        builder.exportFunction("set", builder.function(FuncType([.i32, .i32], []), Op.localGet(0), Op.localGet(1), Op.i32Store()))
        return builder.build()
    }

    func testBranchesOnLoadedValues() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func call(_ name: String, _ arguments: UInt32...) throws -> [Value] {
            try XCTUnwrap(instance.function(name)).call(arguments.map { .i32($0) })
        }
        XCTAssertEqual(try call("if32", 100), [.i32(2)])
        try call("set", 104, 0x100)  // only a high byte set: the whole word is tested
        XCTAssertEqual(try call("if32", 100), [.i32(1)])
        XCTAssertEqual(try call("br8", 200), [.i32(3)])
        try call("set", 200, 0x0000_FF00)  // the byte at 201
        XCTAssertEqual(try call("br8", 200), [.i32(4)])
        XCTAssertEqual(try call("br8", 199), [.i32(3)], "the byte at 200 is 0")
        XCTAssertEqual(try call("global"), [.i32(6)])
        try call("set", 16, 0x8000_0000)
        XCTAssertEqual(try call("global"), [.i32(5)])
        for (name, address) in [("if32", UInt32(65533)), ("br8", 65535), ("if32", 0xFFFF_FFFF)] {
            XCTAssertThrowsError(try call(name, address), "\(name) \(address)") {
                XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess)
            }
        }
    }

    func testTheBranchesAreFused() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func first(_ functionIndex: Int) throws -> String {
            try instance.translation(ofFunction: functionIndex).code.map(\.caseName).joined(separator: " ")
        }
        let (if32, br8, global) = (try first(0), try first(1), try first(2))
        XCTAssertTrue(if32.hasPrefix("brIfLoad32Zero"), if32)
        XCTAssertTrue(br8.hasPrefix("brIfLoad8"), br8)  // a br_if with a value: its test negated around the copy
        XCTAssertTrue(global.hasPrefix("brIfLoad32AtZero"), global)
    }
}
