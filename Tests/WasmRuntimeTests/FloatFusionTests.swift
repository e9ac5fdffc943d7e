// Two dependent f64 operations fused into one instruction (FloatFusion.swift): every pairing of
// add/sub/mul, with the inner result as left or right operand of the outer one, gives exactly
// the unfused result (each operation rounded, no fused multiply-add), and is translated to the
// fused form.

import WasmCore
@testable import WasmRuntime
import XCTest

final class FloatFusionTests: XCTestCase {
    enum Operation: CaseIterable {
        case add, sub, mul
        var opcode: UInt8 { switch self { case .add: 0xA0; case .sub: 0xA1; case .mul: 0xA2 } }
        func apply(_ x: Double, _ y: Double) -> Double {
            switch self { case .add: x + y; case .sub: x - y; case .mul: x * y }
        }
    }

    /// `(a inner b) outer c` when `innerIsLhs`, else `c outer (a inner b)`; parameters a, b, c.
    func module(inner: Operation, outer: Operation, innerIsLhs: Bool) -> [UInt8] {
        var builder = ModuleBuilder()
        let innerCode = Op.localGet(0) + Op.localGet(1) + [inner.opcode]
        let body = innerIsLhs ? innerCode + Op.localGet(2) + [outer.opcode]
                              : Op.localGet(2) + innerCode + [outer.opcode]
        builder.exportFunction("f", builder.function(FuncType([.f64, .f64, .f64], [.f64]), body))
        return builder.build()
    }

    func testEveryPairingComputesTheUnfusedResult() throws {
        // a * b rounds to 1; a fused multiply-add would keep -2^-60 in (a * b) - 1.
        let inputs: [(Double, Double, Double)] = [
            (1 + 0x1p-30, 1 - 0x1p-30, -1), (0.1, 0.2, 0.3), (1e308, 10, -1e308), (-0.0, 0.0, -0.0),
            (.infinity, 1, .infinity),
        ]
        for inner in Operation.allCases {
            for outer in Operation.allCases {
                for innerIsLhs in [true, false] {
                    let instance = try Store().instantiate(
                        ValidatedModule(binary: module(inner: inner, outer: outer, innerIsLhs: innerIsLhs)))
                    let code = try instance.translation(ofFunction: 0).code
                    XCTAssertEqual(code.count, 2, "\(inner) \(outer) \(innerIsLhs): \(code)")  // fused + return
                    for (a, b, c) in inputs {
                        let x = inner.apply(a, b)
                        let expected = innerIsLhs ? outer.apply(x, c) : outer.apply(c, x)
                        guard case .f64(let bits)? = try instance.function("f")!(.f64(a.bitPattern), .f64(b.bitPattern), .f64(c.bitPattern)).first else {
                            return XCTFail("no f64 result")
                        }
                        if expected.isNaN {
                            XCTAssertTrue(Double(bitPattern: bits).isNaN)
                        } else {
                            XCTAssertEqual(bits, expected.bitPattern, "\(inner) \(outer) \(innerIsLhs) on \(a), \(b), \(c)")
                        }
                    }
                }
            }
        }
    }

    /// The fused instruction's result goes straight into a local (`local.set` peephole), and
    /// an inner result written to a local (`local.tee`) is not fused away.
    func testFusedResultRedirectedAndTeedInnerResultKept() throws {
        var builder = ModuleBuilder()
        builder.exportFunction("f", builder.function(FuncType([.f64, .f64, .f64], [.f64, .f64]), locals: [.f64, .f64],
            Op.localGet(0), Op.localGet(1), [0xA2], Op.localGet(2), [0xA0], Op.localSet(3),  // $3 = a*b + c
            Op.localGet(0), Op.localGet(1), [0xA1], Op.localTee(4), Op.localGet(2), [0xA2],   // ($4 = a-b) * c
            Op.localGet(4), [0xA0], Op.localGet(3)))                                           // + $4, $3
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        let code = try instance.translation(ofFunction: 0).code
        XCTAssertEqual(code.first, .f64MulAdd(result: 3, lhs: 0, rhs: 1, other: 2))
        XCTAssertTrue(code.contains(.f64Sub(result: 4, lhs: 0, rhs: 1)), "\(code)")
        let results = try instance.function("f")!(.f64(3.0.bitPattern), .f64(2.0.bitPattern), .f64(5.0.bitPattern))
        XCTAssertEqual(results, [.f64(((3.0 - 2.0) * 5.0 + (3.0 - 2.0)).bitPattern), .f64((3.0 * 2.0 + 5.0).bitPattern)])
    }
}
