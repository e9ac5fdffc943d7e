// Binary › Types (spec §5.3): value, result, function, limits, memory, table and global types,
// and the block types of structured instructions (§5.4.1).

extension ByteReader {
    /// A type constructor's code (§5.3): one byte, the encoding of a small negative number in
    /// s7 (0x7F is −1, 0x60 is −0x20). Read as a one-byte signed LEB128 integer, as the reference
    /// interpreter does, so a byte with the continuation bit is "integer representation too long".
    private mutating func readTypeCode() throws(DecodingError) -> UInt8 {
        let byte = try readByte()
        guard byte & 0x80 == 0 else { throw DecodingError("integer representation too long", at: offset) }
        return byte
    }

    /// §5.3.1–§5.3.3 number, vector and reference types.
    mutating func readValueType() throws(DecodingError) -> ValueType {
        let start = offset
        guard let type = ValueType(rawValue: try readTypeCode()) else {
            throw DecodingError("malformed value type", at: start)
        }
        return type
    }

    /// §5.3.3 reference types.
    mutating func readRefType() throws(DecodingError) -> RefType {
        let start = offset
        guard let type = RefType(rawValue: try readTypeCode()) else {
            throw DecodingError("malformed reference type", at: start)
        }
        return type
    }

    /// §5.3.4 result types: vec(valtype).
    mutating func readResultType() throws(DecodingError) -> [ValueType] {
        let count = try readCount()
        var types: [ValueType] = []
        types.reserveCapacity(capacity(for: count))
        for _ in 0..<count { types.append(try readValueType()) }
        return types
    }

    /// §5.3.5 function types: 0x60 rt1 rt2.
    mutating func readFuncType() throws(DecodingError) -> FuncType {
        let start = offset
        guard try readTypeCode() == 0x60 else { throw DecodingError("malformed function type", at: start) }
        let parameters = try readResultType()
        let results = try readResultType()
        return FuncType(parameters: parameters, results: results)
    }

    /// §5.3.6 limits: a flag (0x00 min, 0x01 min max) then u32 bounds. The flag is read as a
    /// one-bit LEB128 integer, so a wrong flag is "integer too large" or "… too long".
    mutating func readLimits() throws(DecodingError) -> Limits {
        let hasMaximum = try readUnsigned(bits: 1) == 1
        let min = try readU32()
        var max: UInt32?
        if hasMaximum { max = try readU32() }
        return Limits(min: min, max: max)
    }

    /// §5.3.7 memory types.
    mutating func readMemoryType() throws(DecodingError) -> MemoryType {
        MemoryType(limits: try readLimits())
    }

    /// §5.3.8 table types: reftype limits.
    mutating func readTableType() throws(DecodingError) -> TableType {
        let elementType = try readRefType()
        return TableType(elementType: elementType, limits: try readLimits())
    }

    /// §5.3.9 global types: valtype mut, where mut is 0x00 (const) or 0x01 (var).
    mutating func readGlobalType() throws(DecodingError) -> GlobalType {
        let valueType = try readValueType()
        let start = offset
        guard let mutability = Mutability(rawValue: try readByte()) else {
            throw DecodingError("malformed mutability", at: start)
        }
        return GlobalType(mutability: mutability, valueType: valueType)
    }

    /// §5.4.1 block types: 0x40 (empty), a value type, or a type index as a non-negative s33.
    mutating func readBlockType() throws(DecodingError) -> BlockType {
        let start = offset
        let first = try peekByte()
        if first == 0x40 {
            offset += 1
            return .empty
        }
        if first & 0xC0 == 0x40 {
            // A one-byte negative s33: only the value type encodings are allowed.
            return .value(try readValueType())
        }
        let index = try readSigned(bits: 33)
        guard index >= 0 else { throw DecodingError("malformed block type", at: start) }
        return .typeIndex(UInt32(index))
    }
}
