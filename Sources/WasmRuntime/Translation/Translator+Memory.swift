// Translation of memory instructions (§4.4.7) and table instructions (§4.4.6).

import WasmCore

extension Translator {
    mutating func translateLoad(_ op: LoadOperator, _ memarg: MemArg) {
        let addressOperand = pop()
        if let constant = addressOperand.constant {
            // §4.4.7: the effective address is computed without wrapping, so a constant
            // address and the offset add up to a constant below 2^33.
            let ea = UInt64(UInt32(truncatingIfNeeded: constant)) + UInt64(memarg.offset)
            switch op {
            case .i32Load8U, .i64Load8U:
                emitProducer(.load8UAt(address: ea, result: push(op.valueType)))
                return
            case .i32Load, .f32Load, .i64Load32U:
                emitProducer(.load32UAt(address: ea, result: push(op.valueType)))
                return
            case .i64Load, .f64Load:
                emitProducer(.load64At(address: ea, result: push(op.valueType)))
                return
            default:
                break
            }
        }
        let address = slot(of: addressOperand)
        let result = push(op.valueType)
        let offset = memarg.offset
        if offset == 0, let producer = instructionComputing(addressOperand),
           let fused = Self.loadFusing(op, with: producer, address: addressOperand.home, result: result) {
            // The address was computed just before for this load only: one instruction does both.
            code[code.count - 1] = fused
            fuseOredBase()
            return
        }
        switch op {
        case .i32Load8S, .i64Load8S: emitProducer(.load8S(result: result, address: address, offset: offset))
        case .i32Load8U, .i64Load8U: emitProducer(.load8U(result: result, address: address, offset: offset))
        case .i32Load16S, .i64Load16S: emitProducer(.load16S(result: result, address: address, offset: offset))
        case .i32Load16U, .i64Load16U: emitProducer(.load16U(result: result, address: address, offset: offset))
        case .i64Load32S: emitProducer(.load32S(result: result, address: address, offset: offset))
        case .i32Load, .f32Load, .i64Load32U: emitProducer(.load32U(result: result, address: address, offset: offset))
        case .i64Load, .f64Load: emitProducer(.load64(result: result, address: address, offset: offset))
        }
    }

    /// A `load8UDisplaced` just emitted whose base an `i32.or` with a small constant computed
    /// right before, for it only (`data[(i | 3) + k]`: clang's unrolled byte loops index with
    /// `or` where the bits are known clear): one `load8UOrDisplaced`.
    mutating func fuseOredBase() {
        let load = code.count - 1, or = load - 1
        guard or >= labelPosition, case .load8UDisplaced(let result, let base, let displacement) = code[load],
              case .i32OrImm(base, let lhs, let immediate) = code[or], base >= operandBase,
              let mask = Int16(exactly: immediate) else { return }
        code[or] = .load8UOrDisplaced(result: result, base: lhs, mask: mask, displacement: displacement)
        code.removeLast()
    }

    /// The load `op` (memarg offset 0) combined with the `i32.add` that computed its address
    /// into `address`, if `instruction` is such an add and `op` has a combined form.
    static func loadFusing(_ op: LoadOperator, with instruction: InternalInstruction, address: Slot,
                           result: Slot) -> InternalInstruction? {
        switch (op, instruction) {
        case (.i32Load8U, .i32AddImm(address, let base, let displacement)),
             (.i64Load8U, .i32AddImm(address, let base, let displacement)):
            .load8UDisplaced(result: result, base: base, displacement: displacement)
        case (.i32Load, .i32AddImm(address, let base, let displacement)),
             (.f32Load, .i32AddImm(address, let base, let displacement)),
             (.i64Load32U, .i32AddImm(address, let base, let displacement)):
            .load32UDisplaced(result: result, base: base, displacement: displacement)
        case (.i64Load, .i32AddImm(address, let base, let displacement)),
             (.f64Load, .i32AddImm(address, let base, let displacement)):
            .load64Displaced(result: result, base: base, displacement: displacement)
        case (.i32Load8U, .i32Add(address, let base, let index)), (.i64Load8U, .i32Add(address, let base, let index)):
            .load8UIndexed(result: result, base: base, index: index, shift: 0)
        case (.i32Load, .i32Add(address, let base, let index)), (.f32Load, .i32Add(address, let base, let index)),
             (.i64Load32U, .i32Add(address, let base, let index)):
            .load32UIndexed(result: result, base: base, index: index, shift: 0)
        case (.i64Load, .i32Add(address, let base, let index)), (.f64Load, .i32Add(address, let base, let index)):
            .load64Indexed(result: result, base: base, index: index, shift: 0)
        case (.i32Load8U, .i32AddShifted(address, let base, let index, let shift)),
             (.i64Load8U, .i32AddShifted(address, let base, let index, let shift)):
            .load8UIndexed(result: result, base: base, index: index, shift: shift)
        case (.i32Load, .i32AddShifted(address, let base, let index, let shift)),
             (.f32Load, .i32AddShifted(address, let base, let index, let shift)),
             (.i64Load32U, .i32AddShifted(address, let base, let index, let shift)):
            .load32UIndexed(result: result, base: base, index: index, shift: shift)
        case (.i64Load, .i32AddShifted(address, let base, let index, let shift)),
             (.f64Load, .i32AddShifted(address, let base, let index, let shift)):
            .load64Indexed(result: result, base: base, index: index, shift: shift)
        case (.i32Load, .i32ShlAddImm(address, let index, let shift, let displacement)),
             (.f32Load, .i32ShlAddImm(address, let index, let shift, let displacement)),
             (.i64Load32U, .i32ShlAddImm(address, let index, let shift, let displacement)):
            .load32UScaled(result: result, index: index, shift: shift, displacement: displacement)
        default:
            nil
        }
    }

