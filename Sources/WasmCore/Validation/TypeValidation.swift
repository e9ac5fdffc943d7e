// Validation › Types (spec §3.2): limits, table types and memory types. Function types,
// global types and value types are always valid in WebAssembly 2.0; block types are checked
// where they occur (ControlInstructionValidation.swift).

/// The largest number of 64 KiB pages a memory may have (§3.2.5): 4 GiB.
let maximumMemoryPages: UInt32 = 65536

extension Limits {
    /// §3.2.1 Limits: within `range`, and min ≤ max. `rangeMessage` names the violated range.
    func validate(range: UInt32, rangeMessage: String, at offset: Int) throws {
        guard min <= range else { throw ValidationError(rangeMessage, at: offset) }
        if let max {
            guard max <= range else { throw ValidationError(rangeMessage, at: offset) }
            guard min <= max else {
                throw ValidationError("size minimum must not be greater than maximum", at: offset)
            }
        }
    }
}

extension TableType {
    /// §3.2.4 Table types: limits within 2^32 - 1 elements.
    func validate(at offset: Int) throws {
        try limits.validate(range: UInt32.max, rangeMessage: "table size must be at most 2^32-1", at: offset)
    }
}

extension MemoryType {
    /// §3.2.5 Memory types: limits within 2^16 pages.
    func validate(at offset: Int) throws {
        try limits.validate(range: maximumMemoryPages,
                            rangeMessage: "memory size must be at most 65536 pages (4GiB)", at: offset)
    }
}
