// Store.profile (`wasm-run --profile`): exact call and instruction counts per function
// (WebAssembly and host), opcode counts that add up, and a profile that stays consistent when
// a trap unwinds frames.

import WasmCore
import WasmRuntime
import XCTest

final class ExecutionProfileTests: XCTestCase {
    /// "countdown"(n) calls "step" n times in a loop; "step" calls the host's env.tick and
    /// returns its argument minus one; "fail" calls step and then traps.
    private func instantiate(_ store: Store, ticks: @escaping () -> Void) throws -> Instance {
        var builder = ModuleBuilder()
        let tick = builder.importFunction("env", "tick", FuncType([], []))
        let step = builder.function(FuncType([.i32], [.i32]), name: "step",
            Op.call(tick), Op.localGet(0), Op.i32Const(1), Op.i32Sub)
        builder.exportFunction("countdown", builder.function(FuncType([.i32], []), name: "countdown",
            Op.block(Op.loop(
                Op.localGet(0), Op.i32Eqz, Op.brIf(1),
                Op.localGet(0), Op.call(step), Op.localSet(0),
                Op.br(0)))))
        builder.exportFunction("fail", builder.function(FuncType([], []), name: "fail",
            Op.i32Const(5), Op.call(step), Op.drop, Op.unreachable))
        var imports = Imports()
        imports.define(module: "env", name: "tick", .function(Function(store: store, type: FuncType([], [])) { _, _ in
            ticks()
            return []
        }))
        return try store.instantiate(ValidatedModule(binary: builder.build()), imports: imports)
    }

    func testCountsCallsAndInstructionsPerFunction() throws {
        let store = Store()
        var ticks = 0
        let instance = try instantiate(store) { ticks += 1 }
        let profile = ExecutionProfile()
        store.profile = profile
        try XCTUnwrap(instance.function("countdown")).call([.i32(1000)])
        XCTAssertEqual(ticks, 1000)

        let byName = Dictionary(uniqueKeysWithValues: profile.functions.map { ($0.name, $0) })
        XCTAssertEqual(byName["countdown"]?.calls, 1)
        XCTAssertEqual(byName["step"]?.calls, 1000)
        XCTAssertEqual(byName["env.tick"]?.calls, 1000)
        XCTAssertEqual(byName["env.tick"]?.instructions, 0, "host functions execute no internal instructions")
        // Every iteration runs the same instructions, so the counts are multiples of the trip count.
        let stepInstructions = try XCTUnwrap(byName["step"]?.instructions)
        XCTAssertGreaterThan(stepInstructions, 0)
        XCTAssertEqual(stepInstructions % 1000, 0)
        let countdownInstructions = try XCTUnwrap(byName["countdown"]?.instructions)
        XCTAssertGreaterThanOrEqual(countdownInstructions, 1000 * 3)

        let byOpcode = Dictionary(uniqueKeysWithValues: profile.instructionCounts.map { ($0.opcode, $0.count) })
        XCTAssertEqual((byOpcode["call"] ?? 0) + (byOpcode["callMoving"] ?? 0), 1000)
        XCTAssertEqual(byOpcode["callHost"], 1000)
        XCTAssertEqual(profile.totalInstructions, stepInstructions + countdownInstructions)
        XCTAssertEqual(profile.instructionCounts.reduce(0) { $0 + $1.count }, profile.totalInstructions)
        // Pairs are counted within a function between calls: the loop's own pairs repeat 1000 times.
        XCTAssertGreaterThanOrEqual(profile.pairCounts.first?.count ?? 0, 1000)
        XCTAssertLessThan(profile.pairCounts.reduce(0) { $0 + $1.count }, profile.totalInstructions)
        XCTAssertTrue(profile.report().contains("countdown"))
    }

    func testATrapLeavesTheProfileConsistentAndUnprofiledRunsRecordNothing() throws {
        let store = Store()
        let instance = try instantiate(store) {}
        let fail = try XCTUnwrap(instance.function("fail"))
        let countdown = try XCTUnwrap(instance.function("countdown"))
        try countdown.call([.i32(10)])  // before profiling: not recorded

        let single = ExecutionProfile()
        store.profile = single
        XCTAssertThrowsError(try fail.call([])) { XCTAssertEqual(($0 as? Trap)?.reason, .unreachable) }
        let failAlone = try XCTUnwrap(single.functions.first { $0.name == "fail" }?.instructions)

        let profile = ExecutionProfile()
        store.profile = profile
        for _ in 0..<2 {
            XCTAssertThrowsError(try fail.call([])) { XCTAssertEqual(($0 as? Trap)?.reason, .unreachable) }
            try countdown.call([.i32(3)])
        }
        let byName = Dictionary(uniqueKeysWithValues: profile.functions.map { ($0.name, $0) })
        XCTAssertEqual(byName["fail"]?.calls, 2)
        XCTAssertEqual(byName["countdown"]?.calls, 2)
        XCTAssertEqual(byName["step"]?.calls, 2 + 6)
        // Had the trap left `fail` on the profile's stack, countdown's instructions would be
        // charged to it.
        XCTAssertEqual(byName["fail"]?.instructions, 2 * failAlone)
    }
}