    mutating func translateStore(_ op: StoreOperator, _ memarg: MemArg) {
        let valueOperand = pop()
        let addressOperand = pop()
        let offset = memarg.offset
        if let constant = addressOperand.constant, op.byteWidth != 2 {
            let ea = UInt64(UInt32(truncatingIfNeeded: constant)) + UInt64(offset)
            let value = slot(of: valueOperand)
            switch op.byteWidth {
            case 1: emit(.store8At(address: ea, value: value))
            case 4: emit(.store32At(address: ea, value: value))
            default: emit(.store64At(address: ea, value: value))
            }
            return
        }
        if let constant = valueOperand.constant, let immediate = storedImmediate(constant, width: op.byteWidth) {
            let address = slot(of: addressOperand)
            switch op.byteWidth {
            case 1: emit(.store8Imm(address: address, value: immediate, offset: offset))
            case 4: emit(.store32Imm(address: address, value: immediate, offset: offset))
            default: emit(.store64Imm(address: address, value: immediate, offset: offset))
            }
            return
        }
        let value = slot(of: valueOperand)
        let address = slot(of: addressOperand)
        if offset == 0, op.byteWidth != 2, let producer = instructionComputing(addressOperand),
           let fused = Self.storeFusing(width: op.byteWidth, with: producer, address: address, value: value) {
            // The address was computed just before for this store only: one instruction does both.
            code[code.count - 1] = fused
            lastProducer = nil
            return
        }
        if let producer = instructionComputing(valueOperand),
           let fused = Self.storeFusing(width: op.byteWidth, load: producer, value: value, address: address, offset: offset)
            ?? Self.storeFusing(width: op.byteWidth, f64Arithmetic: producer, value: value, address: address, offset: offset) {
            // The value was computed just before for this store only: one instruction does both.
            code[code.count - 1] = fused
            lastProducer = nil
            fuseReadModifyWrite()
            return
        }
        switch op.byteWidth {
        case 1: emit(.store8(address: address, value: value, offset: offset))
        case 2: emit(.store16(address: address, value: value, offset: offset))
        case 4: emit(.store32(address: address, value: value, offset: offset))
        default: emit(.store64(address: address, value: value, offset: offset))
        }
    }

    /// The 1-, 4- or 8-byte store (memarg offset 0) of `value` combined with the `i32.add`
    /// that computed its address into `address`, if `instruction` is such an add.
    static func storeFusing(width: Int, with instruction: InternalInstruction, address: Slot,
                            value: Slot) -> InternalInstruction? {
        switch (width, instruction) {
        case (1, .i32AddImm(address, let base, let displacement)):
            .store8Displaced(base: base, value: value, displacement: displacement)
        case (4, .i32AddImm(address, let base, let displacement)):
            .store32Displaced(base: base, value: value, displacement: displacement)
        case (8, .i32AddImm(address, let base, let displacement)):
            .store64Displaced(base: base, value: value, displacement: displacement)
        case (1, .i32Add(address, let base, let index)): .store8Indexed(base: base, index: index, value: value, shift: 0)
        case (1, .i32AddShifted(address, let base, let index, let shift)):
            .store8Indexed(base: base, index: index, value: value, shift: shift)
        case (4, .i32Add(address, let base, let index)): .store32Indexed(base: base, index: index, value: value, shift: 0)
        case (4, .i32AddShifted(address, let base, let index, let shift)):
            .store32Indexed(base: base, index: index, value: value, shift: shift)
        case (8, .i32Add(address, let base, let index)): .store64Indexed(base: base, index: index, value: value, shift: 0)
        case (8, .i32AddShifted(address, let base, let index, let shift)):
            .store64Indexed(base: base, index: index, value: value, shift: shift)
        default: nil
        }
    }

