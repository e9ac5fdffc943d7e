// A branch carrying one value fuses with the copy or constant that puts the value in place
// (`copyBr`, `const32Br`; Translator.emitBranch): the translation uses the fused forms and the
// results are those of the unfused code, also when a label separates the two.

import WasmCore
@testable import WasmRuntime
import XCTest

final class BranchValueFusionTests: XCTestCase {
    /// 0 "choose"(x): if x then 7 else 9 (the then-arm's constant branches to the end).
    /// 1 "forward"(x, y): block (result i32) { y; br_if 0 (x); drop; x + 100 } — y stays in
    ///   place when the branch is taken; the end of the block is reached by falling through.
    /// 2 "local"(x): block (result i32) { local.get 0; br 0 } + 1 — a copy then a br.
    /// 3 "joined"(x): the copy of a `loop`'s result sits at a label: x = 3 → 3 + 2 = 5 in a
    ///   loop that branches back once.
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        builder.exportFunction("choose", builder.function(FuncType([.i32], [.i32]),
            Op.localGet(0), Op.if(.i32, then: Op.i32Const(7), else: Op.i32Const(9))))
        builder.exportFunction("forward", builder.function(FuncType([.i32, .i32], [.i32]),
            [0x02, ValueType.i32.rawValue], Op.localGet(1), Op.localGet(0), Op.brIf(0), Op.drop,
            Op.localGet(0), Op.i32Const(100), Op.i32Add, [0x0B]))
        builder.exportFunction("local", builder.function(FuncType([.i32], [.i32]),
            [0x02, ValueType.i32.rawValue], Op.localGet(0), Op.br(0), [0x0B], Op.i32Const(1), Op.i32Add))
        builder.exportFunction("joined", builder.function(FuncType([.i32], [.i32]), locals: [.i32],
            [0x02, ValueType.i32.rawValue],
            Op.loop(Op.localGet(1), Op.i32Const(1), Op.i32Add, Op.localSet(1),
                    Op.localGet(1), Op.i32Const(2), Op.i32LtS, Op.brIf(0)),
            Op.localGet(0), Op.localGet(1), Op.i32Add, Op.br(0), [0x0B]))
        return builder.build()
    }

    func testFusedBranchesComputeTheSameValues() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func call(_ name: String, _ arguments: UInt32...) throws -> [Value] {
            try XCTUnwrap(instance.function(name)).call(arguments.map { .i32($0) })
        }
        XCTAssertEqual(try call("choose", 1), [.i32(7)])
        XCTAssertEqual(try call("choose", 0), [.i32(9)])
        XCTAssertEqual(try call("forward", 1, 42), [.i32(42)])
        XCTAssertEqual(try call("forward", 0, 42), [.i32(100)])
        XCTAssertEqual(try call("local", 41), [.i32(42)])
        XCTAssertEqual(try call("joined", 3), [.i32(5)])
    }

    func testTheTranslationUsesTheFusedForms() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func translation(_ functionIndex: Int) throws -> [InternalInstruction] {
            try instance.translation(ofFunction: functionIndex).code
        }
        let choose = try translation(0)
        XCTAssertTrue(choose.contains { if case .const32Br(_, 7, _) = $0 { true } else { false } }, "\(choose)")
        let local = try translation(2)
        XCTAssertTrue(local.contains { if case .copyBr(_, 0, _) = $0 { true } else { false } }, "\(local)")
        XCTAssertFalse(local.contains { if case .br = $0 { true } else { false } }, "\(local)")
    }
}
