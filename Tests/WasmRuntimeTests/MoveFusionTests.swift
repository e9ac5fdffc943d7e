// A load whose value a store of the same width consumes at once becomes one memory-to-memory
// move (move8, move32, move64; Translator+Memory.swift): the bytes arrive unchanged, the load's
// bounds are checked before the store's, and a store offset of 2^16 or more is not fused.

import WasmCore
@testable import WasmRuntime
import XCTest

final class MoveFusionTests: XCTestCase {
    /// One page of memory. "move8/32/64"(to, from) copies the value at from + 4 to to + 8 with a
    /// load and a store of that width; "far32"(to, from) stores at to + 0x10000;
    /// "get64"(address) loads the i64 there; "set64"(address, value) stores it.
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        builder.memory(min: 2)
        let moves: [(String, [UInt8], [UInt8])] = [("8", [0x2D, 0x00, 0x04], [0x3A, 0x00, 0x08]),
                                                   ("32", [0x28, 0x02, 0x04], [0x36, 0x02, 0x08]),
                                                   ("64", [0x29, 0x03, 0x04], [0x37, 0x03, 0x08])]
        for (width, load, store) in moves {
            builder.exportFunction("move\(width)", builder.function(FuncType([.i32, .i32], []),
                Op.localGet(0), Op.localGet(1), load, store))
        }
        builder.exportFunction("far32", builder.function(FuncType([.i32, .i32], []),
            Op.localGet(0), Op.localGet(1), [0x28, 0x02, 0x00], [0x36, 0x02, 0x80, 0x80, 0x04]))
        builder.exportFunction("get64", builder.function(FuncType([.i32], [.i64]), Op.localGet(0), [0x29, 0x03, 0x00]))
        builder.exportFunction("set64", builder.function(FuncType([.i32, .i64], []),
            Op.localGet(0), Op.localGet(1), [0x37, 0x03, 0x00]))
        return builder.build()
    }

    func testMovesCopyTheBytesAndTrapInOrder() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        func call(_ name: String, _ arguments: Value...) throws -> [Value] {
            try XCTUnwrap(instance.function(name)).call(arguments)
        }
        try call("set64", .i32(0x104), .i64(0x8877_6655_4433_2211))
        for (width, expected) in [("8", UInt64(0x11)), ("32", 0x4433_2211), ("64", 0x8877_6655_4433_2211)] {
            try call("set64", .i32(0x208), .i64(0))
            try call("move\(width)", .i32(0x200), .i32(0x100))
            XCTAssertEqual(try call("get64", .i32(0x208)), [.i64(expected)], width)
        }
        try call("far32", .i32(0x10), .i32(0x104))
        XCTAssertEqual(try call("get64", .i32(0x10010)), [.i64(0x4433_2211)])

        // A source past the memory traps before anything is stored.
        try call("set64", .i32(0x1F008), .i64(7))
        XCTAssertThrowsError(try call("move64", .i32(0x1F000), .i32(0x1FFFD))) {
            XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess)
        }
        XCTAssertEqual(try call("get64", .i32(0x1F008)), [.i64(7)])
        // A destination past the memory traps; the last bytes are in bounds.
        XCTAssertNoThrow(try call("move32", .i32(0x20000 - 12), .i32(0)))
        XCTAssertThrowsError(try call("move32", .i32(0x20000 - 11), .i32(0))) {
            XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess)
        }
        XCTAssertThrowsError(try call("move8", .i32(0xFFFF_FFFF), .i32(0))) {
            XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess)  // no 32-bit wrap
        }
    }

    func testTheLoadsAndStoresAreFused() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let kinds = try (0..<4).map { try instance.translation(ofFunction: $0).code.map(\.caseName) }
        XCTAssertEqual(kinds[0].first, "move8")
        XCTAssertEqual(kinds[1].first, "move32")
        XCTAssertEqual(kinds[2].first, "move64")
        // far32: not a move; its store takes the loaded value from the integer accumulator.
        XCTAssertEqual(Array(kinds[3].prefix(2)), ["load32U", "store32Acc"])
    }
}
