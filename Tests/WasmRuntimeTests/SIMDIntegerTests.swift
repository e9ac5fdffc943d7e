// Integer lane operations on the edge cases the spec's rules single out (§4.3.2): wraparound,
// INT_MIN, saturation bounds, rounding of avgr_u and q15mulr_sat_s, shift counts at and above
// the lane width, and the lane order of the widening and narrowing operations.

@testable import WasmRuntime
import WasmCore
import XCTest

final class SIMDIntegerTests: XCTestCase {
    private func i8(_ lanes: Int...) -> V128 { V128(lanes: lanes.count == 1 ? Array(repeating: lanes[0], count: 16) : lanes, .b8) }
    private func i16(_ lanes: Int...) -> V128 { V128(lanes: lanes.count == 1 ? Array(repeating: lanes[0], count: 8) : lanes, .b16) }
    private func i32(_ lanes: Int...) -> V128 { V128(lanes: lanes.count == 1 ? Array(repeating: lanes[0], count: 4) : lanes, .b32) }
    private func i64(_ lanes: Int...) -> V128 { V128(lanes: lanes.count == 1 ? Array(repeating: lanes[0], count: 2) : lanes, .b64) }

    func testAdditionAndSubtractionWrapAround() {
        XCTAssertEqual(V128.i8x16Add(i8(127), i8(1)), i8(-128))
        XCTAssertEqual(V128.i8x16Sub(i8(-128), i8(1)), i8(127))
        XCTAssertEqual(V128.i16x8Add(i16(0xFFFF), i16(2)), i16(1))
        XCTAssertEqual(V128.i32x4Sub(i32(0), i32(1)), i32(-1))
        XCTAssertEqual(V128.i64x2Add(i64(Int.max, -1), i64(1, 1)), i64(Int.min, 0))
        XCTAssertEqual(V128.i16x8Mul(i16(0x100), i16(0x100)), i16(0))
        XCTAssertEqual(V128.i32x4Mul(i32(0x10001), i32(0x10001)), i32(0x20001))
        XCTAssertEqual(V128.i64x2Mul(i64(Int.min, 3), i64(-1, -5)), i64(Int.min, -15))
    }

    func testNegationAndAbsoluteValueOfIntMinWrap() {
        XCTAssertEqual(V128.i8x16Abs(i8(-128, -1, 0, 1, 127, -127, 5, -5, -128, -1, 0, 1, 127, -127, 5, -5)),
                       i8(-128, 1, 0, 1, 127, 127, 5, 5, -128, 1, 0, 1, 127, 127, 5, 5))
        XCTAssertEqual(V128.i16x8Abs(i16(-32768, -32767, -1, 0, 1, 32767, -2, 2)), i16(-32768, 32767, 1, 0, 1, 32767, 2, 2))
        XCTAssertEqual(V128.i32x4Abs(i32(Int(Int32.min), -1, 0, Int(Int32.max))), i32(Int(Int32.min), 1, 0, Int(Int32.max)))
        XCTAssertEqual(V128.i64x2Abs(i64(Int.min, -7)), i64(Int.min, 7))
        XCTAssertEqual(V128.i8x16Neg(i8(-128)), i8(-128))
        XCTAssertEqual(V128.i16x8Neg(i16(1, -1, 0, -32768, 32767, 2, 3, 4)), i16(-1, 1, 0, -32768, -32767, -2, -3, -4))
        XCTAssertEqual(V128.i32x4Neg(i32(Int(Int32.min), 5, 0, -5)), i32(Int(Int32.min), -5, 0, 5))
        XCTAssertEqual(V128.i64x2Neg(i64(Int.min, 1)), i64(Int.min, -1))
    }

