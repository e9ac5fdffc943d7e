import XCTest
@testable import WasmCore

final class TypesTests: XCTestCase {
    func testV128BytesRoundTrip() {
        let bytes: [UInt8] = (0..<16).map { UInt8($0 * 17 & 0xFF) }
        let vector = V128(bytes: bytes)
        XCTAssertEqual(vector.bytes, bytes)
        XCTAssertEqual(vector.low & 0xFF, 0)
        XCTAssertEqual(vector.high >> 56, UInt64(15 * 17 & 0xFF))
    }

    func testNumericSignatures() {
        XCTAssertEqual(NumericOperator.i32Add.signature, OperatorSignature(.i32, arity: 2, .i32))
        XCTAssertEqual(NumericOperator.i64Eqz.signature, OperatorSignature(.i64, arity: 1, .i32))
        XCTAssertEqual(NumericOperator.f64PromoteF32.signature, OperatorSignature(.f32, arity: 1, .f64))
        XCTAssertEqual(NumericOperator.i64TruncSatF64U.signature, OperatorSignature(.f64, arity: 1, .i64))
        XCTAssertEqual(NumericOperator.i64TruncSatF64U.rawValue, 0xFC07)
        XCTAssertEqual(NumericOperator.i64Extend32S.rawValue, 0xC4)
    }
}
