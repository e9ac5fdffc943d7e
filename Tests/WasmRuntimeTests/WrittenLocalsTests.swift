// Operands that read a local across a block entry (WrittenLocals.swift): kept as readers of
// the local when the block never writes it, copied to their slots when it does — also when
// only a nested block or one arm of an `if` writes it — so the value pushed before the block
// is the one used after it on every path.

import WasmCore
@testable import WasmRuntime
import XCTest

final class WrittenLocalsTests: XCTestCase {
    /// All (a, b) -> i32, computing a − (a value computed in a block), a pushed before it:
    /// 0 "reads": a − block { b + 1 } (a not written: no copy).
    /// 1 "writes": a − block { a = b; a + 1 } (a written: a's old value copied first).
    /// 2 "nested": a − block { block { a = b } a + 1 }.
    /// 3 "arm": a − (if b { a = 100; a } else { b }).
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        let type = FuncType([.i32, .i32], [.i32])
        let i32Block: [UInt8] = [0x02, 0x7F], end: [UInt8] = [0x0B]
        builder.exportFunction("reads", builder.function(type,
            Op.localGet(0), i32Block, Op.localGet(1), Op.i32Const(1), Op.i32Add, end, Op.i32Sub))
        builder.exportFunction("writes", builder.function(type,
            Op.localGet(0), i32Block, Op.localGet(1), Op.localSet(0), Op.localGet(0), Op.i32Const(1), Op.i32Add, end,
            Op.i32Sub))
        builder.exportFunction("nested", builder.function(type,
            Op.localGet(0), i32Block, Op.block(Op.localGet(1), Op.localSet(0)), Op.localGet(0), Op.i32Const(1),
            Op.i32Add, end, Op.i32Sub))
        builder.exportFunction("arm", builder.function(type,
            Op.localGet(0), Op.localGet(1),
            Op.if(.i32, then: Op.i32Const(100) + Op.localSet(0) + Op.localGet(0), else: Op.localGet(1)), Op.i32Sub))
        return builder.build()
    }

    func testTheValueBeforeTheBlockIsUsedAfterIt() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func call(_ name: String, _ a: Int32, _ b: Int32) throws -> [Value] {
            try XCTUnwrap(instance.function(name)).call([.i32(UInt32(bitPattern: a)), .i32(UInt32(bitPattern: b))])
        }
        XCTAssertEqual(try call("reads", 50, 7), [.i32(42)])
        XCTAssertEqual(try call("writes", 50, 7), [.i32(42)])
        XCTAssertEqual(try call("nested", 50, 7), [.i32(42)])
        XCTAssertEqual(try call("arm", 50, 8), [.i32(UInt32(bitPattern: -50))])
        XCTAssertEqual(try call("arm", 50, 0), [.i32(50)])
    }

    func testOnlyWrittenLocalsAreCopiedAtTheEntry() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func copies(_ function: Int) throws -> Int {
            try instance.translation(ofFunction: function).code.count { $0.caseName.hasPrefix("copy") }
        }
        XCTAssertEqual(try copies(0), 0)
        for function in 1 ... 3 { XCTAssertGreaterThan(try copies(function), 0, "function \(function)") }
    }
}
