// Host functions that call back into WebAssembly, and host errors that unwind WebAssembly
// frames: the pattern Emscripten's setjmp/longjmp support relies on (`invoke_*` calls a table
// function through the API; `_emscripten_throw_longjmp` throws; only the invoke catches it).

import WasmCore
import WasmRuntime
import XCTest

/// The host's longjmp signal.
private struct LongJump: Error {}

final class ReentrancyTests: XCTestCase {
    /// Imports env.invoke_vi(function, argument) and env.throw_longjmp(); table slot 0 holds
    /// `jumper`, which bumps the global `steps`, recurses `argument` levels, then throws from
    /// the bottom (or traps when the argument is negative); "run" calls it through the invoke
    /// and returns steps + 1000 when the invoke came back normally.
    private func emscriptenStyleModule() -> [UInt8] {
        var builder = ModuleBuilder()
        let invoke = builder.importFunction("env", "invoke_vi", FuncType([.i32, .i32], []))
        let throwLongjmp = builder.importFunction("env", "throw_longjmp", FuncType([], []))
        builder.table(min: 1)
        let steps = builder.global(GlobalType(mutability: .variable, valueType: .i32), initializer: Op.i32Const(0))
        let jumper = builder.function(FuncType([.i32], []), name: "jumper",
            Op.globalGet(steps), Op.i32Const(1), Op.i32Add, Op.globalSet(steps),
            Op.localGet(0), Op.i32Const(0), Op.i32LtS, Op.if(then: Op.unreachable),
            Op.localGet(0), Op.i32Eqz,
            Op.if(then: Op.call(throwLongjmp) + Op.globalGet(steps) + Op.i32Const(1000) + Op.i32Add + Op.globalSet(steps),
                  else: Op.localGet(0) + Op.i32Const(1) + Op.i32Sub + Op.call(2)))
        builder.elements(offset: 0, [jumper])
        builder.exportTable("table", 0)
        builder.exportGlobal("steps", steps)
        builder.exportFunction("run", builder.function(FuncType([.i32], [.i32]), name: "run",
            Op.i32Const(0), Op.globalSet(steps),
            Op.i32Const(0), Op.localGet(0), Op.call(invoke),
            Op.globalGet(steps), Op.i32Const(1000), Op.i32Add))
        return builder.build()
    }

    private func instantiateEmscriptenStyle(store: Store, caught: @escaping () -> Void) throws -> Instance {
        var imports = Imports()
        imports.define(module: "env", name: "invoke_vi", .function(Function(store: store, type: FuncType([.i32, .i32], [])) { caller, arguments in
            let table = try XCTUnwrap(caller.instance?.table("table"))
            guard case .funcref(let target?) = try table.get(Int(arguments[0].int32!)) else { throw Trap(.uninitializedElement) }
            do {
                try target.call([arguments[1]])
            } catch is LongJump {
                caught()
            }
            return []
        }))
        imports.define(module: "env", name: "throw_longjmp", .function(Function(store: store, type: FuncType([], [])) { _, _ in
            throw LongJump()
        }))
        return try store.instantiate(ValidatedModule(binary: emscriptenStyleModule()), imports: imports)
    }

    func testHostErrorUnwindsWasmFramesToTheCatchingHostFunction() throws {
        let store = Store()
        var catches = 0
        let instance = try instantiateEmscriptenStyle(store: store) { catches += 1 }
        let run = try XCTUnwrap(instance.function("run"))
        // 5 nested jumper frames, then the throw unwinds them all; the code after the
        // throw_longjmp call never runs, and "run" continues after the invoke.
        XCTAssertEqual(try run(.i32(5)), [.i32(1006)])
        XCTAssertEqual(catches, 1)
        XCTAssertEqual(instance.global("steps")?.value, .i32(6))
        // Unwinding leaves nothing behind: far more iterations than the call-depth limit.
        for _ in 0..<60_000 { _ = try run(.i32(1)) }
        XCTAssertEqual(catches, 60_001)
    }

