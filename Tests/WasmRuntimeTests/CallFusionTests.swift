// A call takes over the copy of its last arguments (`callCopying` + `callCopies`,
// Translator.translateCall): the translation uses it, the callee sees the arguments, the
// caller continues after the copies word, and errors and deep recursion behave as before.

import WasmCore
@testable import WasmRuntime
import XCTest

final class CallFusionTests: XCTestCase {
    /// 0 "sub"(a, b) = a − b. 1 "swap"(x, y) = sub(y, x) (two copies → copyTwo).
    /// 2 "twice"(x) = sub(x, 1) + sub(x, 2) (one copy, then a constant: not fused).
    /// 3 "depth"(n) = n == 0 ? 0 : 1 + depth(n − 1) (the call after the argument's copy).
    /// 4 "fail"(x) = sub(x, unreachable-on-zero(x)) — traps inside the callee when x = 0.
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        let sub = builder.function(FuncType([.i32, .i32], [.i32]), name: "sub", Op.localGet(0), Op.localGet(1), Op.i32Sub)
        builder.exportFunction("sub", sub)
        builder.exportFunction("swap", builder.function(FuncType([.i32, .i32], [.i32]), name: "swap",
            Op.localGet(1), Op.localGet(0), Op.call(sub)))
        builder.exportFunction("twice", builder.function(FuncType([.i32], [.i32]), name: "twice",
            Op.localGet(0), Op.i32Const(1), Op.call(sub), Op.localGet(0), Op.i32Const(2), Op.call(sub), Op.i32Add))
        builder.exportFunction("depth", builder.function(FuncType([.i32], [.i32]), name: "depth",
            Op.localGet(0), Op.i32Eqz,
            Op.if(.i32, then: Op.i32Const(0),
                  else: Op.localGet(0) + Op.i32Const(1) + Op.i32Sub + Op.localSet(0) + Op.i32Const(1)
                        + Op.localGet(0) + Op.call(3) + Op.i32Add)))
        let check = builder.function(FuncType([.i32], [.i32]), name: "check",
            Op.localGet(0), Op.i32Eqz, Op.if(then: Op.unreachable), Op.localGet(0))
        builder.exportFunction("fail", builder.function(FuncType([.i32], [.i32]), name: "fail",
            Op.localGet(0), Op.localGet(0), Op.call(check), Op.call(sub)))
        return builder.build()
    }

    func testCallsThatCopyTheirArguments() throws {
        let store = Store()
        let instance = try store.instantiate(ValidatedModule(binary: Self.module()))
        func call(_ name: String, _ arguments: UInt32...) throws -> [Value] {
            try XCTUnwrap(instance.function(name)).call(arguments.map { .i32($0) })
        }
        XCTAssertEqual(try call("swap", 10, 3), [.i32(UInt32(bitPattern: -7))])
        XCTAssertEqual(try call("twice", 10), [.i32(9 + 8)])
        XCTAssertEqual(try call("depth", 10_000), [.i32(10_000)])
        XCTAssertEqual(try call("fail", 5), [.i32(0)])
        XCTAssertThrowsError(try call("fail", 0)) { error in
            let trap = error as? Trap
            XCTAssertEqual(trap?.reason, .unreachable)
            XCTAssertEqual(trap?.backtrace.prefix(2), ["check", "fail"])
        }
        // Exhaustion through the fused call is still a trap, and the store goes on working.
        XCTAssertThrowsError(try call("depth", 10_000_000)) { XCTAssertEqual(($0 as? Trap)?.reason, .callStackExhausted) }
        XCTAssertEqual(try call("swap", 1, 2), [.i32(1)])
    }

    func testTheTranslationFusesTheLastCopy() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func translation(_ functionIndex: Int) throws -> [InternalInstruction] {
            try instance.translation(ofFunction: functionIndex).code
        }
        let swap = try translation(1)
        guard swap.count >= 2, case .callCopying = swap[0], case .callCopies(_, 1, 0, 2) = swap[1] else {
            return XCTFail("swap: \(swap)")
        }
        let depth = try translation(3)
        XCTAssertTrue(depth.contains { if case .callCopying = $0 { true } else { false } }, "\(depth)")
    }
}
