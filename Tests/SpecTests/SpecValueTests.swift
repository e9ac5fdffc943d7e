// The spec runner's value literals and NaN patterns.

import XCTest
import WasmCore
@testable import wasm_run

final class SpecValueTests: XCTestCase {
    private func value(_ type: String, _ text: String) throws -> SpecValue {
        try SpecValue(json: SpecJSONValue(type: type, laneType: nil, value: .scalar(text)))
    }

    func testIntegersAreSignedOrUnsignedDecimal() throws {
        XCTAssertEqual(try value("i32", "-1"), .i32(0xFFFF_FFFF))
        XCTAssertEqual(try value("i32", "4294967295"), .i32(0xFFFF_FFFF))
        XCTAssertEqual(try value("i32", "-2147483648"), .i32(0x8000_0000))
        XCTAssertEqual(try value("i64", "-9223372036854775808"), .i64(0x8000_0000_0000_0000))
        XCTAssertEqual(try value("i64", "18446744073709551615"), .i64(.max))
        XCTAssertThrowsError(try value("i32", "4294967296"))
        XCTAssertThrowsError(try value("i32", "-2147483649"))
        XCTAssertThrowsError(try value("i32", "0x10"))
    }

    func testFloatsAreBitPatterns() throws {
        XCTAssertEqual(try value("f32", "1065353216"), .f32(bits: Float(1).bitPattern))
        XCTAssertEqual(try value("f64", "9221120237041090561"), .f64(bits: 0x7FF8_0000_0000_0001))
        XCTAssertThrowsError(try value("f32", "4294967296"))
    }

    func testReferences() throws {
        XCTAssertEqual(try value("externref", "null"), .externref(nil))
        XCTAssertEqual(try value("externref", "137"), .externref(137))
        XCTAssertEqual(try value("funcref", "null"), .funcref(nil))
    }

    func testNaNPatterns() {
        // §4.3.3: canonical = only the top payload bit; arithmetic = top payload bit set.
        XCTAssertTrue(NaNPattern.canonical.matches(bits: 0x7FC0_0000, bitWidth: 32))
        XCTAssertTrue(NaNPattern.canonical.matches(bits: 0xFFC0_0000, bitWidth: 32))
        XCTAssertFalse(NaNPattern.canonical.matches(bits: 0x7FC0_0001, bitWidth: 32))
        XCTAssertFalse(NaNPattern.canonical.matches(bits: 0x7F80_0000, bitWidth: 32), "infinity")
        XCTAssertTrue(NaNPattern.arithmetic.matches(bits: 0x7FC0_0001, bitWidth: 32))
        XCTAssertFalse(NaNPattern.arithmetic.matches(bits: 0x7FA0_0000, bitWidth: 32), "signalling NaN")
        XCTAssertTrue(NaNPattern.canonical.matches(bits: 0xFFF8_0000_0000_0000, bitWidth: 64))
        XCTAssertFalse(NaNPattern.canonical.matches(bits: 0x7FF8_0000_0000_0001, bitWidth: 64))
        XCTAssertTrue(NaNPattern.arithmetic.matches(bits: 0x7FFF_FFFF_FFFF_FFFF, bitWidth: 64))
        XCTAssertFalse(NaNPattern.arithmetic.matches(bits: 0x3FF0_0000_0000_0000, bitWidth: 64))
    }

    func testVectorLanes() throws {
        let lanes = ["-1", "2"] + Array(repeating: "0", count: 13) + ["128"]
        let vector = try SpecValue(json: SpecJSONValue(type: "v128", laneType: "i8", value: .lanes(lanes)))
        var bytes = [UInt8](repeating: 0, count: 16)
        bytes[0] = 0xFF
        bytes[1] = 2
        bytes[15] = 0x80
        XCTAssertEqual(vector, .v128(V128(bytes: bytes)))

        let i64 = try SpecValue(json: SpecJSONValue(type: "v128", laneType: "i64", value: .lanes(["1", "-2"])))
        XCTAssertEqual(i64, .v128(V128(low: 1, high: 0xFFFF_FFFF_FFFF_FFFE)))
        XCTAssertThrowsError(try SpecValue(json: SpecJSONValue(type: "v128", laneType: "i32", value: .lanes(["1", "2"]))))
    }

    func testExpectedVectorWithNaNLanes() throws {
        let json = SpecJSONValue(type: "v128", laneType: "f32", value: .lanes(["nan:canonical", "nan:arithmetic", "0", "1065353216"]))
        let expected = try SpecExpectedValue(json: json)
        let one = UInt64(Float(1).bitPattern)
        XCTAssertTrue(expected.matches(.v128(V128(low: 0x7FC0_0001_FFC0_0000, high: one << 32))))
        XCTAssertFalse(expected.matches(.v128(V128(low: 0x7FC0_0001_7FC0_0001, high: one << 32))), "lane 0 not canonical")
        XCTAssertFalse(expected.matches(.v128(V128(low: 0x7FC0_0001_FFC0_0000, high: one))), "lane 3 differs")
        XCTAssertFalse(expected.matches(.i32(0)))
    }

    func testExpectedScalars() throws {
        let nan = try SpecExpectedValue(json: SpecJSONValue(type: "f64", laneType: nil, value: .scalar("nan:arithmetic")))
        XCTAssertTrue(nan.matches(.f64(bits: 0xFFF8_0000_0000_0005)))
        XCTAssertFalse(nan.matches(.f32(bits: 0x7FC0_0000)), "wrong type")
        let exact = try SpecExpectedValue(json: SpecJSONValue(type: "f32", laneType: nil, value: .scalar("2143289344")))
        XCTAssertTrue(exact.matches(.f32(bits: 0x7FC0_0000)))
        XCTAssertFalse(exact.matches(.f32(bits: 0xFFC0_0000)), "exact NaNs compare bit for bit")
    }
}
