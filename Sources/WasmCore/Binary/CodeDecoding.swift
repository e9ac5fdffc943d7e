// Binary › Modules › Code section (spec §5.5.13): for each function, its size, its local
// declarations and its body.

/// The most locals (not counting parameters) one function may declare. §5.5.13 only bounds the
/// total by 2^32 − 1; like other engines (and the JS API's limits), this implementation accepts
/// at most 50,000, which keeps frames of a valid module allocatable.
let maximumLocalCount = 50_000

extension ModuleDecoder {
    /// §5.5.13 code section: vec(code).
    mutating func readCodeSection() throws(DecodingError) {
        let count = try reader.readCount()
        module.codes.reserveCapacity(reader.capacity(for: count))
        for _ in 0..<count { module.codes.append(try readCode()) }
    }

    /// code ::= size:u32 func (if size = ||func||), func ::= vec(locals) expr.
    ///
    /// The body is decoded up to its final `end` and only then compared with the declared size,
    /// as in the grammar: a missing `end` shows as the body running into the bytes after it.
    private mutating func readCode() throws(DecodingError) -> FunctionBody {
        let size = try reader.readLength()
        let end = reader.offset + size
        let (locals, localCount) = try readLocals()
        let codeStart = reader.offset
        try readBody()
        guard reader.offset == end else { throw DecodingError("section size mismatch", at: reader.offset) }
        return FunctionBody(locals: locals, localCount: localCount, code: codeStart..<end)
    }

    /// vec(locals), locals ::= n:u32 t:valtype. Kept as runs: never expanded here.
    private mutating func readLocals() throws(DecodingError) -> ([LocalRun], Int) {
        let start = reader.offset
        let count = try reader.readCount()
        var runs: [LocalRun] = []
        runs.reserveCapacity(reader.capacity(for: count))
        var total = 0
        for _ in 0..<count {
            let localCount = try reader.readU32()
            let type = try reader.readValueType()
            total += Int(localCount)
            guard total <= maximumLocalCount else { throw DecodingError("too many locals", at: start) }
            runs.append(LocalRun(count: localCount, type: type))
        }
        return (runs, total)
    }

    /// §5.4.9 expr: decodes every instruction of the body, up to the `end` matching the body
    /// itself, and notes the use of data indices (§5.5.16, data count section required).
    private mutating func readBody() throws(DecodingError) {
        var decoder = InstructionDecoder(bytes: reader.bytes, range: reader.offset..<reader.limit)
        nesting.reset()
        while true {
            let instructionOffset = decoder.offset
            let instruction = try decoder.next()
            if try nesting.isFinalEnd(instruction, at: instructionOffset) { break }
            switch instruction {
            case .memoryInit, .dataDrop: codeUsesDataIndices = true
            default: break
            }
        }
        reader.offset = decoder.offset
    }
}
