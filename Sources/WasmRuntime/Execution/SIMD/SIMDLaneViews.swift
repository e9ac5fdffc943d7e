// Vector values seen as lanes (spec §4.2.1 / §4.3.1 lanes_t): a v128 is interpreted as a vector
// of 16 i8, 8 i16, 4 i32, 2 i64, 4 f32 or 2 f64 lanes, lane 0 at the lowest byte.
//
// The SIMD files define one static function on `V128` per vector instruction, named after the
// WasmCore operator case, for the interpreter's own switch to call:
// - `SIMDOperator` case `x`: `V128.x(a)` (unary), `V128.x(a, b)` (binary),
//   `V128.v128Bitselect(a, b, mask)`, shifts `V128.x(a, count)` with the i32 count as UInt32,
//   splats `V128.x(scalar)` (UInt32 for i8/i16/i32, UInt64 for i64, Float, Double), and the
//   tests (`v128AnyTrue`, `…AllTrue` → Bool, `…Bitmask` → UInt32).
// - `SIMDLaneOperator` case `x`: `V128.x(a, lane)` → UInt32 / UInt64 / Float / Double, and
//   `V128.x(a, lane, scalar)` → V128 for replace_lane.
// - `i8x16.shuffle`: `V128.i8x16Shuffle(a, b, lanes: immediate)`.
// - `SIMDLoadOperator` / `SIMDMemoryLaneOperator` case `x`: `V128.x(bytes)` with the loaded bytes
//   as a little-endian integer of the access width, `V128.x(a, lane, bytes)` for the lane loads,
//   `V128.x(a, lane)` → the bytes to store for the lane stores. v128.load, v128.store and
//   v128.const need no function: their value is the two halves as they are.
// Lane indices are `Int`s below the lane count (validated immediates).
//
// `V128` holds two little-endian 64-bit halves, and the standard library's SIMD types on a
// little-endian host keep lane 0 in the lowest bytes too, so a view is a plain bit cast: no
// shuffling, no memory round trip. (Every platform Swift targets for this project is
// little-endian.)
//
// How the SIMD files use the standard library, so that release builds get vector code (checked
// in the generated assembly; the generic fallbacks of `SIMD` are lane-by-lane loops that LLVM
// only partly vectorizes, sometimes with branches):
// - lane arithmetic `&+ &- &*`, float `+ - * /` and comparisons between two vectors of a
//   concrete type (these map to single vector instructions);
// - bitwise operations and selects on the two 64-bit halves (`&`, `|`, `^`, `~`, `select`
//   below), never `SIMD`'s `&`/`replacing(with:where:)` loops;
// - widening from and narrowing to one 64-bit half with 8-, 4- or 2-lane types
//   (`init(truncatingIfNeeded:)`), never 16-lane conversions or `lowHalf`/`evenHalf`.

import WasmCore

extension V128 {
    /// The vector whose lanes are those of `lanes`: any 16-byte SIMD vector, or the mask of a
    /// comparison of such vectors, whose lanes are then all ones (-1) where true and 0 where
    /// false — the result of the vector relations (§4.4.3 vrelop).
    @inline(__always)
    init<Lanes: SIMD>(_ lanes: Lanes) {
        self = unsafeBitCast(lanes, to: V128.self)
    }

    /// lanes_i8x16, signed.
    @inline(__always) var i8x16: SIMD16<Int8> { unsafeBitCast(self, to: SIMD16<Int8>.self) }
    /// lanes_i8x16, unsigned.
    @inline(__always) var u8x16: SIMD16<UInt8> { unsafeBitCast(self, to: SIMD16<UInt8>.self) }
    /// lanes_i16x8, signed.
    @inline(__always) var i16x8: SIMD8<Int16> { unsafeBitCast(self, to: SIMD8<Int16>.self) }
    /// lanes_i16x8, unsigned.
    @inline(__always) var u16x8: SIMD8<UInt16> { unsafeBitCast(self, to: SIMD8<UInt16>.self) }
    /// lanes_i32x4, signed.
    @inline(__always) var i32x4: SIMD4<Int32> { unsafeBitCast(self, to: SIMD4<Int32>.self) }
    /// lanes_i32x4, unsigned.
    @inline(__always) var u32x4: SIMD4<UInt32> { unsafeBitCast(self, to: SIMD4<UInt32>.self) }
    /// lanes_i64x2, signed.
    @inline(__always) var i64x2: SIMD2<Int64> { unsafeBitCast(self, to: SIMD2<Int64>.self) }
    /// lanes_i64x2, unsigned.
    @inline(__always) var u64x2: SIMD2<UInt64> { unsafeBitCast(self, to: SIMD2<UInt64>.self) }
    /// lanes_f32x4.
    @inline(__always) var f32x4: SIMD4<Float> { unsafeBitCast(self, to: SIMD4<Float>.self) }
    /// lanes_f64x2.
    @inline(__always) var f64x2: SIMD2<Double> { unsafeBitCast(self, to: SIMD2<Double>.self) }

    // MARK: bitwise helpers on the halves

    @inline(__always)
    static func & (a: V128, b: V128) -> V128 { V128(low: a.low & b.low, high: a.high & b.high) }
    @inline(__always)
    static func | (a: V128, b: V128) -> V128 { V128(low: a.low | b.low, high: a.high | b.high) }
    @inline(__always)
    static func ^ (a: V128, b: V128) -> V128 { V128(low: a.low ^ b.low, high: a.high ^ b.high) }
    @inline(__always)
    static prefix func ~ (a: V128) -> V128 { V128(low: ~a.low, high: ~a.high) }

    /// Each bit from `ifTrue` where `mask` has a 1 and from `ifFalse` where it has a 0; with a
    /// comparison's all-ones/zero lanes as `mask`, a lane-wise select.
    @inline(__always)
    static func select(_ mask: V128, _ ifTrue: V128, _ ifFalse: V128) -> V128 {
        (ifTrue & mask) | (ifFalse & ~mask)
    }

    /// The vector with the 64 bits `half` in both halves: a splat of a 64-bit lane pattern.
    @inline(__always)
    static func repeating(_ half: UInt64) -> V128 { V128(low: half, high: half) }
}

extension UInt64 {
    /// This half of a vector as 8, 4 or 2 lanes (e.g. `SIMD8<Int8>`), lane 0 in the lowest bits.
    @inline(__always)
    func lanes<Lanes: SIMD>(_: Lanes.Type) -> Lanes { unsafeBitCast(self, to: Lanes.self) }

    /// The half of a vector holding `lanes`, an 8-byte SIMD vector.
    @inline(__always)
    init<Lanes: SIMD>(lanes: Lanes) { self = unsafeBitCast(lanes, to: UInt64.self) }
}
