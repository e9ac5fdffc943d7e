// Execution: traps with their messages and backtraces, deep recursion, and the translator's
// local-aliasing and result-redirection peepholes on tricky operand orders.

import WasmCore
import WasmRuntime
import XCTest

final class ExecutionTests: XCTestCase {
    func testTrapCarriesMessageAndBacktrace() throws {
        var builder = ModuleBuilder()
        let inner = builder.function(FuncType([.i32], [.i32]), name: "divide", Op.i32Const(100), Op.localGet(0), Op.i32DivS)
        let outer = builder.function(FuncType([.i32], [.i32]), name: "compute", Op.localGet(0), Op.call(inner), Op.i32Const(1), Op.i32Add)
        builder.exportFunction("compute", outer)
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        XCTAssertEqual(try instance.function("compute")!(.i32(7)), [.i32(15)])
        XCTAssertThrowsError(try instance.function("compute")!(.i32(0))) { error in
            guard let trap = error as? Trap else { return XCTFail("\(error)") }
            XCTAssertEqual(trap.reason, .integerDivideByZero)
            XCTAssertEqual(trap.message, "integer divide by zero")
            XCTAssertEqual(trap.backtrace, ["divide", "compute"])
        }
    }

    /// A module whose export "count" recurses n deep: count(n) = n == 0 ? 0 : count(n - 1) + 1.
    private func recursionModule() throws -> Instance {
        var builder = ModuleBuilder()
        let count = builder.function(FuncType([.i32], [.i32]), name: "count",
            Op.localGet(0), Op.i32Eqz,
            Op.if(.i32, then: Op.i32Const(0),
                  else: Op.localGet(0) + Op.i32Const(1) + Op.i32Sub + Op.call(0) + Op.i32Const(1) + Op.i32Add))
        builder.exportFunction("count", count)
        return try Store().instantiate(ValidatedModule(binary: builder.build()))
    }

    func testTenMillionDeepRecursionTrapsAndTheHostGoesOn() throws {
        let instance = try recursionModule()
        let count = try XCTUnwrap(instance.function("count"))
        XCTAssertThrowsError(try count(.i32(10_000_000))) { error in
            guard let trap = error as? Trap else { return XCTFail("\(error)") }
            XCTAssertEqual(trap.reason, .callStackExhausted)
            XCTAssertEqual(trap.message, "call stack exhausted")
            XCTAssertEqual(trap.backtrace.first, "count")
        }
        // The stacks are empty again: a deep but allowed recursion still works, repeatedly.
        for _ in 0..<3 { XCTAssertEqual(try count(.i32(20_000)), [.i32(20_000)]) }
    }

    func testValueStackLimitIsConfigurable() throws {
        var limits = StoreLimits()
        limits.valueStackSlots = 1000
        var builder = ModuleBuilder()
        builder.exportFunction("count", builder.function(FuncType([.i32], [.i32]),
            Op.localGet(0), Op.i32Eqz,
            Op.if(.i32, then: Op.i32Const(0),
                  else: Op.localGet(0) + Op.i32Const(1) + Op.i32Sub + Op.call(0) + Op.i32Const(1) + Op.i32Add)))
        let count = try XCTUnwrap(try Store(limits: limits).instantiate(ValidatedModule(binary: builder.build())).function("count"))
        XCTAssertEqual(try count(.i32(100)), [.i32(100)])
        XCTAssertThrowsError(try count(.i32(1000))) { XCTAssertEqual(($0 as? Trap)?.reason, .callStackExhausted) }
    }

    func testUnreachableTraps() throws {
        var builder = ModuleBuilder()
        builder.exportFunction("boom", builder.function(FuncType([], []), Op.unreachable))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        XCTAssertThrowsError(try instance.function("boom")!()) { XCTAssertEqual(($0 as? Trap)?.message, "unreachable") }
    }

