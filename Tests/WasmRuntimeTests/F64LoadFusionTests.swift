// f64 arithmetic with a loaded operand (FloatLoadFusion.swift): `x - f64.load(p + 8)` is one
// `f64SubDisplaced`, an add or mul with the loaded value on either side one `f64AddDisplaced`
// or `f64MulDisplaced`, and the same from a constant address (`f64SubAt`, …); a subtraction
// from the loaded value keeps its order (not fused). The address wraps as `i32.add` does, and a
// load out of bounds traps.

import WasmCore
@testable import WasmRuntime
import XCTest

final class F64LoadFusionTests: XCTestCase {
    private static let f64Load: [UInt8] = [0x2B, 0x03, 0x00]
    private static let (f64Add, f64Sub, f64Mul): ([UInt8], [UInt8], [UInt8]) = ([0xA0], [0xA1], [0xA2])

    /// Memory: 4.0 at 0, 2.5 at 8. Each function (p, x): "sub" x - load(p + 8); "sub_from"
    /// load(p + 8) - x; "add" load(p + 8) + x; "mul" load(p + 8) * x; "sub_at", "add_at",
    /// "mul_at" the same with load(8) (p unused), "beyond" x - load(65529).
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        builder.data(offset: 0, withUnsafeBytes(of: (4.0).bitPattern.littleEndian, Array.init)
                        + withUnsafeBytes(of: (2.5).bitPattern.littleEndian, Array.init))
        let type = FuncType([.i32, .f64], [.f64])
        let loaded = Op.localGet(0) + Op.i32Const(8) + Op.i32Add + f64Load
        builder.exportFunction("sub", builder.function(type, Op.localGet(1), loaded, f64Sub))
        builder.exportFunction("sub_from", builder.function(type, loaded, Op.localGet(1), f64Sub))
        builder.exportFunction("add", builder.function(type, loaded, Op.localGet(1), f64Add))
        builder.exportFunction("mul", builder.function(type, loaded, Op.localGet(1), f64Mul))
        let global = Op.i32Const(8) + f64Load
        builder.exportFunction("sub_at", builder.function(type, Op.localGet(1), global, f64Sub))
        builder.exportFunction("add_at", builder.function(type, global, Op.localGet(1), f64Add))
        builder.exportFunction("mul_at", builder.function(type, global, Op.localGet(1), f64Mul))
        builder.exportFunction("beyond", builder.function(type, Op.localGet(1), Op.i32Const(65529), f64Load, f64Sub))
        return builder.build()
    }

    func testResultsWrapAndTrapAsTheLoadDoes() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func call(_ name: String, _ p: UInt32, _ x: Double) throws -> Double? {
            try XCTUnwrap(instance.function(name)).call([.i32(p), Value(x)]).first?.double
        }
        XCTAssertEqual(try call("sub", 0, 10), 7.5)
        XCTAssertEqual(try call("sub_from", 0, 10), -7.5)
        XCTAssertEqual(try call("add", 0, 10), 12.5)
        XCTAssertEqual(try call("mul", 0, 10), 25)
        // p + 8 wraps to 0, where 4.0 is.
        XCTAssertEqual(try call("sub", 0xFFFF_FFF8, 1), -3)
        XCTAssertEqual(try call("mul", 0xFFFF_FFF8, 3), 12)
        XCTAssertEqual(try call("sub_at", 0, 10), 7.5)
        XCTAssertEqual(try call("add_at", 0, 10), 12.5)
        XCTAssertEqual(try call("mul_at", 0, 10), 25)
        XCTAssertThrowsError(try call("beyond", 0, 0)) {
            XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess)
        }
        XCTAssertNoThrow(try call("sub", 65520, 0))  // the last 8 bytes of the page
        for name in ["sub", "sub_from", "add", "mul"] {
            XCTAssertThrowsError(try call(name, 65521, 0), name) {
                XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess)
            }
        }
    }

    func testTheLoadIsFolded() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let kinds = try (0..<8).map { try instance.translation(ofFunction: $0).code.map(\.caseName) }
        XCTAssertEqual(kinds[0].first, "f64SubDisplaced")
        XCTAssertEqual(Array(kinds[1].prefix(2)), ["load64Displaced", "f64Sub"])
        XCTAssertEqual(kinds[2].first, "f64AddDisplaced")
        XCTAssertEqual(kinds[3].first, "f64MulDisplaced")
        XCTAssertEqual(kinds[4].first, "f64SubAt")
        XCTAssertEqual(kinds[5].first, "f64AddAt")
        XCTAssertEqual(kinds[6].first, "f64MulAt")
        XCTAssertEqual(kinds[7].first, "f64SubAt")
    }
}
