// Returning one value (§4.4.10.2): a value just computed is computed straight into the frame
// base, where the caller expects it, and a value already there is not copied; otherwise
// `returnOne` copies it. The results are the same either way, also when the computation reads
// the slot at the frame base (the first parameter) that it overwrites.

import WasmCore
@testable import WasmRuntime
import XCTest

final class ReturnTests: XCTestCase {
    func instance(_ body: [UInt8]...) throws -> Instance {
        var builder = ModuleBuilder()
        builder.exportFunction("f", builder.function(FuncType([.i32, .i32], [.i32]), locals: [.i32], body.flatMap { $0 }))
        return try Store().instantiate(ValidatedModule(binary: builder.build()))
    }

    func testComputedValueGoesToTheFrameBase() throws {
        // b - a: reads slot 0 (a) and writes the difference there.
        let difference = try instance(Op.localGet(1), Op.localGet(0), Op.i32Sub)
        XCTAssertEqual(try difference.translation(ofFunction: 0).code, [.i32Sub(result: 0, lhs: 1, rhs: 0), .returnNone])
        XCTAssertEqual(try difference.function("f")!(.i32(5), .i32(12)), [.i32(7)])
        // An explicit `return` in one arm: the other arm's path is unaffected.
        let early = try instance(Op.localGet(0), Op.if(then: Op.localGet(0) + Op.localGet(1) + Op.i32Add + Op.return),
                                 Op.localGet(1), Op.i32Const(3), Op.i32Mul)
        let code = try early.translation(ofFunction: 0).code
        XCTAssertTrue(code.contains(.i32Add(result: 0, lhs: 0, rhs: 1)), "\(code)")
        XCTAssertEqual(try early.function("f")!(.i32(2), .i32(5)), [.i32(7)])
        XCTAssertEqual(try early.function("f")!(.i32(0), .i32(5)), [.i32(15)])
    }

    func testValueAlreadyAtTheBaseAndValueInALocal() throws {
        let first = try instance(Op.localGet(0))
        XCTAssertEqual(try first.translation(ofFunction: 0).code, [.returnNone])
        XCTAssertEqual(try first.function("f")!(.i32(9), .i32(4)), [.i32(9)])
        let second = try instance(Op.localGet(1))
        XCTAssertEqual(try second.translation(ofFunction: 0).code, [.returnOne(source: 1)])
        XCTAssertEqual(try second.function("f")!(.i32(9), .i32(4)), [.i32(4)])
        // A value also kept in a local (`local.tee`) is copied, the local keeping it.
        let teed = try instance(Op.localGet(0), Op.localGet(1), Op.i32Add, Op.localTee(2))
        XCTAssertEqual(try teed.translation(ofFunction: 0).code.last, .returnOne(source: 2))
        XCTAssertEqual(try teed.function("f")!(.i32(9), .i32(4)), [.i32(13)])
    }
}
