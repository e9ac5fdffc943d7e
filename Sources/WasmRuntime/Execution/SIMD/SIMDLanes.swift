// §4.4.3 Vector instructions that move lanes: shape.splat, shape.extract_lane_sx?,
// shape.replace_lane, i8x16.shuffle and i8x16.swizzle. Lane indices come from immediates the
// validator has already checked (§3.3.3); they are masked here anyway, so no index can reach
// outside the vector.

import WasmCore

extension V128 {
    // MARK: splat

    /// i8x16.splat: the low 8 bits of `x` in every lane.
    @inline(__always)
    static func i8x16Splat(_ x: UInt32) -> V128 {
        let half = UInt64(UInt8(truncatingIfNeeded: x)) &* 0x0101_0101_0101_0101
        return V128(low: half, high: half)
    }
    /// i16x8.splat: the low 16 bits of `x` in every lane.
    @inline(__always)
    static func i16x8Splat(_ x: UInt32) -> V128 {
        let half = UInt64(UInt16(truncatingIfNeeded: x)) &* 0x0001_0001_0001_0001
        return V128(low: half, high: half)
    }
    /// i32x4.splat
    @inline(__always)
    static func i32x4Splat(_ x: UInt32) -> V128 {
        let half = UInt64(x) &* 0x0000_0001_0000_0001
        return V128(low: half, high: half)
    }
    /// i64x2.splat
    @inline(__always)
    static func i64x2Splat(_ x: UInt64) -> V128 { V128(low: x, high: x) }
    /// f32x4.splat (the bits of `x` unchanged, NaN payloads included)
    @inline(__always)
    static func f32x4Splat(_ x: Float) -> V128 { i32x4Splat(x.bitPattern) }
    /// f64x2.splat
    @inline(__always)
    static func f64x2Splat(_ x: Double) -> V128 { i64x2Splat(x.bitPattern) }

    // MARK: extract_lane

    /// The 64-bit half holding byte `byteIndex` (0..<16), shifted so that byte is lowest.
    @inline(__always)
    private func bytesStarting(at byteIndex: Int) -> UInt64 {
        let half = byteIndex & 8 == 0 ? low : high
        return half &>> UInt64((byteIndex & 7) &* 8)
    }

