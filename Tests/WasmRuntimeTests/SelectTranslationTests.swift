// `select` reads both values where they are (`selectFrom`) and, as a producer, writes straight
// into the local that `local.set` stores it to; results match select's semantics for every
// single-slot type, with constants and locals as operands; an i32 constant operand is an
// immediate (`selectSlotOrImm`, `selectImmOrSlot`).

import WasmCore
@testable import WasmRuntime
import XCTest

final class SelectTranslationTests: XCTestCase {
    /// 0 "pick32"(c, x, y) = c ? x : y, stored into local 3 and returned.
    /// 1 "pick64"(c, x) = c ? x : -5 (a constant second operand).
    /// 2 "pickf"(c, x) = c ? 1.5 : x (a constant first operand).
    /// 3 "orMinus1"(c, x) = c ? x : -1 into local 2; 4 "sevenOr"(c, x) = c ? 7 : x.
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        builder.exportFunction("pick32", builder.function(FuncType([.i32, .i32, .i32], [.i32]), locals: [.i32],
            Op.localGet(1), Op.localGet(2), Op.localGet(0), [0x1B], Op.localSet(3), Op.localGet(3)))
        builder.exportFunction("pick64", builder.function(FuncType([.i32, .i64], [.i64]),
            Op.localGet(1), Op.i64Const(-5), Op.localGet(0), [0x1B]))
        builder.exportFunction("pickf", builder.function(FuncType([.i32, .f64], [.f64]),
            [0x44] + withUnsafeBytes(of: (1.5 as Double).bitPattern.littleEndian, Array.init), Op.localGet(1),
            Op.localGet(0), [0x1B]))
        builder.exportFunction("orMinus1", builder.function(FuncType([.i32, .i32], [.i32]), locals: [.i32],
            Op.localGet(1), Op.i32Const(-1), Op.localGet(0), [0x1B], Op.localSet(2), Op.localGet(2)))
        builder.exportFunction("sevenOr", builder.function(FuncType([.i32, .i32], [.i32]),
            Op.i32Const(7), Op.localGet(1), Op.localGet(0), [0x1B]))
        return builder.build()
    }

    func testSelectsEitherValue() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func call(_ name: String, _ arguments: Value...) throws -> [Value] {
            try XCTUnwrap(instance.function(name)).call(arguments)
        }
        XCTAssertEqual(try call("pick32", .i32(1), .i32(10), .i32(20)), [.i32(10)])
        XCTAssertEqual(try call("pick32", .i32(0), .i32(10), .i32(20)), [.i32(20)])
        XCTAssertEqual(try call("pick32", .i32(0x8000_0000), .i32(10), .i32(20)), [.i32(10)])
        XCTAssertEqual(try call("pick64", .i32(7), .i64(1 << 40)), [.i64(1 << 40)])
        XCTAssertEqual(try call("pick64", .i32(0), .i64(1 << 40)), [.i64(UInt64(bitPattern: -5))])
        XCTAssertEqual(try call("pickf", .i32(1), .f64((2.25 as Double).bitPattern)), [.f64((1.5 as Double).bitPattern)])
        XCTAssertEqual(try call("pickf", .i32(0), .f64((-0.0 as Double).bitPattern)), [.f64((-0.0 as Double).bitPattern)])
        XCTAssertEqual(try call("orMinus1", .i32(1), .i32(42)), [.i32(42)])
        XCTAssertEqual(try call("orMinus1", .i32(0), .i32(42)), [.i32(0xFFFF_FFFF)])
        XCTAssertEqual(try call("sevenOr", .i32(2), .i32(42)), [.i32(7)])
        XCTAssertEqual(try call("sevenOr", .i32(0), .i32(42)), [.i32(42)])
    }

    func testAnI32ConstantOperandIsAnImmediate() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let orMinus1 = try instance.translation(ofFunction: 3).code
        XCTAssertEqual(orMinus1.first, .selectSlotOrImm(result: 2, slot: 1, immediate: 0xFFFF_FFFF, condition: 0), "\(orMinus1)")
        let sevenOr = try instance.translation(ofFunction: 4).code
        XCTAssertEqual(sevenOr.first?.caseName, "selectImmOrSlot", "\(sevenOr)")
        XCTAssertFalse(sevenOr.contains { $0.caseName == "const32" }, "\(sevenOr)")
    }

    func testSelectReadsInPlaceAndWritesTheLocal() throws {
        let code = try Store().instantiate(ValidatedModule(binary: Self.module())).translation(ofFunction: 0).code
        // Parameters 0–2, local 3: one instruction selects local 1 or 2 on local 0 into local 3.
        XCTAssertEqual(code.first, .selectFrom(result: 3, first: 1, second: 2, condition: 0), "\(code)")
        XCTAssertFalse(code.contains { if case .copy = $0 { true } else { false } }, "\(code)")
    }
}
