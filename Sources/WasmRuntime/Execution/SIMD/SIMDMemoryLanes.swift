// §4.4.7 Memory instructions on vectors: what v128.load{M}x{N}_sx, v128.load{N}_splat,
// v128.load{N}_zero, v128.load{N}_lane and v128.store{N}_lane do with the bytes once the
// interpreter has checked the effective address and read them (little-endian, §4.4.7 step
// "bytes"). v128.load and v128.store move the two halves unchanged and need no helper.

import WasmCore

extension V128 {
    // MARK: v128.load{M}x{N}_sx: 8 bytes read as N lanes of M bits, each extended to 2M bits

    /// v128.load8x8_s: `bytes` (the 8 bytes read, little-endian) as 8 i8 lanes sign-extended to i16.
    @inline(__always)
    static func v128Load8x8S(_ bytes: UInt64) -> V128 {
        V128(SIMD8<Int16>(truncatingIfNeeded: unsafeBitCast(bytes, to: SIMD8<Int8>.self)))
    }
    /// v128.load8x8_u
    @inline(__always)
    static func v128Load8x8U(_ bytes: UInt64) -> V128 {
        V128(SIMD8<UInt16>(truncatingIfNeeded: unsafeBitCast(bytes, to: SIMD8<UInt8>.self)))
    }
    /// v128.load16x4_s
    @inline(__always)
    static func v128Load16x4S(_ bytes: UInt64) -> V128 {
        V128(SIMD4<Int32>(truncatingIfNeeded: unsafeBitCast(bytes, to: SIMD4<Int16>.self)))
    }
    /// v128.load16x4_u
    @inline(__always)
    static func v128Load16x4U(_ bytes: UInt64) -> V128 {
        V128(SIMD4<UInt32>(truncatingIfNeeded: unsafeBitCast(bytes, to: SIMD4<UInt16>.self)))
    }
    /// v128.load32x2_s
    @inline(__always)
    static func v128Load32x2S(_ bytes: UInt64) -> V128 {
        V128(low: UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: bytes))),
             high: UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: bytes &>> 32))))
    }
    /// v128.load32x2_u
    @inline(__always)
    static func v128Load32x2U(_ bytes: UInt64) -> V128 {
        V128(low: bytes & 0xFFFF_FFFF, high: bytes &>> 32)
    }

    // MARK: v128.load{N}_splat

    /// v128.load8_splat
    @inline(__always) static func v128Load8Splat(_ byte: UInt8) -> V128 { i8x16Splat(UInt32(byte)) }
    /// v128.load16_splat
    @inline(__always) static func v128Load16Splat(_ bytes: UInt16) -> V128 { i16x8Splat(UInt32(bytes)) }
    /// v128.load32_splat
    @inline(__always) static func v128Load32Splat(_ bytes: UInt32) -> V128 { i32x4Splat(bytes) }
    /// v128.load64_splat
    @inline(__always) static func v128Load64Splat(_ bytes: UInt64) -> V128 { i64x2Splat(bytes) }

    // MARK: v128.load{N}_zero

    /// v128.load32_zero: the 4 bytes in lane 0 of an i32x4, the other lanes 0.
    @inline(__always) static func v128Load32Zero(_ bytes: UInt32) -> V128 { V128(low: UInt64(bytes), high: 0) }
    /// v128.load64_zero: the 8 bytes in lane 0 of an i64x2, lane 1 is 0.
    @inline(__always) static func v128Load64Zero(_ bytes: UInt64) -> V128 { V128(low: bytes, high: 0) }

    // MARK: v128.load{N}_lane, v128.store{N}_lane

    /// v128.load8_lane: `a` with lane `lane` (0..<16) of its i8x16 shape set to `byte`.
    @inline(__always)
    static func v128Load8Lane(_ a: V128, _ lane: Int, _ byte: UInt8) -> V128 { i8x16ReplaceLane(a, lane, UInt32(byte)) }
    /// v128.load16_lane: lane `lane` (0..<8) of the i16x8 shape set to `bytes`.
    @inline(__always)
    static func v128Load16Lane(_ a: V128, _ lane: Int, _ bytes: UInt16) -> V128 { i16x8ReplaceLane(a, lane, UInt32(bytes)) }
    /// v128.load32_lane: lane `lane` (0..<4) of the i32x4 shape set to `bytes`.
    @inline(__always)
    static func v128Load32Lane(_ a: V128, _ lane: Int, _ bytes: UInt32) -> V128 { i32x4ReplaceLane(a, lane, bytes) }
    /// v128.load64_lane: lane `lane` (0..<2) of the i64x2 shape set to `bytes`.
    @inline(__always)
    static func v128Load64Lane(_ a: V128, _ lane: Int, _ bytes: UInt64) -> V128 { i64x2ReplaceLane(a, lane, bytes) }

    /// v128.store8_lane: the byte to store, lane `lane` (0..<16) of the i8x16 shape.
    @inline(__always)
    static func v128Store8Lane(_ a: V128, _ lane: Int) -> UInt8 { UInt8(truncatingIfNeeded: i8x16ExtractLaneU(a, lane)) }
    /// v128.store16_lane: the 2 bytes to store, lane `lane` (0..<8) of the i16x8 shape.
    @inline(__always)
    static func v128Store16Lane(_ a: V128, _ lane: Int) -> UInt16 { UInt16(truncatingIfNeeded: i16x8ExtractLaneU(a, lane)) }
    /// v128.store32_lane: the 4 bytes to store, lane `lane` (0..<4) of the i32x4 shape.
    @inline(__always)
    static func v128Store32Lane(_ a: V128, _ lane: Int) -> UInt32 { i32x4ExtractLane(a, lane) }
    /// v128.store64_lane: the 8 bytes to store, lane `lane` (0..<2) of the i64x2 shape.
    @inline(__always)
    static func v128Store64Lane(_ a: V128, _ lane: Int) -> UInt64 { i64x2ExtractLane(a, lane) }
}
