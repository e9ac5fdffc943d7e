// Translation of a validated function body into internal code (DESIGN.md, "Translation").
// The translator walks the body once, keeping a static model of the operand stack: each
// operand has a fixed home slot (its position on the stack) and a source slot where its value
// actually is. `local.get` emits nothing: it pushes an operand whose source is the local's slot,
// and the instruction that consumes it reads the local directly. Constants emit nothing either
// until their value is needed: an instruction may take a constant as an immediate. Aliases and
// constants are written to their home slot ("materialised") whenever that is needed for
// correctness: before the local is overwritten, at control-flow joins, and where an
// instruction needs its operands in place.

import WasmCore

/// An operand on the translator's model of the operand stack (§3.3 validation's value stack).
struct Operand {
    var type: ValueType
    /// The operand's own slot: its position on the operand stack.
    var home: Slot
    /// Where its value is: `home`, or the slot of a local it is an unmodified copy of.
    var source: Slot
    /// The value of a constant operand that has not been written anywhere yet (its bits, as a
    /// slot holds them); `nil` otherwise.
    var constant: UInt64? = nil
}

/// A structured control instruction being translated (§3.3.8 control frames).
struct ControlFrame {
    enum Kind { case block, loop, `if`, `else`, function }
    var kind: Kind
    var parameters: [ValueType]
    var results: [ValueType]
    /// Operands on the stack below the frame's parameters.
    var operandCount: Int
    /// The home slot of the frame's first parameter (and first result).
    var base: Slot
    /// Code index of a loop's first instruction: where its branches go.
    var start: Int
    /// Branch instructions to patch with the code index of the frame's end.
    var pendingBranches: [Int] = []
    /// An `if`'s conditional branch to its `else` (or to its end when there is none).
    var elseBranch: Int?
    /// Whether the rest of the frame's code is unreachable (after br, return, ...).
    var unreachable = false
    /// A loop's body offset (just after its `loop` instruction), which names its invariant sums.
    var loopOffset: Int?

    /// The types a branch to this frame's label carries (§3.3.8 label types).
    var labelTypes: [ValueType] { kind == .loop ? parameters : results }
}

/// The translation of one function body.
struct TranslatedFunction {
    var code: [InternalInstruction]
    /// Slots the frame needs: locals plus the deepest operand stack, and room for the results.
    var frameSlots: Int32
}

/// Translates one validated function body of an instance.
struct Translator {
    let module: Module
    let instance: InstanceEntity
    let functionTypeIndices: [UInt32]
    let type: FuncType
    let body: FunctionBody
    /// Slot of each local (parameters first); v128 locals take two slots.
    let localSlots: [Slot]
    let localTypes: [ValueType]
    let localSlotCount: Slot
    /// Loop-invariant constants kept in frame slots right after the locals.
    var hoisted: HoistedConstants
    /// Loop-invariant `local + constant` sums kept in frame slots after the hoisted constants.
    var sums: InvariantSums
    /// The locals each block writes (WrittenLocals.swift).
    var writtenLocals = WrittenLocals()
    /// The local of each local slot (filled when the body has invariant sums).
    var localOfSlot: [Slot: UInt32] = [:]
    /// The first operand slot: after the locals, the hoisted constants and the invariant sums.
    var operandBase: Slot

    var code: [InternalInstruction] = []
    var operands: [Operand] = []
    var controls: [ControlFrame] = []
    /// The highest slot (exclusive) any operand has used.
    var maxHeight: Slot
    /// Code index of the last instruction when it is a "producer" whose result slot can be
    /// changed to a local's (the `local.set` peephole); `nil` when that is not allowed.
    var lastProducer: Int?
    /// Code index of the last instruction when it is a `copy` (which a following copy to the next
    /// slot may join into a `copyTwo`) or such a `copyTwo` (which a call or branch may take
    /// over), with no label since; `nil` otherwise.
    var lastCopy: Int?
    /// Code index of the last label placed: instructions before it cannot be combined with
    /// instructions after it.
    var labelPosition = 0
    /// Code indices some branch jumps to.
    var branchTargets: Set<Int> = []

