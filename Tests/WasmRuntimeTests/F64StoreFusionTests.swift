// An f64 add, sub or mul whose result an `f64.store` consumes at once is stored by one
// instruction (f64AddStore, f64SubStore, f64MulStore; Translator+Memory.swift). The stored
// bits, the memarg offset and the out-of-bounds trap are those of the two instructions.

import WasmCore
@testable import WasmRuntime
import XCTest

final class F64StoreFusionTests: XCTestCase {
    private static let operators: [(name: String, opcode: UInt8, apply: @Sendable (Double, Double) -> Double)] =
        [("add", 0xA0, { $0 + $1 }), ("sub", 0xA1, { $0 - $1 }), ("mul", 0xA2, { $0 * $1 })]

    /// One page of memory. "add"/"sub"/"mul"(address, x, y) store x op y at address + 8;
    /// "get"(address) loads the f64 at address.
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        for (name, opcode, _) in operators {
            builder.exportFunction(name, builder.function(FuncType([.i32, .f64, .f64], []),
                Op.localGet(0), Op.localGet(1), Op.localGet(2), [opcode], [0x39, 0x03, 0x08]))
        }
        builder.exportFunction("get", builder.function(FuncType([.i32], [.f64]), Op.localGet(0), [0x2B, 0x03, 0x00]))
        return builder.build()
    }

    func testStoredResultsAndTraps() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let get = try XCTUnwrap(instance.function("get"))
        for (name, _, apply) in Self.operators {
            let function = try XCTUnwrap(instance.function(name))
            for (x, y) in [(1.5, 2.25), (-0.0, 0.0), (1e308, 1e308), (.infinity, -.infinity), (3.0, -0.1)] {
                try function.call([.i32(0x40), .f64(x.bitPattern), .f64(y.bitPattern)])
                guard case .f64(let bits) = try get.call([.i32(0x48)]).first else { return XCTFail(name) }
                let stored = Double(bitPattern: bits), expected = apply(x, y)
                XCTAssertTrue(bits == expected.bitPattern || (stored.isNaN && expected.isNaN),
                              "\(name)(\(x), \(y)) stored \(stored), expected \(expected)")
            }
            // address + offset + 8 must fit in the page: 65528 is the last f64.
            XCTAssertNoThrow(try function.call([.i32(65520), .f64(1.0.bitPattern), .f64(2.0.bitPattern)]))
            XCTAssertThrowsError(try function.call([.i32(65521), .f64(1.0.bitPattern), .f64(2.0.bitPattern)]), name) {
                XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess, name)
            }
            XCTAssertThrowsError(try function.call([.i32(0xFFFF_FFF8), .f64(1.0.bitPattern), .f64(2.0.bitPattern)]), name) {
                XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess, name)  // no 32-bit wrap
            }
        }
    }

    func testTheStoresAreFused() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let kinds = try (0..<3).map { try instance.translation(ofFunction: $0).code.first?.caseName ?? "" }
        XCTAssertEqual(kinds, ["f64AddStore", "f64SubStore", "f64MulStore"])
    }
}
