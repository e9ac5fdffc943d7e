// Operations that move lanes (§4.4.3 splat, extract_lane, replace_lane, shuffle, swizzle) and the
// lane side of the vector memory instructions (§4.4.7 load extend/splat/zero/lane, store lane),
// checked lane by lane through the vector's bytes.

@testable import WasmRuntime
import WasmCore
import XCTest

final class SIMDLaneOperationTests: XCTestCase {
    /// Bytes 0x80, 0x91, 0xA2, …: distinct, half of them with the top bit set.
    private let sample = V128(bytes: (0..<16).map { UInt8(truncatingIfNeeded: 0x80 &+ $0 * 0x11) })
    private let other = V128(bytes: (0..<16).map { UInt8(0x40 + $0) })

    func testSplatsRepeatTheLowBitsOfTheOperand() {
        XCTAssertEqual(V128.i8x16Splat(0x1FF).bytes, Array(repeating: 0xFF, count: 16))
        XCTAssertEqual(V128.i16x8Splat(0x12345), V128(lanes: Array(repeating: 0x2345, count: 8), .b16))
        XCTAssertEqual(V128.i32x4Splat(0x8000_0001), V128(lanes: Array(repeating: 0x8000_0001, count: 4), .b32))
        XCTAssertEqual(V128.i64x2Splat(0x0123_4567_89AB_CDEF), V128(low: 0x0123_4567_89AB_CDEF, high: 0x0123_4567_89AB_CDEF))
        XCTAssertEqual(V128.f32x4Splat(Float(bitPattern: 0x7FA0_0001)).f32Bits, Array(repeating: 0x7FA0_0001, count: 4))
        XCTAssertEqual(V128.f64x2Splat(-0.0).f64Bits, [0x8000_0000_0000_0000, 0x8000_0000_0000_0000])
    }

