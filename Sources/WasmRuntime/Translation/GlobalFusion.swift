// The shadow-stack-pointer peephole (DESIGN.md, "Translation"): C compilers keep the stack
// pointer in a mutable i32 global and adjust it on entry and exit of most functions:
//
//   prologue  global.get $sp, i32.const N, i32.sub, local.tee $fp, global.set $sp
//   epilogue  local.get $fp, i32.const N, i32.add, global.set $sp
//
// translated as three (`globalGet`, `i32AddImm` of −N redirected into the local, `globalSet`) and
// two (`i32AddImm`, `globalSet`) instructions. Each sequence becomes one instruction
// (`globalAddImmTee`, `globalSetAddImm`): fewer dispatches per call. Slots and the adjustment
// must fit 16 bits (the payload stays within 12 bytes) and no label may lie inside.

extension Translator {
    /// Emits `global.set` of the single-slot global `cell` from `value`, fused with the
    /// instructions that just computed the value when they form one of the sequences above.
    mutating func emitGlobalSet(cell: UnsafeMutablePointer<UInt64>, value: Slot, valueHome: Slot) {
        let last = code.count - 1
        // The last instruction wrote `result` and nothing ran since: `value` holds its result.
        guard last >= labelPosition, let (result, lhs, adjustment) = Self.immediateAdjustment(code[last]) else {
            emit(.globalSet(cell: cell, source: value))
            return
        }
        if result == valueHome, value == result, let source = ShortSlot(exactly: lhs) {
            // Epilogue: the adjusted value is a temporary only the global receives.
            code[last] = .globalSetAddImm(cell: cell, source: source, adjustment: adjustment)
            lastProducer = nil
            lastCopy = nil
            return
        }
        if value == result, result < operandBase, lhs >= operandBase, let local = ShortSlot(exactly: result),
           last - 1 >= labelPosition, case .globalGet(cell, lhs) = code[last - 1] {
            // Prologue: global.get's result slot is a temporary the subtraction consumed.
            code.removeLast()
            code[last - 1] = .globalAddImmTee(cell: cell, local: local, adjustment: adjustment)
            lastProducer = nil
            lastCopy = nil
            return
        }
        emit(.globalSet(cell: cell, source: value))
    }

    /// The result and operand slots of an i32 add of an immediate (subtractions of a constant
    /// are translated as additions), and the immediate as a signed 16-bit addend; `nil` for
    /// other instructions or larger immediates.
    static func immediateAdjustment(_ instruction: InternalInstruction) -> (Slot, Slot, Int16)? {
        guard case .i32AddImm(let result, let lhs, let immediate) = instruction,
              let addend = Int16(exactly: Int32(bitPattern: immediate)) else { return nil }
        return (result, lhs, addend)
    }
}
