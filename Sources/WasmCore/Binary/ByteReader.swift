// Binary › Values (spec §5.2): bytes, LEB128 integers, floats, lengths and names, read from the
// module's bytes at a moving offset.

/// Reads the values of §5.2 from `bytes[offset..<limit]`, throwing `DecodingError` (with the byte
/// offset) on anything the binary format does not allow.
///
/// Sections are not read through a window of their declared size: as in the spec's grammar
/// (`section_N(B) ::= N size:u32 cont:B (if size = ||cont||)`), the contents are decoded first and
/// their length is then compared with the declared size.
struct ByteReader {
    let bytes: [UInt8]
    var offset: Int
    /// Reads must stay below this offset.
    let limit: Int

    init(bytes: [UInt8], offset: Int, limit: Int) {
        precondition(0 <= offset && offset <= limit && limit <= bytes.count, "reader range outside the bytes")
        self.bytes = bytes
        self.offset = offset
        self.limit = limit
    }

    var isAtEnd: Bool { offset >= limit }
    var remaining: Int { limit - offset }

    func unexpectedEnd() -> DecodingError {
        DecodingError("unexpected end of section or function", at: offset)
    }

    // §5.2.1 Bytes

    mutating func readByte() throws(DecodingError) -> UInt8 {
        guard offset < limit else { throw unexpectedEnd() }
        let byte = bytes[offset]
        offset += 1
        return byte
    }

    /// The next byte, without consuming it.
    func peekByte() throws(DecodingError) -> UInt8 {
        guard offset < limit else { throw unexpectedEnd() }
        return bytes[offset]
    }

    /// Skips `count` bytes and returns their range.
    mutating func readBytes(_ count: Int) throws(DecodingError) -> Range<Int> {
        guard count <= remaining else { throw unexpectedEnd() }
        let range = offset..<(offset + count)
        offset += count
        return range
    }

    /// A reserved byte that must be 0x00 (memory indices of memory.size, memory.grow, … in 2.0).
    mutating func readZeroByte() throws(DecodingError) {
        let start = offset
        guard try readByte() == 0 else { throw DecodingError("zero byte expected", at: start) }
    }

    // §5.2.2 Integers: LEB128, at most ceil(N/7) bytes, unused bits of the last byte zero
    // (unsigned) or equal to the sign bit (signed).

    /// An unsigned integer of `bits` bits (1...64).
    mutating func readUnsigned(bits: Int) throws(DecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift = 0
        while true {
            let bitsLeft = bits - shift
            guard bitsLeft > 0 else { throw DecodingError("integer representation too long", at: offset) }
            let byte = try readByte()
            if bitsLeft < 7 && UInt64(byte & 0x7F) >> UInt64(bitsLeft) != 0 {
                throw DecodingError("integer too large", at: offset - 1)
            }
            result |= UInt64(byte & 0x7F) << UInt64(shift)
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// A signed integer of `bits` bits (1...64), sign-extended to 64 bits.
    mutating func readSigned(bits: Int) throws(DecodingError) -> Int64 {
        var result: Int64 = 0
        var shift = 0
        while true {
            let bitsLeft = bits - shift
            guard bitsLeft > 0 else { throw DecodingError("integer representation too long", at: offset) }
            let byte = try readByte()
            if bitsLeft < 7 {
                // The bits above the value's sign bit must all repeat it.
                let unused = UInt8(truncatingIfNeeded: -1 << (bitsLeft - 1)) & 0x7F
                let pattern = byte & unused
                guard pattern == 0 || pattern == unused else {
                    throw DecodingError("integer too large", at: offset - 1)
                }
            }
            result |= Int64(byte & 0x7F) << Int64(shift)
            shift += 7
            if byte & 0x80 == 0 {
                if shift < 64 && byte & 0x40 != 0 { result |= -1 << Int64(shift) }
                return result
            }
        }
    }

    /// u32, with a fast path for the one-byte form.
    mutating func readU32() throws(DecodingError) -> UInt32 {
        if offset < limit {
            let byte = bytes[offset]
            if byte < 0x80 {
                offset += 1
                return UInt32(byte)
            }
        }
        return UInt32(truncatingIfNeeded: try readUnsigned(bits: 32))
    }

    mutating func readS32() throws(DecodingError) -> Int32 {
        if offset < limit {
            let byte = bytes[offset]
            if byte < 0x80 {
                offset += 1
                return Int32(Int8(bitPattern: byte << 1) >> 1)  // sign-extend the 7-bit value
            }
        }
        return Int32(truncatingIfNeeded: try readSigned(bits: 32))
    }

    mutating func readS64() throws(DecodingError) -> Int64 {
        try readSigned(bits: 64)
    }

    // §5.2.3 Floating-point: IEEE 754 bit patterns, little endian.

    mutating func readLittleEndian32() throws(DecodingError) -> UInt32 {
        let range = try readBytes(4)
        var value: UInt32 = 0
        for (i, index) in range.enumerated() { value |= UInt32(bytes[index]) << UInt32(8 * i) }
        return value
    }

    mutating func readLittleEndian64() throws(DecodingError) -> UInt64 {
        let range = try readBytes(8)
        var value: UInt64 = 0
        for (i, index) in range.enumerated() { value |= UInt64(bytes[index]) << UInt64(8 * i) }
        return value
    }

    /// 16 bytes in memory order (v128.const, i8x16.shuffle).
    mutating func readV128() throws(DecodingError) -> V128 {
        let low = try readLittleEndian64()
        let high = try readLittleEndian64()
        return V128(low: low, high: high)
    }

    // §5.1.3 Vectors, §5.2.4 names and §5.5.2 section sizes

    /// A vector's element count. It is not checked here: every element takes at least one byte,
    /// so decoding a count larger than the bytes left ends in "unexpected end". Callers reserve
    /// at most `capacity(for:)` elements, never the claimed count.
    mutating func readCount() throws(DecodingError) -> Int {
        Int(try readU32())
    }

    /// The capacity worth reserving for `count` elements of at least one byte each.
    func capacity(for count: Int) -> Int { Swift.min(count, remaining) }

    /// A u32 byte length (of a name, a section or a function body), which must fit in the
    /// remaining bytes.
    mutating func readLength() throws(DecodingError) -> Int {
        let start = offset
        let length = Int(try readU32())
        guard length <= remaining else { throw DecodingError("length out of bounds", at: start) }
        return length
    }

    /// §5.2.4 Names: a byte vector holding valid UTF-8.
    mutating func readName() throws(DecodingError) -> String {
        let start = offset
        let range = try readBytes(try readLength())
        guard isValidUTF8(bytes[range]) else { throw DecodingError("malformed UTF-8 encoding", at: start) }
        return String(decoding: bytes[range], as: UTF8.self)
    }
}
