// Deterministic corruption of module binaries for the mutation test: byte flips, truncations,
// insertions, deletions and LEB128 corruptions (§5.2.2), aimed mostly past the header and,
// for the LEB128 ones, often at section sizes and the counts that start section contents.

import TestSupport

/// One way to corrupt a binary.
enum Mutation: CaseIterable {
    /// Flip one bit of a byte.
    case flipBit
    /// Overwrite a byte with a boundary value or a random one.
    case setByte
    /// Cut the binary short.
    case truncate
    /// Insert 1–4 random bytes.
    case insertBytes
    /// Remove 1–4 bytes.
    case deleteBytes
    /// Set a byte's continuation bit, so a LEB128 number runs into the next byte.
    case extendLEB
    /// Replace a byte with the largest u32 in LEB128: a hostile size or count.
    case hugeLEB
    /// Re-encode a one-byte LEB128 number with padding: 5 bytes (allowed for u32) or 6 (too long).
    case overlongLEB
}

enum MutationGenerator {
    /// Applies 1–3 random mutations to `bytes` (mostly one: each extra one makes it likelier that
    /// the decoder stops early); returns what was applied, for the failure report.
    static func mutate(_ bytes: inout [UInt8], using rng: inout SeededGenerator) -> [Mutation] {
        let lebTargets = sectionLEBPositions(bytes)
        var applied: [Mutation] = []
        for _ in 0..<[1, 1, 1, 2, 2, 3].randomElement(using: &rng)! {
            let mutation = Mutation.allCases.randomElement(using: &rng)!
            apply(mutation, to: &bytes, lebTargets: lebTargets, using: &rng)
            applied.append(mutation)
        }
        return applied
    }

    private static func apply(_ mutation: Mutation, to bytes: inout [UInt8], lebTargets: [Int], using rng: inout SeededGenerator) {
        guard !bytes.isEmpty else {
            bytes.append(UInt8.random(in: 0...255, using: &rng))
            return
        }
        // Mostly past the 8-byte preamble (magic and version, §5.5.16), sometimes anywhere.
        func position() -> Int {
            let start = bytes.count > 8 && Int.random(in: 0..<16, using: &rng) != 0 ? 8 : 0
            return Int.random(in: start..<bytes.count, using: &rng)
        }
        // For LEB128 corruptions, half the time a section size or a section's first count.
        func lebPosition() -> Int {
            let targets = lebTargets.filter { $0 < bytes.count }
            return !targets.isEmpty && Bool.random(using: &rng) ? targets.randomElement(using: &rng)! : position()
        }
        switch mutation {
        case .flipBit:
            bytes[position()] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
        case .setByte:
            let values: [UInt8] = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x0B, 0xFC, 0xFD, UInt8.random(in: 0...255, using: &rng)]
            bytes[position()] = values.randomElement(using: &rng)!
        case .truncate:
            bytes.removeLast(Int.random(in: 1...bytes.count, using: &rng))
        case .insertBytes:
            let inserted = (0..<Int.random(in: 1...4, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            bytes.insert(contentsOf: inserted, at: Int.random(in: 0...bytes.count, using: &rng))
        case .deleteBytes:
            let start = position()
            bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...4, using: &rng)))
        case .extendLEB:
            bytes[lebPosition()] |= 0x80
        case .hugeLEB:
            let at = lebPosition()
            bytes.replaceSubrange(at...at, with: [0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        case .overlongLEB:
            let at = lebPosition()
            let value = bytes[at] & 0x7F
            let padding = [UInt8](repeating: 0x80, count: Bool.random(using: &rng) ? 3 : 4)
            bytes.replaceSubrange(at...at, with: [value | 0x80] + padding + [0x00])
        }
    }

    /// Positions of each section's size and of the first byte of its contents (the count of
    /// most sections, §5.5.2), found by walking the section headers of an intact binary.
    static func sectionLEBPositions(_ bytes: [UInt8]) -> [Int] {
        var positions: [Int] = []
        var offset = 8
        while offset + 1 < bytes.count {
            let sizeOffset = offset + 1
            var size = 0, shift = 0, cursor = sizeOffset
            while cursor < bytes.count, shift < 35 {
                size |= Int(bytes[cursor] & 0x7F) << shift
                shift += 7
                cursor += 1
                if bytes[cursor - 1] & 0x80 == 0 { break }
            }
            guard cursor <= bytes.count, cursor + size <= bytes.count else { break }
            positions.append(sizeOffset)
            if size > 0 { positions.append(cursor) }
            offset = cursor + size
        }
        return positions
    }
}
