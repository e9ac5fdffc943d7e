// Translation of each instruction (spec §3.3 gives each one's operand types; the comments
// name the execution rules, §4.4, that the emitted internal code implements).

import WasmCore

extension Translator {
    mutating func translate(_ instruction: Instruction, decoder: InstructionDecoder) throws {
        switch instruction {
        // §4.4.8 control instructions
        case .unreachable:
            emit(.unreachable)
            markUnreachable()
        case .nop:
            break
        case .block(let blockType): enterBlock(.block, blockType, bodyOffset: decoder.offset)
        case .loop(let blockType): enterBlock(.loop, blockType, bodyOffset: decoder.offset)
        case .if(let blockType): enterIf(blockType, bodyOffset: decoder.offset)
        case .else: translateElse()
        case .end: translateEnd()
        case .br(let label): translateBr(label)
        case .brIf(let label): translateBrIf(label)
        case .brTable(_, let defaultLabel): translateBrTable(decoder.brTableLabels + [defaultLabel])
        case .return:
            emitReturn()
            markUnreachable()
        case .call(let functionIndex): translateCall(functionIndex)
        case .callIndirect(let typeIndex, let tableIndex): translateCallIndirect(typeIndex, tableIndex)

        // §4.4.2 reference instructions
        case .refNull(let type):
            push(type.valueType, constant: 0)
        case .refIsNull:
            let reference = popSlot()
            emitProducer(.i64Eqz(result: push(.i32), source: reference))
        case .refFunc(let index):
            push(.funcref, constant: FunctionEntity.reference(to: instance.functions[Int(index)]))

        // §4.4.4 parametric instructions
        case .drop:
            _ = pop()
        case .select, .selectTyped:
            try translateSelect(instruction)
        case .selectTypedInvalidArity:
            throw UnsupportedInstruction(instruction: instruction)

        // §4.4.5 variable instructions
        case .localGet(let index):
            push(localTypes[Int(index)], aliasing: localSlots[Int(index)])
        case .localSet(let index): translateLocalSet(index, tee: false)
        case .localTee(let index): translateLocalSet(index, tee: true)
        case .globalGet(let index):
            let global = instance.globals[Int(index)].pointee
            let result = push(global.type.valueType)
            if global.type.valueType.slotCount == 1 {
                emitProducer(.globalGet(cell: global.cell, result: result))
            } else {
                emit(.globalGetWide(cell: global.cell, result: result))
            }
        case .globalSet(let index):
            let global = instance.globals[Int(index)].pointee
            let operand = pop()
            let value = slot(of: operand)
            if global.type.valueType.slotCount == 1 {
                emitGlobalSet(cell: global.cell, value: value, valueHome: operand.home)
            } else {
                emit(.globalSetWide(cell: global.cell, source: value))
            }

        // §4.4.6 table instructions, §4.4.7 memory instructions
        case .tableGet, .tableSet, .tableSize, .tableGrow, .tableFill, .tableCopy, .tableInit, .elemDrop:
            translateTableInstruction(instruction)
        case .load(let op, let memarg): translateLoad(op, memarg)
        case .store(let op, let memarg): translateStore(op, memarg)
        case .memorySize, .memoryGrow, .memoryInit, .dataDrop, .memoryCopy, .memoryFill:
            translateMemoryInstruction(instruction)

        // §4.4.1 numeric instructions
        case .i32Const(let value):
            push(.i32, constant: UInt64(UInt32(bitPattern: value)))
        case .i64Const(let value):
            push(.i64, constant: UInt64(bitPattern: value))
        case .f32Const(let bits):
            push(.f32, constant: UInt64(bits))
        case .f64Const(let bits):
            push(.f64, constant: bits)
        case .numeric(let op):
            translateNumeric(op)

        case .v128Const, .i8x16Shuffle, .simd, .simdLoad, .v128Store, .simdLane, .simdMemoryLane:
            translateVector(instruction)
        }
    }

    mutating func markUnreachable() {
        controls[controls.count - 1].unreachable = true
    }

    // MARK: Blocks (§4.4.8 block, loop, if, end)

    /// Enters a block or a loop (`bodyOffset`: the body offset after the instruction, which
    /// names the locals it writes and a loop's invariant sums, computed before its label).
    mutating func enterBlock(_ kind: ControlFrame.Kind, _ blockType: BlockType, bodyOffset: Int) {
        let (parameters, results) = signature(of: blockType)
        materializeEnteringBlock(at: bodyOffset, parameterCount: parameters.count)
        let loopOffset = kind == .loop ? bodyOffset : nil
        if let loopOffset { computeInvariantSums(ofLoop: loopOffset) }
        bindLabel()
        controls.append(ControlFrame(
            kind: kind, parameters: parameters, results: results,
            operandCount: operands.count - parameters.count,
            base: height - parameters.slotCount, start: code.count, loopOffset: loopOffset))
    }

