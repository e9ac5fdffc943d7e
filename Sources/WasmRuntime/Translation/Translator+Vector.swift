// Translation of the vector instructions (§3.3.3 gives their operand types, §4.4.3 and §4.4.7
// their execution). A v128 operand takes two consecutive slots, low half first; the emitted
// instructions name its first slot. Vector constants are written to their home at once (a
// slot holds 64 bits, so they are not kept as pending constants like scalar ones). To keep
// instructions within 12 bytes of payload, the wider ones take an operand in its home slot,
// which is also the result's (`popInPlace`).

import WasmCore

extension Translator {
    mutating func translateVector(_ instruction: Instruction) {
        switch instruction {
        case .v128Const(let value):
            // §4.4.1.1 t.const for v128: the two halves.
            let result = push(.v128)
            emit(.const64(value: value.low, result: result))
            emit(.const64(value: value.high, result: result + 1))
        case .i8x16Shuffle(let lanes):
            let rhs = popSlot(), lhs = popSlot()
            emit(.vectorShuffle(result: push(.v128), lhs: lhs, rhs: rhs))
            emit(.vectorShuffleLanes(lanes.low))
            emit(.vectorShuffleLanes(lanes.high))
        case .simd(let op):
            translateVectorOperator(op)
        case .simdLoad(.v128Load, let memarg):
            let address = popSlot()
            emit(.vectorLoad(result: push(.v128), address: address, offset: memarg.offset))
        case .simdLoad(let op, let memarg):
            let address = popInPlace(1)
            push(.v128)
            emit(.vectorLoadOther(result: address, offset: memarg.offset, op: op))
        case .v128Store(let memarg):
            let value = popSlot(), address = popSlot()
            emit(.vectorStore(address: address, value: value, offset: memarg.offset))
        case .simdLane(let op, let lane):
            if op.isReplace {
                let scalar = popSlot(), vector = popInPlace(1)
                push(.v128)
                emit(.vectorLane(result: vector, operand: scalar, op: op, lane: lane))
            } else {
                let vector = popSlot()
                emit(.vectorLane(result: push(op.laneType), operand: vector, op: op, lane: lane))
            }
        case .simdMemoryLane(let op, let memarg, let lane):
            // The address and the vector in consecutive slots; a load's result replaces them.
            let operands = popInPlace(2)
            if !op.isStore { push(.v128) }
            emit(.vectorMemoryLane(operands: operands, offset: memarg.offset, op: op, lane: lane))
        default:
            preconditionFailure("not a vector instruction: \(instruction)")
        }
    }

    /// The vector operators without immediates, by their type (§3.3.3).
    mutating func translateVectorOperator(_ op: SIMDOperator) {
        switch op.signature {
        case .unary:
            let operand = popSlot()
            emit(.vectorUnary(result: push(.v128), operand: operand, op: op))
        case .binary:
            let rhs = popSlot(), lhs = popInPlace(1)
            push(.v128)
            emit(.vectorBinary(result: lhs, rhs: rhs, op: op))
        case .ternary:
            // v128.bitselect: the three operands in consecutive slots; the result replaces the first.
            let operands = popInPlace(3)
            push(.v128)
            emit(.vectorBitselect(operands: operands))
        case .test:
            let operand = popSlot()
            emit(.vectorTest(result: push(.i32), operand: operand, op: op))
        case .shift:
            let count = popSlot(), operand = popInPlace(1)
            push(.v128)
            emit(.vectorShift(result: operand, count: count, op: op))
        case .splat:
            let operand = popSlot()
            emit(.vectorSplat(result: push(.v128), operand: operand, op: op))
        }
    }

    /// §4.4.4 select of two v128 values: the first is put in its home, which is the result's.
    mutating func translateVectorSelect() {
        let condition = popSlot()
        let other = popSlot()
        materializeTop(1)
        let first = pop()
        emit(.selectWide(result: first.home, other: other, condition: condition))
        push(first.type)
    }
}
