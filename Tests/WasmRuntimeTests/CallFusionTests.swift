// A call puts up to three arguments in place itself (`callMoving` + `callMoves`,
// ArgumentMoves.swift): copies of locals and 32-bit constants, including a copy emitted just
// before the call. The translation uses it, the callee sees the arguments in the right
// slots (more than three moves, wide constants and every value type too), the caller
// continues after the moves word, and errors and deep recursion behave as before.

import WasmCore
@testable import WasmRuntime
import XCTest

final class CallFusionTests: XCTestCase {
    /// 0 "sub"(a, b) = a − b. 1 "swap"(x, y) = sub(y, x) (two copies → copyTwo).
    /// 2 "twice"(x) = sub(x, 1) + sub(x, 2) (a copy and a constant, both moved by the call).
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
        // 6 "weigh"(a, b, c, d) = 1000a + 100b + 10c + d; 7 "reverse"(p, q, r, s) = weigh(s, r, q, p):
        // four copies, one more than the call moves.
        let weigh = builder.function(FuncType([.i32, .i32, .i32, .i32], [.i32]), name: "weigh",
            Op.localGet(0), Op.i32Const(1000), Op.i32Mul, Op.localGet(1), Op.i32Const(100), Op.i32Mul, Op.i32Add,
            Op.localGet(2), Op.i32Const(10), Op.i32Mul, Op.i32Add, Op.localGet(3), Op.i32Add)
        builder.exportFunction("reverse", builder.function(FuncType([.i32, .i32, .i32, .i32], [.i32]), name: "reverse",
            Op.localGet(3), Op.localGet(2), Op.localGet(1), Op.localGet(0), Op.call(weigh)))
        // 8 "pick"(a: i32, b: i64, c: f32, d: f64, e: i32) = a + b + c + d − e as f64;
        // 9 "mix"(x) = pick(x, 2^32 + 5, 2.5, 1.25, 7): a wide i64 constant (not a 32-bit
        // lane), float constants and more constants than lanes.
        let f64ConvertI32S: [UInt8] = [0xB7], f64ConvertI64S: [UInt8] = [0xB9], f64PromoteF32: [UInt8] = [0xBB]
        let f64Add: [UInt8] = [0xA0], f64Sub: [UInt8] = [0xA1]
        let sumOfFirstTwo: [UInt8] = Op.localGet(0) + f64ConvertI32S + Op.localGet(1) + f64ConvertI64S + f64Add
        let plusTheFloats: [UInt8] = Op.localGet(2) + f64PromoteF32 + f64Add + Op.localGet(3) + f64Add
        let minusTheLast: [UInt8] = Op.localGet(4) + f64ConvertI32S + f64Sub
        let pick = builder.function(FuncType([.i32, .i64, .f32, .f64, .i32], [.f64]), name: "pick",
            sumOfFirstTwo, plusTheFloats, minusTheLast)
        let f32Constant: [UInt8] = [0x43] + bytes(Float(2.5).bitPattern)
        let f64Constant: [UInt8] = [0x44] + bytes(Double(1.25).bitPattern)
        builder.exportFunction("mix", builder.function(FuncType([.i32], [.f64]), name: "mix",
            Op.localGet(0), Op.i64Const(0x1_0000_0005), f32Constant, f64Constant, Op.i32Const(7), Op.call(pick)))
        return builder.build()
    }

    private static func bytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian, Array.init)
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
        XCTAssertEqual(try call("reverse", 1, 2, 3, 4), [.i32(4321)])
        let mix = try XCTUnwrap(instance.function("mix")).call([.i32(100)])
        let expected: Double = 100 + 4_294_967_301 + 2.5 + 1.25 - 7
        XCTAssertEqual(mix, [.f64(expected.bitPattern)])
    }

    /// The moves of a `callMoves` word as (argument offset, slot or constant, is constant),
    /// without the repeated lanes.
    private func moves(_ instruction: InternalInstruction) -> Set<[UInt32]> {
        guard case .callMoves(let lanes, let first, let second, let third) = instruction else { return [] }
        let bits = Int(UInt16(bitPattern: lanes))
        return Set([first, second, third].enumerated().map { lane, operand in
            let laneBits = bits >> (5 * lane)
            return [UInt32(laneBits & 15), operand, UInt32(laneBits >> 4 & 1)]
        })
    }

    func testTheTranslationMovesArgumentsInTheCall() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func translation(_ functionIndex: Int) throws -> [InternalInstruction] {
            try instance.translation(ofFunction: functionIndex).code
        }
        // swap(x, y) = sub(y, x): slot 1 to argument 0, slot 0 to argument 1, done by the call.
        let swap = try translation(1)
        guard swap.count >= 2, case .callMoving = swap[0] else { return XCTFail("swap: \(swap)") }
        XCTAssertEqual(moves(swap[1]), [[0, 1, 0], [1, 0, 0]])
        // twice: each call moves x (slot 0) and its constant.
        let twice = try translation(2)
        let twiceMoves = twice.filter { if case .callMoves = $0 { true } else { false } }.map(moves)
        XCTAssertEqual(twiceMoves, [[[0, 0, 0], [1, 1, 1]], [[0, 0, 0], [1, 2, 1]]], "\(twice)")
        XCTAssertFalse(twice.contains { if case .const32 = $0 { true } else { false } }, "\(twice)")
        let depth = try translation(3)
        XCTAssertTrue(depth.contains { if case .callMoving = $0 { true } else { false } }, "\(depth)")
        // reverse: three moves in the call, the fourth a copy before it.
        let reverse = try translation(7)
        XCTAssertEqual(reverse.count { if case .copy = $0 { true } else { false } }, 1, "\(reverse)")
        XCTAssertEqual(reverse.count { if case .callMoves = $0 { true } else { false } }, 1, "\(reverse)")
        // mix: the wide i64 and the f64 constant are written before the call, the rest moved.
        let mix = try translation(9)
        XCTAssertTrue(mix.contains { if case .const64(0x1_0000_0005, _) = $0 { true } else { false } }, "\(mix)")
    }

    /// A call to a function imported from another instance switches to that instance's memory
    /// and the return switches back (the flag the translator puts in the call); a call within
    /// the instance does not. Each module reads address 0 of its own memory.
    func testCallsAcrossInstancesSwitchMemories() throws {
        let store = Store()
        var a = ModuleBuilder()
        a.memory(min: 1)
        a.data(offset: 0, [11])
        a.exportFunction("get", a.function(FuncType([], [.i32]), Op.i32Const(0), Op.i32Load()))
        let first = try store.instantiate(ValidatedModule(binary: a.build()))
        var b = ModuleBuilder()
        let get = b.importFunction("a", "get", FuncType([], [.i32]))
        b.memory(min: 1)
        b.data(offset: 0, [22])
        let own = b.function(FuncType([], [.i32]), Op.i32Const(0), Op.i32Load())
        // own() + get() * 100 + own() * 10000 + load(0) * 1000000: every read after a return
        // must see this instance's memory again.
        b.exportFunction("f", b.function(FuncType([], [.i32]),
            Op.call(own), Op.call(get), Op.i32Const(100), Op.i32Mul, Op.i32Add,
            Op.call(own), Op.i32Const(10000), Op.i32Mul, Op.i32Add,
            Op.i32Const(0), Op.i32Load(), Op.i32Const(1_000_000), Op.i32Mul, Op.i32Add))
        var imports = Imports()
        imports.define(module: "a", name: "get", .function(try XCTUnwrap(first.function("get"))))
        let second = try store.instantiate(ValidatedModule(binary: b.build()), imports: imports)
        XCTAssertEqual(try XCTUnwrap(second.function("f")).call([]), [.i32(22 + 1100 + 220_000 + 22_000_000)])
        let calls = try second.translation(ofFunction: 2).code.compactMap { instruction -> Bool? in
            if case .call(_, _, let switchesInstance) = instruction { switchesInstance } else { nil }
        }
        XCTAssertEqual(calls, [false, true, false])
    }
}
