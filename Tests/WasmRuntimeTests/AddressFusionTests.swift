// Stores whose address an `i32.add` computes just before (store*Displaced, store*Indexed,
// Translator+Memory.swift): the address is the 32-bit wrapping sum, so a sum past 2^32 wraps
// to a valid low address, and an address past the memory traps — as without the fusion.

import WasmCore
@testable import WasmRuntime
import XCTest

final class AddressFusionTests: XCTestCase {
    /// One page of memory. "put8/32/64_imm"(x, v): store v at x + 0x10; "put8/32/64_idx"(x, y, v):
    /// store v at x + y; "get64"(a): the i64 at a.
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        let stores: [(String, ValueType, [UInt8])] = [("8", .i32, [0x3A, 0x00, 0x00]), ("32", .i32, [0x36, 0x02, 0x00]),
                                                      ("64", .i64, [0x37, 0x03, 0x00])]
        for (width, type, store) in stores {
            builder.exportFunction("put\(width)_imm", builder.function(FuncType([.i32, type], []),
                Op.localGet(0), Op.i32Const(0x10), Op.i32Add, Op.localGet(1), store))
            builder.exportFunction("put\(width)_idx", builder.function(FuncType([.i32, .i32, type], []),
                Op.localGet(0), Op.localGet(1), Op.i32Add, Op.localGet(2), store))
        }
        builder.exportFunction("get64", builder.function(FuncType([.i32], [.i64]), Op.localGet(0), [0x29, 0x03, 0x00]))
        return builder.build()
    }

    func testFusedStoresWrapTheAddressAndTrapPastTheMemory() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func call(_ name: String, _ arguments: Value...) throws -> [Value] {
            try XCTUnwrap(instance.function(name)).call(arguments)
        }
        let minus16 = UInt32(bitPattern: -16)
        // x + 0x10 wraps to 0 / x + y wraps to 8: the stores land at low addresses.
        try call("put64_imm", .i32(minus16), .i64(0x1122_3344_5566_7788))
        XCTAssertEqual(try call("get64", .i32(0)), [.i64(0x1122_3344_5566_7788)])
        try call("put32_idx", .i32(minus16), .i32(24), .i32(0xAABB_CCDD))
        try call("put8_imm", .i32(minus16 &+ 12), .i32(0x1EE))
        XCTAssertEqual(try call("get64", .i32(8)), [.i64(0x0000_00EE_AABB_CCDD)])
        try call("put32_imm", .i32(0x100), .i32(7))
        try call("put8_idx", .i32(0x200), .i32(0x10), .i32(9))
        try call("put64_idx", .i32(0x300), .i32(0), .i64(UInt64.max))
        XCTAssertEqual(try call("get64", .i32(0x110)), [.i64(7)])
        XCTAssertEqual(try call("get64", .i32(0x210)), [.i64(9)])
        XCTAssertEqual(try call("get64", .i32(0x300)), [.i64(UInt64.max)])

        // The last byte of the page is writable by a 1-byte store, not by a wider one.
        XCTAssertNoThrow(try call("put8_imm", .i32(65536 - 0x11), .i32(1)))
        for (name, arguments) in [("put32_imm", [Value.i32(65536 - 0x12), .i32(1)]),
                                  ("put64_idx", [.i32(65530), .i32(0), .i64(1)]),
                                  ("put8_idx", [.i32(65536), .i32(0), .i32(1)]),
                                  ("put32_idx", [.i32(0x7FFF_FFFF), .i32(0x7FFF_FFFF), .i32(1)])] {
            XCTAssertThrowsError(try XCTUnwrap(instance.function(name)).call(arguments), name) {
                XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess, name)
            }
        }
    }

    func testTheStoresAreFused() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let kinds = try (0..<6).map { try instance.translation(ofFunction: $0).code.first?.caseName ?? "" }
        XCTAssertEqual(kinds, ["store8Displaced", "store8Indexed", "store32Displaced", "store32Indexed",
                               "store64Displaced", "store64Indexed"])
    }
}
