// Binary › Modules › Custom sections (spec §5.5.3) and the name section (§7.4).

extension ModuleDecoder {
    /// §5.5.3 custom section: a name, then arbitrary bytes up to the section's end. The name
    /// must be valid UTF-8 and fit in the section; the contents are not otherwise checked
    /// (custom sections are not validated, §7.4: a malformed name section is ignored).
    mutating func readCustomSection(end: Int) throws(DecodingError) {
        let name = try reader.readName()
        guard reader.offset <= end else { throw DecodingError("unexpected end of section or function", at: end) }
        let contents = reader.offset..<end
        reader.offset = end
        if name == "name" {
            if let functionNames = readFunctionNames(reader.bytes, contents) {
                module.functionNames = functionNames
            }
        } else {
            module.customSections.append(CustomSection(name: name, bytes: reader.bytes[contents]))
        }
    }
}

/// The function names of a name section's contents (§7.4.2), or nil if the section is malformed.
///
/// namedata ::= subsections with increasing ids, each `id:byte size:u32 contents`; the function
/// names subsection (id 1) is a namemap ::= vec(idx name) with strictly increasing indices.
/// Other subsections (module and local names, and the extended name section's ids) are skipped.
private func readFunctionNames(_ bytes: [UInt8], _ contents: Range<Int>) -> [UInt32: String]? {
    var reader = ByteReader(bytes: bytes, offset: contents.lowerBound, limit: contents.upperBound)
    var names: [UInt32: String] = [:]
    var previousID: UInt8?
    do {
        while !reader.isAtEnd {
            let id = try reader.readByte()
            if let previousID, id <= previousID { return nil }
            previousID = id
            let size = try reader.readLength()
            let end = reader.offset + size
            guard id == 1 else {
                reader.offset = end
                continue
            }
            var previousIndex: UInt32?
            for _ in 0..<(try reader.readCount()) {
                let index = try reader.readU32()
                if let previousIndex, index <= previousIndex { return nil }
                previousIndex = index
                names[index] = try reader.readName()
            }
            guard reader.offset == end else { return nil }
        }
    } catch {
        return nil
    }
    return names
}
