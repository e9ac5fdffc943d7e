// Arguments moved by the call itself (DESIGN.md, "Peepholes"): the arguments a call still
// has to put in place — copies of locals, 32-bit constants — are done by the call
// instruction (`callMoving`, reading its `callMoves` word) rather than by a `copy` or `const`
// each before it. Up to three per call; more are materialised before the call as usual.

/// The moves of one call: each an argument slot (its offset from the callee's frame) and
/// the slot to copy into it or the 32-bit constant to write there.
struct ArgumentMoves {
    static let laneCount = 3
    /// Lane bits: the destination offset in the low four, then the constant flag.
    static let offsetMask = 15
    static let constantBit = 16

    struct Move: Equatable {
        var offset: Int
        var operand: UInt32
        var isConstant: Bool
    }

    private(set) var moves: [Move] = []

    var isEmpty: Bool { moves.isEmpty }
    var hasRoom: Bool { moves.count < Self.laneCount }

    /// Adds a move when there is a lane left and the offset fits one; returns whether it did.
    mutating func add(offset: Int, operand: UInt32, isConstant: Bool) -> Bool {
        guard hasRoom, (0 ... Self.offsetMask).contains(offset) else { return false }
        moves.append(Move(offset: offset, operand: operand, isConstant: isConstant))
        return true
    }

    /// The `callMoves` word: unused lanes repeat the first move, which is harmless since no
    /// move reads an argument slot.
    var encoded: InternalInstruction {
        var lanes = 0
        var operands: [UInt32] = []
        for lane in 0 ..< Self.laneCount {
            let move = moves[lane < moves.count ? lane : 0]
            lanes |= (move.offset | (move.isConstant ? Self.constantBit : 0)) << (5 * lane)
            operands.append(move.operand)
        }
        return .callMoves(lanes: Int16(truncatingIfNeeded: lanes), first: operands[0], second: operands[1], third: operands[2])
    }
}

extension Translator {
    /// Pops the top `count` operands, the arguments of a call to a WebAssembly function, and
    /// returns the callee's frame base with the moves the call does itself: those of the last
    /// copy emitted, when it wrote argument slots, then up to three more from the arguments
    /// still elsewhere (a local, a 32-bit constant). The others are materialised here.
    mutating func passArgumentsMoving(_ count: Int) -> (frame: Slot, moves: ArgumentMoves) {
        let frame = count > 0 ? operands[operands.count - count].home : height
        var moves = ArgumentMoves()
        if let copy = lastCopy, copy == code.count - 1, takeOver(code[copy], into: &moves, frame: frame) {
            code.removeLast()
            lastCopy = nil
            lastProducer = nil
        }
        for index in (operands.count - count ..< operands.count).reversed() {
            let operand = operands[index]
            let offset = Int(operand.home - frame)
            guard operand.type.slotCount == 1 else { materialize(at: index); continue }
            if let constant = operand.constant {
                if constant > UInt64(UInt32.max)
                    || !moves.add(offset: offset, operand: UInt32(constant), isConstant: true) {
                    materialize(at: index)
                }
            } else if operand.source != operand.home {
                if !moves.add(offset: offset, operand: UInt32(bitPattern: operand.source), isConstant: false) {
                    materialize(at: index)
                }
            }
        }
        operands.removeLast(count)
        return (frame, moves)
    }

    /// Adds the moves of `instruction`, a `copy` or `copyTwo` into argument slots, when all
    /// fit; returns whether they did (then the call does them instead).
    private func takeOver(_ instruction: InternalInstruction, into moves: inout ArgumentMoves, frame: Slot) -> Bool {
        var copies: [(destination: Slot, source: Slot)]
        switch instruction {
        case .copy(let destination, let source): copies = [(destination, source)]
        case .copyTwo(let destination, let first, let second): copies = [(destination, first), (destination + 1, second)]
        default: return false
        }
        guard copies.allSatisfy({ $0.destination >= frame && Int($0.destination - frame) <= ArgumentMoves.offsetMask }) else {
            return false
        }
        for copy in copies {
            _ = moves.add(offset: Int(copy.destination - frame), operand: UInt32(bitPattern: copy.source), isConstant: false)
        }
        return true
    }
}