    mutating func enterIf(_ blockType: BlockType, bodyOffset: Int) {
        let condition = pop()
        let (parameters, results) = signature(of: blockType)
        let branch = emitConditionalBranch(on: condition, whenTrue: false,
                                           enteringBlock: (bodyOffset, parameters.count))
        controls.append(ControlFrame(
            kind: .if, parameters: parameters, results: results,
            operandCount: operands.count - parameters.count,
            base: height - parameters.slotCount, start: code.count, elseBranch: branch))
    }

    mutating func translateElse() {
        var frame = controls.removeLast()
        if !frame.unreachable {
            materializeTop(frame.results.count)
            frame.pendingBranches.append(emitFusedBranch() ?? emit(.br(offset: 0)))
        }
        if let elseBranch = frame.elseBranch { patch(elseBranch, to: code.count) }
        frame.elseBranch = nil
        frame.kind = .else
        frame.unreachable = false
        resetOperands(to: frame.operandCount, pushing: frame.parameters)
        bindLabel()
        controls.append(frame)
    }

    mutating func translateEnd() {
        let frame = controls.removeLast()
        if frame.kind == .function {
            if !frame.unreachable { emitReturn() }
            return
        }
        if !frame.unreachable { materializeTop(frame.results.count) }
        for branch in frame.pendingBranches { patch(branch, to: code.count) }
        if let elseBranch = frame.elseBranch { patch(elseBranch, to: code.count) }
        resetOperands(to: frame.operandCount, pushing: frame.results)
        bindLabel()
    }

    /// Leaves `count` operands and pushes `types` in their home slots: the operand stack after a
    /// frame's end or at its else.
    mutating func resetOperands(to count: Int, pushing types: [ValueType]) {
        operands.removeLast(operands.count - count)
        for type in types { push(type) }
    }

    // MARK: Branches (§4.4.8 br, br_if, br_table, return)

    /// The frame a label index refers to (§3.3.8: label 0 is the innermost).
    func frame(forLabel label: UInt32) -> ControlFrame {
        controls[controls.count - 1 - Int(label)]
    }

    /// Whether branching to `frame` needs copies of the branch values into its slots.
    func needsCopies(toReach frame: ControlFrame) -> Bool {
        let count = frame.labelTypes.count
        var destination = frame.base
        for operand in operands[(operands.count - count)...] {
            if operand.constant != nil || operand.source != destination { return true }
            destination += operand.type.slotCount
        }
        return false
    }

    /// Copies the values a branch to `frame` carries (the top operands) to the frame's slots.
    /// The destinations never overlap a later source: they are at or below the values' homes
    /// and above every local.
    mutating func emitBranchCopies(toReach frame: ControlFrame) {
        let count = frame.labelTypes.count
        var destination = frame.base
        for operand in operands[(operands.count - count)...] {
            if let constant = operand.constant {
                emitConstant(constant, type: operand.type, to: destination)
            } else if operand.source != destination {
                emitCopy(to: destination, from: operand.source, type: operand.type)
            }
            destination += operand.type.slotCount
        }
    }

    /// Emits an unconditional branch to `label`, including its value copies, or a return when
    /// the label is the function's.
    mutating func emitJump(toLabel label: UInt32) {
        let target = frame(forLabel: label)
        if target.kind == .function {
            emitReturn()
            return
        }
        emitBranchCopies(toReach: target)
        emitBranch(to: label)
    }

    /// Emits a `br` to `label` (values already in place), fused with the instruction before
    /// it when that is the copy or constant of a single branch value.
    mutating func emitBranch(to label: UInt32) {
        let index = controls.count - 1 - Int(label)
        let branch = emitFusedBranch() ?? emit(.br(offset: 0))
        if controls[index].kind == .loop {
            patch(branch, to: controls[index].start)
        } else {
            controls[index].pendingBranches.append(branch)
        }
    }

