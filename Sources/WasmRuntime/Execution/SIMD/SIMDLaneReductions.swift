// §4.4.3 Vector instructions that reduce a vector to an i32: shape.all_true and shape.bitmask
// (v128.any_true is with the bitwise operations). Each works on the two 64-bit halves, several
// lanes at a time.

import WasmCore

extension V128 {
    // MARK: all_true (1 iff no lane is zero)

    /// i8x16.all_true
    @inline(__always)
    static func i8x16AllTrue(_ a: V128) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, tops: UInt64 = 0x8080_8080_8080_8080
        return noLaneIsZero(a, ones: ones, tops: tops)
    }
    /// i16x8.all_true
    @inline(__always)
    static func i16x8AllTrue(_ a: V128) -> Bool {
        let ones: UInt64 = 0x0001_0001_0001_0001, tops: UInt64 = 0x8000_8000_8000_8000
        return noLaneIsZero(a, ones: ones, tops: tops)
    }
    /// i32x4.all_true
    @inline(__always)
    static func i32x4AllTrue(_ a: V128) -> Bool {
        let ones: UInt64 = 0x0000_0001_0000_0001, tops: UInt64 = 0x8000_0000_8000_0000
        return noLaneIsZero(a, ones: ones, tops: tops)
    }
    /// i64x2.all_true
    @inline(__always)
    static func i64x2AllTrue(_ a: V128) -> Bool {
        a.low != 0 && a.high != 0
    }

    /// Whether no lane of `a` is zero; `ones` has the lowest bit of every lane of a half set,
    /// `tops` the highest. In each half, (x − ones) & ~x & tops is nonzero at the lowest zero lane
    /// (a borrow may also mark lanes above it) and zero when no lane is zero, so the test is exact.
    @inline(__always)
    private static func noLaneIsZero(_ a: V128, ones: UInt64, tops: UInt64) -> Bool {
        ((a.low &- ones) & ~a.low | (a.high &- ones) & ~a.high) & tops == 0
    }

    // MARK: bitmask (bit i of the result is the top bit of lane i)

    /// i8x16.bitmask
    @inline(__always)
    static func i8x16Bitmask(_ a: V128) -> UInt32 {
        UInt32(byteSignBits(a.low) | byteSignBits(a.high) &<< 8)
    }
    /// i16x8.bitmask
    @inline(__always)
    static func i16x8Bitmask(_ a: V128) -> UInt32 {
        UInt32(shortSignBits(a.low) | shortSignBits(a.high) &<< 4)
    }
    /// i32x4.bitmask
    @inline(__always)
    static func i32x4Bitmask(_ a: V128) -> UInt32 {
        let low = (a.low &>> 31) & 1 | (a.low &>> 62) & 2
        let high = (a.high &>> 29) & 4 | (a.high &>> 60) & 8
        return UInt32(low | high)
    }
    /// i64x2.bitmask
    @inline(__always)
    static func i64x2Bitmask(_ a: V128) -> UInt32 {
        UInt32(a.low &>> 63 | (a.high &>> 63) &<< 1)
    }

    /// The top bits of the 8 bytes of `x`, as bits 0...7. The multiplication moves the top bit of
    /// byte j (isolated at bit 8j) to bit 56 + j; no two partial products overlap there.
    @inline(__always)
    private static func byteSignBits(_ x: UInt64) -> UInt64 {
        (((x &>> 7) & 0x0101_0101_0101_0101) &* 0x0102_0408_1020_4080) &>> 56
    }

    /// The top bits of the 4 16-bit lanes of `x`, as bits 0...3: as `byteSignBits`, the
    /// multiplication moves the top bit of lane j (isolated at bit 16j) to bit 60 + j.
    @inline(__always)
    private static func shortSignBits(_ x: UInt64) -> UInt64 {
        (((x &>> 15) & 0x0001_0001_0001_0001) &* 0x1000_2000_4000_8000) &>> 60
    }
}
