// Validation › Instructions (spec §3.3): one typing rule per instruction, applied to the
// operand and control stacks of the appendix algorithm. This file dispatches; the rules are
// grouped by spec section in the neighbouring files.

extension FunctionValidator {
    /// Validates the next instruction of the body, at byte `offset` of the module.
    /// `brTableLabels` are the labels of a `br_table` (without its default), as kept by the
    /// `InstructionDecoder`; other instructions ignore it.
    public mutating func validate(_ instruction: Instruction, at offset: Int, brTableLabels: [UInt32]) throws {
        self.offset = offset
        guard !frames.isEmpty else {
            throw DecodingError("section size mismatch: instruction after the function's final end", at: offset)
        }
        switch instruction {
        // §3.3.8 Control instructions
        case .unreachable: markUnreachable()
        case .nop: break
        case .block(let type): try validateBlock(.block, type)
        case .loop(let type): try validateBlock(.loop, type)
        case .if(let type): try validateIf(type)
        case .else: try validateElse()
        case .end: try validateEnd()
        case .br(let label): try validateBr(label)
        case .brIf(let label): try validateBrIf(label)
        case .brTable(_, let defaultLabel): try validateBrTable(brTableLabels, default: defaultLabel)
        case .return: try validateReturn()
        case .call(let function): try validateCall(function)
        case .callIndirect(let type, let table): try validateCallIndirect(type: type, table: table)

        // §3.3.2 Reference instructions
        case .refNull(let type): push(type.valueType)
        case .refIsNull: try validateRefIsNull()
        case .refFunc(let function): try validateRefFunc(function)

        // §3.3.4 Parametric instructions
        case .drop: _ = try popOperand()
        case .select: try validateSelect()
        case .selectTyped(let type): try validateSelect(type)
        case .selectTypedInvalidArity: throw error("invalid result arity")

        // §3.3.5 Variable instructions
        case .localGet(let index): push(try local(index))
        case .localSet(let index): try popOperand(try local(index))
        case .localTee(let index): try validateLocalTee(index)
        case .globalGet(let index): push(try global(index).valueType)
        case .globalSet(let index): try validateGlobalSet(index)

        // §3.3.6 Table instructions
        case .tableGet(let table): try validateTableGet(table)
        case .tableSet(let table): try validateTableSet(table)
        case .tableSize(let table): _ = try self.table(table); push(.i32)
        case .tableGrow(let table): try validateTableGrow(table)
        case .tableFill(let table): try validateTableFill(table)
        case .tableCopy(let destination, let source): try validateTableCopy(destination, source)
        case .tableInit(let element, let table): try validateTableInit(element: element, table: table)
        case .elemDrop(let element): _ = try self.element(element)

        // §3.3.7 Memory instructions
        case .load(let op, let memArg): try validateLoad(op, memArg)
        case .store(let op, let memArg): try validateStore(op, memArg)
        case .memorySize: try requireMemory(); push(.i32)
        case .memoryGrow: try requireMemory(); try popOperand(.i32); push(.i32)
        case .memoryFill, .memoryCopy: try requireMemory(); try popOperands(.i32, count: 3)
        case .memoryInit(let data): try validateMemoryInit(data)
        case .dataDrop(let data): try requireDataSegment(data)

        // §3.3.1 Numeric instructions
        case .i32Const: push(.i32)
        case .i64Const: push(.i64)
        case .f32Const: push(.f32)
        case .f64Const: push(.f64)
        case .numeric(let op): try validateNumeric(op.signature)

        // §3.3.3 Vector instructions
        case .v128Const: push(.v128)
        case .i8x16Shuffle(let lanes): try validateShuffle(lanes)
        case .simd(let op): try validateVector(op.signature)
        case .simdLane(let op, let lane): try validateLane(op, lane: lane)
        case .simdLoad(let op, let memArg): try validateVectorLoad(op, memArg)
        case .v128Store(let memArg): try validateVectorStore(memArg)
        case .simdMemoryLane(let op, let memArg, let lane): try validateVectorMemoryLane(op, memArg, lane: lane)
        }
    }

    /// §3.3.1 `t.unop`, `t.binop`, `t.testop`, `t.relop`, `t2.cvtop_t1`: `arity` operands of one
    /// type to one result.
    @inline(__always)
    mutating func validateNumeric(_ signature: OperatorSignature) throws {
        try popOperands(signature.operand, count: signature.arity)
        push(signature.result)
    }

    /// Pops `count` operands of type `type`.
    @inline(__always)
    mutating func popOperands(_ type: ValueType, count: Int) throws {
        for _ in 0..<count { try popOperand(type) }
    }
}
