// `x & mask` tested for zero by a branch, with x an i64 (BranchFusion.swift, `i64ZeroTest`):
// `i64.and` with a constant, `i64.eqz` and `if`/`br_if` become one `brIfI64AndImm` or
// `brIfNotI64AndImm`; a mask kept in a local is not folded.

import WasmCore
@testable import WasmRuntime
import XCTest

final class MaskBranchFusionTests: XCTestCase {
    private static let i64And: [UInt8] = [0x83]
    private static let i64Eqz: [UInt8] = [0x50]

    /// "odd"(x) = x & 1 ? 1 : 0 (`if`); "even"(x) = 7 when x & 1 is zero, else 9 (`br_if`);
    /// "high"(x) = x & -256 ? 1 : 0 (the mask sign-extended); "kept"(x) = (x & 1 teed into a
    /// local) ? local : 5.
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        let test = FuncType([.i64], [.i32])
        builder.exportFunction("odd", builder.function(test,
            Op.localGet(0), Op.i64Const(1), i64And, i64Eqz, Op.i32Eqz,
            Op.if(.i32, then: Op.i32Const(1), else: Op.i32Const(0))))
        builder.exportFunction("even", builder.function(test,
            Op.block(Op.localGet(0), Op.i64Const(1), i64And, i64Eqz, Op.brIf(0), Op.i32Const(9), Op.return),
            Op.i32Const(7)))
        builder.exportFunction("high", builder.function(test,
            Op.localGet(0), Op.i64Const(-256), i64And, i64Eqz, Op.i32Eqz,
            Op.if(.i32, then: Op.i32Const(1), else: Op.i32Const(0))))
        builder.exportFunction("kept", builder.function(FuncType([.i64], [.i64]), locals: [.i64],
            Op.localGet(0), Op.i64Const(1), i64And, Op.localTee(1), i64Eqz, Op.i32Eqz,
            Op.if(.i64, then: Op.localGet(1), else: Op.i64Const(5))))
        return builder.build()
    }

    func testBranchesFollowTheMaskedBits() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func call(_ name: String, _ x: UInt64) throws -> [Value] {
            try XCTUnwrap(instance.function(name)).call([.i64(x)])
        }
        for x: UInt64 in [0, 1, 2, 3, 0xFF, 0x100, 0x8000_0000_0000_0000, 0x8000_0000_0000_0001, .max] {
            XCTAssertEqual(try call("odd", x), [.i32(UInt32(x & 1))], "odd \(x)")
            XCTAssertEqual(try call("even", x), [.i32(x & 1 == 0 ? 7 : 9)], "even \(x)")
            XCTAssertEqual(try call("high", x), [.i32(x & ~0xFF != 0 ? 1 : 0)], "high \(x)")
            XCTAssertEqual(try call("kept", x), [.i64(x & 1 != 0 ? 1 : 5)], "kept \(x)")
        }
    }

    func testTheMaskIsFoldedIntoTheBranch() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let kinds = try (0..<4).map { try instance.translation(ofFunction: $0).code.map(\.caseName) }
        XCTAssertEqual(kinds[0].first, "brIfNotI64AndImm")
        XCTAssertEqual(kinds[1].first, "brIfNotI64AndImm")
        XCTAssertEqual(kinds[2].first, "brIfNotI64AndImm")
        XCTAssertFalse(kinds[3].contains { $0.hasSuffix("I64AndImm") && $0.hasPrefix("brIf") }, "\(kinds[3])")
        XCTAssertTrue(kinds[3].contains("i64AndImm"), "\(kinds[3])")
    }
}