    func testExtractLaneReadsEveryLaneWithItsExtension() {
        for lane in 0..<16 {
            let byte = sample.bytes[lane]
            XCTAssertEqual(V128.i8x16ExtractLaneU(sample, lane), UInt32(byte))
            XCTAssertEqual(V128.i8x16ExtractLaneS(sample, lane), UInt32(bitPattern: Int32(Int8(bitPattern: byte))))
        }
        let shorts = sample.unsignedLanes(.b16)
        for lane in 0..<8 {
            XCTAssertEqual(V128.i16x8ExtractLaneU(sample, lane), UInt32(shorts[lane]))
            XCTAssertEqual(V128.i16x8ExtractLaneS(sample, lane), UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: shorts[lane]))))
        }
        for lane in 0..<4 {
            XCTAssertEqual(V128.i32x4ExtractLane(sample, lane), sample.f32Bits[lane])
            XCTAssertEqual(V128.f32x4ExtractLane(sample, lane).bitPattern, sample.f32Bits[lane])
        }
        for lane in 0..<2 {
            XCTAssertEqual(V128.i64x2ExtractLane(sample, lane), sample.f64Bits[lane])
            XCTAssertEqual(V128.f64x2ExtractLane(sample, lane).bitPattern, sample.f64Bits[lane])
        }
        XCTAssertEqual(V128.f32x4ExtractLane(V128(f32Bits: [0, 0, 0x7F80_0001, 0]), 2).bitPattern, 0x7F80_0001)
    }

    func testReplaceLaneChangesExactlyOneLane() {
        for (width, lanes) in [(LaneWidth.b8, 16), (.b16, 8), (.b32, 4), (.b64, 2)] {
            for lane in 0..<lanes {
                let value: UInt64 = 0xFEDC_BA98_7654_3210
                var expected = sample.unsignedLanes(width)
                expected[lane] = Int(bitPattern: UInt(value & width.mask))
                let actual: V128
                switch width {
                case .b8: actual = V128.i8x16ReplaceLane(sample, lane, UInt32(truncatingIfNeeded: value))
                case .b16: actual = V128.i16x8ReplaceLane(sample, lane, UInt32(truncatingIfNeeded: value))
                case .b32: actual = V128.i32x4ReplaceLane(sample, lane, UInt32(truncatingIfNeeded: value))
                case .b64: actual = V128.i64x2ReplaceLane(sample, lane, value)
                }
                XCTAssertEqual(actual, V128(lanes: expected, width), "\(width) lane \(lane)")
            }
        }
        XCTAssertEqual(V128.f32x4ReplaceLane(sample, 3, Float(bitPattern: 0xFF80_0001)).f32Bits.last, 0xFF80_0001)
        XCTAssertEqual(V128.f64x2ReplaceLane(sample, 0, Double(bitPattern: 0x7FF0_0000_0000_0002)).f64Bits,
                       [0x7FF0_0000_0000_0002, sample.f64Bits[1]])
    }

    func testShufflePicksBytesOfBothOperands() {
        func shuffle(_ indices: [Int]) -> [UInt8] {
            V128.i8x16Shuffle(sample, other, lanes: V128(bytes: indices.map(UInt8.init))).bytes
        }
        let both = sample.bytes + other.bytes
        XCTAssertEqual(shuffle(Array(0..<16)), sample.bytes)
        XCTAssertEqual(shuffle(Array(16..<32)), other.bytes)
        let mixed = [31, 0, 17, 2, 19, 4, 21, 6, 15, 15, 15, 15, 16, 16, 8, 24]
        XCTAssertEqual(shuffle(mixed), mixed.map { both[$0] })
        let reversed = Array((0..<32).reversed().prefix(16))
        XCTAssertEqual(shuffle(reversed), reversed.map { both[$0] })
    }

    func testSwizzleGivesZeroForIndicesOutOfRange() {
        let indices: [UInt8] = [15, 0, 16, 31, 32, 128, 255, 1, 14, 17, 0x7F, 0x80, 7, 8, 0xF0, 0x0F]
        let expected = indices.map { $0 < 16 ? sample.bytes[Int($0)] : 0 }
        XCTAssertEqual(V128.i8x16Swizzle(sample, V128(bytes: indices)).bytes, expected)
    }

    func testLoadsExtendSplatAndZero() {
        let bytes: UInt64 = 0x8001_7FFF_FF00_0180  // in memory: 80 01 00 FF FF 7F 01 80
        XCTAssertEqual(V128.v128Load8x8S(bytes), V128(lanes: [-128, 1, 0, -1, -1, 127, 1, -128], .b16))
        XCTAssertEqual(V128.v128Load8x8U(bytes), V128(lanes: [128, 1, 0, 255, 255, 127, 1, 128], .b16))
        XCTAssertEqual(V128.v128Load16x4S(bytes), V128(lanes: [0x0180, -256, 0x7FFF, -32767], .b32))
        XCTAssertEqual(V128.v128Load16x4U(bytes), V128(lanes: [0x0180, 0xFF00, 0x7FFF, 0x8001], .b32))
        XCTAssertEqual(V128.v128Load32x2S(bytes), V128(lanes: [-16_776_832, -2_147_385_345], .b64))
        XCTAssertEqual(V128.v128Load32x2U(bytes), V128(lanes: [0xFF00_0180, 0x8001_7FFF], .b64))
        XCTAssertEqual(V128.v128Load8Splat(0x80), V128.i8x16Splat(0x80))
        XCTAssertEqual(V128.v128Load16Splat(0xBEEF), V128(lanes: Array(repeating: 0xBEEF, count: 8), .b16))
        XCTAssertEqual(V128.v128Load32Splat(0xDEAD_BEEF), V128(lanes: Array(repeating: 0xDEAD_BEEF, count: 4), .b32))
        XCTAssertEqual(V128.v128Load64Splat(bytes), V128(low: bytes, high: bytes))
        XCTAssertEqual(V128.v128Load32Zero(0xDEAD_BEEF), V128(lanes: [0xDEAD_BEEF, 0, 0, 0], .b32))
        XCTAssertEqual(V128.v128Load64Zero(bytes), V128(low: bytes, high: 0))
    }

    func testLaneLoadsAndStoresReachEveryLane() {
        for lane in 0..<16 {
            var expected = sample.bytes
            expected[lane] = 0x5A
            XCTAssertEqual(V128.v128Load8Lane(sample, lane, 0x5A).bytes, expected)
            XCTAssertEqual(V128.v128Store8Lane(sample, lane), sample.bytes[lane])
        }
        for lane in 0..<8 {
            var expected = sample.unsignedLanes(.b16)
            expected[lane] = 0xA55A
            XCTAssertEqual(V128.v128Load16Lane(sample, lane, 0xA55A), V128(lanes: expected, .b16))
            XCTAssertEqual(Int(V128.v128Store16Lane(sample, lane)), sample.unsignedLanes(.b16)[lane])
        }
        for lane in 0..<4 {
            var expected = sample.f32Bits
            expected[lane] = 0xA55A_1234
            XCTAssertEqual(V128.v128Load32Lane(sample, lane, 0xA55A_1234).f32Bits, expected)
            XCTAssertEqual(V128.v128Store32Lane(sample, lane), sample.f32Bits[lane])
        }
        for lane in 0..<2 {
            var expected = sample.f64Bits
            expected[lane] = 0x0102_0304_0506_0708
            XCTAssertEqual(V128.v128Load64Lane(sample, lane, 0x0102_0304_0506_0708).f64Bits, expected)
            XCTAssertEqual(V128.v128Store64Lane(sample, lane), sample.f64Bits[lane])
        }
    }

    func testReductionsAnyTrueAllTrueAndBitmask() {
        XCTAssertFalse(V128.v128AnyTrue(V128(low: 0, high: 0)))
        XCTAssertTrue(V128.v128AnyTrue(V128(low: 0, high: 1 << 63)))
        XCTAssertTrue(V128.i8x16AllTrue(sample))
        XCTAssertFalse(V128.i8x16AllTrue(V128.i8x16ReplaceLane(sample, 15, 0)))
        XCTAssertFalse(V128.i8x16AllTrue(V128.i8x16ReplaceLane(sample, 0, 0x100)))
        XCTAssertTrue(V128.i16x8AllTrue(V128(lanes: [1, 0x100, 0x8000, -1, 2, 3, 4, 0x0100], .b16)))
        XCTAssertFalse(V128.i16x8AllTrue(V128(lanes: [1, 1, 1, 1, 1, 1, 0, 1], .b16)))
        XCTAssertFalse(V128.i32x4AllTrue(V128(lanes: [0, 1, 1, 1], .b32)))
        XCTAssertTrue(V128.i32x4AllTrue(V128(lanes: [0x100_0000, 1, 0x8000_0000, 0x10000], .b32)))
        XCTAssertTrue(V128.i64x2AllTrue(V128(low: 1 << 40, high: 1)))
        XCTAssertFalse(V128.i64x2AllTrue(V128(low: 1, high: 0)))
        XCTAssertEqual(V128.i8x16Bitmask(sample), 0x00FF)  // bytes 0x80…0xF7, then 0x08…0x7F
        XCTAssertEqual(V128.i8x16Bitmask(V128(low: .max, high: .max)), 0xFFFF)
        XCTAssertEqual(V128.i16x8Bitmask(V128(lanes: [-1, 1, -32768, 32767, 0, -2, 0, -1], .b16)), 0b1010_0101)
        XCTAssertEqual(V128.i32x4Bitmask(V128(lanes: [0, -1, Int(Int32.min), 1], .b32)), 0b0110)
        XCTAssertEqual(V128.i64x2Bitmask(V128(lanes: [-1, 0], .b64)), 0b01)
        XCTAssertEqual(V128.v128Bitselect(V128(low: .max, high: 0), V128(low: 0, high: .max), V128(low: 0xF0F0, high: 0xFF00)),
                       V128(low: 0xF0F0, high: ~UInt64(0xFF00)))
    }
}
