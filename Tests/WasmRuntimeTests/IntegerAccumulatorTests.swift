// The integer accumulator (IntegerAccumulator.swift): a branch, load, store or addition reading
// the i32 result of the producer just before it takes that value from the interpreter's register.
// Every producer passes its value to every accumulator form, which computes what the slot form
// computes; loads through the accumulator trap out of bounds like the slot forms; and an
// instruction that a branch reaches is never rewritten.

import WasmCore
@testable import WasmRuntime
import XCTest

final class IntegerAccumulatorTests: XCTestCase {
    typealias Computation = @Sendable (UInt32, UInt32) -> UInt32
    typealias Case = (name: String, body: [UInt8], compute: Computation)

    static func form(_ name: String, _ body: [UInt8], _ compute: @escaping Computation) -> Case { (name, body, compute) }
    /// Parameters `a`, `b` and `p` (always `storeAddress`), then the local `x` the producer sets.
    static let type = FuncType([.i32, .i32, .i32], [.i32])
    static let a = Op.localGet(0), b = Op.localGet(1), p = Op.localGet(2), x = Op.localGet(3)
    static let storeAddress: UInt32 = 64
    static let memoryBytes: [UInt8] = (0..<256).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    static let aInputs: [UInt32] = [0, 1, 5, 7, 200, 255]
    static let bInputs: [UInt32] = [0, 1, 3, 4, 10, 0x8000_0000, 0xFFFF_FFFF]

    static func byte(_ address: UInt32) -> UInt32 { address < 256 ? UInt32(memoryBytes[Int(address)]) : 0 }
    static func word(_ address: UInt32) -> UInt32 { (0..<4).reduce(0) { $0 | byte(address + UInt32($1)) << (8 * UInt32($1)) } }

    /// Producers of `x` (one internal instruction each), with the value they compute.
    static let producers: [Case] = [
        form("i32Add", a + b + Op.i32Add, { $0 &+ $1 }),
        form("i32Sub", a + b + Op.i32Sub, { $0 &- $1 }),
        form("i32Or", a + b + [0x72], { $0 | $1 }),
        form("i32Xor", a + b + [0x73], { $0 ^ $1 }),
        form("i32AndImm", a + Op.i32Const(0x0F0F) + [0x71], { a, _ in a & 0x0F0F }),
        form("i32AddImm", a + Op.i32Const(-7) + Op.i32Add, { a, _ in a &- 7 }),
        form("i32SubFromImm", Op.i32Const(100) + a + Op.i32Sub, { a, _ in 100 &- a }),
        form("load8U", a + [0x2D, 0x00, 0x00], { a, _ in IntegerAccumulatorTests.byte(a) }),
        form("load8S", a + [0x2C, 0x00, 0x00], { a, _ in UInt32(bitPattern: Int32(Int8(truncatingIfNeeded: IntegerAccumulatorTests.byte(a)))) }),
        form("load32U", a + Op.i32Load(), { a, _ in IntegerAccumulatorTests.word(a) }),
        form("copy", b, { _, b in b }),
    ]

    static func branch(_ test: [UInt8]) -> [UInt8] { Op.block(test, Op.brIf(0), Op.i32Const(0), Op.return) + Op.i32Const(1) }

    /// Consumers of `x` (b, the second parameter, on the other side), the accumulator form
    /// expected, and what they compute.
    static let consumers: [Case] = [
        form("brIfAcc", branch(x), { x, _ in x != 0 ? 1 : 0 }),
        form("brIfNotAcc", x + Op.if(.i32, then: Op.i32Const(1), else: Op.i32Const(0)), { x, _ in x != 0 ? 1 : 0 }),
        form("brIfI32EqImmAcc", branch(x + Op.i32Const(5) + [0x46]), { x, _ in x == 5 ? 1 : 0 }),
        form("brIfI32NeImmAcc", branch(x + Op.i32Const(5) + [0x47]), { x, _ in x != 5 ? 1 : 0 }),
        form("brIfI32LtUImmAcc", branch(x + Op.i32Const(10) + Op.i32LtU), { x, _ in x < 10 ? 1 : 0 }),
        form("brIfI32GeSImmAcc", branch(x + Op.i32Const(-3) + [0x4E]), { x, _ in Int32(bitPattern: x) >= -3 ? 1 : 0 }),
        form("brIfI32AndImmAcc", branch(x + Op.i32Const(4) + [0x71]), { x, _ in x & 4 != 0 ? 1 : 0 }),
        form("brIfNotI32AndImmAcc", x + Op.i32Const(4) + [0x71] + Op.if(.i32, then: Op.i32Const(1), else: Op.i32Const(0)),
         { x, _ in x & 4 != 0 ? 1 : 0 }),
        form("brIfI32LtSAcc", branch(x + b + Op.i32LtS), { x, b in Int32(bitPattern: x) < Int32(bitPattern: b) ? 1 : 0 }),
        form("brIfI32GtSAcc", branch(b + x + Op.i32LtS), { x, b in Int32(bitPattern: b) < Int32(bitPattern: x) ? 1 : 0 }),
        form("brIfI32GtSAcc", branch(x + b + [0x4A]), { x, b in Int32(bitPattern: x) > Int32(bitPattern: b) ? 1 : 0 }),
        form("brIfI32LtSAcc", branch(b + x + [0x4A]), { x, b in Int32(bitPattern: b) > Int32(bitPattern: x) ? 1 : 0 }),
        form("brIfI32LeUAcc", branch(x + b + [0x4D]), { x, b in x <= b ? 1 : 0 }),
        form("brIfI32GeUAcc", branch(b + x + [0x4D]), { x, b in b <= x ? 1 : 0 }),
        form("brIfI32GeUAcc", branch(x + b + [0x4F]), { x, b in x >= b ? 1 : 0 }),
        form("brIfI32LeUAcc", branch(b + x + [0x4F]), { x, b in b >= x ? 1 : 0 }),
        form("brTableAcc", Op.block(Op.block(Op.block(x, [0x0E, 0x02, 0x00, 0x01, 0x02]), Op.i32Const(10), Op.return),
                                Op.i32Const(11), Op.return) + Op.i32Const(12), { x, _ in x == 0 ? 10 : x == 1 ? 11 : 12 }),
        form("store32Acc", p + x + Op.i32Store(offset: 8) + p + Op.i32Load(offset: 8), { x, _ in x }),
        form("i32AddImmAcc", x + Op.i32Const(1000) + Op.i32Add, { x, _ in x &+ 1000 }),
        form("i32AddAcc", x + b + Op.i32Add, { x, b in x &+ b }),
        form("i32AddAcc", b + x + Op.i32Add, { x, b in b &+ x }),
        form("i32SubAcc", x + b + Op.i32Sub, { x, b in x &- b }),
        form("i32SubFromAcc", b + x + Op.i32Sub, { x, b in b &- x }),
    ]