    func testSaturatingArithmeticClampsToTheLaneRange() {
        XCTAssertEqual(V128.i8x16AddSatS(i8(127), i8(1)), i8(127))
        XCTAssertEqual(V128.i8x16AddSatS(i8(-128), i8(-1)), i8(-128))
        XCTAssertEqual(V128.i8x16AddSatS(i8(100), i8(-100)), i8(0))
        XCTAssertEqual(V128.i8x16SubSatS(i8(-128), i8(1)), i8(-128))
        XCTAssertEqual(V128.i8x16SubSatS(i8(127), i8(-1)), i8(127))
        XCTAssertEqual(V128.i8x16SubSatS(i8(0), i8(-128)), i8(127))
        XCTAssertEqual(V128.i8x16AddSatU(i8(255), i8(1)), i8(255))
        XCTAssertEqual(V128.i8x16AddSatU(i8(200), i8(55)), i8(255))
        XCTAssertEqual(V128.i8x16SubSatU(i8(0), i8(1)), i8(0))
        XCTAssertEqual(V128.i8x16SubSatU(i8(255), i8(254)), i8(1))
        XCTAssertEqual(V128.i16x8AddSatS(i16(32767, -32768, 1, -1, 16384, -16384, 0, 32767),
                                         i16(1, -1, 1, -1, 16384, -16385, 0, -32768)),
                       i16(32767, -32768, 2, -2, 32767, -32768, 0, -1))
        XCTAssertEqual(V128.i16x8SubSatS(i16(-32768), i16(32767)), i16(-32768))
        XCTAssertEqual(V128.i16x8AddSatU(i16(65535), i16(65535)), i16(65535))
        XCTAssertEqual(V128.i16x8SubSatU(i16(1), i16(65535)), i16(0))
    }

    func testAverageRoundsHalvesUpWithoutOverflow() {
        XCTAssertEqual(V128.i8x16AvgrU(i8(255), i8(255)), i8(255))
        XCTAssertEqual(V128.i8x16AvgrU(i8(0), i8(1)), i8(1))
        XCTAssertEqual(V128.i8x16AvgrU(i8(1), i8(2)), i8(2))
        XCTAssertEqual(V128.i8x16AvgrU(i8(255), i8(0)), i8(128))
        XCTAssertEqual(V128.i16x8AvgrU(i16(65535), i16(65534)), i16(65535))
        XCTAssertEqual(V128.i16x8AvgrU(i16(0x8000), i16(0x7FFF)), i16(0x8000))
    }

    func testQ15MultiplicationRoundsAndSaturatesOnlyMinusOneSquared() {
        XCTAssertEqual(V128.i16x8Q15mulrSatS(i16(-32768), i16(-32768)), i16(32767))
        XCTAssertEqual(V128.i16x8Q15mulrSatS(i16(16384), i16(16384)), i16(8192))        // 0.5 × 0.5
        XCTAssertEqual(V128.i16x8Q15mulrSatS(i16(-32768), i16(32767)), i16(-32767))     // exactly −32767
        XCTAssertEqual(V128.i16x8Q15mulrSatS(i16(1), i16(16384)), i16(1))               // 0.5 rounds up
        XCTAssertEqual(V128.i16x8Q15mulrSatS(i16(-1), i16(16384)), i16(0))              // −0.5 rounds up
        XCTAssertEqual(V128.i16x8Q15mulrSatS(i16(32767), i16(32767)), i16(32766))
    }

    func testMinimumAndMaximumAreSignedOrUnsigned() {
        let a = i8(-1, 0, 127, -128, 1, 2, 3, 4, -1, 0, 127, -128, 1, 2, 3, 4)
        let b = i8(1, -1, -128, 127, 1, 2, 3, 4, 1, -1, -128, 127, 1, 2, 3, 4)
        XCTAssertEqual(V128.i8x16MinS(a, b), i8(-1, -1, -128, -128, 1, 2, 3, 4, -1, -1, -128, -128, 1, 2, 3, 4))
        XCTAssertEqual(V128.i8x16MinU(a, b), i8(1, 0, 127, 127, 1, 2, 3, 4, 1, 0, 127, 127, 1, 2, 3, 4))
        XCTAssertEqual(V128.i8x16MaxS(a, b), i8(1, 0, 127, 127, 1, 2, 3, 4, 1, 0, 127, 127, 1, 2, 3, 4))
        XCTAssertEqual(V128.i8x16MaxU(a, b), i8(-1, -1, -128, -128, 1, 2, 3, 4, -1, -1, -128, -128, 1, 2, 3, 4))
        XCTAssertEqual(V128.i32x4MinU(i32(-1, 0, 5, Int(Int32.min)), i32(1, 0, 4, Int(Int32.max))), i32(1, 0, 4, Int(Int32.max)))
        XCTAssertEqual(V128.i16x8MaxS(i16(-32768, 32767, -1, 0, 1, 2, 3, 4), i16(0)), i16(0, 32767, 0, 0, 1, 2, 3, 4))
    }

