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

    /// Scans `range` of `bytes` (a validated body) for sums worth a slot. Two passes over the
    /// body, each following the open loops on a stack: time linear in the body size times the
    /// loop nesting depth.
    init(scanning bytes: [UInt8], range: Range<Int>, firstSlot: Slot) throws {
        self.firstSlot = firstSlot
        // Pass 1: the locals each loop writes (also in loops nested in it).
        var instructions: [Instruction] = []
        var loopOffsets: [Int] = []          // body offset after each loop instruction, in body order
        var written: [Set<UInt32>] = []      // locals written inside each loop
        var open: [Int?] = []                // for each open block: its loop number, or nil
        var decoder = InstructionDecoder(bytes: bytes, range: range)
        while !decoder.isAtEnd {
            let instruction = try decoder.next()
            instructions.append(instruction)
            switch instruction {
            case .block, .if:
                open.append(nil)
            case .loop:
                open.append(loopOffsets.count)
                loopOffsets.append(decoder.offset)
                written.append([])
            case .end:
                _ = open.popLast()
            case .localSet(let local), .localTee(let local):
                for case let loop? in open { written[loop].insert(local) }
            default:
                break
            }
        }
        guard !loopOffsets.isEmpty else { return }
        // Pass 2: each `local.get p; i32.const K; i32.add` inside a loop, hoisted to the
        // outermost enclosing loop that does not write p — unless a load at offset 0 takes the
        // sum at once: that pair is already one instruction (`load32UDisplaced`).
        open = []
        var loopCount = 0
        for (position, instruction) in instructions.enumerated() {
            switch instruction {
            case .block, .if:
                open.append(nil)
            case .loop:
                open.append(loopCount)
                loopCount += 1
            case .end:
                _ = open.popLast()
            case .localGet(let local) where position + 3 < instructions.count:
                guard case .i32Const(let constant) = instructions[position + 1],
                      case .numeric(.i32Add) = instructions[position + 2] else { continue }
                if case .load(_, let memarg) = instructions[position + 3], memarg.offset == 0 { continue }
                guard let loop = open.lazy.compactMap({ $0 }).first(where: { !written[$0].contains(local) }) else { continue }
                let sum = InvariantSum(loop: loopOffsets[loop], local: local, constant: UInt32(bitPattern: constant))
                guard slots[sum] == nil, slots.count < Self.limit else { continue }
                slots[sum] = firstSlot + Slot(slots.count)
                sumsOfLoop[sum.loop, default: []].append(sum)
            default:
                break
            }
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