    /// The store of `value` at `address` + `offset` combined with the load of the same width
    /// (zero-extending) that loaded `value`, if `instruction` is one and `offset` is below 2^16.
    static func storeFusing(width: Int, load instruction: InternalInstruction, value: Slot, address: Slot,
                            offset: UInt32) -> InternalInstruction? {
        guard let destinationOffset = UInt16(exactly: offset) else { return nil }
        switch (width, instruction) {
        case (1, .load8U(value, let source, let sourceOffset)):
            return .move8(destination: address, destinationOffset: destinationOffset, source: source, sourceOffset: sourceOffset)
        case (4, .load32U(value, let source, let sourceOffset)):
            return .move32(destination: address, destinationOffset: destinationOffset, source: source, sourceOffset: sourceOffset)
        case (8, .load64(value, let source, let sourceOffset)):
            return .move64(destination: address, destinationOffset: destinationOffset, source: source, sourceOffset: sourceOffset)
        default:
            return nil
        }
    }

    /// The 8-byte store of `value` at `address` + `offset` combined with the f64 add, sub or
    /// mul that computed `value`, if `instruction` is one whose left operand has a short slot.
    static func storeFusing(width: Int, f64Arithmetic instruction: InternalInstruction, value: Slot, address: Slot,
                            offset: UInt32) -> InternalInstruction? {
        guard width == 8, let arithmetic = F64Arithmetic(instruction), arithmetic.result == value,
              let lhs = ShortSlot(exactly: arithmetic.lhs) else { return nil }
        switch arithmetic.kind {
        case .add: return .f64AddStore(address: address, lhs: lhs, rhs: arithmetic.rhs, offset: offset)
        case .sub: return .f64SubStore(address: address, lhs: lhs, rhs: arithmetic.rhs, offset: offset)
        case .mul: return .f64MulStore(address: address, lhs: lhs, rhs: arithmetic.rhs, offset: offset)
        }
    }

    /// A constant stored value as an immediate of the 1-, 4- or 8-byte store with an
    /// immediate (an 8-byte value must be a sign-extended i32); `nil` otherwise.
    func storedImmediate(_ constant: UInt64, width: Int) -> UInt32? {
        switch width {
        case 1, 4: return UInt32(truncatingIfNeeded: constant)
        case 8: return Int32(exactly: Int64(bitPattern: constant)).map { UInt32(bitPattern: $0) }
        default: return nil
        }
    }

    /// Puts the top `count` operands in consecutive home slots and pops them; returns the
    /// first one's slot.
    mutating func popInPlace(_ count: Int) -> Slot {
        materializeTop(count)
        let first = operands[operands.count - count].home
        operands.removeLast(count)
        return first
    }

    mutating func translateMemoryInstruction(_ instruction: Instruction) {
        switch instruction {
        case .memorySize:
            emitProducer(.memorySize(result: push(.i32)))
        case .memoryGrow:
            let delta = popSlot()
            emit(.memoryGrow(result: push(.i32), delta: delta))
        case .memoryFill:
            let count = popSlot(), value = popSlot(), destination = popSlot()
            emit(.memoryFill(destination: destination, value: value, count: count))
        case .memoryCopy:
            let count = popSlot(), source = popSlot(), destination = popSlot()
            emit(.memoryCopy(destination: destination, source: source, count: count))
        case .memoryInit(let data):
            emit(.memoryInit(data: data, operands: popInPlace(3)))
        case .dataDrop(let data):
            emit(.dataDrop(data: data))
        default:
            preconditionFailure("not a memory instruction: \(instruction)")
        }
    }

    mutating func translateTableInstruction(_ instruction: Instruction) {
        switch instruction {
        case .tableGet(let table):
            let index = popSlot()
            let type = instance.tables[Int(table)].pointee.elementType.valueType
            emit(.tableGet(table: table, result: push(type), index: index))
        case .tableSet(let table):
            let value = popSlot(), index = popSlot()
            emit(.tableSet(table: table, index: index, value: value))
        case .tableSize(let table):
            emit(.tableSize(table: table, result: push(.i32)))
        case .tableGrow(let table):
            let operands = popInPlace(2)
            emit(.tableGrow(table: table, operands: operands))
            push(.i32)
        case .tableFill(let table):
            emit(.tableFill(table: table, operands: popInPlace(3)))
        case .tableCopy(let destination, let source):
            emit(.tableCopy(destination: destination, source: source, operands: popInPlace(3)))
        case .tableInit(let element, let table):
            emit(.tableInit(element: element, table: table, operands: popInPlace(3)))
        case .elemDrop(let element):
            emit(.elemDrop(element: element))
        default:
            preconditionFailure("not a table instruction: \(instruction)")
        }
    }
}