    init(module: Module, instance: InstanceEntity, functionTypeIndices: [UInt32], functionIndex: Int) {
        self.module = module
        self.instance = instance
        self.functionTypeIndices = functionTypeIndices
        type = module.types[Int(functionTypeIndices[functionIndex])]
        body = module.codes[functionIndex - (functionTypeIndices.count - module.codes.count)]
        var types = type.parameters
        for run in body.locals { types += repeatElement(run.type, count: Int(run.count)) }
        var slots: [Slot] = []
        slots.reserveCapacity(types.count)
        var next: Slot = 0
        for type in types {
            slots.append(next)
            next += type.slotCount
        }
        localTypes = types
        localSlots = slots
        localSlotCount = next
        hoisted = HoistedConstants(none: next)
        sums = InvariantSums(none: next)
        operandBase = next
        maxHeight = next
    }

    /// Translates the body (§3.3 instruction by instruction).
    mutating func translate() throws -> TranslatedFunction {
        hoisted = try HoistedConstants(scanning: module.bytes, range: body.code, firstSlot: localSlotCount)
        writtenLocals = try WrittenLocals(scanning: module.bytes, range: body.code)
        sums = try InvariantSums(scanning: module.bytes, range: body.code, firstSlot: localSlotCount + hoisted.slotCount)
        if sums.slotCount > 0 {
            for (local, slot) in localSlots.enumerated() { localOfSlot[slot] = UInt32(local) }
        }
        operandBase = localSlotCount + hoisted.slotCount + sums.slotCount
        maxHeight = operandBase
        for constant in hoisted.constants {
            emitConstant(constant.bits, type: constant.type, to: hoisted.slots[constant]!)
        }
        var decoder = InstructionDecoder(bytes: module.bytes, range: body.code)
        controls.append(ControlFrame(
            kind: .function, parameters: [], results: type.results, operandCount: 0, base: 0, start: 0))
        /// Nesting depth of blocks opened inside unreachable code, which are skipped.
        var skippedDepth = 0
        while !controls.isEmpty {
            let instruction = try decoder.next()
            if controls[controls.count - 1].unreachable {
                switch instruction {
                case .block, .loop, .if: skippedDepth += 1
                case .end where skippedDepth > 0: skippedDepth -= 1
                case .else where skippedDepth == 0, .end: try translate(instruction, decoder: decoder)
                default: break
                }
                continue
            }
            try translate(instruction, decoder: decoder)
        }
        passAccumulators()
        return TranslatedFunction(code: code, frameSlots: max(maxHeight, type.results.slotCount))
    }

    // MARK: Operand stack

    /// The next free home slot.
    var height: Slot {
        if let top = operands.last { return top.home + top.type.slotCount }
        return operandBase
    }

    /// Pushes an operand whose value is (or will be) in its home slot; returns that slot.
    @discardableResult
    mutating func push(_ type: ValueType) -> Slot {
        let home = height
        operands.append(Operand(type: type, home: home, source: home))
        maxHeight = max(maxHeight, home + type.slotCount)
        return home
    }

    /// Pushes an operand whose value is in the slot `source` (a local).
    mutating func push(_ type: ValueType, aliasing source: Slot) {
        let home = height
        operands.append(Operand(type: type, home: home, source: source))
        maxHeight = max(maxHeight, home + type.slotCount)
    }

    /// Pushes a constant operand: it reads the constant's slot if the constant is hoisted;
    /// otherwise nothing is emitted until its value is needed in a slot.
    mutating func push(_ type: ValueType, constant: UInt64) {
        if let slot = hoisted.slots[ConstantKey(type: type, bits: constant)] {
            push(type, aliasing: slot)
            return
        }
        push(type)
        operands[operands.count - 1].constant = constant
    }

    mutating func pop() -> Operand {
        operands.removeLast()
    }

    /// Pops the top operand and returns the slot holding its value.
    mutating func popSlot() -> Slot {
        slot(of: pop())
    }

    /// The slot holding `operand`'s value; a constant is written to its home slot first.
    mutating func slot(of operand: Operand) -> Slot {
        if let constant = operand.constant {
            emitConstant(constant, type: operand.type, to: operand.home)
            return operand.home
        }
        return operand.source
    }

    /// Writes the operand at `index` to its home slot if it is elsewhere (or a constant).
    mutating func materialize(at index: Int) {
        let operand = operands[index]
        if let constant = operand.constant {
            emitConstant(constant, type: operand.type, to: operand.home)
            operands[index].constant = nil
        } else if operand.source != operand.home {
            emitCopy(to: operand.home, from: operand.source, type: operand.type)
            operands[index].source = operand.home
        }
    }

    /// Materialises the top `count` operands (so they sit in consecutive home slots).
    mutating func materializeTop(_ count: Int) {
        for index in operands.count - count ..< operands.count { materialize(at: index) }
    }

