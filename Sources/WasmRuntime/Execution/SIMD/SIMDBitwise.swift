// §4.4.3 Vector instructions: v128.vvunop, v128.vvbinop, v128.vvternop and v128.any_true.
// These ignore lane boundaries (§4.3.2 inot, iand, iandnot, ior, ixor, ibitselect).

import WasmCore

extension V128 {
    /// v128.not (§4.3.2 inot).
    @inline(__always)
    static func v128Not(_ a: V128) -> V128 { ~a }

    /// v128.and (§4.3.2 iand).
    @inline(__always)
    static func v128And(_ a: V128, _ b: V128) -> V128 { a & b }

    /// v128.andnot (§4.3.2 iandnot): `a & ~b`.
    @inline(__always)
    static func v128AndNot(_ a: V128, _ b: V128) -> V128 { a & ~b }

    /// v128.or (§4.3.2 ior).
    @inline(__always)
    static func v128Or(_ a: V128, _ b: V128) -> V128 { a | b }

    /// v128.xor (§4.3.2 ixor).
    @inline(__always)
    static func v128Xor(_ a: V128, _ b: V128) -> V128 { a ^ b }

    /// v128.bitselect (§4.3.2 ibitselect): each bit from `a` where the bit of `mask` is 1,
    /// from `b` where it is 0.
    @inline(__always)
    static func v128Bitselect(_ a: V128, _ b: V128, _ mask: V128) -> V128 { select(mask, a, b) }

    /// v128.any_true: whether any bit of the vector is 1.
    @inline(__always)
    static func v128AnyTrue(_ a: V128) -> Bool { (a.low | a.high) != 0 }
}
