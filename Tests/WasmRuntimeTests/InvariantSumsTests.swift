// Loop-invariant `local + constant` sums (InvariantSums.swift): computed once on entry to the
// outermost loop that does not write the local, read from their slot inside it; recomputed
// on each entry of an inner loop whose enclosing loop changes the local; not hoisted out of a
// loop that writes the local.

import WasmCore
@testable import WasmRuntime
import XCTest

final class InvariantSumsTests: XCTestCase {
    private static let shl: [UInt8] = [0x74]

    /// acc += the i32 at (p + 16) + (i << 2), for i in 0..<n (the loop body, as C compiles it).
    private static func sumLoop(p: UInt32, i: UInt32, n: UInt32, acc: UInt32) -> [UInt8] {
        Op.loop(
            Op.localGet(acc), Op.localGet(p), Op.i32Const(16), Op.i32Add,
            Op.localGet(i), Op.i32Const(2), shl, Op.i32Add, Op.i32Load(), Op.i32Add, Op.localSet(acc),
            Op.localGet(i), Op.i32Const(1), Op.i32Add, Op.localTee(i), Op.localGet(n), Op.i32LtU, Op.brIf(0))
    }

    /// Memory: the words 1, 2, 3, … at 16, 20, 24, …
    /// "sum"(p, n): the loop above once. "sums"(p, n): three times, p += 4 before each further
    /// pass (an outer loop writing p). "moving"(p, n): acc += the word at p + 16, p += 4 (a loop
    /// writing p).
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        builder.data(offset: 16, (1...64).flatMap { (word: UInt32) in withUnsafeBytes(of: word.littleEndian, Array.init) })
        let type = FuncType([.i32, .i32], [.i32])
        builder.exportFunction("sum", builder.function(type, locals: [.i32, .i32],
            sumLoop(p: 0, i: 2, n: 1, acc: 3), Op.localGet(3)))
        builder.exportFunction("sums", builder.function(type, locals: [.i32, .i32, .i32],
            Op.loop(Op.i32Const(0), Op.localSet(2), sumLoop(p: 0, i: 2, n: 1, acc: 3),
                    Op.localGet(0), Op.i32Const(4), Op.i32Add, Op.localSet(0),
                    Op.localGet(4), Op.i32Const(1), Op.i32Add, Op.localTee(4), Op.i32Const(3), Op.i32LtU, Op.brIf(0)),
            Op.localGet(3)))
        builder.exportFunction("moving", builder.function(type, locals: [.i32, .i32],
            Op.loop(Op.localGet(3), Op.localGet(0), Op.i32Const(16), Op.i32Add, Op.i32Load(), Op.i32Add, Op.localSet(3),
                    Op.localGet(0), Op.i32Const(4), Op.i32Add, Op.localSet(0),
                    Op.localGet(2), Op.i32Const(1), Op.i32Add, Op.localTee(2), Op.localGet(1), Op.i32LtU, Op.brIf(0)),
            Op.localGet(3)))
        return builder.build()
    }

    func testSumsAreRightInsideLoopsAndAfterTheLocalChanges() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func call(_ name: String, _ p: UInt32, _ n: UInt32) throws -> [Value] {
            try XCTUnwrap(instance.function(name)).call([.i32(p), .i32(n)])
        }
        // Word k (from 0) at 16 + 4k is k + 1; p = 4m starts the sum at word m.
        func words(from first: UInt32, count: UInt32) -> UInt32 { (first..<first + count).reduce(0) { $0 + $1 + 1 } }
        XCTAssertEqual(try call("sum", 0, 5), [.i32(words(from: 0, count: 5))])
        XCTAssertEqual(try call("sum", 8, 10), [.i32(words(from: 2, count: 10))])
        XCTAssertEqual(try call("sums", 4, 4),
                       [.i32(words(from: 1, count: 4) + words(from: 2, count: 4) + words(from: 3, count: 4))])
        XCTAssertEqual(try call("moving", 0, 6), [.i32(words(from: 0, count: 6))])
    }

    func testTheSumIsComputedBeforeTheLoopThatDoesNotWriteTheLocal() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        /// The code of `function`, the indices of its `p + 16`s and the targets of its backward branches.
        func translation(_ function: Int) throws -> (code: [InternalInstruction], sums: [Int], loopStarts: Set<Int>) {
            let code = try instance.translation(ofFunction: function).code
            var sums: [Int] = [], loopStarts: Set<Int> = []
            for (index, instruction) in code.enumerated() {
                if case .i32AddImm(_, 0, 16) = instruction { sums.append(index) }
                let text = "\(instruction)"
                if let range = text.range(of: "offset: -") {
                    let digits = text[range.upperBound...].prefix { $0.isNumber }
                    loopStarts.insert(index + 1 - Int(digits)!)
                }
            }
            return (code, sums, loopStarts)
        }
        // "sum": computed once, before the loop, whose branch goes back to the instruction after it.
        let sum = try translation(0)
        XCTAssertEqual(sum.sums, [0])
        XCTAssertEqual(sum.loopStarts, [1])
        // "sums": once per pass of the outer loop (from 0), right before the inner loop.
        let sums = try translation(1)
        XCTAssertEqual(sums.sums.count, 1)
        XCTAssertEqual(sums.loopStarts, [0, sums.sums[0] + 1])
        // "moving": p changes in the loop, so the sum stays in the loop, in its displaced load.
        let moving = try translation(2)
        XCTAssertEqual(moving.loopStarts, [0])
        XCTAssertTrue(moving.code.contains { $0.caseName == "load32UDisplaced" })
    }
}