    func testOperandsReadingALocalSurviveItsOverwrite() throws {
        // [a, b] on the stack, then local0 := b, local1 := a: the pending read of local 0
        // must see its old value. Result: local0 * 10 + local1 = b * 10 + a.
        var builder = ModuleBuilder()
        builder.exportFunction("swap", builder.function(FuncType([.i32, .i32], [.i32]),
            Op.localGet(0), Op.localGet(1), Op.localSet(0), Op.localSet(1),
            Op.localGet(0), Op.i32Const(10), Op.i32Mul, Op.localGet(1), Op.i32Add))
        // a - (a + 5), with the sum stored back into a while the first read of a is pending.
        builder.exportFunction("pending", builder.function(FuncType([.i32], [.i32]),
            Op.localGet(0), Op.localGet(0), Op.i32Const(5), Op.i32Add, Op.localSet(0), Op.localGet(0), Op.i32Sub))
        // (a + 1) * 2 through local.tee.
        builder.exportFunction("tee", builder.function(FuncType([.i32], [.i32]),
            Op.localGet(0), Op.i32Const(1), Op.i32Add, Op.localTee(0), Op.localGet(0), Op.i32Add))
        // A value computed before a block and stored after it, with a branch joining in between.
        builder.exportFunction("join", builder.function(FuncType([.i32], [.i32]), locals: [.i32],
            Op.localGet(0), Op.i32Const(3), Op.i32Add,
            Op.block(Op.localGet(0), Op.brIf(0), Op.i32Const(100), Op.localSet(0)),
            Op.localSet(1), Op.localGet(1), Op.localGet(0), Op.i32Add))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        XCTAssertEqual(try instance.function("swap")!(.i32(1), .i32(2)), [.i32(21)])
        XCTAssertEqual(try instance.function("pending")!(.i32(8)), [.i32(UInt32(bitPattern: -5))])
        XCTAssertEqual(try instance.function("tee")!(.i32(4)), [.i32(10)])
        XCTAssertEqual(try instance.function("join")!(.i32(1)), [.i32(5)])
        XCTAssertEqual(try instance.function("join")!(.i32(0)), [.i32(103)])
    }

    func testLoopWithLocalsComputesTheSum() throws {
        // sum of 0..<n, with the loop counter and the sum in locals.
        var builder = ModuleBuilder()
        builder.exportFunction("sum", builder.function(FuncType([.i32], [.i64]), locals: [.i32, .i64],
            Op.block(Op.loop(
                Op.localGet(1), Op.localGet(0), Op.i32LtS, Op.i32Eqz, Op.brIf(1),
                Op.localGet(2), Op.localGet(1), [0xAC], Op.i64Add, Op.localSet(2),  // i64.extend_i32_s
                Op.localGet(1), Op.i32Const(1), Op.i32Add, Op.localSet(1), Op.br(0))),
            Op.localGet(2)))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        XCTAssertEqual(try instance.function("sum")!(.i32(100_000)), [.i64(4_999_950_000)])
    }

    func testConditionalReturnLeavesTheFallThroughPathIntact() throws {
        // Two results aliasing the parameters, returned by br_if when a != 0; otherwise they
        // fall through to the end. The operand slots first hold stale values (33 and 22) so
        // that a path reading them instead of the parameters would be caught.
        var builder = ModuleBuilder()
        builder.exportFunction("pair", builder.function(FuncType([.i32, .i32], [.i32, .i32]),
            Op.i32Const(11), Op.i32Const(22), Op.i32Add, Op.drop,
            Op.localGet(1), Op.localGet(0), Op.localGet(0), Op.brIf(0)))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        XCTAssertEqual(try instance.function("pair")!(.i32(0), .i32(7)), [.i32(7), .i32(0)])
        XCTAssertEqual(try instance.function("pair")!(.i32(1), .i32(7)), [.i32(7), .i32(1)])
    }

    func testAddressComputedByAnAddWrapsAroundBeforeTheLoad() throws {
        // i32.add wraps at 2^32 before the load: 0xFFFFFFFF + 1 is address 0, in bounds
        // (unlike a memarg offset, which does not wrap). Both the constant and the slot forms.
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        builder.data(offset: 0, [42, 0, 0, 0])
        builder.exportFunction("displaced", builder.function(FuncType([.i32], [.i32]),
            Op.localGet(0), Op.i32Const(1), Op.i32Add, Op.i32Load()))
        builder.exportFunction("indexed", builder.function(FuncType([.i32, .i32], [.i32]),
            Op.localGet(0), Op.localGet(1), Op.i32Add, [0x2D, 0x00, 0x00]))  // i32.load8_u
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        XCTAssertEqual(try instance.function("displaced")!(.i32(UInt32.max)), [.i32(42)])
        XCTAssertEqual(try instance.function("indexed")!(.i32(UInt32.max), .i32(1)), [.i32(42)])
        XCTAssertEqual(try instance.function("indexed")!(.i32(0x8000_0000), .i32(0x8000_0000)), [.i32(42)])
        XCTAssertThrowsError(try instance.function("displaced")!(.i32(65533))) {
            XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess)
        }
        XCTAssertThrowsError(try instance.function("indexed")!(.i32(65535), .i32(1))) {
            XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess)
        }
    }
}
