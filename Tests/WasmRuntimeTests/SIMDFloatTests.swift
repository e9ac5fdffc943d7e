// Float lane operations on the cases §4.3.3 singles out: signed zeros, NaN propagation (canonical
// in → canonical out, payloads → arithmetic NaNs), pmin/pmax leaving NaNs and zeros alone,
// rounding ties, and comparisons with NaN.

@testable import WasmRuntime
import WasmCore
import XCTest

final class SIMDFloatTests: XCTestCase {
    private let canonicalNaN = Float(bitPattern: 0x7FC0_0000)
    private let payloadNaN = Float(bitPattern: 0x7FC1_2345)      // quiet, with a payload
    private let signallingNaN = Float(bitPattern: 0xFF80_0001)   // signalling, negative
    private let canonicalNaN64 = Double(bitPattern: 0x7FF8_0000_0000_0000)
    private let signallingNaN64 = Double(bitPattern: 0x7FF0_0000_0000_0001)

    private func f32(_ lanes: Float...) -> V128 { V128(f32: lanes.count == 1 ? Array(repeating: lanes[0], count: 4) : lanes) }
    private func f64(_ lanes: Double...) -> V128 { V128(f64: lanes.count == 1 ? [lanes[0], lanes[0]] : lanes) }

    private func assertBits(_ actual: V128, _ expected: [UInt32], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.f32Bits.map { String($0, radix: 16) }, expected.map { String($0, radix: 16) }, file: file, line: line)
    }

    func testMinimumAndMaximumOrderSignedZerosAndPropagateNaN() {
        assertBits(V128.f32x4Min(f32(-0.0, 0.0, -0.0, 0.0), f32(0.0, -0.0, -0.0, 0.0)), [0x8000_0000, 0x8000_0000, 0x8000_0000, 0])
        assertBits(V128.f32x4Max(f32(-0.0, 0.0, -0.0, 0.0), f32(0.0, -0.0, -0.0, 0.0)), [0, 0, 0x8000_0000, 0])
        XCTAssertEqual(V128.f32x4Min(f32(1, -2, .infinity, -.infinity), f32(2, -1, 3, 0)), f32(1, -2, 3, -.infinity))
        XCTAssertEqual(V128.f32x4Max(f32(1, -2, .infinity, -.infinity), f32(2, -1, 3, 0)), f32(2, -1, .infinity, 0))
        let withNaN = V128.f32x4Min(f32(canonicalNaN, 1, payloadNaN, signallingNaN), f32(1, canonicalNaN, 1, 1)).f32Lanes
        XCTAssertTrue(withNaN[0].isCanonicalNaN && withNaN[1].isCanonicalNaN)
        XCTAssertTrue(withNaN[2].isArithmeticNaN && withNaN[3].isArithmeticNaN)
        let max64 = V128.f64x2Max(f64(-0.0, signallingNaN64), f64(0.0, -1)).f64Lanes
        XCTAssertEqual(max64[0].bitPattern, 0)
        XCTAssertTrue(max64[1].isArithmeticNaN)
        XCTAssertEqual(V128.f64x2Min(f64(-0.0, 5), f64(0.0, -.infinity)).f64Bits, [0x8000_0000_0000_0000, (-Double.infinity).bitPattern])
    }

    func testPseudoMinimumAndMaximumReturnAUnlessTheComparisonHolds() {
        // fpmin(a, b) = b < a ? b : a: NaN in a stays (bits intact), NaN in b is never chosen,
        // and zeros of either sign compare equal, so a wins.
        assertBits(V128.f32x4Pmin(f32(payloadNaN, 1, -0.0, 0.0), f32(1, payloadNaN, 0.0, -0.0)),
                   [0x7FC1_2345, 0x3F80_0000, 0x8000_0000, 0])
        assertBits(V128.f32x4Pmax(f32(signallingNaN, 1, -0.0, 0.0), f32(1, signallingNaN, 0.0, -0.0)),
                   [0xFF80_0001, 0x3F80_0000, 0x8000_0000, 0])
        assertBits(V128.f32x4Pmin(f32(2, 1, 2, 1), f32(1, 2, 2, 1)), [0x3F80_0000, 0x3F80_0000, 0x4000_0000, 0x3F80_0000])
        XCTAssertEqual(V128.f64x2Pmax(f64(1, signallingNaN64), f64(2, 3)).f64Bits, [Double(2).bitPattern, signallingNaN64.bitPattern])
        XCTAssertEqual(V128.f64x2Pmin(f64(0.0, 3), f64(-0.0, 2)).f64Bits, [0, Double(2).bitPattern])
    }

    func testAbsoluteValueAndNegationTouchOnlyTheSignBit() {
        assertBits(V128.f32x4Abs(f32(signallingNaN, -0.0, -.infinity, -1.5)), [0x7F80_0001, 0, 0x7F80_0000, 0x3FC0_0000])
        assertBits(V128.f32x4Neg(f32(payloadNaN, 0.0, -.infinity, 1.5)), [0xFFC1_2345, 0x8000_0000, 0x7F80_0000, 0xBFC0_0000])
        XCTAssertEqual(V128.f64x2Abs(f64(-signallingNaN64, -2)).f64Bits, [signallingNaN64.bitPattern, Double(2).bitPattern])
        XCTAssertEqual(V128.f64x2Neg(f64(0.0, -0.0)).f64Bits, [0x8000_0000_0000_0000, 0])
    }

    func testArithmeticFollowsIEEEAndProducesAllowedNaNs() {
        XCTAssertEqual(V128.f32x4Add(f32(0.1, 3e38, -1, 16777216), f32(0.2, 3e38, 1, 1)), f32(0.1 + 0.2, .infinity, 0, 16777216))
        XCTAssertEqual(V128.f32x4Div(f32(1, -1, 0, 6), f32(0, 0, -1, 3)), f32(.infinity, -.infinity, -0.0, 2))
        XCTAssertEqual(V128.f64x2Mul(f64(1e308, -0.0), f64(10, 5)), f64(.infinity, -0.0))
        XCTAssertEqual(V128.f64x2Sub(f64(1, 0.3), f64(1e-17, 0.1)), f64(1, 0.3 - 0.1))
        // ∞ − ∞, 0 / 0, sqrt(−1): new NaNs, which are canonical.
        let made = V128.f32x4Sub(f32(.infinity, 0, 1, 1), f32(.infinity, 0, 1, 1)).f32Lanes
        XCTAssertTrue(made[0].isCanonicalNaN)
        XCTAssertTrue(V128.f32x4Div(f32(0), f32(0)).f32Lanes.allSatisfy(\.isCanonicalNaN))
        XCTAssertTrue(V128.f32x4Sqrt(f32(-1)).f32Lanes.allSatisfy(\.isCanonicalNaN))
        XCTAssertTrue(V128.f64x2Sqrt(f64(-1)).f64Lanes.allSatisfy(\.isCanonicalNaN))
        assertBits(V128.f32x4Sqrt(f32(-0.0, 4, .infinity, 2.25)), [0x8000_0000, 0x4000_0000, 0x7F80_0000, 0x3FC0_0000])
        // A NaN operand: canonical stays canonical, a payload or signalling NaN becomes arithmetic.
        let propagated = V128.f32x4Mul(f32(canonicalNaN, payloadNaN, signallingNaN, 2), f32(2, 2, 2, signallingNaN)).f32Lanes
        XCTAssertTrue(propagated[0].isCanonicalNaN)
        XCTAssertTrue(propagated[1].isArithmeticNaN && propagated[2].isArithmeticNaN && propagated[3].isArithmeticNaN)
    }

    func testRoundingToIntegersKeepsSignsAndBreaksTiesToEven() {
        XCTAssertEqual(V128.f32x4Nearest(f32(0.5, 1.5, 2.5, -2.5)), f32(0, 2, 2, -2))
        assertBits(V128.f32x4Nearest(f32(-0.5, -0.0, 0.49999997, -0.49999997)), [0x8000_0000, 0x8000_0000, 0, 0x8000_0000])
        assertBits(V128.f32x4Ceil(f32(-0.5, -0.99, 0.1, -1.5)), [0x8000_0000, 0x8000_0000, 0x3F80_0000, 0xBF80_0000])
        assertBits(V128.f32x4Floor(f32(0.5, -0.1, -0.0, 1.9)), [0, 0xBF80_0000, 0x8000_0000, 0x3F80_0000])
        assertBits(V128.f32x4Trunc(f32(-0.9, 0.9, -1.9, 8388607.5)), [0x8000_0000, 0, 0xBF80_0000, 0x4AFF_FFFE])
        // Already integral: large values and infinities are unchanged.
        XCTAssertEqual(V128.f32x4Ceil(f32(8388609, -16777215, 1e30, -.infinity)), f32(8388609, -16777215, 1e30, -.infinity))
        XCTAssertEqual(V128.f32x4Nearest(f32(8388607.5, 8388606.5, -8388607.5, 4194303.5)), f32(8388608, 8388606, -8388608, 4194304))
        XCTAssertEqual(V128.f64x2Nearest(f64(4503599627370495.5, -4503599627370494.5)), f64(4503599627370496, -4503599627370494))
        XCTAssertEqual(V128.f64x2Floor(f64(-4503599627370495.5, 1e300)), f64(-4503599627370496, 1e300))
        XCTAssertEqual(V128.f64x2Ceil(f64(-0.5, 4503599627370495.5)).f64Bits, [0x8000_0000_0000_0000, Double(4503599627370496).bitPattern])
        XCTAssertEqual(V128.f64x2Trunc(f64(-2.5, .infinity)), f64(-2, .infinity))
        // NaNs are quieted and keep their payload class.
        let rounded = V128.f32x4Floor(f32(canonicalNaN, signallingNaN, payloadNaN, 1)).f32Lanes
        XCTAssertTrue(rounded[0].isCanonicalNaN && rounded[1].isArithmeticNaN && rounded[2].isArithmeticNaN)
        XCTAssertTrue(V128.f64x2Trunc(f64(signallingNaN64, canonicalNaN64)).f64Lanes.allSatisfy(\.isArithmeticNaN))
    }

    func testComparisonsGiveAllOnesLanesAndTreatNaNAsUnordered() {
        let a = f32(canonicalNaN, -0.0, 1, 2), b = f32(canonicalNaN, 0.0, 2, 1)
        XCTAssertEqual(V128.f32x4Eq(a, b), V128(lanes: [0, -1, 0, 0], .b32))
        XCTAssertEqual(V128.f32x4Ne(a, b), V128(lanes: [-1, 0, -1, -1], .b32))
        XCTAssertEqual(V128.f32x4Lt(a, b), V128(lanes: [0, 0, -1, 0], .b32))
        XCTAssertEqual(V128.f32x4Le(a, b), V128(lanes: [0, -1, -1, 0], .b32))
        XCTAssertEqual(V128.f32x4Gt(a, b), V128(lanes: [0, 0, 0, -1], .b32))
        XCTAssertEqual(V128.f32x4Ge(a, b), V128(lanes: [0, -1, 0, -1], .b32))
        XCTAssertEqual(V128.f64x2Ne(f64(.nan, 1), f64(1, 1)), V128(lanes: [-1, 0], .b64))
        XCTAssertEqual(V128.f64x2Ge(f64(.nan, -.infinity), f64(.nan, -.infinity)), V128(lanes: [0, -1], .b64))
        XCTAssertEqual(V128.i8x16LtS(V128(lanes: Array(repeating: -1, count: 16), .b8), V128(low: 0, high: 0)),
                       V128(lanes: Array(repeating: -1, count: 16), .b8))
        XCTAssertEqual(V128.i8x16LtU(V128(lanes: Array(repeating: -1, count: 16), .b8), V128(low: 0, high: 0)), V128(low: 0, high: 0))
        XCTAssertEqual(V128.i64x2GtS(V128(lanes: [0, Int.min], .b64), V128(lanes: [-1, Int.max], .b64)), V128(lanes: [-1, 0], .b64))
    }
}