    func instantiate(_ body: [UInt8]...) throws -> Instance {
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        builder.data(offset: 0, Self.memoryBytes)
        builder.exportFunction("f", builder.function(Self.type, locals: [.i32], body.flatMap { $0 }))
        return try Store().instantiate(ValidatedModule(binary: builder.build()))
    }

    func call(_ instance: Instance, _ a: UInt32, _ b: UInt32) throws -> UInt32 {
        guard case .i32(let result)? = try instance.function("f")!(.i32(a), .i32(b), .i32(Self.storeAddress)).first else {
            throw EmbeddingError("no i32 result")
        }
        return result
    }

    func testEveryProducerFeedsEveryForm() throws {
        for (producerName, producer, produce) in Self.producers {
            // Two additions of constants in a row become one `i32AddImmPair` instead.
            for (form, consumer, consume) in Self.consumers where !(producerName == "i32AddImm" && form == "i32AddImmAcc") {
                let instance = try instantiate(producer, Op.localSet(3), consumer)
                let code = try instance.translation(ofFunction: 0).code
                XCTAssertEqual(code.first?.caseName, producerName, "\(producerName) → \(form): \(code)")
                XCTAssertTrue(code.count > 1 && code[1].caseName == form, "\(producerName) → \(form): \(code)")
                for a in Self.aInputs {
                    for b in Self.bInputs {
                        XCTAssertEqual(try call(instance, a, b), consume(produce(a, b), b), "\(producerName) → \(form) on \(a), \(b)")
                    }
                }
            }
        }
    }

    /// Loads through the accumulator, chained (`load32(load8_u(load8_u(a) + 3) + 4)`), and out
    /// of bounds.
    func testLoadsThroughTheAccumulator() throws {
        let instance = try instantiate(
            Self.a, [0x2D, 0x00, 0x00], Op.localSet(3),
            Self.x, [0x2D, 0x00, 0x03], Op.localSet(3),
            Self.x, Op.i32Load(offset: 4))
        let code = try instance.translation(ofFunction: 0).code
        XCTAssertEqual(code.prefix(3).map(\.caseName), ["load8U", "load8UAcc", "load32UAcc"], "\(code)")
        for a in Self.aInputs {
            XCTAssertEqual(try call(instance, a, 0), Self.word(Self.byte(Self.byte(a) + 3) + 4), "a = \(a)")
        }
        let outOfBounds = try instantiate(Self.a, Op.i32Const(65524), Op.i32Add, Op.localSet(3), Self.x, Op.i32Load(offset: 4))
        XCTAssertEqual(try outOfBounds.translation(ofFunction: 0).code[1].caseName, "load32UAcc")
        XCTAssertEqual(try call(outOfBounds, 4, 0), 0)  // bytes 65532...65535: in bounds, zero
        XCTAssertThrowsError(try call(outOfBounds, 5, 0)) { XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess) }
    }

    /// A loop whose first instruction reads `x`, computed just before the loop: a branch back
    /// arrives there after the counter `y + 1` was computed last, so that instruction must read
    /// its slot. `x + b` three times gives a + 4b only if it does.
    func testNoAccumulatorAtABranchTarget() throws {
        let instance = try instantiate(
            Self.a, Self.b, Op.i32Add, Op.localSet(3),                                       // x = a + b
            Op.loop(
                Self.x, Self.b, Op.i32Add, Op.localSet(3),                                   // x = x + b (first in the loop)
                Self.p, Op.i32Const(1), Op.i32Add, Op.localTee(2),                           // p = p + 1 (last result)
                Op.i32Const(Int32(Self.storeAddress) + 3), Op.i32LtU, Op.brIf(0)),           // three times
            Self.x)
        let code = try instance.translation(ofFunction: 0).code
        XCTAssertTrue(code.contains(.i32Add(result: 3, lhs: 3, rhs: 1)), "\(code)")
        XCTAssertTrue(code.contains { $0.caseName == "brIfI32LtUImmAcc" }, "\(code)")
        for a in Self.aInputs { XCTAssertEqual(try call(instance, a, 5), a + 4 * 5, "a = \(a)") }
    }
}
