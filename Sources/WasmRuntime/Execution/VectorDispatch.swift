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
    static func execute(_ pc: UnsafePointer<InternalInstruction>, _ fp: UnsafeMutablePointer<UInt64>,
                        memoryBase: UnsafeMutableRawPointer, memorySize: UInt64) throws(TrapReason) -> Int {
        switch pc.pointee {
        case .vectorUnary(let r, let a, let op): unary(op, fp, result: r, operand: a)
        case .vectorBinary(let r, let b, let op): binary(op, fp, result: r, rhs: b)
        case .vectorBitselect(let operands): bitselect(fp, operands: operands)
        case .vectorShift(let r, let count, let op): shift(op, fp, result: r, count: count)
        case .vectorSplat(let r, let a, let op): splat(op, fp, result: r, operand: a)
        case .vectorTest(let r, let a, let op): test(op, fp, result: r, operand: a)
        case .selectWide(let result, let other, let condition):
            // §4.4.4 select: the first value is already in `result`.
            if fp[i32: condition] == 0 { fp[v128: result] = fp[v128: other] }
        case .vectorLoad(let r, let address, let offset):
            try load(.v128Load, fp, result: r, address: address, offset: offset, memoryBase: memoryBase,
                     memorySize: memorySize)
        case .vectorLoadOther(let r, let offset, let op):
            try load(op, fp, result: r, address: r, offset: offset, memoryBase: memoryBase, memorySize: memorySize)
        case .vectorStore(let address, let value, let offset):
            try store(fp, address: address, value: value, offset: offset, memoryBase: memoryBase, memorySize: memorySize)
        case .vectorLane(let r, let operand, let op, let index):
            lane(op, lane: index, fp, result: r, operand: operand)
        case .vectorMemoryLane(let operands, let offset, let op, let lane):
            try memoryLane(op, lane: lane, fp, address: operands, offset: offset, memoryBase: memoryBase,
                           memorySize: memorySize)
        case .vectorShuffle(let r, let a, let b):
            shuffle(fp, result: r, lhs: a, rhs: b, lanes: pc + 1)
            return 2
        default:
            preconditionFailure("not an executable vector instruction: \(pc.pointee)")
        }
        return 0
    }
}
