// A second, deliberately plain model of the vector operators: each result lane computed from the
// operand lanes with the scalar formulas of spec §4.3 (integers as Int, floats with Swift's
// scalar IEEE operations), independent of the bit tricks of the code under test.

import WasmCore
import XCTest

/// A result that the model predicts.
enum ExpectedResult {
    /// Exactly these bits.
    case vector(V128)
    /// f32 lanes; a NaN lane means any NaN of the class its operand lanes allow (§4.3.3).
    case f32(lanes: [Float], operands: [[Float]])
    /// f64 lanes, as `f32`.
    case f64(lanes: [Double], operands: [[Double]])
    /// An i32 result (tests, bitmask).
    case i32(UInt32)

    /// Asserts that `actual` matches.
    func check(_ actual: ActualResult, _ context: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        switch (self, actual) {
        case (.vector(let expected), .vector(let value)):
            XCTAssertEqual(value, expected, context(), file: file, line: line)
        case (.f32(let lanes, let operands), .vector(let value)):
            for (i, lane) in value.f32Lanes.enumerated() {
                assertLane(lane, lanes[i], operands: operands[i], "\(context()) lane \(i)", file: file, line: line)
            }
        case (.f64(let lanes, let operands), .vector(let value)):
            for (i, lane) in value.f64Lanes.enumerated() {
                assertLane(lane, lanes[i], operands: operands[i], "\(context()) lane \(i)", file: file, line: line)
            }
        case (.i32(let expected), .i32(let value)):
            XCTAssertEqual(value, expected, context(), file: file, line: line)
        default:
            XCTFail("\(context()): result kind mismatch", file: file, line: line)
        }
    }
}

/// What the code under test produced.
enum ActualResult {
    case vector(V128)
    /// An i32 (or the bits of an f32).
    case i32(UInt32)
    /// An i64 (or the bits of an f64).
    case i64(UInt64)
}

/// Lane-wise reference formulas.
enum Reference {
    // MARK: integers

    static func unary(_ a: V128, _ width: LaneWidth, signed: Bool = true, _ f: (Int) -> Int) -> ExpectedResult {
        .vector(V128(lanes: lanes(a, width, signed).map(f), width))
    }

    static func binary(_ a: V128, _ b: V128, _ width: LaneWidth, signed: Bool = true, _ f: (Int, Int) -> Int) -> ExpectedResult {
        .vector(V128(lanes: zip(lanes(a, width, signed), lanes(b, width, signed)).map(f), width))
    }

    static func compare(_ a: V128, _ b: V128, _ width: LaneWidth, signed: Bool, _ f: (Int, Int) -> Bool) -> ExpectedResult {
        binary(a, b, width, signed: signed) { f($0, $1) ? -1 : 0 }
    }

    static func lanes(_ a: V128, _ width: LaneWidth, _ signed: Bool) -> [Int] {
        signed ? a.signedLanes(width) : a.unsignedLanes(width)
    }

    /// sat_s / sat_u of §4.3.2: `value` clamped to the signed or unsigned range of `width`.
    static func saturate(_ value: Int, _ width: LaneWidth, signed: Bool) -> Int {
        let bits = width.rawValue
        let (low, high) = signed ? (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) : (0, (1 << bits) - 1)
        return min(max(value, low), high)
    }

    /// Logical right shift of a lane read unsigned (64-bit lanes arrive as bit patterns).
    static func shiftRightLogical(_ value: Int, _ count: Int) -> Int {
        Int(bitPattern: UInt(bitPattern: value) >> UInt(count))
    }

    /// A result with lanes of `to` computed from the lanes of `a` (and `b`) read at `from`.
    static func widening(_ a: V128, _ b: V128, from: LaneWidth, to: LaneWidth, signed: Bool,
                         _ f: (_ a: [Int], _ b: [Int], _ lane: Int) -> Int) -> ExpectedResult {
        let la = lanes(a, from, signed), lb = lanes(b, from, signed)
        return .vector(V128(lanes: (0..<to.count).map { f(la, lb, $0) }, to))
    }

    // MARK: floats

    static func f32Unary(_ a: V128, _ f: (Float) -> Float) -> ExpectedResult {
        let x = a.f32Lanes
        return .f32(lanes: x.map(f), operands: x.map { [$0] })
    }

    static func f32Binary(_ a: V128, _ b: V128, _ f: (Float, Float) -> Float) -> ExpectedResult {
        let x = a.f32Lanes, y = b.f32Lanes
        return .f32(lanes: zip(x, y).map(f), operands: zip(x, y).map { [$0, $1] })
    }

    static func f64Unary(_ a: V128, _ f: (Double) -> Double) -> ExpectedResult {
        let x = a.f64Lanes
        return .f64(lanes: x.map(f), operands: x.map { [$0] })
    }

    static func f64Binary(_ a: V128, _ b: V128, _ f: (Double, Double) -> Double) -> ExpectedResult {
        let x = a.f64Lanes, y = b.f64Lanes
        return .f64(lanes: zip(x, y).map(f), operands: zip(x, y).map { [$0, $1] })
    }

    static func f32Compare(_ a: V128, _ b: V128, _ f: (Float, Float) -> Bool) -> ExpectedResult {
        .vector(V128(lanes: zip(a.f32Lanes, b.f32Lanes).map { f($0, $1) ? -1 : 0 }, .b32))
    }

    static func f64Compare(_ a: V128, _ b: V128, _ f: (Double, Double) -> Bool) -> ExpectedResult {
        .vector(V128(lanes: zip(a.f64Lanes, b.f64Lanes).map { f($0, $1) ? -1 : 0 }, .b64))
    }

    /// Lane-wise bits: for operations that must not touch NaN payloads (abs, neg, pmin, pmax).
    static func f32Bits(_ a: V128, _ b: V128, _ f: (Float, Float) -> Float) -> ExpectedResult {
        .vector(V128(f32Bits: zip(a.f32Lanes, b.f32Lanes).map { f($0, $1).bitPattern }))
    }

    static func f64Bits(_ a: V128, _ b: V128, _ f: (Double, Double) -> Double) -> ExpectedResult {
        .vector(V128(f64Bits: zip(a.f64Lanes, b.f64Lanes).map { f($0, $1).bitPattern }))
    }

    /// §4.3.3 fmin.
    static func fmin<F: FloatingPoint>(_ x: F, _ y: F) -> F {
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && y == 0 { return x.sign == .minus ? x : y }
        return x < y ? x : y
    }

    /// §4.3.3 fmax.
    static func fmax<F: FloatingPoint>(_ x: F, _ y: F) -> F {
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && y == 0 { return x.sign == .plus ? x : y }
        return x > y ? x : y
    }

    /// §4.3.4 trunc_sat_s / trunc_sat_u to a 32-bit lane.
    static func truncateSaturating<F: BinaryFloatingPoint>(_ x: F, signed: Bool) -> Int {
        if x.isNaN { return 0 }
        let truncated = x.rounded(.towardZero)
        if signed {
            if truncated <= -2147483648 { return Int(Int32.min) }
            if truncated >= 2147483648 { return Int(Int32.max) }
        } else {
            if truncated <= 0 { return 0 }
            if truncated >= 4294967296 { return Int(UInt32.max) }
        }
        return Int(truncated)
    }
}
