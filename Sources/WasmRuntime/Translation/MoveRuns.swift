// Runs of 4-byte moves (DESIGN.md, "Peepholes"): an unrolled copy loop (memcpy's 64-byte
// step: sixteen `move32` between the same two address slots at offsets 0, 4, …, 60) becomes
// one `move32Run` that does the moves in their order, checking the bounds once for the whole
// run; when the run is not entirely in bounds it does the moves one by one up to the one
// that traps, as the separate instructions would.

extension InternalInstruction {
    /// `first` (a `move32` or `move32Run`) then `second` (a `move32`) as one `move32Run`, when
    /// `second` moves the next word after the first's from the same two address slots.
    static func moveRun(_ first: InternalInstruction, _ second: InternalInstruction) -> InternalInstruction? {
        guard case .move32(let destination, let destinationOffset, let source, let sourceOffset) = second else { return nil }
        let run: (destination: Slot, destinationOffset: UInt16, source: Slot, sourceOffset: UInt32, count: Int32)
        switch first {
        case .move32(let d, let dOffset, let s, let sOffset):
            run = (d, dOffset, s, sOffset, 1)
        case .move32Run(let d, let dOffset, let s, let sOffset, let count):
            run = (Slot(d), dOffset, Slot(s), sOffset, count)
        default:
            return nil
        }
        let next = UInt64(run.count) * 4
        guard destination == run.destination, source == run.source,
              UInt64(destinationOffset) == UInt64(run.destinationOffset) + next,
              UInt64(sourceOffset) == UInt64(run.sourceOffset) + next,
              let d = ShortSlot(exactly: destination), let s = ShortSlot(exactly: source) else { return nil }
        return .move32Run(destination: d, destinationOffset: run.destinationOffset, source: s,
                          sourceOffset: run.sourceOffset, count: run.count + 1)
    }
}
