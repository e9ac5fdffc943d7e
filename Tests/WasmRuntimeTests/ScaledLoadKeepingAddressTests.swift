// `t = v[i]; v[i] = t + 1` with the address of v[i] kept in a local for the store
// (ScaledLoadKeepingAddress.swift): the address computation and the load are one
// `load32UScaledKeeping`, which leaves the address in the local for the store; the 32-bit
// wrap-around and the out-of-bounds trap are those of the two instructions.

import WasmCore
@testable import WasmRuntime
import XCTest

final class ScaledLoadKeepingAddressTests: XCTestCase {
    /// One page. "bump"(i) → t: t = word at (i << 2) + 0x100, then that word = t + 1.
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        let shl: [UInt8] = [0x74]
        builder.exportFunction("bump", builder.function(FuncType([.i32], [.i32]), locals: [.i32, .i32],
            Op.localGet(0), Op.i32Const(2), shl, Op.i32Const(0x100), Op.i32Add, Op.localTee(1), Op.i32Load(),
            Op.localSet(2), Op.localGet(1), Op.localGet(2), Op.i32Const(1), Op.i32Add, Op.i32Store(), Op.localGet(2)))
        return builder.build()
    }

    func testTheLoadedWordIsUpdatedThroughTheKeptAddress() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let bump = try XCTUnwrap(instance.function("bump"))
        XCTAssertEqual(try bump.call([.i32(3)]), [.i32(0)])
        XCTAssertEqual(try bump.call([.i32(3)]), [.i32(1)])
        XCTAssertEqual(try bump.call([.i32(4)]), [.i32(0)])
        // (0x4000_0000 << 2) wraps to 0: the word at 0x100, the same as i = 0's.
        XCTAssertEqual(try bump.call([.i32(0x4000_0000)]), [.i32(0)])
        XCTAssertEqual(try bump.call([.i32(0)]), [.i32(1)])
        XCTAssertEqual(try bump.call([.i32(3)]), [.i32(2)])
        // (16319 << 2) + 0x100 = 65532, the last word; 16320 is past the page.
        XCTAssertEqual(try bump.call([.i32(16319)]), [.i32(0)])
        XCTAssertThrowsError(try bump.call([.i32(16320)])) {
            XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess)
        }
        let code = try instance.translation(ofFunction: 0).code.map(\.caseName)
        XCTAssertTrue(code.contains("load32UScaledKeeping"), "\(code)")
    }
}
