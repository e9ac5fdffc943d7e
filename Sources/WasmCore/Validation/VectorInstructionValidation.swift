// Validation › Instructions › Vector instructions (spec §3.3.3) other than loads and stores
// (see MemoryInstructionValidation.swift). Lane indices must be below the shape's lane count.

extension FunctionValidator {
    /// The operators without immediates, by their signature.
    mutating func validateVector(_ signature: SIMDSignature) throws {
        switch signature {
        case .unary:
            try popOperand(.v128)
            push(.v128)
        case .binary:
            try popOperands(.v128, count: 2)
            push(.v128)
        case .ternary:
            try popOperands(.v128, count: 3)
            push(.v128)
        case .test:
            try popOperand(.v128)
            push(.i32)
        case .shift:
            try popOperand(.i32)
            try popOperand(.v128)
            push(.v128)
        case .splat(let scalar):
            try popOperand(scalar)
            push(.v128)
        }
    }

    /// i8x16.shuffle laneidx^16: every index selects one of the 32 lanes of the two operands.
    mutating func validateShuffle(_ lanes: V128) throws {
        // A lane index byte is 32 or more when any of its top three bits is set.
        guard (lanes.low | lanes.high) & 0xE0E0_E0E0_E0E0_E0E0 == 0 else { throw error("invalid lane index") }
        try popOperands(.v128, count: 2)
        push(.v128)
    }

    /// shape.extract_lane laneidx: [v128] -> [t]; shape.replace_lane laneidx: [v128 t] -> [v128].
    mutating func validateLane(_ op: SIMDLaneOperator, lane: UInt8) throws {
        guard Int(lane) < op.laneCount else { throw error("invalid lane index \(lane)") }
        if op.isReplace {
            try popOperand(op.laneType)
            try popOperand(.v128)
            push(.v128)
        } else {
            try popOperand(.v128)
            push(op.laneType)
        }
    }
}
