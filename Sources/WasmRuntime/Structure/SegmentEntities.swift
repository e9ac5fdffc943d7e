// Runtime structure › Element instances (spec §4.2.10) and data instances (§4.2.11): what a
// module's segments hold at run time. `elem.drop` and `data.drop` empty them (§4.4.6, §4.4.7).

/// An element instance: a vector of reference values.
struct ElementEntity {
    var references: UnsafeMutablePointer<UInt64>?
    var count: Int

    init(_ references: [UInt64]) {
        count = references.count
        if references.isEmpty {
            self.references = nil
        } else {
            let buffer = UnsafeMutablePointer<UInt64>.allocate(capacity: references.count)
            buffer.initialize(from: references, count: references.count)
            self.references = buffer
        }
    }

    /// `elem.drop`: the instance becomes empty.
    mutating func drop() {
        references?.deallocate()
        references = nil
        count = 0
    }
}

/// A data instance: a vector of bytes.
struct DataEntity {
    var bytes: UnsafeMutablePointer<UInt8>?
    var count: Int

    init(_ bytes: ArraySlice<UInt8>) {
        count = bytes.count
        if bytes.isEmpty {
            self.bytes = nil
        } else {
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            _ = UnsafeMutableBufferPointer(start: buffer, count: bytes.count).initialize(from: bytes)
            self.bytes = buffer
        }
    }

    /// `data.drop`: the instance becomes empty.
    mutating func drop() {
        bytes?.deallocate()
        bytes = nil
        count = 0
    }
}
