import XCTest
@testable import WasmCore

/// §5.5 modules: hand-made binaries covering every section, then the rules that make a module
/// malformed.
final class DecoderModuleTests: XCTestCase {
    typealias W = WasmBytes

    private let i32Const0End: [UInt8] = [0x41, 0x00, 0x0B]

    /// A module using every section and all eight element segment encodings.
    private func fullModule() -> [UInt8] {
        let types = W.section(1, W.vector([[0x60, 0x01, 0x7F, 0x01, 0x7F], [0x60, 0x00, 0x00]]))
        let imports = W.section(2, W.vector([
            W.name("env") + W.name("f") + [0x00, 0x00],
            W.name("env") + W.name("t") + [0x01, 0x70, 0x00, 0x01],
            W.name("env") + W.name("m") + [0x02, 0x01, 0x01, 0x02],
            W.name("env") + W.name("g") + [0x03, 0x7F, 0x00],
        ]))
        let functions = W.section(3, W.vector([[0x00], [0x01]]))
        let tables = W.section(4, W.vector([[0x6F, 0x01, 0x00, 0x0A]]))
        let globals = W.section(6, W.vector([[0x7E, 0x01, 0x42, 0x05, 0x0B]]))
        let exports = W.section(7, W.vector([W.name("run") + [0x00, 0x01], W.name("tab") + [0x01, 0x01]]))
        let start = W.section(8, [0x02])
        let elements = W.section(9, W.vector([
            [0x00] + i32Const0End + W.vector([[0x01], [0x02]]),
            [0x01, 0x00] + W.vector([[0x00]]),
            [0x02, 0x01, 0x41, 0x03, 0x0B, 0x00] + W.vector([[0x02]]),
            [0x03, 0x00] + W.vector([[0x01]]),
            [0x04, 0x41, 0x01, 0x0B] + W.vector([[0xD2, 0x01, 0x0B], [0xD0, 0x70, 0x0B]]),
            [0x05, 0x6F] + W.vector([[0xD0, 0x6F, 0x0B]]),
            [0x06, 0x01] + i32Const0End + [0x70] + W.vector([[0xD2, 0x02, 0x0B]]),
            [0x07, 0x70] + W.vector([[0xD2, 0x00, 0x0B]]),
        ]))
        let dataCount = W.section(12, [0x03])
        let code = W.section(10, W.vector([
            W.code(locals: [(2, 0x7F), (1, 0x7C)], [0x20, 0x00, 0x0B]),
            W.code([0xFC, 0x09, 0x01, 0x0B]),
        ]))
        let data = W.section(11, W.vector([
            [0x00, 0x41, 0x08, 0x0B] + W.name("hi"),
            [0x01] + W.name("abc"),
            [0x02, 0x00, 0x41, 0x10, 0x0B, 0x02, 0x01, 0x02],
        ]))
        let meta = W.section(0, W.name("meta") + [1, 2, 3])
        let names = W.section(0, W.name("name")
            + W.section(0, W.name("m"))
            + W.section(1, W.vector([[0x01] + W.name("run"), [0x02] + W.name("start")]))
            + W.section(2, [0x00]))
        return W.module(meta, types, imports, functions, tables, globals, exports, start, elements, dataCount,
                        code, data, names)
    }

