// §4.4.3 Vector instructions: shape.vrelop. Each lane of the result is all ones (-1) where the
// relation holds and 0 where it does not (§4.3.2 ieq, ine, ilt_s/u, igt_s/u, ile_s/u, ige_s/u;
// §4.3.3 feq, fne, flt, fgt, fle, fge). The standard library's float comparisons are IEEE's:
// `.==`, `.<`, `.<=`, `.>`, `.>=` are false when a lane is NaN and `.!=` is true, as the spec
// requires.

import WasmCore

extension V128 {
    // MARK: i8x16

    /// i8x16.eq
    @inline(__always) static func i8x16Eq(_ a: V128, _ b: V128) -> V128 { V128(a.u8x16 .== b.u8x16) }
    /// i8x16.ne
    @inline(__always) static func i8x16Ne(_ a: V128, _ b: V128) -> V128 { V128(a.u8x16 .!= b.u8x16) }
    /// i8x16.lt_s
    @inline(__always) static func i8x16LtS(_ a: V128, _ b: V128) -> V128 { V128(a.i8x16 .< b.i8x16) }
    /// i8x16.lt_u
    @inline(__always) static func i8x16LtU(_ a: V128, _ b: V128) -> V128 { V128(a.u8x16 .< b.u8x16) }
    /// i8x16.gt_s
    @inline(__always) static func i8x16GtS(_ a: V128, _ b: V128) -> V128 { V128(a.i8x16 .> b.i8x16) }
    /// i8x16.gt_u
    @inline(__always) static func i8x16GtU(_ a: V128, _ b: V128) -> V128 { V128(a.u8x16 .> b.u8x16) }
    /// i8x16.le_s
    @inline(__always) static func i8x16LeS(_ a: V128, _ b: V128) -> V128 { V128(a.i8x16 .<= b.i8x16) }
    /// i8x16.le_u
    @inline(__always) static func i8x16LeU(_ a: V128, _ b: V128) -> V128 { V128(a.u8x16 .<= b.u8x16) }
    /// i8x16.ge_s
    @inline(__always) static func i8x16GeS(_ a: V128, _ b: V128) -> V128 { V128(a.i8x16 .>= b.i8x16) }
    /// i8x16.ge_u
    @inline(__always) static func i8x16GeU(_ a: V128, _ b: V128) -> V128 { V128(a.u8x16 .>= b.u8x16) }

    // MARK: i16x8

    /// i16x8.eq
    @inline(__always) static func i16x8Eq(_ a: V128, _ b: V128) -> V128 { V128(a.u16x8 .== b.u16x8) }
    /// i16x8.ne
    @inline(__always) static func i16x8Ne(_ a: V128, _ b: V128) -> V128 { V128(a.u16x8 .!= b.u16x8) }
    /// i16x8.lt_s
    @inline(__always) static func i16x8LtS(_ a: V128, _ b: V128) -> V128 { V128(a.i16x8 .< b.i16x8) }
    /// i16x8.lt_u
    @inline(__always) static func i16x8LtU(_ a: V128, _ b: V128) -> V128 { V128(a.u16x8 .< b.u16x8) }
    /// i16x8.gt_s
    @inline(__always) static func i16x8GtS(_ a: V128, _ b: V128) -> V128 { V128(a.i16x8 .> b.i16x8) }
    /// i16x8.gt_u
    @inline(__always) static func i16x8GtU(_ a: V128, _ b: V128) -> V128 { V128(a.u16x8 .> b.u16x8) }
    /// i16x8.le_s
    @inline(__always) static func i16x8LeS(_ a: V128, _ b: V128) -> V128 { V128(a.i16x8 .<= b.i16x8) }
    /// i16x8.le_u
    @inline(__always) static func i16x8LeU(_ a: V128, _ b: V128) -> V128 { V128(a.u16x8 .<= b.u16x8) }
    /// i16x8.ge_s
    @inline(__always) static func i16x8GeS(_ a: V128, _ b: V128) -> V128 { V128(a.i16x8 .>= b.i16x8) }
    /// i16x8.ge_u
    @inline(__always) static func i16x8GeU(_ a: V128, _ b: V128) -> V128 { V128(a.u16x8 .>= b.u16x8) }

    // MARK: i32x4

