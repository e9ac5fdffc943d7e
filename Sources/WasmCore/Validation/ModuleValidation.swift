// Validation › Modules (spec §3.4): a module is valid when its imports, functions, tables,
// memories, globals, element and data segments, start function and exports are, in the
// context C built from all of them (§3.4.10).

extension Module {
    /// Validates the module (§3.4). Throws a `ValidationError` naming the byte offset of the
    /// offending definition (and, for code, the function and the instruction), or the
    /// `DecodingError` met while decoding a function body.
    public func validate() throws {
        let context = ValidationContext(module: self)

        // §3.4.9 Imports
        for entry in imports {
            switch entry.descriptor {
            case .function(let typeIndex):
                guard Int(typeIndex) < types.count else {
                    throw ValidationError("unknown type \(typeIndex)", at: sectionOffset(.imports))
                }
            case .table(let type): try type.validate(at: sectionOffset(.imports))
            case .memory(let type): try type.validate(at: sectionOffset(.imports))
            case .global: break
            }
        }
        // §3.4.1 Functions: each declared type must exist.
        for typeIndex in functions where Int(typeIndex) >= types.count {
            throw ValidationError("unknown type \(typeIndex)", at: sectionOffset(.functions))
        }
        // §3.4.4 Globals, in C' (imported globals only).
        for global in globals {
            try context.validateConstant(global.initializer, type: global.type.valueType)
        }
        // §3.4.2 Tables, §3.4.3 Memories
        for table in tables { try table.validate(at: sectionOffset(.tables)) }
        for memory in memories { try memory.validate(at: sectionOffset(.memories)) }
        // §3.4.5 Element segments, §3.4.6 Data segments
        for segment in elements { try validate(segment, in: context) }
        for segment in datas { try validate(segment, in: context) }
        // §3.4.1 Function bodies
        try validateCode(in: context)
        // §3.4.7 Start function
        if let start { try validateStart(start, in: context) }
        // §3.4.8 Exports
        try validateExports(in: context)
        // §3.4.10: at most one memory.
        guard context.memories.count <= 1 else {
            throw ValidationError("multiple memories", at: sectionOffset(.memories))
        }
    }

    /// §3.4.5 Element segments: every initializer is a constant of the segment's type; an
    /// active segment's table holds that type and its offset is a constant i32.
    private func validate(_ segment: ElementSegment, in context: ValidationContext) throws {
        for initializer in segment.initializers {
            try context.validateConstant(initializer, type: segment.type.valueType)
        }
        guard case .active(let tableIndex, let offset) = segment.mode else { return }
        guard Int(tableIndex) < context.tables.count else {
            throw ValidationError("unknown table \(tableIndex)", at: segment.offset)
        }
        guard context.tables[Int(tableIndex)].elementType == segment.type else {
            throw ValidationError("type mismatch: \(segment.type) segment for a \(context.tables[Int(tableIndex)].elementType) table",
                                  at: segment.offset)
        }
        try context.validateConstant(offset, type: .i32)
    }

    /// §3.4.6 Data segments: an active segment's memory exists and its offset is a constant i32.
    private func validate(_ segment: DataSegment, in context: ValidationContext) throws {
        guard case .active(let memoryIndex, let offset) = segment.mode else { return }
        guard Int(memoryIndex) < context.memories.count else {
            throw ValidationError("unknown memory \(memoryIndex)", at: segment.offset)
        }
        try context.validateConstant(offset, type: .i32)
    }

    /// §3.4.1 Functions: each body, decoded instruction by instruction, with one reused validator.
    private func validateCode(in context: ValidationContext) throws {
        guard let first = codes.first else { return }
        let base = UInt32(importedFunctionCount)
        var validator = try FunctionValidator(context: context, functionIndex: base, body: first)
        for (position, body) in codes.enumerated() {
            if position > 0 { try validator.reset(functionIndex: base + UInt32(position), body: body) }
            var decoder = InstructionDecoder(bytes: bytes, range: body.code)
            while !decoder.isAtEnd {
                let offset = decoder.offset
                let instruction = try decoder.next()
                try validator.validate(instruction, at: offset, brTableLabels: decoder.brTableLabels)
            }
            try validator.finish(at: decoder.offset)
        }
    }

    /// §3.4.7 Start function: a function of type [] -> [].
    private func validateStart(_ start: UInt32, in context: ValidationContext) throws {
        guard let type = context.functionType(of: start) else {
            throw ValidationError("unknown function \(start)", at: sectionOffset(.start))
        }
        guard type.parameters.isEmpty, type.results.isEmpty else {
            throw ValidationError("start function must have type [] -> [], has \(type)", at: sectionOffset(.start))
        }
    }

    /// §3.4.8 Exports: each names an existing definition; §3.4.10: names are unique. Names are
    /// compared as code point sequences (Swift's `String` equality would also equate
    /// canonically equivalent names, such as "Å" spelled as one or two code points).
    private func validateExports(in context: ValidationContext) throws {
        var names = Set<[UInt8]>(minimumCapacity: exports.count)
        for export in exports {
            let (kind, index, count) = switch export.descriptor {
            case .function(let index): ("function", index, context.functions.count)
            case .table(let index): ("table", index, context.tables.count)
            case .memory(let index): ("memory", index, context.memories.count)
            case .global(let index): ("global", index, context.globals.count)
            }
            guard Int(index) < count else {
                throw ValidationError("unknown \(kind) \(index)", at: sectionOffset(.exports))
            }
            guard names.insert(Array(export.name.utf8)).inserted else {
                throw ValidationError("duplicate export name \"\(export.name)\"", at: sectionOffset(.exports))
            }
        }
    }
}

/// The sections module-level errors point into (ids of §5.5.2).
private enum SectionForErrors: UInt8 {
    case imports = 2, functions = 3, tables = 4, memories = 5, exports = 7, start = 8
}

extension Module {
    /// The byte offset of section `section`'s contents, for errors about definitions the
    /// `Module` keeps no offset for (0 when the binary has no such section). Walks the
    /// section headers of the already decoded binary; only called when reporting an error.
    private func sectionOffset(_ section: SectionForErrors) -> Int {
        var position = 8  // after the magic number and the version
        while position < bytes.count {
            let id = bytes[position]
            position += 1
            var size = 0, shift = 0
            while position < bytes.count, shift < 35 {
                let byte = bytes[position]
                position += 1
                size |= Int(byte & 0x7F) << shift
                shift += 7
                if byte & 0x80 == 0 { break }
            }
            if id == section.rawValue { return position }
            position += size
        }
        return 0
    }
}