    func testTrapsAreNotCaughtAsLongjmpAndCarryTheWholeBacktrace() throws {
        let store = Store()
        var catches = 0
        let instance = try instantiateEmscriptenStyle(store: store) { catches += 1 }
        XCTAssertThrowsError(try instance.function("run")!(Value(Int32(-1)))) { error in
            guard let trap = error as? Trap else { return XCTFail("\(error)") }
            XCTAssertEqual(trap.reason, .unreachable)
            XCTAssertEqual(trap.backtrace, ["jumper", "run"], "frames of both activations, innermost first")
        }
        XCTAssertEqual(catches, 0)
        XCTAssertEqual(try instance.function("run")!(.i32(2)), [.i32(1003)])
    }

    func testHostErrorReachesTheOuterCallerUnchanged() throws {
        var builder = ModuleBuilder()
        let fail = builder.importFunction("env", "fail", FuncType([], []))
        let inner = builder.function(FuncType([], []), Op.call(fail))
        builder.exportFunction("outer", builder.function(FuncType([], [.i32]), Op.call(inner), Op.i32Const(1)))
        let store = Store()
        var imports = Imports()
        imports.define(module: "env", name: "fail", .function(Function(store: store, type: FuncType([], [])) { _, _ in throw LongJump() }))
        let instance = try store.instantiate(ValidatedModule(binary: builder.build()), imports: imports)
        XCTAssertThrowsError(try instance.function("outer")!()) { XCTAssertTrue($0 is LongJump) }
    }

    func testReentrantCallsNestAndSeeMemoryGrownInside() throws {
        // "outer" calls the host, which grows memory through a re-entrant call to "grow" and
        // writes at the new end; "outer" then loads that byte (cached memory size refreshed).
        var builder = ModuleBuilder()
        let host = builder.importFunction("env", "host", FuncType([], []))
        builder.memory(min: 1)
        builder.exportMemory("memory")
        builder.exportFunction("grow", builder.function(FuncType([], [.i32]), Op.i32Const(1), Op.memoryGrow))
        builder.exportFunction("outer", builder.function(FuncType([], [.i32]),
            Op.call(host), Op.i32Const(2 * 65536 - 4), Op.i32Load()))
        let store = Store()
        var instance: Instance?
        var imports = Imports()
        imports.define(module: "env", name: "host", .function(Function(store: store, type: FuncType([], [])) { caller, _ in
            XCTAssertEqual(try instance!.function("grow")!(), [.i32(1)])
            try caller.memory!.write([42, 0, 0, 0], at: 2 * 65536 - 4)
            return []
        }))
        instance = try store.instantiate(ValidatedModule(binary: builder.build()), imports: imports)
        XCTAssertEqual(try instance!.function("outer")!(), [.i32(42)])
    }

    func testUnboundedMutualRecursionThroughTheHostIsExhaustionNotACrash() throws {
        var builder = ModuleBuilder()
        let host = builder.importFunction("env", "again", FuncType([.i32], [.i32]))
        builder.exportFunction("down", builder.function(FuncType([.i32], [.i32]),
            Op.localGet(0), Op.i32Const(1), Op.i32Add, Op.call(host)))
        let store = Store()
        var instance: Instance?
        var imports = Imports()
        imports.define(module: "env", name: "again", .function(Function(store: store, type: FuncType([.i32], [.i32])) { _, arguments in
            try instance!.function("down")!.call(arguments)
        }))
        instance = try store.instantiate(ValidatedModule(binary: builder.build()), imports: imports)
        XCTAssertThrowsError(try instance!.function("down")!(.i32(0))) { XCTAssertEqual(($0 as? Trap)?.reason, .callStackExhausted) }
        // And the store is usable afterwards.
        XCTAssertEqual(instance!.function("down")!.type, FuncType([.i32], [.i32]))
        XCTAssertThrowsError(try instance!.function("down")!(.i32(0))) { XCTAssertEqual(($0 as? Trap)?.reason, .callStackExhausted) }
    }
}