    /// Replaces the last instruction, a `copy` or `const32` that no label separates from the
    /// branch being emitted, by its fusion with that branch (offset to be patched); returns
    /// its index.
    mutating func emitFusedBranch() -> Int? {
        let last = code.count - 1
        let fused: InternalInstruction
        if let copy = lastCopy, copy == last, case .copy(let destination, let source) = code[last] {
            fused = .copyBr(destination: destination, source: source, offset: 0)
        } else if let producer = lastProducer, producer == last, case .const32(let result, let value) = code[last] {
            fused = .const32Br(result: result, value: value, offset: 0)
        } else {
            return nil
        }
        code[last] = fused
        lastProducer = nil
        lastCopy = nil
        return last
    }

    mutating func translateBr(_ label: UInt32) {
        emitJump(toLabel: label)
        markUnreachable()
    }

    mutating func translateBrIf(_ label: UInt32) {
        let condition = pop()
        let target = frame(forLabel: label)
        if target.kind != .function && !needsCopies(toReach: target) {
            let branch = emitConditionalBranch(on: condition, whenTrue: true, enteringBlock: nil)
            let index = controls.count - 1 - Int(label)
            if target.kind == .loop {
                patch(branch, to: target.start)
            } else {
                controls[index].pendingBranches.append(branch)
            }
            return
        }
        let skip = emitConditionalBranch(on: condition, whenTrue: false, enteringBlock: nil)
        emitJump(toLabel: label)
        patch(skip, to: code.count)
        bindLabel()
    }

    /// Emits a branch (offset to be patched) taken when `condition` is non-zero (`whenTrue`)
    /// or zero; returns its code index. An i32 comparison computed just before is fused into
    /// the branch. With `enteringBlock` (an `if`: its body offset and parameter count), the
    /// operands are put in place for the block's entry (`materializeEnteringBlock`)
    /// before the branch, so that code on both paths finds them there.
    mutating func emitConditionalBranch(on condition: Operand, whenTrue: Bool,
                                        enteringBlock block: (bodyOffset: Int, parameterCount: Int)?) -> Int {
        if let producer = instructionComputing(condition) {
            // A comparison negated by `i32.eqz` (both writing the condition's home): the
            // comparison itself is tested, with the opposite polarity.
            let before = code.count - 2
            var fused: InternalInstruction?
            var removed = 1
            if case .i32Eqz(condition.home, condition.home) = producer, before >= labelPosition,
               let negated = code[before].fusedBranch(testing: condition.home, whenTrue: !whenTrue) {
                fused = negated
                removed = 2
            } else {
                fused = producer.fusedBranch(testing: condition.home, whenTrue: whenTrue)
            }
            // A test of `x & mask` computed just before into an operand slot (dead after the
            // branch): the branch applies the mask itself.
            let masking = code.count - removed - 1
            if let test = fused, masking >= labelPosition,
               let joined = test.applyingMask(code[masking], operandBase: operandBase) {
                fused = joined
                removed += 1
            }
            if let fused {
                // The comparison read its operands from slots that the copies below never
                // write (they are above the remaining operands' homes, or locals).
                code.removeLast(removed)
                lastProducer = nil
                if let block { materializeEnteringBlock(at: block.bodyOffset, parameterCount: block.parameterCount) }
                return emit(fused)
            }
        }
        let slot = slot(of: condition)
        if let block { materializeEnteringBlock(at: block.bodyOffset, parameterCount: block.parameterCount) }
        return emit(whenTrue ? .brIf(condition: slot, offset: 0) : .brIfNot(condition: slot, offset: 0))
    }

    mutating func translateBrTable(_ labels: [UInt32]) {
        let index = popSlot()
        emit(.brTable(index: index, count: UInt32(labels.count - 1)))
        // One `br` per label; labels whose branch needs copies (or is a return) go through
        // a stub placed after the table.
        let entries = code.count
        var stubbed: [(entry: Int, label: UInt32)] = []
        for label in labels {
            let target = frame(forLabel: label)
            if target.kind == .function || needsCopies(toReach: target) {
                stubbed.append((emit(.br(offset: 0)), label))
            } else {
                emitBranch(to: label)
            }
        }
        assert(code.count == entries + labels.count)
        for (entry, label) in stubbed {
            patch(entry, to: code.count)
            bindLabel()
            emitJump(toLabel: label)
        }
        markUnreachable()
    }

