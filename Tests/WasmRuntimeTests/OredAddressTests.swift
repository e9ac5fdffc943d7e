// A byte load at (x | k) + displacement (`data[(i | 3) + base]` in clang's unrolled byte loops)
// is one `load8UOrDisplaced` (Translator+Memory.swift, `fuseOredBase`): the or, then the
// 32-bit wrapping add, then the bounds check — as the three instructions do.

import WasmCore
@testable import WasmRuntime
import XCTest

final class OredAddressTests: XCTestCase {
    /// One page. "byte"(x): the byte at (x | 3) + 0x100; "set"(a, v): stores byte v at a.
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        let load8U: [UInt8] = [0x2D, 0x00, 0x00], store8: [UInt8] = [0x3A, 0x00, 0x00], or: [UInt8] = [0x72]
        builder.exportFunction("byte", builder.function(FuncType([.i32], [.i32]),
            Op.localGet(0), Op.i32Const(3), or, Op.i32Const(0x100), Op.i32Add, load8U))
        builder.exportFunction("set", builder.function(FuncType([.i32, .i32], []), Op.localGet(0), Op.localGet(1), store8))
        return builder.build()
    }

    func testTheOredAddressIsLoaded() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let byte = try XCTUnwrap(instance.function("byte")), set = try XCTUnwrap(instance.function("set"))
        for address in UInt32(0x100) ..< 0x110 { try set.call([.i32(address), .i32(address & 0xFF)]) }
        XCTAssertEqual(try byte.call([.i32(0)]), [.i32(0x03)])
        XCTAssertEqual(try byte.call([.i32(4)]), [.i32(0x07)])
        XCTAssertEqual(try byte.call([.i32(9)]), [.i32(0x0B)], "9 | 3 = 11")
        // (0xFFFF_FF00 | 3) + 0x100 wraps to 3.
        try set.call([.i32(3), .i32(0x5A)])
        XCTAssertEqual(try byte.call([.i32(0xFFFF_FF00)]), [.i32(0x5A)])
        // (65276 | 3) + 0x100 = 65535, the last byte; 65280 | 3 + 0x100 = 65539 is past the page.
        XCTAssertNoThrow(try byte.call([.i32(65276)]))
        XCTAssertThrowsError(try byte.call([.i32(65280)])) {
            XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess)
        }
        let code = try instance.translation(ofFunction: 0).code.map(\.caseName)
        XCTAssertEqual(code.first, "load8UOrDisplaced", "\(code)")
    }
}