    func testFullModule() throws {
        let bytes = fullModule()
        let module = try Module(binary: bytes)
        XCTAssertEqual(module.bytes, bytes)
        XCTAssertEqual(module.types, [FuncType(parameters: [.i32], results: [.i32]), FuncType(parameters: [], results: [])])
        XCTAssertEqual(module.imports, [
            Import(module: "env", name: "f", descriptor: .function(typeIndex: 0)),
            Import(module: "env", name: "t", descriptor: .table(TableType(elementType: .funcref, limits: Limits(min: 1)))),
            Import(module: "env", name: "m", descriptor: .memory(MemoryType(limits: Limits(min: 1, max: 2)))),
            Import(module: "env", name: "g", descriptor: .global(GlobalType(mutability: .constant, valueType: .i32))),
        ])
        XCTAssertEqual(module.functions, [0, 1])
        XCTAssertEqual(module.tables, [TableType(elementType: .externref, limits: Limits(min: 0, max: 10))])
        XCTAssertEqual(module.memories, [])
        XCTAssertEqual(module.globals.map(\.type), [GlobalType(mutability: .variable, valueType: .i64)])
        XCTAssertEqual(module.globals.first?.initializer.instructions, [.i64Const(5)])
        XCTAssertEqual(module.exports, [Export(name: "run", descriptor: .function(1)), Export(name: "tab", descriptor: .table(1))])
        XCTAssertEqual(module.start, 2)
        XCTAssertEqual(module.dataCount, 3)

        // Elements: modes, types and initializers of the eight encodings.
        let elements = module.elements
        XCTAssertEqual(elements.count, 8)
        func offsetInstructions(_ segment: ElementSegment) -> [Instruction]? {
            if case .active(_, let offset) = segment.mode { offset.instructions } else { nil }
        }
        func table(_ segment: ElementSegment) -> UInt32? {
            if case .active(let table, _) = segment.mode { table } else { nil }
        }
        XCTAssertEqual(elements.map(table), [0, nil, 1, nil, 0, nil, 1, nil])
        XCTAssertEqual(elements.map(offsetInstructions), [[.i32Const(0)], nil, [.i32Const(3)], nil, [.i32Const(1)], nil, [.i32Const(0)], nil])
        XCTAssertEqual(elements[1].mode, .passive)
        XCTAssertEqual(elements[3].mode, .declarative)
        XCTAssertEqual(elements[5].mode, .passive)
        XCTAssertEqual(elements[7].mode, .declarative)
        XCTAssertEqual(elements.map(\.type), [.funcref, .funcref, .funcref, .funcref, .funcref, .externref, .funcref, .funcref])
        XCTAssertEqual(elements.map { $0.initializers.map(\.instructions) }, [
            [[.refFunc(functionIndex: 1)], [.refFunc(functionIndex: 2)]],
            [[.refFunc(functionIndex: 0)]],
            [[.refFunc(functionIndex: 2)]],
            [[.refFunc(functionIndex: 1)]],
            [[.refFunc(functionIndex: 1)], [.refNull(.funcref)]],
            [[.refNull(.externref)]],
            [[.refFunc(functionIndex: 2)]],
            [[.refFunc(functionIndex: 0)]],
        ])
        // An index's expression points at the index's byte.
        let firstIndex = elements[0].initializers[0].offset
        XCTAssertEqual(bytes[firstIndex], 0x01)

        // Code: locals as runs, code ranges ending with the body's `end`.
        XCTAssertEqual(module.codes.count, 2)
        XCTAssertEqual(module.codes[0].locals, [LocalRun(count: 2, type: .i32), LocalRun(count: 1, type: .f64)])
        XCTAssertEqual(module.codes[0].localCount, 3)
        XCTAssertEqual(Array(bytes[module.codes[0].code]), [0x20, 0x00, 0x0B])
        XCTAssertEqual(Array(bytes[module.codes[1].code]), [0xFC, 0x09, 0x01, 0x0B])
        var decoder = InstructionDecoder(bytes: bytes, range: module.codes[1].code)
        XCTAssertEqual(try decoder.next(), .dataDrop(dataIndex: 1))
        XCTAssertEqual(try decoder.next(), .end)
        XCTAssertTrue(decoder.isAtEnd)

        // Data: modes and byte slices of the module's bytes.
        XCTAssertEqual(module.datas.count, 3)
        XCTAssertEqual(module.datas.map { Array($0.bytes) }, [Array("hi".utf8), Array("abc".utf8), [1, 2]])
        XCTAssertEqual(module.datas[1].mode, .passive)
        if case .active(let memory, let offset) = module.datas[2].mode {
            XCTAssertEqual(memory, 0)
            XCTAssertEqual(offset.instructions, [.i32Const(16)])
        } else {
            XCTFail("data segment 2 should be active")
        }

        // Custom sections: `name` is decoded, the others kept.
        XCTAssertEqual(module.customSections, [CustomSection(name: "meta", bytes: bytes[15..<18])])
        XCTAssertEqual(Array(module.customSections[0].bytes), [1, 2, 3])
        XCTAssertEqual(module.functionNames, [1: "run", 2: "start"])
    }

    func testTruncatedModulesAreRejectedInsideSections() {
        let bytes = fullModule()
        // Section boundaries: the end of the preamble and of every section.
        var boundaries: Set<Int> = [8]
        var offset = 8
        while offset < bytes.count {
            var reader = ByteReader(bytes: bytes, offset: offset + 1, limit: bytes.count)
            let size = try! reader.readLength()
            offset = reader.offset + size
            boundaries.insert(offset)
        }
        for length in 0..<bytes.count {
            let prefix = Array(bytes[..<length])
            if (try? Module(binary: prefix)) != nil {
                XCTAssert(boundaries.contains(length), "prefix of \(length) bytes decoded")
            }
        }
    }

    func testEmptyModules() throws {
        XCTAssertEqual(try Module(binary: W.preamble).types, [])
        // Empty sections and zero counts are fine.
        _ = try Module(binary: W.module(W.section(1, [0x00]), W.section(3, [0x00]), W.section(12, [0x00]), W.section(10, [0x00])))
    }

