// Two `i32AddImm` in a row (AddImmediatePairs.swift): one `i32AddImmPair`, executed in their
// order (the second may read the first's result), with a negative second immediate; not
// joined when the second immediate needs more than 16 bits or a label (a loop's start) lies
// between them.

import WasmCore
@testable import WasmRuntime
import XCTest

final class AddImmediatePairTests: XCTestCase {
    /// All of type (a, b) -> a * 1000 + b:
    /// 0 "steps": a += 5; b -= 3.   1 "chain": a += 7; b = a + 1.
    /// 2 "wide": a += 1; b += 100000 (not joined).
    /// 3 "loop": a += 1; loop { b += 2; if (b < 10) continue } (a label between: not joined).
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        let type = FuncType([.i32, .i32], [.i32])
        let result = Op.localGet(0) + Op.i32Const(1000) + Op.i32Mul + Op.localGet(1) + Op.i32Add
        func add(_ local: UInt32, from source: UInt32, _ constant: Int32) -> [UInt8] {
            Op.localGet(source) + Op.i32Const(constant) + Op.i32Add + Op.localSet(local)
        }
        builder.exportFunction("steps", builder.function(type, add(0, from: 0, 5), add(1, from: 1, -3), result))
        builder.exportFunction("chain", builder.function(type, add(0, from: 0, 7), add(1, from: 0, 1), result))
        builder.exportFunction("wide", builder.function(type, add(0, from: 0, 1), add(1, from: 1, 100_000), result))
        builder.exportFunction("loop", builder.function(type, add(0, from: 0, 1),
            Op.loop(add(1, from: 1, 2), Op.localGet(1), Op.i32Const(10), Op.i32LtS, Op.brIf(0)), result))
        return builder.build()
    }

    func testPairedAdditionsHappenInOrder() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func call(_ name: String, _ a: UInt32, _ b: UInt32) throws -> [Value] {
            try XCTUnwrap(instance.function(name)).call([.i32(a), .i32(b)])
        }
        XCTAssertEqual(try call("steps", 1, 2), [.i32(6 * 1000 &- 1)])
        XCTAssertEqual(try call("steps", 0xFFFF_FFFF, 0), [.i32(4 * 1000 &- 3)], "32-bit wrap-around")
        XCTAssertEqual(try call("chain", 1, 50), [.i32(8 * 1000 + 9)])
        XCTAssertEqual(try call("wide", 1, 2), [.i32(2 * 1000 + 100_002)])
        XCTAssertEqual(try call("loop", 1, 0), [.i32(2 * 1000 + 10)])
    }

    func testTwoAdditionsAreOneInstructionUnlessTheyCannotBe() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func names(_ function: Int) throws -> [String] {
            try instance.translation(ofFunction: function).code.map(\.caseName)
        }
        for function in 0 ..< 2 {
            let code = try names(function)
            XCTAssertEqual(code.first, "i32AddImmPair", "\(code)")
            XCTAssertFalse(code.contains("i32AddImm"), "\(code)")
        }
        for function in 2 ..< 4 {
            let code = try names(function)
            XCTAssertFalse(code.contains("i32AddImmPair"), "\(code)")
            XCTAssertEqual(code.count { $0 == "i32AddImm" }, 2, "\(code)")
        }
    }
}
