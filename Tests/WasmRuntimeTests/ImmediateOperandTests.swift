// Operators with a constant operand translated to immediate forms (DESIGN.md, "Peepholes"):
// rotations by a constant (rotr becomes rotl by width − n) and subtraction from a constant.
// Each is checked against Swift's own arithmetic over edge-case operands and counts, and the
// translation is checked to use the immediate form.

import WasmCore
@testable import WasmRuntime
import XCTest

final class ImmediateOperandTests: XCTestCase {
    private static let counts: [Int64] = [0, 1, 7, 31, 32, 33, 63, 64, 65, -1, -31, -64, 1000]
    private static let i32Operands: [UInt32] = [0, 1, 0x8000_0000, 0xFFFF_FFFF, 0x1234_5678, 0x0F0F_0F0F]
    private static let i64Operands: [UInt64] = [0, 1, 0x8000_0000_0000_0000, .max, 0x0123_4567_89AB_CDEF]

    /// Exports, for each count, "rotl32_k", "rotr32_k", "rotl64_k", "rotr64_k" (x op count),
    /// "subfrom32_k", "subfrom64_k" (count − x) and "sub32_k" (x − count, translated as an
    /// addition of −count).
    private func instantiate() throws -> Instance {
        var builder = ModuleBuilder()
        for (k, count) in Self.counts.enumerated() {
            let c32 = Op.i32Const(Int32(truncatingIfNeeded: count)), c64 = Op.i64Const(count)
            builder.exportFunction("rotl32_\(k)", builder.function(FuncType([.i32], [.i32]), Op.localGet(0), c32, [0x77]))
            builder.exportFunction("rotr32_\(k)", builder.function(FuncType([.i32], [.i32]), Op.localGet(0), c32, [0x78]))
            builder.exportFunction("rotl64_\(k)", builder.function(FuncType([.i64], [.i64]), Op.localGet(0), c64, [0x89]))
            builder.exportFunction("rotr64_\(k)", builder.function(FuncType([.i64], [.i64]), Op.localGet(0), c64, [0x8A]))
            builder.exportFunction("subfrom32_\(k)", builder.function(FuncType([.i32], [.i32]), c32, Op.localGet(0), Op.i32Sub))
            builder.exportFunction("subfrom64_\(k)", builder.function(FuncType([.i64], [.i64]), c64, Op.localGet(0), [0x7D]))
            builder.exportFunction("sub32_\(k)", builder.function(FuncType([.i32], [.i32]), Op.localGet(0), c32, Op.i32Sub))
        }
        return try Store().instantiate(ValidatedModule(binary: builder.build()))
    }

    func testRotationsAndSubtractionFromAConstant() throws {
        let instance = try instantiate()
        func call(_ name: String, _ argument: Value) throws -> Value {
            try XCTUnwrap(try XCTUnwrap(instance.function(name)).call([argument]).first)
        }
        for (k, count) in Self.counts.enumerated() {
            let n32 = Int(UInt32(truncatingIfNeeded: count) & 31), n64 = Int(UInt64(bitPattern: count) & 63)
            for x in Self.i32Operands {
                let rotl = (x << n32) | (x >> ((32 - n32) & 31))
                let rotr = (x >> n32) | (x << ((32 - n32) & 31))
                XCTAssertEqual(try call("rotl32_\(k)", .i32(x)), .i32(rotl), "rotl \(x) \(count)")
                XCTAssertEqual(try call("rotr32_\(k)", .i32(x)), .i32(rotr), "rotr \(x) \(count)")
                XCTAssertEqual(try call("sub32_\(k)", .i32(x)), .i32(x &- UInt32(truncatingIfNeeded: count)))
                XCTAssertEqual(try call("subfrom32_\(k)", .i32(x)),
                               .i32(UInt32(truncatingIfNeeded: count) &- x))
            }
            for x in Self.i64Operands {
                let rotl = (x << n64) | (x >> ((64 - n64) & 63))
                let rotr = (x >> n64) | (x << ((64 - n64) & 63))
                XCTAssertEqual(try call("rotl64_\(k)", .i64(x)), .i64(rotl), "rotl \(x) \(count)")
                XCTAssertEqual(try call("rotr64_\(k)", .i64(x)), .i64(rotr), "rotr \(x) \(count)")
                XCTAssertEqual(try call("subfrom64_\(k)", .i64(x)), .i64(UInt64(bitPattern: count) &- x))
            }
        }
    }

    func testConstantOperandsBecomeImmediates() throws {
        let instance = try instantiate()
        func translation(_ functionIndex: Int) throws -> [InternalInstruction] {
            try instance.translation(ofFunction: functionIndex).code
        }
        // Functions of the count 7 (index 2): rotl32, rotr32, rotl64, rotr64, subfrom32, subfrom64,
        // sub32; the parameter is slot 0.
        let base = 2 * 7
        guard case .i32RotlImm(_, 0, 7)? = try translation(base).first,
              case .i32RotlImm(_, 0, 25)? = try translation(base + 1).first,
              case .i64RotlImm(_, 0, 7)? = try translation(base + 2).first,
              case .i64RotlImm(_, 0, 57)? = try translation(base + 3).first,
              case .i32SubFromImm(_, 0, 7)? = try translation(base + 4).first,
              case .i64SubFromImm(_, 0, 7)? = try translation(base + 5).first,
              case .i32AddImm(_, 0, 0xFFFF_FFF9)? = try translation(base + 6).first
        else {
            return XCTFail("not translated to immediate forms: \(try (base..<base + 7).map { try translation($0) })")
        }
    }
}
