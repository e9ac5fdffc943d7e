// `v[i]` whose address a local keeps for a later store (`t = v[i]; … v[i] = u` in a sort's
// partition loop): an `i32ShlAddImm` computing the address into the local, then a 4-byte load
// from it, become one `load32UScaledKeeping` (joined by `Translator.joinLastTwo`), which
// writes the address and then loads from it, as the two instructions do. (Where the address
// is used by the load only, `load32UScaled` takes its place without keeping it.)

extension InternalInstruction {
    /// `first` (an `i32ShlAddImm`) then `second` (a 4-byte load, offset 0, from its result) as
    /// one `load32UScaledKeeping`, when the result slots are short.
    static func scaledLoadKeepingAddress(_ first: InternalInstruction, _ second: InternalInstruction) -> InternalInstruction? {
        guard case .i32ShlAddImm(let address, let index, let shift, let displacement) = first,
              case .load32U(let result, address, 0) = second,
              let a = ShortSlot(exactly: address), let r = ShortSlot(exactly: result) else { return nil }
        return .load32UScaledKeeping(result: r, address: a, index: index, shift: shift, displacement: displacement)
    }
}
