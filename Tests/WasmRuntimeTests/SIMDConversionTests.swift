// Lane conversions (§4.3.4): saturating truncation at and around the bounds, NaN to 0, correctly
// rounded int-to-float conversion, demotion and promotion with their NaN rules, and the zeroed
// upper lanes of the "_zero" forms.

@testable import WasmRuntime
import WasmCore
import XCTest

final class SIMDConversionTests: XCTestCase {
    private func i32(_ lanes: Int...) -> V128 { V128(lanes: lanes, .b32) }

    func testTruncationSaturatesAndMapsNaNToZero() {
        let signed = V128.i32x4TruncSatF32x4S(V128(f32: [.nan, -.infinity, 2147483648, 2147483520]))
        XCTAssertEqual(signed, i32(0, Int(Int32.min), Int(Int32.max), 2147483520))
        XCTAssertEqual(V128.i32x4TruncSatF32x4S(V128(f32: [-2147483648, -2147483904, 0.99, -0.99])), i32(Int(Int32.min), Int(Int32.min), 0, 0))
        XCTAssertEqual(V128.i32x4TruncSatF32x4S(V128(f32Bits: [0xFFC0_1234, 0x7F80_0000, 0xC2F6_E979, 0x4B7F_FFFF])),
                       i32(0, Int(Int32.max), -123, 16777215))
        let unsigned = V128.i32x4TruncSatF32x4U(V128(f32: [-1, -0.5, 4294967040, 4294967296]))
        XCTAssertEqual(unsigned, i32(0, 0, 4294967040, 0xFFFF_FFFF))
        XCTAssertEqual(V128.i32x4TruncSatF32x4U(V128(f32: [.nan, .infinity, 2147483648, 1.5])), i32(0, 0xFFFF_FFFF, 0x8000_0000, 1))
        XCTAssertEqual(V128.i32x4TruncSatF64x2SZero(V128(f64: [-2147483648.9, 2147483647.9])), i32(Int(Int32.min), Int(Int32.max), 0, 0))
        XCTAssertEqual(V128.i32x4TruncSatF64x2SZero(V128(f64: [-2147483649, .nan])), i32(Int(Int32.min), 0, 0, 0))
        XCTAssertEqual(V128.i32x4TruncSatF64x2UZero(V128(f64: [4294967295.9, -0.9])), i32(0xFFFF_FFFF, 0, 0, 0))
        XCTAssertEqual(V128.i32x4TruncSatF64x2UZero(V128(f64: [4294967296, 1e300])), i32(0xFFFF_FFFF, 0xFFFF_FFFF, 0, 0))
    }

    func testIntegerToFloatConversionRoundsToNearestEven() {
        XCTAssertEqual(V128.f32x4ConvertI32x4S(i32(Int(Int32.min), 16777217, -16777219, 2147483647)),
                       V128(f32: [-2147483648, 16777216, -16777220, 2147483648]))
        XCTAssertEqual(V128.f32x4ConvertI32x4U(i32(0xFFFF_FFFF, 16777217, 0x8000_0080, 0x8000_0081)),
                       V128(f32: [4294967296, 16777216, 2147483648, 2147483904]))
        XCTAssertEqual(V128.f32x4ConvertI32x4U(i32(0, 1, 0x7FFF_FFBF, 0x7FFF_FFC0)), V128(f32: [0, 1, 2147483520, 2147483648]))
        XCTAssertEqual(V128.f64x2ConvertLowI32x4S(i32(-1, Int(Int32.min), 7, 8)), V128(f64: [-1, -2147483648]))
        XCTAssertEqual(V128.f64x2ConvertLowI32x4U(i32(-1, Int(Int32.min), 7, 8)), V128(f64: [4294967295, 2147483648]))
    }

    func testDemotionRoundsAndZeroesTheUpperLanes() {
        let demoted = V128.f32x4DemoteF64x2Zero(V128(f64: [1e300, 1 + 0x1p-24]))
        XCTAssertEqual(demoted, V128(f32: [.infinity, 1, 0, 0]))
        XCTAssertEqual(V128.f32x4DemoteF64x2Zero(V128(f64: [-1e-300, 0x1p-149 * 0.75])).f32Bits, [0x8000_0000, 1, 0, 0])
        XCTAssertEqual(V128.f32x4DemoteF64x2Zero(V128(f64: [1 + 0x1p-23 + 0x1p-24, 1 + 0x1p-23 + 0x1p-25])),
                       V128(f32: [1 + 0x1p-22, 1 + 0x1p-23, 0, 0]))
        // Just below and exactly at the midpoint between the largest float and 2^128.
        let largest = Double(Float.greatestFiniteMagnitude)
        XCTAssertEqual(V128.f32x4DemoteF64x2Zero(V128(f64: [largest + 0x1p102, -(largest + 0x1p103)])),
                       V128(f32: [.greatestFiniteMagnitude, -.infinity, 0, 0]))
        let nans = V128.f32x4DemoteF64x2Zero(V128(f64Bits: [0x7FF8_0000_0000_0000, 0xFFF0_0000_0000_0001])).f32Lanes
        XCTAssertTrue(nans[0].isCanonicalNaN)
        XCTAssertTrue(nans[1].isArithmeticNaN)
        XCTAssertEqual(nans[2].bitPattern, 0)
        XCTAssertEqual(nans[3].bitPattern, 0)
    }

    func testPromotionIsExactAndQuietsNaNs() {
        let promoted = V128.f64x2PromoteLowF32x4(V128(f32: [.leastNonzeroMagnitude, -.greatestFiniteMagnitude, 7, 8]))
        XCTAssertEqual(promoted, V128(f64: [Double(Float.leastNonzeroMagnitude), -Double(Float.greatestFiniteMagnitude)]))
        let nans = V128.f64x2PromoteLowF32x4(V128(f32Bits: [0x7FC0_0000, 0x7F80_0001, 0, 0])).f64Lanes
        XCTAssertTrue(nans[0].isCanonicalNaN)
        XCTAssertTrue(nans[1].isArithmeticNaN)
        XCTAssertEqual(V128.f64x2PromoteLowF32x4(V128(f32: [-0.0, 0.1, 1, 1])).f64Bits, [0x8000_0000_0000_0000, Double(Float(0.1)).bitPattern])
    }
}