    /// §4.4.8 return: the results (top operands) go to the frame base.
    mutating func emitReturn() {
        let results = type.results
        if results.isEmpty {
            emit(.returnNone)
        } else if results.count == 1 && results[0].slotCount == 1 {
            let result = operands[operands.count - 1]
            if let constant = result.constant {
                emitConstant(constant, type: result.type, to: 0)
                emit(.returnNone)
            } else if result.source == 0 || redirectJustComputed(result, to: 0) {
                emit(.returnNone)  // already at the frame base, or just computed into it
            } else {
                emit(.returnOne(source: result.source))
            }
        } else {
            // Results may alias locals that the copy to the frame base overwrites: copy them to
            // their homes first. This may be one path of several (br_if, br_table), so the
            // operand model is left as it was.
            let model = operands
            materializeTop(results.count)
            emit(.returnMany(source: operands[operands.count - results.count].home, count: results.slotCount))
            operands = model
        }
    }

    // MARK: Calls (§4.4.8 call, call_indirect)

    mutating func translateCall(_ functionIndex: UInt32) {
        let callee = instance.functions[Int(functionIndex)]
        let calleeType = module.types[Int(functionTypeIndices[Int(functionIndex)])]
        if callee.pointee.kind == .host {
            emit(.callHost(callee: callee, frame: passArguments(calleeType.parameters.count)))
        } else {
            let (frame, moves) = passArgumentsMoving(calleeType.parameters.count)
            let switchesInstance = callee.owningInstance != instance.owner.entity
            if moves.isEmpty {
                emit(.call(callee: callee, frame: frame, switchesInstance: switchesInstance))
            } else {
                // The moves are done by the call: fewer dispatches (DESIGN.md, "Peepholes").
                emit(.callMoving(callee: callee, frame: frame, switchesInstance: switchesInstance))
                emit(moves.encoded)
            }
        }
        for type in calleeType.results { push(type) }
    }

    mutating func translateCallIndirect(_ typeIndex: UInt32, _ tableIndex: UInt32) {
        let calleeType = module.types[Int(typeIndex)]
        // The table index sits right above the arguments, in its home slot.
        materializeTop(1)
        let index = pop()
        _ = passArguments(calleeType.parameters.count)
        emit(.callIndirect(typeID: instance.typeIDs[Int(typeIndex)], table: tableIndex, index: index.home))
        for type in calleeType.results { push(type) }
    }

    /// Puts the top `count` operands in their home slots and pops them; returns the callee's
    /// frame base: where the first argument is and where the results will be.
    mutating func passArguments(_ count: Int) -> Slot {
        materializeTop(count)
        operands.removeLast(count)
        return height
    }

    // MARK: Parametric and variable instructions (§4.4.4, §4.4.5)

    mutating func translateSelect(_ instruction: Instruction) throws {
        if operands[operands.count - 2].type == .v128 { return translateVectorSelect() }
        let condition = popSlot()
        let secondOperand = pop()
        if let result = ShortSlot(exactly: operands[operands.count - 1].home) {
            // Operands read where they are, an i32 constant as an immediate; the result may be
            // redirected into a local.
            let type = operands[operands.count - 1].type
            let firstOperand = pop()
            if type == .i32, firstOperand.constant == nil, let constant = secondOperand.constant {
                emitProducer(.selectSlotOrImm(result: result, slot: firstOperand.source,
                                              immediate: UInt32(truncatingIfNeeded: constant), condition: condition))
            } else if type == .i32, secondOperand.constant == nil, let constant = firstOperand.constant {
                emitProducer(.selectImmOrSlot(result: result, slot: secondOperand.source,
                                              immediate: UInt32(truncatingIfNeeded: constant), condition: condition))
            } else {
                let second = slot(of: secondOperand)
                let first = slot(of: firstOperand)
                emitProducer(.selectFrom(result: result, first: first, second: second, condition: condition))
            }
            push(type)
            return
        }
        let other = slot(of: secondOperand)
        materializeTop(1)
        let first = pop()
        emit(.select(result: first.home, other: other, condition: condition))
        push(first.type)
    }

    /// `local.set` and `local.tee`.
    mutating func translateLocalSet(_ index: UInt32, tee: Bool) {
        let target = localSlots[Int(index)]
        let type = localTypes[Int(index)]
        var value = pop()
        if let constant = value.constant {
            for i in operands.indices where operands[i].source == target { materialize(at: i) }
            emitConstant(constant, type: type, to: target)
        } else if value.source != target {
            // Operands still reading the local's old value get their own copy first.
            for i in operands.indices where operands[i].source == target { materialize(at: i) }
            if type.slotCount == 1, redirectJustComputed(value, to: target) {
                value.source = target
            } else {
                emitCopy(to: target, from: value.source, type: type)
            }
        }
        if tee { operands.append(value) }
    }
}
