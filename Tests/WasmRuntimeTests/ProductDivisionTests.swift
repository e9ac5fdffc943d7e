// A product divided at once (ProductDivision.swift): `(a * b) op m` for the four i64 divisions
// and remainders is one instruction, computes what the two do (the product wrapping modulo
// 2^64), traps as the division does, and hands its result to a local.

import WasmCore
@testable import WasmRuntime
import XCTest

final class ProductDivisionTests: XCTestCase {
    static let divisions: [(opcode: UInt8, form: String)] = [
        (0x7F, "i64MulDivS"), (0x80, "i64MulDivU"), (0x81, "i64MulRemS"), (0x82, "i64MulRemU"),
    ]

    /// `(a * b) op m`, returned; with `local.set` into local 3 and back when `toLocal`.
    func instance(_ opcode: UInt8, toLocal: Bool = false) throws -> Instance {
        var builder = ModuleBuilder()
        let product = Op.localGet(0) + Op.localGet(1) + [0x7E] + Op.localGet(2) + [opcode]
        let body = toLocal ? product + Op.localSet(3) + Op.localGet(3) : product
        builder.exportFunction("f", builder.function(FuncType([.i64, .i64, .i64], [.i64]), locals: [.i64], body))
        return try Store().instantiate(ValidatedModule(binary: builder.build()))
    }

    static func expected(_ opcode: UInt8, _ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
        let p = a &* b
        let (sp, sm) = (Int64(bitPattern: p), Int64(bitPattern: m))
        switch opcode {
        case 0x7F: return UInt64(bitPattern: sp / sm)
        case 0x80: return p / m
        case 0x81: return sm == -1 ? 0 : UInt64(bitPattern: sp % sm)
        default: return p % m
        }
    }

    func testEachFormComputesTheTwoOperations() throws {
        let values: [UInt64] = [0, 1, 7, 0x1_0000_0001, 0xFFFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, 1_000_003, 0x9E37_79B9_7F4A_7C15]
        for (opcode, form) in Self.divisions {
            for toLocal in [false, true] {
                let instance = try instance(opcode, toLocal: toLocal)
                let code = try instance.translation(ofFunction: 0).code
                XCTAssertEqual(code.first?.caseName, form, "\(code)")
                if toLocal, case .i64MulRemU(let result, _, _, _)? = code.first { XCTAssertEqual(result, 3) }
                for a in values {
                    for b in values {
                        for m in values where m != 0 && !(opcode == 0x7F && m == UInt64.max && a &* b == 1 << 63) {
                            let result = try instance.function("f")!(.i64(a), .i64(b), .i64(m))
                            XCTAssertEqual(result, [.i64(Self.expected(opcode, a, b, m))], "\(form) (\(a) * \(b)) by \(m)")
                        }
                    }
                }
            }
        }
    }

    func testTrapsAsTheDivisionDoes() throws {
        for (opcode, form) in Self.divisions {
            let instance = try instance(opcode)
            XCTAssertThrowsError(try instance.function("f")!(.i64(3), .i64(5), .i64(0)), form) {
                XCTAssertEqual(($0 as? Trap)?.reason, .integerDivideByZero, form)
            }
        }
        // A product of 2^63 (wrapped: INT64_MIN) divided by -1 overflows; its remainder is 0.
        let divS = try instance(0x7F), remS = try instance(0x81)
        XCTAssertThrowsError(try divS.function("f")!(.i64(1 << 62), .i64(2), .i64(UInt64.max))) {
            XCTAssertEqual(($0 as? Trap)?.reason, .integerOverflow)
        }
        XCTAssertEqual(try remS.function("f")!(.i64(1 << 62), .i64(2), .i64(UInt64.max)), [.i64(0)])
    }

    /// A product also written to a local (`local.tee`) stays a multiplication of its own.
    func testTeedProductNotFused() throws {
        var builder = ModuleBuilder()
        builder.exportFunction("f", builder.function(FuncType([.i64, .i64, .i64], [.i64]), locals: [.i64],
            Op.localGet(0), Op.localGet(1), [0x7E], Op.localTee(3), Op.localGet(2), [0x82], Op.localGet(3), [0x7C]))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        let code = try instance.translation(ofFunction: 0).code
        XCTAssertEqual(code.first, .i64Mul(result: 3, lhs: 0, rhs: 1), "\(code)")
        XCTAssertEqual(try instance.function("f")!(.i64(6), .i64(7), .i64(5)), [.i64(42 % 5 + 42)])
    }
}
