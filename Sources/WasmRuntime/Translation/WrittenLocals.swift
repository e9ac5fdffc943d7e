// Operands kept across a block entry (DESIGN.md, "Materialisation"): where control flow splits or
// joins, the operand model must be the same on every path, so a block, loop or if entry puts
// operands in their home slots. An operand that reads a local the block never writes
// (`local.set`/`local.tee` anywhere inside it, nested blocks included) needs no copy: that
// local holds the same value on every path through the block, and nothing inside can change
// the model's view of it (any block nested inside writes a subset of those locals, and a
// `local.set` materialises only readers of the local it writes). The block's own parameters
// are always put in place: its branches and its `else` expect them there.

import WasmCore

/// The locals each block of a body writes, by the body offset right after its `block`,
/// `loop` or `if` instruction.
struct WrittenLocals {
    private(set) var byBlock: [Int: Set<UInt32>] = [:]

    init() {}

    /// Scans `range` of `bytes` (a validated body) once, with a stack of open blocks.
    init(scanning bytes: [UInt8], range: Range<Int>) throws {
        var decoder = InstructionDecoder(bytes: bytes, range: range)
        var open: [(offset: Int, locals: Set<UInt32>)] = []
        while !decoder.isAtEnd {
            switch try decoder.next() {
            case .block, .loop, .if:
                open.append((decoder.offset, []))
            case .localSet(let local), .localTee(let local):
                if !open.isEmpty { open[open.count - 1].locals.insert(local) }
            case .end:
                guard let block = open.popLast() else { break }  // the body's own end
                byBlock[block.offset] = block.locals
                if !open.isEmpty { open[open.count - 1].locals.formUnion(block.locals) }
            default:
                break
            }
        }
    }
}

extension Translator {
    /// Puts in their home slots, at the entry of the block whose body starts at `bodyOffset`,
    /// the operands whose value could differ between its paths: its `parameterCount`
    /// parameters, and below them every operand except constants, hoisted constants and
    /// readers of a local the block does not write.
    mutating func materializeEnteringBlock(at bodyOffset: Int, parameterCount: Int) {
        let written = writtenLocals.byBlock[bodyOffset] ?? []
        let firstParameter = operands.count - parameterCount
        for index in operands.indices {
            let operand = operands[index]
            if index < firstParameter {
                if operand.constant != nil || hoisted.contains(slot: operand.source) { continue }
                if let local = local(readBy: operand), !written.contains(local) { continue }
            }
            materialize(at: index)
        }
    }

    /// The local `operand` reads, if it is an alias of one.
    private func local(readBy operand: Operand) -> UInt32? {
        guard operand.constant == nil, operand.source != operand.home, operand.source < localSlotCount,
              let index = localSlots.firstIndex(of: operand.source) else { return nil }
        return UInt32(index)
    }
}