    /// i32x4.eq
    @inline(__always) static func i32x4Eq(_ a: V128, _ b: V128) -> V128 { V128(a.u32x4 .== b.u32x4) }
    /// i32x4.ne
    @inline(__always) static func i32x4Ne(_ a: V128, _ b: V128) -> V128 { V128(a.u32x4 .!= b.u32x4) }
    /// i32x4.lt_s
    @inline(__always) static func i32x4LtS(_ a: V128, _ b: V128) -> V128 { V128(a.i32x4 .< b.i32x4) }
    /// i32x4.lt_u
    @inline(__always) static func i32x4LtU(_ a: V128, _ b: V128) -> V128 { V128(a.u32x4 .< b.u32x4) }
    /// i32x4.gt_s
    @inline(__always) static func i32x4GtS(_ a: V128, _ b: V128) -> V128 { V128(a.i32x4 .> b.i32x4) }
    /// i32x4.gt_u
    @inline(__always) static func i32x4GtU(_ a: V128, _ b: V128) -> V128 { V128(a.u32x4 .> b.u32x4) }
    /// i32x4.le_s
    @inline(__always) static func i32x4LeS(_ a: V128, _ b: V128) -> V128 { V128(a.i32x4 .<= b.i32x4) }
    /// i32x4.le_u
    @inline(__always) static func i32x4LeU(_ a: V128, _ b: V128) -> V128 { V128(a.u32x4 .<= b.u32x4) }
    /// i32x4.ge_s
    @inline(__always) static func i32x4GeS(_ a: V128, _ b: V128) -> V128 { V128(a.i32x4 .>= b.i32x4) }
    /// i32x4.ge_u
    @inline(__always) static func i32x4GeU(_ a: V128, _ b: V128) -> V128 { V128(a.u32x4 .>= b.u32x4) }

    // MARK: i64x2 (signed relations only)

    /// i64x2.eq
    @inline(__always) static func i64x2Eq(_ a: V128, _ b: V128) -> V128 { V128(a.u64x2 .== b.u64x2) }
    /// i64x2.ne
    @inline(__always) static func i64x2Ne(_ a: V128, _ b: V128) -> V128 { V128(a.u64x2 .!= b.u64x2) }
    /// i64x2.lt_s
    @inline(__always) static func i64x2LtS(_ a: V128, _ b: V128) -> V128 { V128(a.i64x2 .< b.i64x2) }
    /// i64x2.gt_s
    @inline(__always) static func i64x2GtS(_ a: V128, _ b: V128) -> V128 { V128(a.i64x2 .> b.i64x2) }
    /// i64x2.le_s
    @inline(__always) static func i64x2LeS(_ a: V128, _ b: V128) -> V128 { V128(a.i64x2 .<= b.i64x2) }
    /// i64x2.ge_s
    @inline(__always) static func i64x2GeS(_ a: V128, _ b: V128) -> V128 { V128(a.i64x2 .>= b.i64x2) }

    // MARK: f32x4

    /// f32x4.eq
    @inline(__always) static func f32x4Eq(_ a: V128, _ b: V128) -> V128 { V128(a.f32x4 .== b.f32x4) }
    /// f32x4.ne (true where either lane is NaN)
    @inline(__always) static func f32x4Ne(_ a: V128, _ b: V128) -> V128 { V128(a.f32x4 .!= b.f32x4) }
    /// f32x4.lt
    @inline(__always) static func f32x4Lt(_ a: V128, _ b: V128) -> V128 { V128(a.f32x4 .< b.f32x4) }
    /// f32x4.gt
    @inline(__always) static func f32x4Gt(_ a: V128, _ b: V128) -> V128 { V128(a.f32x4 .> b.f32x4) }
    /// f32x4.le
    @inline(__always) static func f32x4Le(_ a: V128, _ b: V128) -> V128 { V128(a.f32x4 .<= b.f32x4) }
    /// f32x4.ge
    @inline(__always) static func f32x4Ge(_ a: V128, _ b: V128) -> V128 { V128(a.f32x4 .>= b.f32x4) }

    // MARK: f64x2

    /// f64x2.eq
    @inline(__always) static func f64x2Eq(_ a: V128, _ b: V128) -> V128 { V128(a.f64x2 .== b.f64x2) }
    /// f64x2.ne (true where either lane is NaN)
    @inline(__always) static func f64x2Ne(_ a: V128, _ b: V128) -> V128 { V128(a.f64x2 .!= b.f64x2) }
    /// f64x2.lt
    @inline(__always) static func f64x2Lt(_ a: V128, _ b: V128) -> V128 { V128(a.f64x2 .< b.f64x2) }
    /// f64x2.gt
    @inline(__always) static func f64x2Gt(_ a: V128, _ b: V128) -> V128 { V128(a.f64x2 .> b.f64x2) }
    /// f64x2.le
    @inline(__always) static func f64x2Le(_ a: V128, _ b: V128) -> V128 { V128(a.f64x2 .<= b.f64x2) }
    /// f64x2.ge
    @inline(__always) static func f64x2Ge(_ a: V128, _ b: V128) -> V128 { V128(a.f64x2 .>= b.f64x2) }
}
