// Loop-invariant address arithmetic (DESIGN.md, "Translation"): C code inside a loop often
// recomputes `p + K` (a struct field's or a frame array's address) from a local `p` that the
// loop never writes: `local.get p; i32.const K; i32.add`. Before translating a body, a scan
// finds those sums and, for each, the outermost enclosing loop that writes no `p`; the sum gets
// a reserved frame slot (after the hoisted constants), computed on entry to that loop (once per
// entry, before its label), and inside the loop the `i32.add` emits nothing: its result reads
// the slot. §4.4.1 i32.add wraps, as the `i32AddImm` on entry does.

import WasmCore

/// A sum `local + constant` computed on entry to the loop that starts at a given body offset.
struct InvariantSum: Hashable {
    /// Body offset just after the `loop` instruction.
    var loop: Int
    var local: UInt32
    var constant: UInt32
}

/// The invariant sums of one body and their slots.
struct InvariantSums {
    /// At most this many sums are kept per body (their entry code runs on every loop entry).
    static let limit = 16

    /// The slot of each sum.
    private(set) var slots: [InvariantSum: Slot] = [:]
    /// The sums computed on entry to each loop (by the body offset after its `loop` instruction).
    private(set) var sumsOfLoop: [Int: [InvariantSum]] = [:]
    let firstSlot: Slot
    var slotCount: Slot { Slot(slots.count) }

    /// No sums (before the scan).
    init(none firstSlot: Slot) {
        self.firstSlot = firstSlot
    }

    /// Scans `range` of `bytes` (a validated body) for sums worth a slot.
    init(scanning bytes: [UInt8], range: Range<Int>, firstSlot: Slot) throws {
        self.firstSlot = firstSlot
        // Pass 1: each loop's extent (in instruction positions) and the positions writing each local.
        var instructions: [Instruction] = []
        var loopStarts: [Int] = []          // instruction position of each loop, in body order
        var loopOffsets: [Int] = []         // body offset after each loop instruction
        var loopEnds: [Int] = []
        var open: [Int?] = []               // for each open block: its loop number, or nil
        var writes: [UInt32: [Int]] = [:]
        var decoder = InstructionDecoder(bytes: bytes, range: range)
        while !decoder.isAtEnd {
            let instruction = try decoder.next()
            let position = instructions.count
            instructions.append(instruction)
            switch instruction {
            case .block, .if:
                open.append(nil)
            case .loop:
                open.append(loopStarts.count)
                loopStarts.append(position)
                loopOffsets.append(decoder.offset)
                loopEnds.append(Int.max)
            case .end:
                if let loop = open.popLast() ?? nil { loopEnds[loop] = position }
            case .localSet(let local), .localTee(let local):
                writes[local, default: []].append(position)
            default:
                break
            }
        }
        // Pass 2: each `local.get p; i32.const K; i32.add` inside a loop, hoisted to the
        // outermost enclosing loop that does not write p — unless a load at offset 0 takes the
        // sum at once: that pair is already one instruction (`load32UDisplaced`).
        guard !loopStarts.isEmpty, instructions.count >= 4 else { return }
        for position in 0..<(instructions.count - 3) {
            guard case .localGet(let local) = instructions[position],
                  case .i32Const(let constant) = instructions[position + 1],
                  case .numeric(.i32Add) = instructions[position + 2] else { continue }
            if case .load(_, let memarg) = instructions[position + 3], memarg.offset == 0 { continue }
            let outermost = loopStarts.indices.first { loop in
                loopStarts[loop] < position && position < loopEnds[loop]
                    && !(writes[local] ?? []).contains { loopStarts[loop] < $0 && $0 < loopEnds[loop] }
            }
            guard let loop = outermost else { continue }
            let sum = InvariantSum(loop: loopOffsets[loop], local: local, constant: UInt32(bitPattern: constant))
            guard slots[sum] == nil, slots.count < Self.limit else { continue }
            slots[sum] = firstSlot + Slot(slots.count)
            sumsOfLoop[sum.loop, default: []].append(sum)
        }
    }
}

extension Translator {
    /// Emits, before the label of the loop whose body starts at `loopOffset`, the computation
    /// of its invariant sums into their slots.
    mutating func computeInvariantSums(ofLoop loopOffset: Int) {
        for sum in sums.sumsOfLoop[loopOffset] ?? [] {
            emit(.i32AddImm(result: sums.slots[sum]!, lhs: localSlots[Int(sum.local)], immediate: sum.constant))
        }
    }

    /// The slot of `operand` + `constant` when `operand` reads a local whose sum with
    /// `constant` an enclosing loop computed on entry; `nil` otherwise.
    func invariantSumSlot(_ operand: Operand, plus constant: UInt32) -> Slot? {
        guard sums.slotCount > 0, operand.constant == nil, let local = localOfSlot[operand.source] else { return nil }
        for frame in controls.reversed() {
            guard let loop = frame.loopOffset else { continue }
            if let slot = sums.slots[InvariantSum(loop: loop, local: local, constant: constant)] { return slot }
        }
        return nil
    }
}
