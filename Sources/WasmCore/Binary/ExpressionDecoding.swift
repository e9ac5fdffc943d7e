// Binary › Expressions (spec §5.4.9): an instruction sequence terminated by `end`. Structured
// instructions (§5.4.1) nest their own `end`s, so finding an expression's end means tracking
// the open blocks.

/// The blocks open while an expression is decoded, to find the `end` that closes the expression
/// and to accept `else` only directly inside an `if` (§5.4.1). Reused across expressions.
struct BlockNesting {
    /// One entry per open block: whether it is an `if` that may still take its `else`.
    private var acceptsElse: [Bool] = []

    mutating func reset() { acceptsElse.removeAll(keepingCapacity: true) }

    /// Accounts for `instruction`, found at `offset`, and tells whether it is the `end` that
    /// terminates the whole expression.
    mutating func isFinalEnd(_ instruction: Instruction, at offset: Int) throws(DecodingError) -> Bool {
        switch instruction {
        case .block, .loop:
            acceptsElse.append(false)
        case .if:
            acceptsElse.append(true)
        case .else:
            // Outside an `if`, the enclosing block (or the expression) needed its `end` here.
            guard acceptsElse.last == true else { throw DecodingError("END opcode expected", at: offset) }
            acceptsElse[acceptsElse.count - 1] = false
        case .end:
            if acceptsElse.isEmpty { return true }
            acceptsElse.removeLast()
        default:
            break
        }
        return false
    }
}

extension ByteReader {
    /// §5.4.9 expr as used for constant expressions (§3.3.10): every instruction up to the
    /// expression's final `end`, which is consumed but not included. Which instructions are
    /// constant is for the validator to decide.
    mutating func readConstantExpression(nesting: inout BlockNesting) throws(DecodingError) -> ConstantExpression {
        let start = offset
        var decoder = InstructionDecoder(bytes: bytes, range: offset..<limit)
        var instructions: [Instruction] = []
        nesting.reset()
        while true {
            let instructionOffset = decoder.offset
            let instruction = try decoder.next()
            if try nesting.isFinalEnd(instruction, at: instructionOffset) { break }
            instructions.append(instruction)
        }
        offset = decoder.offset
        return ConstantExpression(instructions: instructions, offset: start)
    }
}
