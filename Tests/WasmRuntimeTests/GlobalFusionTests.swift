// The stack-pointer prologue and epilogue fused into one instruction each (GlobalFusion.swift):
// translated to the fused forms when they fit, and computing what the unfused code computes,
// 32-bit wrap-around included; sequences that must not fuse are left alone.

import WasmCore
@testable import WasmRuntime
import XCTest

final class GlobalFusionTests: XCTestCase {
    /// `(func (result i32 i32) (local $fp i32)` with the C prologue and epilogue around nothing,
    /// returning `$fp` and the global after the epilogue; global 0 starts at `initial`.
    func module(initial: Int32, frameSize: Int32) -> [UInt8] {
        var builder = ModuleBuilder()
        let sp = builder.global(GlobalType(mutability: .variable, valueType: .i32), initializer: Op.i32Const(initial))
        builder.exportGlobal("sp", sp)
        builder.exportFunction("f", builder.function(FuncType([], [.i32, .i32]), locals: [.i32],
            Op.globalGet(sp), Op.i32Const(frameSize), [0x6B], Op.localTee(0), Op.globalSet(sp),  // i32.sub
            Op.localGet(0), Op.i32Const(frameSize), Op.i32Add, Op.globalSet(sp),
            Op.localGet(0), Op.globalGet(sp)))
        return builder.build()
    }

    func translation(of instance: Instance) throws -> [InternalInstruction] {
        try instance.translation(ofFunction: 0).code
    }

    func testPrologueAndEpilogueAreOneInstructionEach() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: module(initial: 1000, frameSize: 48)))
        XCTAssertEqual(try instance.function("f")!(), [.i32(952), .i32(1000)])
        let code = try translation(of: instance)
        let cell = try XCTUnwrap(code.lazy.compactMap { instruction -> UnsafeMutablePointer<UInt64>? in
            if case .globalAddImmTee(let cell, _, _) = instruction { return cell } else { return nil }
        }.first)
        XCTAssertEqual(Array(code.prefix(2)), [
            .globalAddImmTee(cell: cell, local: 0, adjustment: -48),
            .globalSetAddImm(cell: cell, source: 0, adjustment: 48),
        ])
    }

    func testWrapsAroundLikeI32Arithmetic() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: module(initial: 16, frameSize: 48)))
        XCTAssertEqual(try instance.function("f")!(), [.i32(UInt32(bitPattern: -32)), .i32(16)])
        XCTAssertEqual(instance.global("sp")?.value, .i32(16))
    }

    func testLargeAdjustmentsAreNotFusedAndStillCorrect() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: module(initial: 100_000, frameSize: 40_000)))
        XCTAssertEqual(try instance.function("f")!(), [.i32(60_000), .i32(100_000)])
        for instruction in try translation(of: instance) {
            switch instruction {
            case .globalAddImmTee, .globalSetAddImm: XCTFail("fused \(instruction) with a 17-bit adjustment")
            default: break
            }
        }
    }

    func testGlobalReadIntoALocalKeepsItsWrite() throws {
        // global.get, local.tee $old, i32.const 16, i32.sub, local.tee $new, global.set:
        // the prologue form, but $old must still receive the global's value.
        var builder = ModuleBuilder()
        let sp = builder.global(GlobalType(mutability: .variable, valueType: .i32), initializer: Op.i32Const(500))
        builder.exportFunction("f", builder.function(FuncType([], [.i32, .i32]), locals: [.i32, .i32],
            Op.globalGet(sp), Op.localTee(0), Op.i32Const(16), [0x6B], Op.localTee(1), Op.globalSet(sp),
            Op.localGet(0), Op.localGet(1)))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        XCTAssertEqual(try instance.function("f")!(), [.i32(500), .i32(484)])
    }
}