    func testPopulationCountOfEveryByte() {
        let bytes = (0..<16).map { $0 * 17 }  // 0x00, 0x11, …, 0xFF
        XCTAssertEqual(V128.i8x16Popcnt(V128(lanes: bytes, .b8)), V128(lanes: bytes.map(\.nonzeroBitCount), .b8))
        XCTAssertEqual(V128.i8x16Popcnt(i8(0xFF)), i8(8))
        XCTAssertEqual(V128.i8x16Popcnt(i8(0x80)), i8(1))
    }

    func testShiftCountsAreTakenModuloTheLaneWidth() {
        XCTAssertEqual(V128.i8x16Shl(i8(1), 9), i8(2))
        XCTAssertEqual(V128.i8x16Shl(i8(0x81), 1), i8(2))
        XCTAssertEqual(V128.i8x16ShrS(i8(-128), 7), i8(-1))
        XCTAssertEqual(V128.i8x16ShrS(i8(-128), 8), i8(-128))
        XCTAssertEqual(V128.i8x16ShrU(i8(0x80), 7), i8(1))
        XCTAssertEqual(V128.i8x16ShrU(i8(0x80), 0xFFFF_FFFF), i8(1))  // 2^32 − 1 ≡ 7 (mod 8)
        XCTAssertEqual(V128.i16x8Shl(i16(1), 17), i16(2))
        XCTAssertEqual(V128.i16x8ShrS(i16(-32768), 15), i16(-1))
        XCTAssertEqual(V128.i16x8ShrU(i16(0x8000), 31), i16(1))
        XCTAssertEqual(V128.i32x4Shl(i32(1), 32), i32(1))
        XCTAssertEqual(V128.i32x4ShrS(i32(Int(Int32.min)), 63), i32(-1))
        XCTAssertEqual(V128.i32x4ShrU(i32(-1), 28), i32(0xF))
        XCTAssertEqual(V128.i64x2Shl(i64(1, 3), 65), i64(2, 6))
        XCTAssertEqual(V128.i64x2ShrS(i64(Int.min, -2), 64), i64(Int.min, -2))
        XCTAssertEqual(V128.i64x2ShrS(i64(Int.min, 8), 3), i64(Int.min >> 3, 1))
        XCTAssertEqual(V128.i64x2ShrU(i64(Int.min, -1), 63), i64(1, 1))
    }

    func testNarrowingSaturatesSignedInputs() {
        let a = i16(32767, -32768, 128, -129, 127, -128, 0, -1)
        let b = i16(255, 256, 1, 2, 3, 4, 5, 6)
        XCTAssertEqual(V128.i8x16NarrowI16x8S(a, b), i8(127, -128, 127, -128, 127, -128, 0, -1, 127, 127, 1, 2, 3, 4, 5, 6))
        XCTAssertEqual(V128.i8x16NarrowI16x8U(a, b), i8(255, 0, 128, 0, 127, 0, 0, 0, 255, 255, 1, 2, 3, 4, 5, 6))
        let c = i32(Int(Int32.max), Int(Int32.min), 32768, -32769), d = i32(65535, 65536, -1, 7)
        XCTAssertEqual(V128.i16x8NarrowI32x4S(c, d), i16(32767, -32768, 32767, -32768, 32767, 32767, -1, 7))
        XCTAssertEqual(V128.i16x8NarrowI32x4U(c, d), i16(65535, 0, 32768, 0, 65535, 65535, 0, 7))
    }

