// The one entry from the interpreter's loop into vector execution (DESIGN.md, "Vectors"):
// every vector instruction shares a single case of the loop's switch, which calls `execute`;
// this function switches on the instruction's family, and each family's function on its
// operator. The loop's own code thus grows by one call, not by ~230 operators.

import WasmCore

extension VectorExecution {
    /// Executes the vector instruction at `pc` in the frame at `fp`; returns the number of
    /// instructions after it that it consumed (the shuffle's lane indices), for the caller
    /// to skip.
    @inline(never)
    static func execute(_ pc: UnsafePointer<EncodedInstruction>, _ fp: UnsafeMutablePointer<UInt64>,
                        memoryBase: UnsafeMutableRawPointer, memorySize: UInt64) throws(TrapReason) -> Int {
        let i = pc.pointee
        switch i.opcode {
        case .vectorUnary: unary(i.operator(SIMDOperator.self), fp, result: i.a, operand: i.b)
        case .vectorBinary: binary(i.operator(SIMDOperator.self), fp, result: i.a, rhs: i.b)
        case .vectorBitselect: bitselect(fp, operands: i.a)
        case .vectorShift: shift(i.operator(SIMDOperator.self), fp, result: i.a, count: i.b)
        case .vectorSplat: splat(i.operator(SIMDOperator.self), fp, result: i.a, operand: i.b)
        case .vectorTest: test(i.operator(SIMDOperator.self), fp, result: i.a, operand: i.b)
        case .selectWide:
            let result = i.a, other = i.b, condition = i.c
            // §4.4.4 select: the first value is already in `result`.
            if fp[i32: condition] == 0 { fp[v128: result] = fp[v128: other] }
        case .vectorLoad:
            let r = i.a, address = i.b, offset = i.uc
            try load(.v128Load, fp, result: r, address: address, offset: offset, memoryBase: memoryBase,
                     memorySize: memorySize)
        case .vectorLoadOther:
            let r = i.a, offset = i.ub, op = i.operator(SIMDLoadOperator.self)
            try load(op, fp, result: r, address: r, offset: offset, memoryBase: memoryBase, memorySize: memorySize)
        case .vectorStore:
            let address = i.a, value = i.b, offset = i.uc
            try store(fp, address: address, value: value, offset: offset, memoryBase: memoryBase, memorySize: memorySize)
        case .vectorLane:
            let r = i.a, operand = i.b, op = i.operator(SIMDLaneOperator.self), index = UInt8(truncatingIfNeeded: i.c)
            lane(op, lane: index, fp, result: r, operand: operand)
        case .vectorMemoryLane:
            let operands = i.a, offset = i.ub, op = i.operator(SIMDMemoryLaneOperator.self), lane = UInt8(truncatingIfNeeded: i.c)
            try memoryLane(op, lane: lane, fp, address: operands, offset: offset, memoryBase: memoryBase,
                           memorySize: memorySize)
        case .vectorShuffle:
            let r = i.a, a = i.b, b = i.c
            shuffle(fp, result: r, lhs: a, rhs: b, lanes: pc + 1)
            return 2
        default:
            preconditionFailure("not an executable vector instruction: \(pc.pointee)")
        }
        return 0
    }
}
