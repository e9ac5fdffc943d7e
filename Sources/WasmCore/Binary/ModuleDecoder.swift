// Binary › Modules (spec §5.5): the preamble, then sections in a fixed order, each at most
// once, with custom sections anywhere.

extension Module {
    /// Decodes a binary module (§5.5). Throws `DecodingError` with the byte offset of the
    /// problem when the bytes are not a well-formed module. The result is not validated.
    public init(binary bytes: [UInt8]) throws(DecodingError) {
        var decoder = ModuleDecoder(bytes: bytes)
        self = try decoder.decode()
    }
}

/// Section ids (§5.5.2).
enum SectionID: UInt8 {
    case custom = 0, type, `import`, function, table, memory, global, export, start, element, code, data, dataCount

    /// Rank in the order sections must appear in (§5.5.16); the data count section comes
    /// between the element and code sections. Custom sections are not ordered.
    var order: Int {
        switch self {
        case .dataCount: 10
        case .code: 11
        case .data: 12
        default: Int(rawValue)
        }
    }
}

/// Decodes one module: reads the sections into `module`, then checks the rules that relate
/// sections to each other (§5.5.16).
struct ModuleDecoder {
    var reader: ByteReader
    var module: Module
    /// Reused by every expression of the module.
    var nesting = BlockNesting()
    /// Whether some function body uses `memory.init` or `data.drop`, which needs a data count section.
    var codeUsesDataIndices = false

    init(bytes: [UInt8]) {
        reader = ByteReader(bytes: bytes, offset: 0, limit: bytes.count)
        module = Module(bytes: bytes)
    }

    mutating func decode() throws(DecodingError) -> Module {
        try readPreamble()
        var lastOrder = 0
        while !reader.isAtEnd {
            // §5.5.2 section: id byte, u32 size, contents of exactly that size.
            let sectionStart = reader.offset
            guard let id = SectionID(rawValue: try reader.readByte()) else {
                throw DecodingError("malformed section id", at: sectionStart)
            }
            if id != .custom {
                guard id.order > lastOrder else {
                    throw DecodingError("unexpected content after last section", at: sectionStart)
                }
                lastOrder = id.order
            }
            let size = try reader.readLength()
            let end = reader.offset + size
            try readSection(id, end: end)
            guard reader.offset == end else { throw DecodingError("section size mismatch", at: reader.offset) }
        }
        try checkSectionConsistency()
        return module
    }

    /// §5.5.16 magic "\0asm" and version 1, both four bytes.
    private mutating func readPreamble() throws(DecodingError) {
        guard reader.remaining >= 4 else { throw DecodingError("unexpected end", at: reader.limit) }
        guard try reader.readLittleEndian32() == 0x6D73_6100 else {
            throw DecodingError("magic header not detected", at: 0)
        }
        guard reader.remaining >= 4 else { throw DecodingError("unexpected end", at: reader.limit) }
        guard try reader.readLittleEndian32() == 1 else { throw DecodingError("unknown binary version", at: 4) }
    }

    private mutating func readSection(_ id: SectionID, end: Int) throws(DecodingError) {
        switch id {
        case .custom: try readCustomSection(end: end)
        case .type: try readTypeSection()
        case .import: try readImportSection()
        case .function: try readFunctionSection()
        case .table: try readTableSection()
        case .memory: try readMemorySection()
        case .global: try readGlobalSection()
        case .export: try readExportSection()
        case .start: try readStartSection()
        case .element: try readElementSection()
        case .dataCount: try readDataCountSection()
        case .code: try readCodeSection()
        case .data: try readDataSection()
        }
    }

    /// §5.5.16: the function and code sections describe the same functions; the data count
    /// section, when present, counts the data segments and is required by code using data indices.
    private func checkSectionConsistency() throws(DecodingError) {
        let end = reader.limit
        guard module.functions.count == module.codes.count else {
            throw DecodingError("function and code section have inconsistent lengths", at: end)
        }
        if let dataCount = module.dataCount {
            guard Int(dataCount) == module.datas.count else {
                throw DecodingError("data count and data section have inconsistent lengths", at: end)
            }
        } else if codeUsesDataIndices {
            throw DecodingError("data count section required", at: end)
        }
    }
}
