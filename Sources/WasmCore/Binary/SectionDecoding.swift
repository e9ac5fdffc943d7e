// Binary › Modules › Sections (spec §5.5.4–§5.5.11, §5.5.15): type, import, function, table,
// memory, global, export, start and data count sections. Capacity is reserved for at most as
// many elements as bytes remain, never for a vector's claimed count.

extension ModuleDecoder {
    /// §5.5.4 type section: vec(functype).
    mutating func readTypeSection() throws(DecodingError) {
        let count = try reader.readCount()
        module.types.reserveCapacity(reader.capacity(for: count))
        for _ in 0..<count { module.types.append(try reader.readFuncType()) }
    }

    /// §5.5.5 import section: vec(import), import ::= module:name name:name importdesc.
    mutating func readImportSection() throws(DecodingError) {
        let count = try reader.readCount()
        module.imports.reserveCapacity(reader.capacity(for: count))
        for _ in 0..<count {
            let moduleName = try reader.readName()
            let name = try reader.readName()
            let kindOffset = reader.offset
            let descriptor: ImportDescriptor
            switch try reader.readByte() {
            case 0x00: descriptor = .function(typeIndex: try reader.readU32())
            case 0x01: descriptor = .table(try reader.readTableType())
            case 0x02: descriptor = .memory(try reader.readMemoryType())
            case 0x03: descriptor = .global(try reader.readGlobalType())
            default: throw DecodingError("malformed import kind", at: kindOffset)
            }
            module.imports.append(Import(module: moduleName, name: name, descriptor: descriptor))
        }
    }

    /// §5.5.6 function section: vec(typeidx), the types of the functions in the code section.
    mutating func readFunctionSection() throws(DecodingError) {
        let count = try reader.readCount()
        module.functions.reserveCapacity(reader.capacity(for: count))
        for _ in 0..<count { module.functions.append(try reader.readU32()) }
    }

    /// §5.5.7 table section: vec(tabletype).
    mutating func readTableSection() throws(DecodingError) {
        let count = try reader.readCount()
        module.tables.reserveCapacity(reader.capacity(for: count))
        for _ in 0..<count { module.tables.append(try reader.readTableType()) }
    }

    /// §5.5.8 memory section: vec(memtype).
    mutating func readMemorySection() throws(DecodingError) {
        let count = try reader.readCount()
        module.memories.reserveCapacity(reader.capacity(for: count))
        for _ in 0..<count { module.memories.append(try reader.readMemoryType()) }
    }

    /// §5.5.9 global section: vec(global), global ::= globaltype expr.
    mutating func readGlobalSection() throws(DecodingError) {
        let count = try reader.readCount()
        module.globals.reserveCapacity(reader.capacity(for: count))
        for _ in 0..<count {
            let type = try reader.readGlobalType()
            let initializer = try reader.readConstantExpression(nesting: &nesting)
            module.globals.append(Global(type: type, initializer: initializer))
        }
    }

    /// §5.5.10 export section: vec(export), export ::= name exportdesc.
    mutating func readExportSection() throws(DecodingError) {
        let count = try reader.readCount()
        module.exports.reserveCapacity(reader.capacity(for: count))
        for _ in 0..<count {
            let name = try reader.readName()
            let kindOffset = reader.offset
            let descriptor: ExportDescriptor
            switch try reader.readByte() {
            case 0x00: descriptor = .function(try reader.readU32())
            case 0x01: descriptor = .table(try reader.readU32())
            case 0x02: descriptor = .memory(try reader.readU32())
            case 0x03: descriptor = .global(try reader.readU32())
            default: throw DecodingError("malformed export kind", at: kindOffset)
            }
            module.exports.append(Export(name: name, descriptor: descriptor))
        }
    }

    /// §5.5.11 start section: funcidx.
    mutating func readStartSection() throws(DecodingError) {
        module.start = try reader.readU32()
    }

    /// §5.5.15 data count section: u32.
    mutating func readDataCountSection() throws(DecodingError) {
        module.dataCount = try reader.readU32()
    }
}
