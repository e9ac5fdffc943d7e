// Helpers of the SIMD tests: vectors built from and read as lanes through their bytes (so the
// tests do not depend on the bit casts of the code under test), NaN classes of §4.3.3, and a
// seeded generator of lanes rich in edge values.

import TestSupport
import WasmCore
import XCTest

/// A lane shape of §2.4.6 for integer lanes: the lane width in bits.
enum LaneWidth: Int {
    case b8 = 8, b16 = 16, b32 = 32, b64 = 64

    var count: Int { 128 / rawValue }
    var byteCount: Int { rawValue / 8 }
    /// 2^N − 1, the mask of a lane.
    var mask: UInt64 { rawValue == 64 ? .max : (1 << UInt64(rawValue)) - 1 }
}

extension V128 {
    /// A vector from integer lanes, each truncated to `width` (so negative values and values
    /// above the signed range both work).
    init(lanes: [Int], _ width: LaneWidth) {
        precondition(lanes.count == width.count)
        var bytes: [UInt8] = []
        for lane in lanes {
            let bits = UInt64(bitPattern: Int64(lane)) & width.mask
            for i in 0..<width.byteCount { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(8 * i))) }
        }
        self.init(bytes: bytes)
    }

    /// The lanes as unsigned values (for 64-bit lanes: the bit pattern as Int).
    func unsignedLanes(_ width: LaneWidth) -> [Int] {
        let bytes = self.bytes
        return (0..<width.count).map { lane in
            var bits: UInt64 = 0
            for i in 0..<width.byteCount { bits |= UInt64(bytes[lane * width.byteCount + i]) << UInt64(8 * i) }
            return Int(bitPattern: UInt(bits))
        }
    }

    /// The lanes as signed values.
    func signedLanes(_ width: LaneWidth) -> [Int] {
        unsignedLanes(width).map { value in
            width == .b64 ? value : (value >= 1 << (width.rawValue - 1) ? value - (1 << width.rawValue) : value)
        }
    }

    init(f32Bits lanes: [UInt32]) { self.init(lanes: lanes.map { Int($0) }, .b32) }
    init(f32 lanes: [Float]) { self.init(f32Bits: lanes.map(\.bitPattern)) }
    init(f64Bits lanes: [UInt64]) { self.init(lanes: lanes.map { Int(bitPattern: UInt($0)) }, .b64) }
    init(f64 lanes: [Double]) { self.init(f64Bits: lanes.map(\.bitPattern)) }

    var f32Bits: [UInt32] { unsignedLanes(.b32).map { UInt32($0) } }
    var f32Lanes: [Float] { f32Bits.map(Float.init(bitPattern:)) }
    var f64Bits: [UInt64] { unsignedLanes(.b64).map { UInt64(bitPattern: Int64($0)) } }
    var f64Lanes: [Double] { f64Bits.map(Double.init(bitPattern:)) }
}

// MARK: NaN classes (§4.3.3)

/// The float formats of the lanes, with the bits that make a NaN canonical or arithmetic.
protocol LaneFloat: BinaryFloatingPoint {
    associatedtype Bits: FixedWidthInteger & UnsignedInteger
    var bits: Bits { get }
    /// The quiet bit: the most significant bit of the significand.
    static var quietBit: Bits { get }
}

extension Float: LaneFloat {
    var bits: UInt32 { bitPattern }
    static var quietBit: UInt32 { 0x0040_0000 }
}

extension Double: LaneFloat {
    var bits: UInt64 { bitPattern }
    static var quietBit: UInt64 { 0x0008_0000_0000_0000 }
}

extension LaneFloat {
    /// A canonical NaN: only the quiet bit of the significand set, either sign.
    var isCanonicalNaN: Bool { isNaN && bits & ~(Self.signMask) & Self.payloadMask == Self.quietBit }
    /// An arithmetic NaN: the quiet bit set, any payload.
    var isArithmeticNaN: Bool { isNaN && bits & Self.quietBit != 0 }

    static var signMask: Bits { 1 << (Bits.bitWidth - 1) }
    static var payloadMask: Bits { (1 << Bits(significandBitCount)) - 1 }
}

/// The NaN a float operation may produce (§4.3.3 NaN propagation): canonical when every NaN
/// operand is canonical (or there is none), arithmetic otherwise.
enum ExpectedNaN {
    case canonical, arithmetic

    init<F: LaneFloat>(operands: [F]) {
        self = operands.contains { $0.isNaN && !$0.isCanonicalNaN } ? .arithmetic : .canonical
    }

    func accepts<F: LaneFloat>(_ value: F) -> Bool {
        self == .canonical ? value.isCanonicalNaN : value.isArithmeticNaN
    }
}

