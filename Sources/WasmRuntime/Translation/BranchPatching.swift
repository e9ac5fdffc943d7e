// Branch targets of the internal code: rewriting the offset of a branch once its target is
// known (forward branches are emitted before their label is placed).

extension InternalInstruction {
    /// This branch with its offset replaced; `nil` if the instruction does not branch.
    func withBranchOffset(_ offset: Int32) -> InternalInstruction? {
        switch self {
        case .br(_): .br(offset: offset)
        case .copyBr(let p0, let p1, _): .copyBr(destination: p0, source: p1, offset: offset)
        case .const32Br(let p0, let p1, _): .const32Br(result: p0, value: p1, offset: offset)
        case .brIf(let p0, _): .brIf(condition: p0, offset: offset)
        case .brIfNot(let p0, _): .brIfNot(condition: p0, offset: offset)
        case .brIfI32Eq(let p0, let p1, _): .brIfI32Eq(lhs: p0, rhs: p1, offset: offset)
        case .brIfI32Ne(let p0, let p1, _): .brIfI32Ne(lhs: p0, rhs: p1, offset: offset)
        case .brIfI32LtS(let p0, let p1, _): .brIfI32LtS(lhs: p0, rhs: p1, offset: offset)
        case .brIfI32LtU(let p0, let p1, _): .brIfI32LtU(lhs: p0, rhs: p1, offset: offset)
        case .brIfI32GtS(let p0, let p1, _): .brIfI32GtS(lhs: p0, rhs: p1, offset: offset)
        case .brIfI32GtU(let p0, let p1, _): .brIfI32GtU(lhs: p0, rhs: p1, offset: offset)
        case .brIfI32LeS(let p0, let p1, _): .brIfI32LeS(lhs: p0, rhs: p1, offset: offset)
        case .brIfI32LeU(let p0, let p1, _): .brIfI32LeU(lhs: p0, rhs: p1, offset: offset)
        case .brIfI32GeS(let p0, let p1, _): .brIfI32GeS(lhs: p0, rhs: p1, offset: offset)
        case .brIfI32GeU(let p0, let p1, _): .brIfI32GeU(lhs: p0, rhs: p1, offset: offset)
        case .brIfI32EqImm(let p0, let p1, _): .brIfI32EqImm(lhs: p0, immediate: p1, offset: offset)
        case .brIfI32NeImm(let p0, let p1, _): .brIfI32NeImm(lhs: p0, immediate: p1, offset: offset)
        case .brIfI32LtSImm(let p0, let p1, _): .brIfI32LtSImm(lhs: p0, immediate: p1, offset: offset)
        case .brIfI32LtUImm(let p0, let p1, _): .brIfI32LtUImm(lhs: p0, immediate: p1, offset: offset)
        case .brIfI32GtSImm(let p0, let p1, _): .brIfI32GtSImm(lhs: p0, immediate: p1, offset: offset)
        case .brIfI32GtUImm(let p0, let p1, _): .brIfI32GtUImm(lhs: p0, immediate: p1, offset: offset)
        case .brIfI32LeSImm(let p0, let p1, _): .brIfI32LeSImm(lhs: p0, immediate: p1, offset: offset)
        case .brIfI32LeUImm(let p0, let p1, _): .brIfI32LeUImm(lhs: p0, immediate: p1, offset: offset)
        case .brIfI32GeSImm(let p0, let p1, _): .brIfI32GeSImm(lhs: p0, immediate: p1, offset: offset)
        case .brIfI32GeUImm(let p0, let p1, _): .brIfI32GeUImm(lhs: p0, immediate: p1, offset: offset)
        case .brIfF64Eq(let p0, let p1, _): .brIfF64Eq(lhs: p0, rhs: p1, offset: offset)
        case .brIfF64Ne(let p0, let p1, _): .brIfF64Ne(lhs: p0, rhs: p1, offset: offset)
        case .brIfF64Lt(let p0, let p1, _): .brIfF64Lt(lhs: p0, rhs: p1, offset: offset)
        case .brIfF64Gt(let p0, let p1, _): .brIfF64Gt(lhs: p0, rhs: p1, offset: offset)
        case .brIfF64Le(let p0, let p1, _): .brIfF64Le(lhs: p0, rhs: p1, offset: offset)
        case .brIfF64Ge(let p0, let p1, _): .brIfF64Ge(lhs: p0, rhs: p1, offset: offset)
        case .brIfNotF64Lt(let p0, let p1, _): .brIfNotF64Lt(lhs: p0, rhs: p1, offset: offset)
        case .brIfNotF64Gt(let p0, let p1, _): .brIfNotF64Gt(lhs: p0, rhs: p1, offset: offset)
        case .brIfNotF64Le(let p0, let p1, _): .brIfNotF64Le(lhs: p0, rhs: p1, offset: offset)
        case .brIfNotF64Ge(let p0, let p1, _): .brIfNotF64Ge(lhs: p0, rhs: p1, offset: offset)
        case .brIfI64Zero(let p0, _): .brIfI64Zero(source: p0, offset: offset)
        case .brIfI64NonZero(let p0, _): .brIfI64NonZero(source: p0, offset: offset)
        case .brIfLoad32NonZero(let p0, let p1, _): .brIfLoad32NonZero(address: p0, memoryOffset: p1, offset: offset)
        case .brIfLoad32Zero(let p0, let p1, _): .brIfLoad32Zero(address: p0, memoryOffset: p1, offset: offset)
        case .brIfLoad8NonZero(let p0, let p1, _): .brIfLoad8NonZero(address: p0, memoryOffset: p1, offset: offset)
        case .brIfLoad8Zero(let p0, let p1, _): .brIfLoad8Zero(address: p0, memoryOffset: p1, offset: offset)
        case .brIfLoad32AtNonZero(let p0, _): .brIfLoad32AtNonZero(address: p0, offset: offset)
        case .brIfLoad32AtZero(let p0, _): .brIfLoad32AtZero(address: p0, offset: offset)
        case .brIfI32AndImm(let p0, let p1, _): .brIfI32AndImm(lhs: p0, mask: p1, offset: offset)
        case .brIfNotI32AndImm(let p0, let p1, _): .brIfNotI32AndImm(lhs: p0, mask: p1, offset: offset)
        case .brIfI64AndImm(let p0, let p1, _): .brIfI64AndImm(lhs: p0, mask: p1, offset: offset)
        case .brIfNotI64AndImm(let p0, let p1, _): .brIfNotI64AndImm(lhs: p0, mask: p1, offset: offset)
        default: nil
        }
    }
}
