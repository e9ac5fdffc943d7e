// The float accumulator (FloatAccumulator.swift): an f64 operation or comparison reading the
// result of the f64 operation just before it takes that value from the interpreter's register.
// Every form, with the accumulator on either side, computes what the slot form computes; a chain
// of such forms passes the value along; and an instruction that a branch reaches is never
// rewritten, since the register then holds whatever was computed last on the other path.

import WasmCore
@testable import WasmRuntime
import XCTest

final class FloatAccumulatorTests: XCTestCase {
    static let inputs: [Double] = [1.5, -0.0, 0.0, 3, -7.25, .infinity, -.infinity, .nan, 1e-310]

    static func f64Const(_ value: Double) -> [UInt8] {
        [0x44] + withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) }
    }

    /// `x = a / b` into local 3 (the producer), then `x op c` (or `c op x`) as the result.
    func arithmeticModule(_ opcode: UInt8, accumulatorOnLeft: Bool) -> [UInt8] {
        var builder = ModuleBuilder()
        let x = Op.localGet(3), c = Op.localGet(2)
        builder.exportFunction("f", builder.function(FuncType([.f64, .f64, .f64], [.f64]), locals: [.f64],
            Op.localGet(0), Op.localGet(1), [0xA3], Op.localSet(3),
            accumulatorOnLeft ? x : c, accumulatorOnLeft ? c : x, [opcode]))
        return builder.build()
    }

    func call(_ instance: Instance, _ arguments: Double...) throws -> Double {
        guard case .f64(let bits)? = try instance.function("f")!.call(arguments.map { .f64($0.bitPattern) }).first else {
            throw EmbeddingError("no f64 result")
        }
        return Double(bitPattern: bits)
    }

    func assertSame(_ actual: Double, _ expected: Double, _ message: String) {
        if expected.isNaN { XCTAssertTrue(actual.isNaN, message) } else { XCTAssertEqual(actual.bitPattern, expected.bitPattern, message) }
    }

    func testArithmeticFormsComputeTheSlotResult() throws {
        let cases: [(UInt8, Bool, String, (Double, Double) -> Double)] = [
            (0xA0, true, "f64AddAcc", { $0 + $1 }), (0xA0, false, "f64AddAcc", { $1 + $0 }),
            (0xA1, true, "f64SubAcc", { $0 - $1 }), (0xA1, false, "f64SubFromAcc", { $1 - $0 }),
            (0xA2, true, "f64MulAcc", { $0 * $1 }), (0xA2, false, "f64MulAcc", { $1 * $0 }),
            (0xA3, true, "f64DivAcc", { $0 / $1 }), (0xA3, false, "f64DivFromAcc", { $1 / $0 }),
        ]
        for (opcode, onLeft, form, operation) in cases {
            let instance = try Store().instantiate(ValidatedModule(binary: arithmeticModule(opcode, accumulatorOnLeft: onLeft)))
            let code = try instance.translation(ofFunction: 0).code
            XCTAssertEqual(code.map(\.caseName), ["f64Div", form, "returnNone"], "\(form): \(code)")
            for a in Self.inputs {
                for c in Self.inputs {
                    let x = a / 3
                    assertSame(try call(instance, a, 3, c), operation(x, c), "\(form) on \(a), \(c)")
                }
            }
        }
    }

    func testSquareOfTheAccumulator() throws {
        var builder = ModuleBuilder()
        builder.exportFunction("f", builder.function(FuncType([.f64, .f64, .f64], [.f64]), locals: [.f64],
            Op.localGet(0), Op.localGet(1), [0xA1], Op.localSet(3), Op.localGet(3), Op.localGet(3), [0xA2]))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        XCTAssertEqual(try instance.translation(ofFunction: 0).code[1], .f64SquareAcc(result: 0))
        for a in Self.inputs { assertSame(try call(instance, a, 0.5, 0), (a - 0.5) * (a - 0.5), "square of \(a) - 0.5") }
    }

    /// Each comparison, branching when true (`br_if`) and when false (`if`), with the
    /// accumulator on either side: 32 cases, each against Swift's own comparison.
    func testComparisonBranchesWithTheAccumulatorOnEitherSide() throws {
        let comparisons: [(UInt8, String, (Double, Double) -> Bool)] = [
            (0x63, "Lt", { $0 < $1 }), (0x64, "Gt", { $0 > $1 }), (0x65, "Le", { $0 <= $1 }), (0x66, "Ge", { $0 >= $1 }),
        ]
        for (opcode, name, compare) in comparisons {
            for onLeft in [true, false] {
                for branchWhenTrue in [true, false] {
                    let x = Op.localGet(3), c = Op.localGet(2)
                    let test = (onLeft ? x : c) + (onLeft ? c : x) + [opcode]
                    let body: [UInt8] = branchWhenTrue
                        ? Op.block(test, Op.brIf(0), Op.i32Const(0), Op.return) + Op.i32Const(1)
                        : test + Op.if(.i32, then: Op.i32Const(1), else: Op.i32Const(0))
                    var builder = ModuleBuilder()
                    builder.exportFunction("f", builder.function(FuncType([.f64, .f64, .f64], [.i32]), locals: [.f64],
                        Op.localGet(0), Op.localGet(1), [0xA0], Op.localSet(3), body))
                    let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
                    let branch = try instance.translation(ofFunction: 0).code[1]
                    XCTAssertTrue(branch.caseName.hasPrefix("brIf") && branch.caseName.hasSuffix("Acc"),
                                  "\(name) left \(onLeft) when \(branchWhenTrue): \(branch)")
                    for a in Self.inputs {
                        for c in Self.inputs {
                            let sum = a + 1
                            let expected = onLeft ? compare(sum, c) : compare(c, sum)
                            let result = try instance.function("f")!(.f64(a.bitPattern), .f64(1.0.bitPattern), .f64(c.bitPattern))
                            XCTAssertEqual(result, [.i32(expected ? 1 : 0)], "\(name) left \(onLeft) on \(sum), \(c)")
                        }
                    }
                }
            }
        }
    }

    /// `((a + b) * c - a) / b`, each step written to a local so that no two fuse: three
    /// accumulator forms in a row, each reading the one before.
    func testChainPassesTheValueAlong() throws {
        var builder = ModuleBuilder()
        builder.exportFunction("f", builder.function(FuncType([.f64, .f64, .f64], [.f64]), locals: [.f64],
            Op.localGet(0), Op.localGet(1), [0xA0], Op.localTee(3), Op.localGet(2), [0xA2], Op.localTee(3),
            Op.localGet(0), [0xA1], Op.localTee(3), Op.localGet(1), [0xA3]))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        let code = try instance.translation(ofFunction: 0).code
        XCTAssertEqual(code.map(\.caseName).prefix(4), ["f64Add", "f64MulAcc", "f64SubAcc", "f64DivAcc"], "\(code)")
        for a in Self.inputs {
            for c in Self.inputs { assertSame(try call(instance, a, 0.75, c), ((a + 0.75) * c - a) / 0.75, "chain on \(a), \(c)") }
        }
    }

    /// A loop whose first instruction reads the value computed just before the loop: a branch
    /// back arrives there after `y + 1` was computed last, so the first instruction reads its
    /// slot. Squaring `x` three times while counting in `y` gives x^8 only if it does.
    func testNoAccumulatorAtABranchTarget() throws {
        var builder = ModuleBuilder()
        builder.exportFunction("f", builder.function(FuncType([.f64, .f64], [.f64]), locals: [.f64, .f64],
            Self.f64Const(0), Op.localSet(3),                             // y = 0
            Op.localGet(0), Op.localGet(1), [0xA2], Op.localSet(2),     // x = a * b, just before the loop
            Op.loop(
                Op.localGet(2), Op.localGet(2), [0xA2], Op.localSet(2),     // x = x * x   (the loop's first instruction)
                Op.localGet(3), Self.f64Const(1), [0xA0], Op.localTee(3),   // y = y + 1   (the last f64 result)
                Self.f64Const(3), [0x63], Op.brIf(0)),                      // while y < 3
            Op.localGet(2)))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        let code = try instance.translation(ofFunction: 0).code
        XCTAssertTrue(code.contains(.f64Mul(result: 2, lhs: 2, rhs: 2)), "\(code)")
        XCTAssertFalse(code.contains(.f64SquareAcc(result: 2)), "\(code)")
        XCTAssertTrue(code.contains { $0.caseName == "brIfF64LtAcc" }, "\(code)")
        for a in [1.5, -2.0, 0.5] { assertSame(try call(instance, a, 1), pow(a, 8), "x^8 of \(a)") }
    }
}
