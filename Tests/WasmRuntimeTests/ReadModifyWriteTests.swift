// `p->v += x`, `p->v -= x`, `p->v -= a * b * c` (ReadModifyWrite.swift): an f64 load and the store
// of the sum or difference back to the same address are one instruction, also with an f64
// computation between them; a store elsewhere is not joined. Results, NaN-free values and the
// out-of-bounds trap (memory unchanged) are those of the separate instructions.

import WasmCore
@testable import WasmRuntime
import XCTest

final class ReadModifyWriteTests: XCTestCase {
    /// One page. Each (address, x, y) updates the f64 at address + 8:
    /// 0 "addTo": v + x; 1 "addFrom": x + v; 2 "subFrom": v − x; 3 "subProduct": v − x·y·x
    /// (the product one fused instruction between the load and the subtraction);
    /// 4 "elsewhere": the f64 at address + 16 = v + x (not joined). 5 "get"(address) loads one.
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        let type = FuncType([.i32, .f64, .f64], [])
        let load: [UInt8] = [0x2B, 0x03, 0x08], store: [UInt8] = [0x39, 0x03, 0x08], storeFurther: [UInt8] = [0x39, 0x03, 0x10]
        let add: [UInt8] = [0xA0], sub: [UInt8] = [0xA1], mul: [UInt8] = [0xA2]
        let address = Op.localGet(0), x = Op.localGet(1), y = Op.localGet(2)
        builder.exportFunction("addTo", builder.function(type, address, address, load, x, add, store))
        builder.exportFunction("addFrom", builder.function(type, address, x, address, load, add, store))
        builder.exportFunction("subFrom", builder.function(type, address, address, load, x, sub, store))
        builder.exportFunction("subProduct", builder.function(type, address, address, load, x, y, mul, x, mul, sub, store))
        builder.exportFunction("elsewhere", builder.function(type, address, address, load, x, add, storeFurther))
        builder.exportFunction("get", builder.function(FuncType([.i32], [.f64]), Op.localGet(0), [0x2B, 0x03, 0x00]))
        return builder.build()
    }

    func testUpdatesAndTraps() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let get = try XCTUnwrap(instance.function("get"))
        func value(at address: UInt32) throws -> Double {
            guard case .f64(let bits) = try get.call([.i32(address)]).first else { throw Trap(.unreachable, backtrace: []) }
            return Double(bitPattern: bits)
        }
        func update(_ name: String, _ address: UInt32, _ x: Double, _ y: Double = 0) throws {
            try XCTUnwrap(instance.function(name)).call([.i32(address), .f64(x.bitPattern), .f64(y.bitPattern)])
        }
        try update("addTo", 0x100, 1.5)
        try update("addTo", 0x100, 2.25)
        XCTAssertEqual(try value(at: 0x108), 3.75)
        try update("addFrom", 0x100, 0.25)
        XCTAssertEqual(try value(at: 0x108), 4.0)
        try update("subFrom", 0x100, 10)
        XCTAssertEqual(try value(at: 0x108), -6.0)
        try update("subProduct", 0x100, 3, 0.5)
        XCTAssertEqual(try value(at: 0x108), -10.5)
        try update("elsewhere", 0x100, 1)
        XCTAssertEqual(try value(at: 0x110), -9.5)
        XCTAssertEqual(try value(at: 0x108), -10.5)
        // address + 8 + 8 must fit in the page; out of bounds nothing is written.
        XCTAssertNoThrow(try update("subProduct", 65520, 1, 1))
        XCTAssertEqual(try value(at: 65528), -1)
        for name in ["addTo", "addFrom", "subFrom", "subProduct"] {
            XCTAssertThrowsError(try update(name, 65521, 1, 1), name) {
                XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess, name)
            }
        }
        XCTAssertEqual(try value(at: 65528), -1)
    }

    func testTheLoadAndStoreAreOneInstruction() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let expected = ["f64AddToMemory", "f64AddToMemory", "f64SubFromMemory", "f64SubFromMemory"]
        for (function, name) in expected.enumerated() {
            let code = try instance.translation(ofFunction: function).code.map(\.caseName)
            XCTAssertTrue(code.contains(name), "\(function): \(code)")
            XCTAssertFalse(code.contains("load64"), "\(function): \(code)")
        }
        let elsewhere = try instance.translation(ofFunction: 4).code.map(\.caseName)
        XCTAssertEqual(Array(elsewhere.prefix(2)), ["load64", "f64AddStore"], "\(elsewhere)")
    }
}
