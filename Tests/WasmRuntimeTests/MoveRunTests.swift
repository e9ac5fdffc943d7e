// Runs of 4-byte moves (MoveRuns.swift): `move32` after `move32` between the same address
// slots, each a word past the previous, is one `move32Run`. The words move in their order
// (overlapping copies replicate as the separate moves do), and a run not entirely in bounds
// moves the words before the first out-of-bounds one, then traps.

import WasmCore
@testable import WasmRuntime
import XCTest

final class MoveRunTests: XCTestCase {
    /// One page of memory. "copy4"(dst, src): dst[k] = src[k] for k = 0 … 3 (i32 words, as
    /// four load/store pairs); "skip"(dst, src): words 0, 1 and 3 (not one run of three);
    /// "get"(address) and "set"(address, value) one word.
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        func move(_ offset: UInt32) -> [UInt8] {
            Op.localGet(0) + Op.localGet(1) + Op.i32Load(offset: offset) + Op.i32Store(offset: offset)
        }
        let type = FuncType([.i32, .i32], [])
        builder.exportFunction("copy4", builder.function(type, move(0), move(4), move(8), move(12)))
        builder.exportFunction("skip", builder.function(type, move(0), move(4), move(12)))
        builder.exportFunction("get", builder.function(FuncType([.i32], [.i32]), Op.localGet(0), Op.i32Load()))
        builder.exportFunction("set", builder.function(type, Op.localGet(0), Op.localGet(1), Op.i32Store()))
        return builder.build()
    }

    func testWordsMoveInOrderAndAPartialRunTrapsWhereTheMovesWould() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let copy4 = try XCTUnwrap(instance.function("copy4")), skip = try XCTUnwrap(instance.function("skip"))
        let get = try XCTUnwrap(instance.function("get")), set = try XCTUnwrap(instance.function("set"))
        func words(at address: UInt32, _ count: UInt32) throws -> [Value] {
            try (0 ..< count).map { try get.call([.i32(address + 4 * $0)])[0] }
        }
        for word in 0 ..< UInt32(5) { try set.call([.i32(0x100 + 4 * word), .i32(word + 1)]) }
        try copy4.call([.i32(0x200), .i32(0x100)])
        XCTAssertEqual(try words(at: 0x200, 4), [.i32(1), .i32(2), .i32(3), .i32(4)])
        // Destination one word above the source: each move reads what the previous wrote.
        try copy4.call([.i32(0x104), .i32(0x100)])
        XCTAssertEqual(try words(at: 0x100, 5), [.i32(1), .i32(1), .i32(1), .i32(1), .i32(1)])
        try skip.call([.i32(0x300), .i32(0x200)])
        XCTAssertEqual(try words(at: 0x300, 4), [.i32(1), .i32(2), .i32(0), .i32(4)])
        // Only the first two destination words fit in the page: they are written, then the trap.
        XCTAssertThrowsError(try copy4.call([.i32(65528), .i32(0x200)])) {
            XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess)
        }
        XCTAssertEqual(try words(at: 65528, 2), [.i32(1), .i32(2)])
        // The source out of bounds at its third word: two words moved.
        XCTAssertThrowsError(try copy4.call([.i32(0x400), .i32(65528)])) {
            XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess)
        }
        XCTAssertEqual(try words(at: 0x400, 3), [.i32(1), .i32(2), .i32(0)])
        XCTAssertThrowsError(try copy4.call([.i32(0xFFFF_FFFC), .i32(0)]))  // no 32-bit wrap-around
    }

    func testConsecutiveMovesAreOneRun() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let copy4 = try instance.translation(ofFunction: 0).code
        guard case .move32Run(_, 0, _, 0, 4) = copy4.first else { return XCTFail("\(copy4)") }
        let skip = try instance.translation(ofFunction: 1).code.map(\.caseName)
        XCTAssertEqual(Array(skip.prefix(2)), ["move32Run", "move32"], "\(skip)")
    }
}
