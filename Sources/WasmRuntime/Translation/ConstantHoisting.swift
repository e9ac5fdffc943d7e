// Loop-invariant constants (DESIGN.md, "Peepholes"): f32, f64 and wide i64 constants have no
// immediate forms, so each use inside a loop would cost a `const` instruction per iteration.
// Before translating a body, a scan collects those that loops use; they get reserved frame
// slots (between the locals and the operand stack), written once on entry, and their uses read
// those slots like locals that never change.

import WasmCore

/// A constant value of a type, as its slot bits.
struct ConstantKey: Hashable {
    var type: ValueType
    var bits: UInt64
}

/// The constants of one body that are worth a frame slot, and the code that fills the slots.
struct HoistedConstants {
    /// At most this many constants are hoisted: their entry code runs on every call.
    static let limit = 32

    /// The slot of each hoisted constant.
    private(set) var slots: [ConstantKey: Slot] = [:]
    /// The constants in slot order.
    private(set) var constants: [ConstantKey] = []
    let firstSlot: Slot

    var slotCount: Slot { Slot(constants.count) }

    /// No hoisted constants (before the scan).
    init(none firstSlot: Slot) {
        self.firstSlot = firstSlot
    }

    /// Scans `range` of `bytes` (a validated body) for the constants used inside loops.
    init(scanning bytes: [UInt8], range: Range<Int>, firstSlot: Slot) throws {
        self.firstSlot = firstSlot
        var decoder = InstructionDecoder(bytes: bytes, range: range)
        var isLoop: [Bool] = []
        var loops = 0
        while !decoder.isAtEnd {
            let instruction = try decoder.next()
            switch instruction {
            case .block, .if:
                isLoop.append(false)
            case .loop:
                isLoop.append(true)
                loops += 1
            case .end:
                if isLoop.popLast() == true { loops -= 1 }
            case .f32Const(let bits) where loops > 0:
                add(ConstantKey(type: .f32, bits: UInt64(bits)))
            case .f64Const(let bits) where loops > 0:
                add(ConstantKey(type: .f64, bits: bits))
            case .i64Const(let value) where loops > 0 && Int32(exactly: value) == nil:
                add(ConstantKey(type: .i64, bits: UInt64(bitPattern: value)))
            default:
                break
            }
        }
    }

    private mutating func add(_ key: ConstantKey) {
        guard slots[key] == nil, constants.count < Self.limit else { return }
        slots[key] = firstSlot + Slot(constants.count)
        constants.append(key)
    }

    /// Whether `slot` holds a hoisted constant (it is never written after entry).
    func contains(slot: Slot) -> Bool {
        slot >= firstSlot && slot < firstSlot + slotCount
    }
}