    /// The instruction just emitted, when it computed `operand`'s value into the operand's own
    /// stack slot (so that nothing else reads it): the condition under which a fusion may
    /// rewrite that instruction to hand the value on directly. (`lastProducer` is cleared at
    /// every label, so no branch can arrive between the two.)
    func instructionComputing(_ operand: Operand) -> InternalInstruction? {
        guard operand.constant == nil, operand.source == operand.home, let producer = lastProducer,
              producer == code.count - 1 else { return nil }
        return code[producer]
    }

    // MARK: Emission

    /// Appends an instruction; returns its code index.
    @discardableResult
    mutating func emit(_ instruction: InternalInstruction) -> Int {
        joinLastTwo()
        code.append(instruction)
        lastProducer = nil
        lastCopy = nil
        return code.count - 1
    }

    /// Appends an instruction that only writes its result slot after reading all its operands,
    /// so that a following `local.set` may redirect the result into the local.
    mutating func emitProducer(_ instruction: InternalInstruction) {
        joinLastTwo()
        code.append(instruction)
        lastProducer = code.count - 1
        lastCopy = nil
    }

    /// Joins the last two instructions into one where a rule allows it (an `i32AddImmPair`,
    /// a `move32Run`, a `load32UScaledKeeping`) and no label lies between or after them. Called when another
    /// instruction is about to be appended: by then no peephole can still rewrite the second
    /// one (a `local.set` redirecting its result, a load taking its sum as an address), and
    /// no code index past the first has been recorded.
    mutating func joinLastTwo() {
        let first = code.count - 2
        guard first >= labelPosition else { return }
        if let joined = InternalInstruction.addImmediatePair(code[first], code[first + 1])
            ?? InternalInstruction.moveRun(code[first], code[first + 1])
            ?? InternalInstruction.scaledLoadKeepingAddress(code[first], code[first + 1]) {
            code[first] = joined
            code.removeLast()
        }
    }

    /// Writes a constant's bits to `slot`.
    mutating func emitConstant(_ value: UInt64, type: ValueType, to slot: Slot) {
        if type == .i32 || type == .f32 {
            emitProducer(.const32(result: slot, value: UInt32(truncatingIfNeeded: value)))
        } else {
            emitProducer(.const64(value: value, result: slot))
        }
    }

    /// Copies a value; a single-slot copy right after another joins it: into a `copyTwo` when
    /// it writes the next slot, else into a `copyPair` (its source a short slot).
    mutating func emitCopy(to destination: Slot, from source: Slot, type: ValueType) {
        if type.slotCount == 1 {
            if let previous = lastCopy, previous == code.count - 1,
               case .copy(let first, let firstSource) = code[previous] {
                if first + 1 == destination {
                    code[previous] = .copyTwo(destination: first, first: firstSource, second: source)
                    return  // still the last copy (a call may take it over), but no longer joinable
                }
                if let secondSource = ShortSlot(exactly: source) {
                    code[previous] = .copyPair(destination: first, source: firstSource,
                                               secondDestination: destination, secondSource: secondSource)
                    lastCopy = nil
                    return
                }
            }
            emit(.copy(destination: destination, source: source))
            lastCopy = code.count - 1
        } else {
            emit(.copyMany(destination: destination, source: source, count: type.slotCount))
        }
    }

    /// Marks the current position as a branch target: the previous instruction's result can
    /// no longer be redirected, since another path may arrive here.
    mutating func bindLabel() {
        lastProducer = nil
        lastCopy = nil
        labelPosition = code.count
    }

    /// Sets the target of the branch at code index `index` to code index `target`.
    mutating func patch(_ index: Int, to target: Int) {
        guard let patched = code[index].withBranchOffset(Int32(target - (index + 1))) else {
            preconditionFailure("patching a non-branch instruction")
        }
        code[index] = patched
        branchTargets.insert(target)
    }

    /// The parameter and result types of a block type (§3.2.9 block types).
    func signature(of blockType: BlockType) -> (parameters: [ValueType], results: [ValueType]) {
        switch blockType {
        case .empty: ([], [])
        case .value(let type): ([], [type])
        case .typeIndex(let index): (module.types[Int(index)].parameters, module.types[Int(index)].results)
        }
    }
}

/// An instruction the translator cannot translate (validation rejects it: only reachable with
/// an unvalidated body).
struct UnsupportedInstruction: Error, CustomStringConvertible {
    var instruction: Instruction
    var description: String { "unsupported instruction \(instruction)" }
}
