// The translation of DESIGN.md's worked example, instruction by instruction: locals are read in
// place, results go straight into locals, branches are resolved to code offsets.

import WasmCore
@testable import WasmRuntime
import XCTest

final class TranslationTests: XCTestCase {
    /// DESIGN.md's example: sum of 0..<n.
    ///
    ///     (func (param $n i32) (result i32) (local $i i32) (local $sum i32)
    ///       (block $done
    ///         (loop $next
    ///           (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
    ///           (local.set $sum (i32.add (local.get $sum) (local.get $i)))
    ///           (local.set $i (i32.add (local.get $i) (i32.const 1)))
    ///           (br $next)))
    ///       (local.get $sum))
    static func sumModule() -> [UInt8] {
        var builder = ModuleBuilder()
        builder.exportFunction("sum", builder.function(FuncType([.i32], [.i32]), locals: [.i32, .i32],
            Op.block(Op.loop(
                Op.localGet(1), Op.localGet(0), [0x4E], Op.brIf(1),  // i32.ge_s
                Op.localGet(2), Op.localGet(1), Op.i32Add, Op.localSet(2),
                Op.localGet(1), Op.i32Const(1), Op.i32Add, Op.localSet(1),
                Op.br(0))),
            Op.localGet(2)))
        return builder.build()
    }

    func testWorkedExampleOfTheDesign() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.sumModule()))
        XCTAssertEqual(try instance.function("sum")!(.i32(10)), [.i32(45)])

        let translated = try instance.translation(ofFunction: 0)
        // Slots: 0 = $n, 1 = $i, 2 = $sum, 3 and 4 = operands (used by no instruction here).
        XCTAssertEqual(translated.code, [
            .brIfI32GeS(lhs: 1, rhs: 0, offset: 3),        // $i >= $n: to the return
            .i32Add(result: 2, lhs: 2, rhs: 1),            // $sum += $i, in place
            .i32AddImm(result: 1, lhs: 1, immediate: 1),   // $i += 1
            .br(offset: -4),                               // back to the loop's start
            .returnOne(source: 2),                         // $sum to slot 0
        ])
        XCTAssertEqual(translated.frameSlots, 5)
    }
}