    func testExtensionTakesTheLowOrHighHalf() {
        let bytes = i8(-1, 2, -3, 4, -5, 6, -7, 8, -128, 127, 0, -1, 1, -2, 2, -3)
        XCTAssertEqual(V128.i16x8ExtendLowI8x16S(bytes), i16(-1, 2, -3, 4, -5, 6, -7, 8))
        XCTAssertEqual(V128.i16x8ExtendHighI8x16S(bytes), i16(-128, 127, 0, -1, 1, -2, 2, -3))
        XCTAssertEqual(V128.i16x8ExtendLowI8x16U(bytes), i16(255, 2, 253, 4, 251, 6, 249, 8))
        XCTAssertEqual(V128.i16x8ExtendHighI8x16U(bytes), i16(128, 127, 0, 255, 1, 254, 2, 253))
        let shorts = i16(-1, 2, -32768, 32767, 5, -6, 7, -8)
        XCTAssertEqual(V128.i32x4ExtendLowI16x8S(shorts), i32(-1, 2, -32768, 32767))
        XCTAssertEqual(V128.i32x4ExtendHighI16x8U(shorts), i32(5, 65530, 7, 65528))
        let words = i32(-1, Int(Int32.min), 3, -4)
        XCTAssertEqual(V128.i64x2ExtendLowI32x4S(words), i64(-1, Int(Int32.min)))
        XCTAssertEqual(V128.i64x2ExtendLowI32x4U(words), i64(0xFFFF_FFFF, 0x8000_0000))
        XCTAssertEqual(V128.i64x2ExtendHighI32x4S(words), i64(3, -4))
        XCTAssertEqual(V128.i64x2ExtendHighI32x4U(words), i64(3, 0xFFFF_FFFC))
    }

    func testExtendedMultiplicationPairwiseAdditionAndDotProduct() {
        let bytes = i8(-128, -128, 127, -1, 2, 3, 4, 5, -1, -1, 255, 0, 1, 1, 1, 1)
        XCTAssertEqual(V128.i16x8ExtmulLowI8x16S(bytes, bytes), i16(16384, 16384, 16129, 1, 4, 9, 16, 25))
        XCTAssertEqual(V128.i16x8ExtmulHighI8x16U(bytes, bytes), i16(65025, 65025, 65025, 0, 1, 1, 1, 1))
        XCTAssertEqual(V128.i16x8ExtaddPairwiseI8x16S(bytes), i16(-256, 126, 5, 9, -2, -1, 2, 2))
        XCTAssertEqual(V128.i16x8ExtaddPairwiseI8x16U(bytes), i16(256, 382, 5, 9, 510, 255, 2, 2))
        let shorts = i16(-32768, -32768, 32767, 32767, -1, 1, 2, 3)
        XCTAssertEqual(V128.i32x4ExtaddPairwiseI16x8S(shorts), i32(-65536, 65534, 0, 5))
        XCTAssertEqual(V128.i32x4ExtaddPairwiseI16x8U(shorts), i32(65536, 65534, 65536, 5))
        // 2 × (−32768)² = 2^31 wraps to INT_MIN (§4.4.3 i32x4.dot_i16x8_s).
        XCTAssertEqual(V128.i32x4DotI16x8S(shorts, shorts), i32(Int(Int32.min), 2 * 32767 * 32767, 2, 13))
        XCTAssertEqual(V128.i32x4ExtmulHighI16x8S(shorts, i16(1, 1, 1, 1, -32768, -32768, 2, 2)), i32(32768, -32768, 4, 6))
        let words = i32(-1, Int(Int32.min), Int(Int32.max), 2)
        XCTAssertEqual(V128.i64x2ExtmulLowI32x4S(words, words), i64(1, 1 << 62))
        XCTAssertEqual(V128.i64x2ExtmulLowI32x4U(words, words), i64(Int(bitPattern: 0xFFFF_FFFE_0000_0001), 1 << 62))
        XCTAssertEqual(V128.i64x2ExtmulHighI32x4S(words, i32(0, 0, -1, 3)), i64(-Int(Int32.max), 6))
    }
}