    /// i8x16.extract_lane_s: lane `lane` (0..<16) sign-extended to i32.
    @inline(__always)
    static func i8x16ExtractLaneS(_ a: V128, _ lane: Int) -> UInt32 {
        UInt32(bitPattern: Int32(Int8(truncatingIfNeeded: a.bytesStarting(at: lane & 15))))
    }
    /// i8x16.extract_lane_u: lane `lane` (0..<16) zero-extended to i32.
    @inline(__always)
    static func i8x16ExtractLaneU(_ a: V128, _ lane: Int) -> UInt32 {
        UInt32(UInt8(truncatingIfNeeded: a.bytesStarting(at: lane & 15)))
    }
    /// i16x8.extract_lane_s: lane `lane` (0..<8) sign-extended to i32.
    @inline(__always)
    static func i16x8ExtractLaneS(_ a: V128, _ lane: Int) -> UInt32 {
        UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: a.bytesStarting(at: (lane & 7) &* 2))))
    }
    /// i16x8.extract_lane_u: lane `lane` (0..<8) zero-extended to i32.
    @inline(__always)
    static func i16x8ExtractLaneU(_ a: V128, _ lane: Int) -> UInt32 {
        UInt32(UInt16(truncatingIfNeeded: a.bytesStarting(at: (lane & 7) &* 2)))
    }
    /// i32x4.extract_lane (lane 0..<4)
    @inline(__always)
    static func i32x4ExtractLane(_ a: V128, _ lane: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: a.bytesStarting(at: (lane & 3) &* 4))
    }
    /// i64x2.extract_lane (lane 0..<2)
    @inline(__always)
    static func i64x2ExtractLane(_ a: V128, _ lane: Int) -> UInt64 {
        lane & 1 == 0 ? a.low : a.high
    }
    /// f32x4.extract_lane (lane 0..<4; the lane's bits unchanged)
    @inline(__always)
    static func f32x4ExtractLane(_ a: V128, _ lane: Int) -> Float {
        Float(bitPattern: i32x4ExtractLane(a, lane))
    }
    /// f64x2.extract_lane (lane 0..<2)
    @inline(__always)
    static func f64x2ExtractLane(_ a: V128, _ lane: Int) -> Double {
        Double(bitPattern: i64x2ExtractLane(a, lane))
    }

    // MARK: replace_lane

    /// `a` with the `width` bytes starting at byte `byteIndex` (a multiple of `width`) replaced
    /// by the low bytes of `value`. Both halves are computed and one is kept: no branch.
    @inline(__always)
    private static func replacingBytes(of a: V128, at byteIndex: Int, width: Int, with value: UInt64) -> V128 {
        let shift = UInt64((byteIndex & 7) &* 8)
        let laneMask = (UInt64.max &>> UInt64(64 &- 8 &* width)) &<< shift
        let inserted = (value &<< shift) & laneMask
        let inHigh = byteIndex & 8 != 0
        return V128(low: inHigh ? a.low : (a.low & ~laneMask) | inserted,
                    high: inHigh ? (a.high & ~laneMask) | inserted : a.high)
    }

    /// i8x16.replace_lane: lane `lane` (0..<16) set to the low 8 bits of `x`.
    @inline(__always)
    static func i8x16ReplaceLane(_ a: V128, _ lane: Int, _ x: UInt32) -> V128 {
        replacingBytes(of: a, at: lane & 15, width: 1, with: UInt64(x))
    }
    /// i16x8.replace_lane: lane `lane` (0..<8) set to the low 16 bits of `x`.
    @inline(__always)
    static func i16x8ReplaceLane(_ a: V128, _ lane: Int, _ x: UInt32) -> V128 {
        replacingBytes(of: a, at: (lane & 7) &* 2, width: 2, with: UInt64(x))
    }
    /// i32x4.replace_lane (lane 0..<4)
    @inline(__always)
    static func i32x4ReplaceLane(_ a: V128, _ lane: Int, _ x: UInt32) -> V128 {
        replacingBytes(of: a, at: (lane & 3) &* 4, width: 4, with: UInt64(x))
    }
    /// i64x2.replace_lane (lane 0..<2)
    @inline(__always)
    static func i64x2ReplaceLane(_ a: V128, _ lane: Int, _ x: UInt64) -> V128 {
        lane & 1 == 0 ? V128(low: x, high: a.high) : V128(low: a.low, high: x)
    }
    /// f32x4.replace_lane (lane 0..<4; the bits of `x` unchanged)
    @inline(__always)
    static func f32x4ReplaceLane(_ a: V128, _ lane: Int, _ x: Float) -> V128 {
        i32x4ReplaceLane(a, lane, x.bitPattern)
    }
    /// f64x2.replace_lane (lane 0..<2)
    @inline(__always)
    static func f64x2ReplaceLane(_ a: V128, _ lane: Int, _ x: Double) -> V128 {
        i64x2ReplaceLane(a, lane, x.bitPattern)
    }

    // MARK: shuffle, swizzle
    //
    // Without SSSE3's byte shuffle in baseline x86-64 code, these read bytes from a 32-byte table
    // on the stack: over a hundred instructions, so they stay out of line (`@inline(never)`) to
    // keep the interpreter's dispatch loop small and free of the stack buffer.

    /// i8x16.shuffle: byte i of the result is byte `lanes[i]` of the 32-byte concatenation
    /// `a ++ b`. `lanes` is the instruction's immediate, one lane index (0..<32) per byte.
    @inline(never)
    static func i8x16Shuffle(_ a: V128, _ b: V128, lanes: V128) -> V128 {
        let table = (a.low, a.high, b.low, b.high)
        return withUnsafeBytes(of: table) { source in
            V128(low: gatherBytes(source, indices: lanes.low, indexMask: 31),
                 high: gatherBytes(source, indices: lanes.high, indexMask: 31))
        }
    }

    /// i8x16.swizzle: byte i of the result is byte `b[i]` of `a`, or 0 where `b[i]` ≥ 16.
    @inline(never)
    static func i8x16Swizzle(_ a: V128, _ b: V128) -> V128 {
        // Out-of-range indices (16...255) read from the zero half of a 32-byte table: an index
        // ≥ 16 is mapped to 16 | (index & 15) by setting its bit 4 when any bit above 3 is set.
        let table = (a.low, a.high, UInt64(0), UInt64(0))
        return withUnsafeBytes(of: table) { source in
            V128(low: gatherBytes(source, indices: saturateIndices(b.low), indexMask: 31),
                 high: gatherBytes(source, indices: saturateIndices(b.high), indexMask: 31))
        }
    }

    /// Eight bytes of `source` at the byte indices packed in `indices` (lowest byte first), each
    /// index masked with `indexMask`.
    @inline(__always)
    private static func gatherBytes(_ source: UnsafeRawBufferPointer, indices: UInt64, indexMask: UInt64) -> UInt64 {
        var result: UInt64 = 0
        for i in 0..<8 {
            let index = Int((indices &>> UInt64(i &* 8)) & indexMask)
            result |= UInt64(source[index]) &<< UInt64(i &* 8)
        }
        return result
    }

    /// For each byte index: unchanged if < 16, else with bit 4 set (so it lands in 16..<32
    /// after masking with 31).
    @inline(__always)
    private static func saturateIndices(_ indices: UInt64) -> UInt64 {
        // A byte is ≥ 16 iff any of its bits 4...7 is set; fold those bits down onto bit 4.
        let high = indices & 0xF0F0_F0F0_F0F0_F0F0
        let anyHigh = (high | (high &>> 1) | (high &>> 2) | (high &>> 3)) & 0x1010_1010_1010_1010
        return indices | anyHigh
    }
}