/// Asserts that float lane `actual` is `expected`, bit for bit, or — where `expected` is NaN —
/// a NaN of the class the operands allow.
func assertLane<F: LaneFloat>(_ actual: F, _ expected: F, operands: [F], _ message: @autoclosure () -> String,
                              file: StaticString = #filePath, line: UInt = #line) {
    if expected.isNaN {
        let allowed = ExpectedNaN(operands: operands)
        XCTAssertTrue(allowed.accepts(actual), "\(message()): expected a \(allowed) NaN, got \(actual) (0x\(String(actual.bits, radix: 16)))", file: file, line: line)
    } else {
        XCTAssertEqual(actual.bits, expected.bits, "\(message()): expected \(expected), got \(actual)", file: file, line: line)
    }
}

// MARK: Random lanes


/// Vectors whose lanes, for every shape, often hit edge values: 0, ±1, the signed and unsigned
/// extremes, ±0, ±∞, canonical and payload NaNs (quiet and signalling), subnormals, halves and
/// ties, and the float bounds of the conversions.
struct EdgeVectors {
    var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    static let integerEdges: [Int] = [0, 1, -1, 2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x4000,
                                      0x7FFF_FFFF, -0x8000_0000, 0xFFFF_FFFF, Int.max, Int.min]
    static let f32Edges: [UInt32] = [
        0x0000_0000, 0x8000_0000, 0x3F80_0000, 0xBF80_0000, 0x7F80_0000, 0xFF80_0000,  // ±0, ±1, ±∞
        0x7FC0_0000, 0xFFC0_0000, 0x7FC0_1234, 0x7FA0_0000, 0xFF80_0001, 0x7F80_0001,  // NaNs
        0x0000_0001, 0x807F_FFFF, 0x7F7F_FFFF, 0xFF7F_FFFF,                            // subnormal, max
        0x3F00_0000, 0xBF00_0000, 0x3FC0_0000, 0xC020_0000, 0x4020_0000, 0xBFC0_0000,  // ±0.5, ±1.5, ±2.5
        0x4B00_0000, 0x4AFF_FFFF, 0xCAFF_FFFF, 0x4B7F_FFFF,                            // around 2^23
        0x4F00_0000, 0xCF00_0000, 0x4EFF_FFFF, 0xCF00_0001, 0x4F80_0000, 0x4F7F_FFFF,  // around 2^31, 2^32
        0xBF7F_FFFF, 0x3F7F_FFFF, 0xBF80_0001,                                         // just inside ±1
    ]
    static let f64Edges: [UInt64] = [
        0, 0x8000_0000_0000_0000, 0x3FF0_0000_0000_0000, 0xBFF0_0000_0000_0000,
        0x7FF0_0000_0000_0000, 0xFFF0_0000_0000_0000,
        0x7FF8_0000_0000_0000, 0xFFF8_0000_0000_0000, 0x7FF8_0000_0000_1234, 0x7FF4_0000_0000_0000,
        0xFFF0_0000_0000_0001, 0x7FF0_0000_0000_0001,
        0x0000_0000_0000_0001, 0x800F_FFFF_FFFF_FFFF, 0x7FEF_FFFF_FFFF_FFFF, 0xFFEF_FFFF_FFFF_FFFF,
        0x3FE0_0000_0000_0000, 0xBFE0_0000_0000_0000, 0x3FF8_0000_0000_0000, 0xC004_0000_0000_0000,
        0x4330_0000_0000_0000, 0x432F_FFFF_FFFF_FFFF, 0xC32F_FFFF_FFFF_FFFF, 0x433F_FFFF_FFFF_FFFF,
        0x41E0_0000_0000_0000, 0xC1E0_0000_0000_0000, 0x41DF_FFFF_FFC0_0000, 0xC1E0_0000_0020_0000,
        0x41EF_FFFF_FFE0_0000, 0x41F0_0000_0000_0000, 0xC1E0_0000_0010_0000,
        0x47EF_FFFF_E000_0000, 0x47EF_FFFF_F000_0000, 0x3690_0000_0000_0000, 0x36A0_0000_0000_0001,  // demote edges
        0xBFEF_FFFF_FFFF_FFFF, 0x3FEF_FFFF_FFFF_FFFF,
    ]

    /// A vector whose lanes of some random shape are edge values or random bits.
    mutating func next() -> V128 {
        switch generator.next() % 6 {
        case 0: return V128(low: generator.next(), high: generator.next())
        case 1: return V128(f32Bits: (0..<4).map { _ in pick(Self.f32Edges, orRandom: UInt32(truncatingIfNeeded: generator.next())) })
        case 2: return V128(f64Bits: (0..<2).map { _ in pick(Self.f64Edges, orRandom: generator.next()) })
        default:
            let width = [LaneWidth.b8, .b16, .b32, .b64][Int(generator.next() % 4)]
            return V128(lanes: (0..<width.count).map { _ in pick(Self.integerEdges, orRandom: Int(truncatingIfNeeded: generator.next())) }, width)
        }
    }

    private mutating func pick<T>(_ edges: [T], orRandom random: T) -> T {
        generator.next() % 3 == 0 ? random : edges[Int(generator.next() % UInt64(edges.count))]
    }
}