    func testPreamble() {
        assertMalformed([], "unexpected end", at: 0)
        assertMalformed([0x00, 0x61, 0x73], "unexpected end")
        assertMalformed([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00], "unexpected end")
        assertMalformed([0x00, 0x41, 0x53, 0x4D, 0x01, 0x00, 0x00, 0x00], "magic header not detected", at: 0)
        assertMalformed([0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00], "unknown binary version", at: 4)
    }

    func testSectionIdsOrderAndSizes() {
        assertMalformed(W.module([0x0D, 0x00]), "malformed section id", at: 8)
        // Order: type after function, a repeated section, data count after code.
        assertMalformed(W.module(W.section(3, [0x00]), W.section(1, [0x00])), "unexpected content after last section", at: 11)
        assertMalformed(W.module(W.section(1, [0x00]), W.section(1, [0x00])), "unexpected content after last section")
        assertMalformed(W.module(W.section(10, [0x00]), W.section(12, [0x00])), "unexpected content after last section")
        // Custom sections may go anywhere, also between ordered sections.
        XCTAssertNoThrow(try Module(binary: W.module(W.section(0, W.name("a")), W.section(1, [0x00]),
                                                     W.section(0, W.name("b")), W.section(3, [0x00]))))
        // Declared size larger than the contents, smaller, and beyond the module's end.
        assertMalformed(W.module([0x01, 0x02, 0x00, 0x00]), "section size mismatch")
        assertMalformed(W.module([0x01, 0x01, 0x01, 0x60, 0x00, 0x00]), "section size mismatch")
        assertMalformed(W.module([0x01, 0x05, 0x00]), "length out of bounds", at: 9)
    }

