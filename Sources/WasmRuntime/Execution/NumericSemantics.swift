// Numerics (spec §4.3.2 integer operations, §4.3.3 floating-point operations, §4.3.4
// conversions) where Swift's operators do not already have the spec's semantics.

// MARK: §4.3.2 integer division and remainder

@inline(__always)
func divS<T: FixedWidthInteger & SignedInteger>(_ lhs: T, _ rhs: T) throws(TrapReason) -> T {
    guard rhs != 0 else { throw .integerDivideByZero }
    guard !(lhs == T.min && rhs == -1) else { throw .integerOverflow }  // result 2^(N-1) unrepresentable
    return lhs / rhs
}

@inline(__always)
func divU<T: FixedWidthInteger & UnsignedInteger>(_ lhs: T, _ rhs: T) throws(TrapReason) -> T {
    guard rhs != 0 else { throw .integerDivideByZero }
    return lhs / rhs
}

@inline(__always)
func remS<T: FixedWidthInteger & SignedInteger>(_ lhs: T, _ rhs: T) throws(TrapReason) -> T {
    guard rhs != 0 else { throw .integerDivideByZero }
    return rhs == -1 ? 0 : lhs % rhs  // T.min % -1 is 0, but Swift's % would overflow
}

@inline(__always)
func remU<T: FixedWidthInteger & UnsignedInteger>(_ lhs: T, _ rhs: T) throws(TrapReason) -> T {
    guard rhs != 0 else { throw .integerDivideByZero }
    return lhs % rhs
}

/// §4.3.2 irotl.
@inline(__always)
func rotateLeft<T: FixedWidthInteger & UnsignedInteger>(_ value: T, _ count: T) -> T {
    let k = count & T(T.bitWidth - 1)
    return (value &<< k) | (value &>> (T(T.bitWidth) &- k))
}

/// §4.3.2 irotr.
@inline(__always)
func rotateRight<T: FixedWidthInteger & UnsignedInteger>(_ value: T, _ count: T) -> T {
    let k = count & T(T.bitWidth - 1)
    return (value &>> k) | (value &<< (T(T.bitWidth) &- k))
}

// MARK: §4.3.3 fmin, fmax

/// §4.3.3 fmin: NaN if either operand is NaN; -0 is smaller than +0.
@inline(__always)
func wasmMinimum<T: BinaryFloatingPoint>(_ lhs: T, _ rhs: T) -> T {
    if lhs.isNaN || rhs.isNaN { return lhs + rhs }  // propagates a NaN (§4.3.3 NaN propagation)
    if lhs == rhs { return lhs.sign == .minus ? lhs : rhs }  // also picks -0 over +0
    return lhs < rhs ? lhs : rhs
}

/// §4.3.3 fmax: NaN if either operand is NaN; +0 is larger than -0.
@inline(__always)
func wasmMaximum<T: BinaryFloatingPoint>(_ lhs: T, _ rhs: T) -> T {
    if lhs.isNaN || rhs.isNaN { return lhs + rhs }
    if lhs == rhs { return lhs.sign == .minus ? rhs : lhs }
    return lhs > rhs ? lhs : rhs
}

// MARK: §4.3.4 trunc (trapping) and trunc_sat

/// §4.3.4 trunc_s / trunc_u: truncates toward zero; NaN traps with "invalid conversion to
/// integer", a result out of range with "integer overflow". `lower` and `upper` are the
/// exclusive bounds of the source values that truncate into `T`, exact in `F`.
@inline(__always)
func truncate<F: BinaryFloatingPoint, T: FixedWidthInteger>(_ value: F, exclusiveLower lower: F, exclusiveUpper upper: F, to: T.Type) throws(TrapReason) -> T {
    guard !value.isNaN else { throw .invalidConversionToInteger }
    guard value > lower && value < upper else { throw .integerOverflow }
    return T(value)
}

/// §4.3.4 trunc_sat_s / trunc_sat_u: NaN gives 0, out-of-range values saturate.
@inline(__always)
func truncateSaturating<F: BinaryFloatingPoint, T: FixedWidthInteger>(_ value: F, to: T.Type) -> T {
    if value.isNaN { return 0 }
    if value <= F(T.min) { return T.min }
    if value >= F(T.max) { return T.max }  // F(T.max) rounds up to 2^N for N ≥ 32: still exclusive
    return T(value)
}

/// The exclusive truncation bounds of §4.3.4 for each integer type, as exact Float/Double values.
enum TruncationBounds {
    static let i32LowerF32: Float = -2147483904.0          // next f32 below -2^31
    static let i32LowerF64: Double = -2147483649.0
    static let i32Upper: Float = 2147483648.0              // 2^31
    static let i32UpperF64: Double = 2147483648.0
    static let u32UpperF32: Float = 4294967296.0           // 2^32
    static let u32UpperF64: Double = 4294967296.0
    static let i64LowerF32: Float = -9223373136366403584.0 // next f32 below -2^63
    static let i64LowerF64: Double = -9223372036854777856.0 // next f64 below -2^63
    static let i64UpperF32: Float = 9223372036854775808.0  // 2^63
    static let i64UpperF64: Double = 9223372036854775808.0
    static let u64UpperF32: Float = 18446744073709551616.0 // 2^64
    static let u64UpperF64: Double = 18446744073709551616.0
}
