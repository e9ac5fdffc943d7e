// Binary › Modules › Element and data sections (spec §5.5.12, §5.5.14): segments whose leading
// u32 flags select their mode and encoding.

extension ModuleDecoder {
    /// §5.5.12 element section: vec(elem). The flags' bit 0 means passive or declarative (with
    /// bit 1 set: declarative), bit 1 an explicit table index (active) or element kind/type, and
    /// bit 2 element expressions instead of function indices.
    mutating func readElementSection() throws(DecodingError) {
        let count = try reader.readCount()
        module.elements.reserveCapacity(reader.capacity(for: count))
        for _ in 0..<count { module.elements.append(try readElementSegment()) }
    }

    private mutating func readElementSegment() throws(DecodingError) -> ElementSegment {
        let start = reader.offset
        let flags = try reader.readU32()
        guard flags <= 7 else { throw DecodingError("malformed elements segment kind", at: start) }
        let isPassiveOrDeclarative = flags & 0b001 != 0
        let hasTableIndexOrType = flags & 0b010 != 0
        let usesExpressions = flags & 0b100 != 0

        let mode: ElementSegment.Mode
        if isPassiveOrDeclarative {
            mode = hasTableIndexOrType ? .declarative : .passive
        } else {
            var table: UInt32 = 0
            if hasTableIndexOrType { table = try reader.readU32() }
            mode = .active(table: table, offset: try reader.readConstantExpression(nesting: &nesting))
        }

        // Flags 0 and 4 imply funcref; the others state an element kind (0x00 = funcref, with
        // function indices) or a reference type (with expressions).
        var type = RefType.funcref
        if isPassiveOrDeclarative || hasTableIndexOrType {
            if usesExpressions {
                type = try reader.readRefType()
            } else {
                let kindOffset = reader.offset
                guard try reader.readByte() == 0x00 else { throw DecodingError("malformed element kind", at: kindOffset) }
            }
        }

        let initializerCount = try reader.readCount()
        var initializers: [ConstantExpression] = []
        initializers.reserveCapacity(reader.capacity(for: initializerCount))
        for _ in 0..<initializerCount {
            if usesExpressions {
                initializers.append(try reader.readConstantExpression(nesting: &nesting))
            } else {
                // A function index stands for the expression `ref.func x`.
                let indexOffset = reader.offset
                let index = try reader.readU32()
                initializers.append(ConstantExpression(instructions: [.refFunc(functionIndex: index)], offset: indexOffset))
            }
        }
        return ElementSegment(type: type, initializers: initializers, mode: mode, offset: start)
    }

    /// §5.5.14 data section: vec(data), with flags 0 (active, memory 0), 1 (passive) or
    /// 2 (active, explicit memory index).
    mutating func readDataSection() throws(DecodingError) {
        let count = try reader.readCount()
        module.datas.reserveCapacity(reader.capacity(for: count))
        for _ in 0..<count {
            let start = reader.offset
            let mode: DataSegment.Mode
            switch try reader.readU32() {
            case 0: mode = .active(memory: 0, offset: try reader.readConstantExpression(nesting: &nesting))
            case 1: mode = .passive
            case 2:
                let memory = try reader.readU32()
                mode = .active(memory: memory, offset: try reader.readConstantExpression(nesting: &nesting))
            default: throw DecodingError("malformed data segment kind", at: start)
            }
            let range = try reader.readBytes(try reader.readCount())  // vec(byte): no capacity reserved
            module.datas.append(DataSegment(mode: mode, bytes: reader.bytes[range], offset: start))
        }
    }
}
