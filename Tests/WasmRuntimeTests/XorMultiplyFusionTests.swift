// `(h ^ x) * constant` (XorMultiplyFusion.swift): one instruction computing the wrapped
// product, also when its result goes to a local; an exclusive or kept in a local is not folded.

import WasmCore
@testable import WasmRuntime
import XCTest

final class XorMultiplyFusionTests: XCTestCase {
    private static let xor: [UInt8] = [0x73]

    /// "fnv"(h, x) = (h ^ x) * 16777619; "fnv_local"(h, x) sets a local to it and returns the
    /// local; "kept"(h, x) = (h ^ x) * 3 + (h ^ x), the exclusive or teed into a local.
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        let binary = FuncType([.i32, .i32], [.i32])
        builder.exportFunction("fnv", builder.function(binary,
            Op.localGet(0), Op.localGet(1), xor, Op.i32Const(16_777_619), Op.i32Mul))
        builder.exportFunction("fnv_local", builder.function(binary, locals: [.i32],
            Op.localGet(0), Op.localGet(1), xor, Op.i32Const(16_777_619), Op.i32Mul, Op.localSet(2), Op.localGet(2)))
        builder.exportFunction("kept", builder.function(binary, locals: [.i32],
            Op.localGet(0), Op.localGet(1), xor, Op.localTee(2), Op.i32Const(3), Op.i32Mul, Op.localGet(2), Op.i32Add))
        return builder.build()
    }

    func testProductsWrap() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        for (h, x) in [(UInt32(2_166_136_261), UInt32(0x61)), (0, 0), (0xFFFF_FFFF, 1), (0x1234_5678, 0x9ABC_DEF0)] {
            let expected = (h ^ x) &* 16_777_619
            for name in ["fnv", "fnv_local"] {
                XCTAssertEqual(try XCTUnwrap(instance.function(name)).call([.i32(h), .i32(x)]), [.i32(expected)], name)
            }
            XCTAssertEqual(try XCTUnwrap(instance.function("kept")).call([.i32(h), .i32(x)]),
                           [.i32((h ^ x) &* 3 &+ (h ^ x))])
        }
    }

    func testTheExclusiveOrIsFolded() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let kinds = try (0..<3).map { try instance.translation(ofFunction: $0).code.map(\.caseName) }
        XCTAssertEqual(kinds[0].first, "i32XorMulImm")
        XCTAssertEqual(kinds[1].first, "i32XorMulImm")
        XCTAssertEqual(Array(kinds[2].prefix(2)), ["i32Xor", "i32MulImm"])
    }
}
