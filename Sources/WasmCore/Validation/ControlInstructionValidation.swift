// Validation › Instructions › Control instructions (spec §3.3.8), following the appendix
// algorithm's cases for block, loop, if, else, end, br, br_if, br_table, return, call and
// call_indirect.

extension FunctionValidator {
    /// §3.2.2 Block types: `[t1*] -> [t2*]` as spans (an index must name a type).
    func blockTypes(_ blockType: BlockType) throws -> (parameters: TypeSpan, results: TypeSpan) {
        switch blockType {
        case .empty:
            return (.empty, .empty)
        case .value(let type):
            return (.empty, context.span(for: type))
        case .typeIndex(let index):
            guard Int(index) < context.types.count else { throw error("unknown type \(index)") }
            return (context.parameterSpans[Int(index)], context.resultSpans[Int(index)])
        }
    }

    /// §3.3.8.3 block / §3.3.8.4 loop: pop the parameters, enter a frame that pushes them back.
    mutating func validateBlock(_ kind: ControlFrameKind, _ blockType: BlockType) throws {
        let (parameters, results) = try blockTypes(blockType)
        try pop(parameters)
        pushFrame(kind, startTypes: parameters, endTypes: results)
    }

    /// §3.3.8.5 if: an i32 condition below the parameters.
    mutating func validateIf(_ blockType: BlockType) throws {
        let (parameters, results) = try blockTypes(blockType)
        try popOperand(.i32)
        try pop(parameters)
        pushFrame(.if, startTypes: parameters, endTypes: results)
    }

    /// `else`: the then-branch must produce the results; the else-branch starts afresh.
    mutating func validateElse() throws {
        guard frames[frames.count - 1].kind == .if else {
            throw DecodingError("else without a matching if", at: offset)
        }
        let frame = try popFrame()
        pushFrame(.else, startTypes: frame.startTypes, endTypes: frame.endTypes)
    }

    /// `end`: the frame's results must be on the stack. An `if` without `else` has an empty
    /// else-branch, which types only if the parameters equal the results.
    mutating func validateEnd() throws {
        let frame = try popFrame()
        if frame.kind == .if, !context.equal(frame.startTypes, frame.endTypes) {
            throw error("type mismatch: if without else must produce its parameters as results")
        }
        push(frame.endTypes)
    }

    /// §3.3.8.6 br l
    mutating func validateBr(_ label: UInt32) throws {
        try pop(try frame(forLabel: label).labelTypes)
        markUnreachable()
    }

    /// §3.3.8.7 br_if l: the label's types pass through when the branch is not taken.
    mutating func validateBrIf(_ label: UInt32) throws {
        let target = try frame(forLabel: label).labelTypes
        try popOperand(.i32)
        try pop(target)
        push(target)
    }

    /// §3.3.8.8 br_table l* l_N: every label must take the same number of values, and the
    /// operands must match each label's types.
    mutating func validateBrTable(_ labels: [UInt32], default defaultLabel: UInt32) throws {
        try popOperand(.i32)
        let defaultTypes = try frame(forLabel: defaultLabel).labelTypes
        for label in labels {
            let types = try frame(forLabel: label).labelTypes
            guard types.count == defaultTypes.count else {
                throw error("type mismatch: br_table label \(label) takes \(types.count) values, the default label \(defaultTypes.count)")
            }
            try checkTop(types)
        }
        try pop(defaultTypes)
        markUnreachable()
    }

    /// §3.3.8.9 return
    mutating func validateReturn() throws {
        try pop(returnTypes)
        markUnreachable()
    }

    /// §3.3.8.10 call x
    mutating func validateCall(_ function: UInt32) throws {
        guard Int(function) < context.functions.count else { throw error("unknown function \(function)") }
        let (parameters, results) = try blockTypes(.typeIndex(context.functions[Int(function)]))
        try pop(parameters)
        push(results)
    }

    /// §3.3.8.11 call_indirect x y: table x must hold funcref; y names the callee's type.
    mutating func validateCallIndirect(type: UInt32, table tableIndex: UInt32) throws {
        guard try table(tableIndex).elementType == .funcref else {
            throw error("type mismatch: call_indirect needs a funcref table, table \(tableIndex) holds externref")
        }
        let (parameters, results) = try blockTypes(.typeIndex(type))
        try popOperand(.i32)
        try pop(parameters)
        push(results)
    }
}
