// Validation › Validation Algorithm (spec appendix): the operand and control stack
// operations push_val, pop_val, push_vals, pop_vals, push_ctrl, pop_ctrl, label_types and
// unreachable. Unknown operands are nil.

extension FunctionValidator {
    // MARK: Operand stack

    @inline(__always)
    mutating func push(_ type: ValueType?) {
        operands.append(type)
    }

    /// pop_val(): the top operand, or Unknown at the height of an unreachable frame.
    @inline(__always)
    mutating func popOperand() throws -> ValueType? {
        let frame = frames[frames.count - 1]
        if operands.count == frame.height {
            if frame.unreachable { return nil }
            throw error("type mismatch: operand stack is empty")
        }
        return operands.removeLast()
    }

    /// pop_val(expect): pops an operand that must have type `expected` (or be Unknown).
    @discardableResult @inline(__always)
    mutating func popOperand(_ expected: ValueType) throws -> ValueType? {
        let frame = frames[frames.count - 1]
        if operands.count == frame.height {
            if frame.unreachable { return nil }
            throw error("type mismatch: expected \(expected) but the operand stack is empty")
        }
        let actual = operands.removeLast()
        if let actual, actual != expected {
            throw error("type mismatch: expected \(expected), found \(actual)")
        }
        return actual
    }

    /// push_vals(types)
    @inline(__always)
    mutating func push(_ types: TypeSpan) {
        for position in 0..<types.count {
            operands.append(context.type(in: types, at: position))
        }
    }

    /// pop_vals(types): pops operands matching `types`, last type first.
    @inline(__always)
    mutating func pop(_ types: TypeSpan) throws {
        var position = types.count - 1
        while position >= 0 {
            try popOperand(context.type(in: types, at: position))
            position -= 1
        }
    }

    /// push_vals(pop_vals(types)) without moving anything: checks that the top operands match
    /// `types`, treating positions below an unreachable frame's height as Unknown.
    mutating func checkTop(_ types: TypeSpan) throws {
        let frame = frames[frames.count - 1]
        for depth in 0..<Int(types.count) {
            let expected = context.type(in: types, at: types.count - 1 - Int32(depth))
            let position = operands.count - 1 - depth
            if position < frame.height {
                if frame.unreachable { return }
                throw error("type mismatch: expected \(expected) but the operand stack is empty")
            }
            if let actual = operands[position], actual != expected {
                throw error("type mismatch: expected \(expected), found \(actual)")
            }
        }
    }

    // MARK: Control stack

    /// push_ctrl(opcode, in, out): enters a frame and pushes its parameters.
    mutating func pushFrame(_ kind: ControlFrameKind, startTypes: TypeSpan, endTypes: TypeSpan) {
        frames.append(ControlFrame(kind: kind, startTypes: startTypes, endTypes: endTypes,
                                   height: operands.count, unreachable: false))
        push(startTypes)
    }

    /// pop_ctrl(): leaves the innermost frame, whose results must be exactly what is left on
    /// the operand stack above its height.
    mutating func popFrame() throws -> ControlFrame {
        let frame = frames[frames.count - 1]
        try pop(frame.endTypes)
        guard operands.count == frame.height else {
            throw error("type mismatch: \(operands.count - frame.height) values left on the operand stack at the end of a block")
        }
        frames.removeLast()
        return frame
    }

    /// The frame targeted by label `index` (C.labels[index]).
    @inline(__always)
    func frame(forLabel index: UInt32) throws -> ControlFrame {
        guard Int(index) < frames.count else { throw error("unknown label \(index)") }
        return frames[frames.count - 1 - Int(index)]
    }

    /// unreachable(): drops the current frame's operands and makes its stack polymorphic.
    mutating func markUnreachable() {
        let current = frames.count - 1
        operands.removeSubrange(frames[current].height...)
        frames[current].unreachable = true
    }
}