    func testClaimedCountsAreNotTrusted() {
        // 2^32 − 1 types claimed, one given: decoding stops at the end without reserving for the claim.
        assertMalformed(W.module(W.section(1, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x60, 0x00, 0x00])), "unexpected end")
        assertMalformed(W.function([0x0E, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00, 0x0B]), "unexpected end")
        assertMalformed(W.module(W.section(11, [0x01, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F])), "unexpected end")
    }

    func testTypeEncodings() {
        assertMalformed(W.module(W.section(1, W.vector([[0x61, 0x00, 0x00]]))), "malformed function type")
        assertMalformed(W.module(W.section(1, W.vector([[0x60, 0x01, 0x40, 0x00]]))), "malformed value type")
        assertMalformed(W.module(W.section(1, W.vector([[0xE0, 0x7F, 0x00, 0x00]]))), "integer representation too long")
        assertMalformed(W.module(W.section(4, W.vector([[0x7F, 0x00, 0x00]]))), "malformed reference type")
        assertMalformed(W.module(W.section(5, W.vector([[0x02, 0x00]]))), "integer too large")
        assertMalformed(W.module(W.section(5, W.vector([[0x81, 0x00, 0x00]]))), "integer representation too long")
        assertMalformed(W.module(W.section(6, W.vector([[0x7F, 0x02, 0x41, 0x00, 0x0B]]))), "malformed mutability")
    }

    func testImportsAndExports() {
        let badImport = W.name("a") + W.name("b") + [0x04]
        assertMalformed(W.module(W.section(2, W.vector([badImport]))), "malformed import kind")
        let badExport = W.name("e") + [0x04, 0x00]
        assertMalformed(W.module(W.section(7, W.vector([badExport]))), "malformed export kind")
        // Names must be UTF-8: a lone continuation byte, an overlong "/", a surrogate, beyond U+10FFFF.
        for name: [UInt8] in [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let entry = W.u32(UInt32(name.count)) + name + [0x00]
            assertMalformed(W.module(W.section(7, W.vector([entry + [0x00]]))), "malformed UTF-8 encoding")
        }
        // Valid multi-byte UTF-8 decodes to the right string.
        let accepted = W.module(W.section(7, W.vector([W.name("été ✓ 𝄞") + [0x00, 0x00]])))
        XCTAssertEqual(try Module(binary: accepted).exports.first?.name, "été ✓ 𝄞")
    }

    func testSegmentsMalformed() {
        assertMalformed(W.module(W.section(9, W.vector([[0x08]]))), "malformed elements segment kind")
        assertMalformed(W.module(W.section(9, W.vector([[0x01, 0x01, 0x00]]))), "malformed element kind")
        assertMalformed(W.module(W.section(9, W.vector([[0x05, 0x7F, 0x00]]))), "malformed reference type")
        assertMalformed(W.module(W.section(11, W.vector([[0x03, 0x00]]))), "malformed data segment kind")
    }

    func testFunctionAndCodeCounts() {
        let type = W.section(1, W.vector([[0x60, 0x00, 0x00]]))
        assertMalformed(W.module(type, W.section(3, W.vector([[0x00]]))), "function and code section have inconsistent lengths")
        assertMalformed(W.module(W.section(10, W.vector([W.code([0x0B])]))), "function and code section have inconsistent lengths")
    }

    func testDataCount() {
        let memory = W.section(5, W.vector([[0x00, 0x01]]))
        let passive = W.section(11, W.vector([[0x01, 0x00]]))
        assertMalformed(W.module(memory, W.section(12, [0x02]), passive), "data count and data section have inconsistent lengths")
        assertMalformed(W.module(memory, W.section(12, [0x01])), "data count and data section have inconsistent lengths")
        // memory.init and data.drop need the data count section.
        assertMalformed(W.function([0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x08, 0x00, 0x00, 0x0B], extraSections: memory),
                        "data count section required")
        assertMalformed(W.function([0xFC, 0x09, 0x00, 0x0B]), "data count section required")
        XCTAssertNoThrow(try Module(binary: W.module(
            W.section(1, W.vector([[0x60, 0x00, 0x00]])), W.section(3, W.vector([[0x00]])), W.section(12, [0x01]),
            W.section(10, W.vector([W.code([0xFC, 0x09, 0x00, 0x0B])])), passive)))
    }

    func testLocals() throws {
        let module = try Module(binary: W.function(locals: [(25_000, 0x7F), (25_000, 0x7B)], [0x0B]))
        XCTAssertEqual(module.codes[0].localCount, 50_000)
        assertMalformed(W.function(locals: [(25_000, 0x7F), (25_001, 0x7E)], [0x0B]), "too many locals")
        assertMalformed(W.function(locals: [(UInt32.max, 0x7F)], [0x0B]), "too many locals")
        assertMalformed(W.function(locals: [(1, 0x40)], [0x0B]), "malformed value type")
    }

    func testBodyStructure() throws {
        // The body's expression must end exactly at the declared size.
        assertMalformed(W.function([0x0B, 0x01]), "section size mismatch")
        assertMalformed(W.function([0x02, 0x40, 0x0B]), "unexpected end")
        // `else` only directly inside an `if`, once.
        assertMalformed(W.function([0x02, 0x40, 0x05, 0x0B, 0x0B]), "END opcode expected")
        assertMalformed(W.function([0x04, 0x40, 0x05, 0x05, 0x0B, 0x0B]), "END opcode expected")
        assertMalformed(W.function([0x05, 0x0B]), "END opcode expected")
        XCTAssertNoThrow(try Module(binary: W.function([0x41, 0x00, 0x04, 0x40, 0x01, 0x05, 0x01, 0x0B, 0x0B])))
        assertMalformed(W.function([0x06, 0x0B]), "illegal opcode 06")
    }

    func testConstantExpressionsKeepEveryInstruction() throws {
        // Nested blocks are decoded (the validator rejects them as not constant).
        let global = W.section(6, W.vector([[0x7F, 0x00, 0x02, 0x40, 0x0B, 0x41, 0x07, 0x0B]]))
        let module = try Module(binary: W.module(global))
        XCTAssertEqual(module.globals[0].initializer.instructions, [.block(.empty), .end, .i32Const(7)])
        XCTAssertEqual(module.globals[0].initializer.offset, 13)
        // A missing `end` runs into the next bytes.
        assertMalformed(W.module(W.section(6, W.vector([[0x7F, 0x00, 0x41, 0x00]])), W.section(10, [0x00])), "illegal opcode 0a")
    }

    func testCustomSections() throws {
        // The name must be UTF-8 and inside the section.
        assertMalformed(W.module(W.section(0, [0x01, 0xFF])), "malformed UTF-8 encoding")
        assertMalformed(W.module([0x00, 0x00]), "unexpected end")
        assertMalformed(W.module([0x00, 0x01, 0x05, 0x61, 0x62, 0x63, 0x64, 0x65]), "unexpected end")
        // A malformed name section is ignored: decreasing indices, bad UTF-8, a truncated map,
        // subsections out of order.
        let badNameSections: [[UInt8]] = [
            W.section(1, W.vector([[0x02] + W.name("b"), [0x01] + W.name("a")])),
            W.section(1, W.vector([[0x00, 0x01, 0xFF]])),
            W.section(1, [0x02, 0x00] + W.name("a")),
            W.section(1, W.vector([[0x00] + W.name("a")])) + W.section(0, W.name("m")),
        ]
        for contents in badNameSections {
            let module = try Module(binary: W.module(W.section(0, W.name("name") + contents)))
            XCTAssertEqual(module.functionNames, [:])
            XCTAssertEqual(module.customSections, [])
        }
        let good = try Module(binary: W.module(W.section(0, W.name("name") + W.section(1, W.vector([[0x00] + W.name("a")])))))
        XCTAssertEqual(good.functionNames, [0: "a"])
    }
}
