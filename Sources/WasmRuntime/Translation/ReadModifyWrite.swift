// Read-modify-write of an f64 in memory (DESIGN.md, "Peepholes"): `p->v += x` and
// `p->v -= x` load the f64, add or subtract, and store it back at the same address. When the
// load is the instruction right before an `f64AddStore`/`f64SubStore` to the same address
// and offset, or before one f64 computation that precedes it (`p->v -= a * b * c`: the load,
// the product, the subtraction), and its result is an operand slot the arithmetic consumes,
// the load and store become one `f64AddToMemory`/`f64SubFromMemory` after that computation
// (which neither traps nor touches memory, reads the load's slot or writes the address, so
// the load may come after it): one bounds check (the load's and the store's are the
// same), then §4.4.7 load, §4.4.3 the operation, §4.4.7 store. (The add is commutative up to
// which NaN operand's payload a NaN result carries, which §4.3.3 leaves open.)

extension Translator {
    /// Joins the `f64AddStore`/`f64SubStore` just emitted with the `load64` before it (or
    /// before the f64 computation before it) when that load read the stored-to f64 into a
    /// slot only the arithmetic reads.
    mutating func fuseReadModifyWrite() {
        let store = code.count - 1
        var load = store - 1
        if load > labelPosition, let computation = F64Computation(code[load]), case .load64(let loaded, let address, _) = code[load - 1],
           computation.result != loaded, computation.result != address, !computation.operands.contains(loaded) {
            load -= 1
        }
        guard load >= labelPosition, case .load64(let loaded, let address, let offset) = code[load],
              loaded >= operandBase else { return }
        let fused: InternalInstruction
        switch code[store] {
        case .f64AddStore(address, let lhs, let rhs, offset) where Slot(lhs) == loaded && rhs != loaded:
            fused = .f64AddToMemory(address: address, value: rhs, offset: offset)
        case .f64AddStore(address, let lhs, loaded, offset) where Slot(lhs) != loaded:
            fused = .f64AddToMemory(address: address, value: Slot(lhs), offset: offset)
        case .f64SubStore(address, let lhs, let rhs, offset) where Slot(lhs) == loaded && rhs != loaded:
            fused = .f64SubFromMemory(address: address, value: rhs, offset: offset)
        default:
            return
        }
        code.remove(at: load)
        code[code.count - 1] = fused
    }
}

/// An f64 computation that neither traps nor touches memory: its result and operand slots.
private struct F64Computation {
    var result: Slot
    var operands: [Slot]

    init?(_ instruction: InternalInstruction) {
        if let arithmetic = F64Arithmetic(instruction) {
            (result, operands) = (arithmetic.result, [arithmetic.lhs, arithmetic.rhs])
            return
        }
        switch instruction {
        case .f64AddAdd(let r, let a, let b, let c), .f64AddMul(let r, let a, let b, let c),
             .f64AddSub(let r, let a, let b, let c), .f64AddSubFrom(let r, let a, let b, let c),
             .f64SubAdd(let r, let a, let b, let c), .f64SubMul(let r, let a, let b, let c),
             .f64SubSub(let r, let a, let b, let c), .f64SubSubFrom(let r, let a, let b, let c),
             .f64MulAdd(let r, let a, let b, let c), .f64MulMul(let r, let a, let b, let c),
             .f64MulSub(let r, let a, let b, let c), .f64MulSubFrom(let r, let a, let b, let c):
            (result, operands) = (Slot(r), [Slot(a), Slot(b), Slot(c)])
        default:
            return nil
        }
    }
}
