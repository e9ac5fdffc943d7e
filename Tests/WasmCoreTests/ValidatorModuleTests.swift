import XCTest
@testable import WasmCore

/// Focused tests of `Module.validate()`: module-level rules (§3.4) on constructed modules, and
/// one binary module to check that code errors carry the function index and instruction offset.
final class ValidatorModuleTests: XCTestCase {
    private func assertInvalid(_ module: Module, _ message: String, at offset: Int? = nil,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try module.validate(), file: file, line: line) { error in
            guard let error = error as? ValidationError else {
                return XCTFail("expected a ValidationError, got \(error)", file: file, line: line)
            }
            XCTAssertTrue(error.message.hasPrefix(message), "message \"\(error.message)\"", file: file, line: line)
            if let offset { XCTAssertEqual(error.offset, offset, file: file, line: line) }
        }
    }

    private func constant(_ instructions: [Instruction], at offset: Int = 40) -> ConstantExpression {
        ConstantExpression(instructions: instructions, offset: offset)
    }

    private func module(globals: [Global] = [], imports: [Import] = []) -> Module {
        var module = Module(bytes: [])
        module.globals = globals
        module.imports = imports
        return module
    }

    // MARK: Code errors carry the function and the instruction

    func testFunctionErrorsNameTheFunctionAndInstruction() throws {
        let bytes: [UInt8] = [
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
            0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F,  // type 0: [] -> [i32]
            0x03, 0x03, 0x02, 0x00, 0x00,  // two functions of type 0
            0x0A, 0x0B, 0x02,
            0x04, 0x00, 0x41, 0x00, 0x0B,  // function 0: i32.const 0 end
            0x04, 0x00, 0x42, 0x00, 0x0B,  // function 1: i64.const 0 end (offset 32 is its end)
        ]
        let module = try Module(binary: bytes)
        XCTAssertThrowsError(try module.validate()) { error in
            let error = error as? ValidationError
            XCTAssertEqual(error?.functionIndex, 1)
            XCTAssertEqual(error?.offset, 32)
            XCTAssertEqual(error?.message.hasPrefix("type mismatch"), true)
        }
        var fixed = bytes
        fixed[30] = 0x41  // i32.const
        XCTAssertNoThrow(try Module(binary: fixed).validate())
    }

    // MARK: §3.3.10 Constant expressions

    func testGlobalInitializers() throws {
        let constI32 = GlobalType(mutability: .constant, valueType: .i32)
        let importedConst = Import(module: "m", name: "c", descriptor: .global(constI32))
        let importedMutable = Import(module: "m", name: "v", descriptor: .global(GlobalType(mutability: .variable, valueType: .i32)))
        XCTAssertNoThrow(try module(globals: [Global(type: constI32, initializer: constant([.globalGet(0)]))],
                                    imports: [importedConst]).validate())
        // WebAssembly 2.0: only imported globals are visible to constant expressions.
        assertInvalid(module(globals: [Global(type: constI32, initializer: constant([.i32Const(1)])),
                                       Global(type: constI32, initializer: constant([.globalGet(0)], at: 50))]),
                      "unknown global 0", at: 50)
        assertInvalid(module(globals: [Global(type: constI32, initializer: constant([.globalGet(0)]))], imports: [importedMutable]),
                      "constant expression required", at: 40)
        assertInvalid(module(globals: [Global(type: constI32, initializer: constant([.i32Const(1), .i32Const(2), .numeric(.i32Add)]))]),
                      "constant expression required")
        assertInvalid(module(globals: [Global(type: constI32, initializer: constant([.f32Const(0)]))]), "type mismatch")
        assertInvalid(module(globals: [Global(type: constI32, initializer: constant([]))]), "type mismatch")
        assertInvalid(module(globals: [Global(type: constI32, initializer: constant([.i32Const(0), .i32Const(0)]))]), "type mismatch")
        assertInvalid(module(globals: [Global(type: GlobalType(mutability: .constant, valueType: .funcref),
                                              initializer: constant([.refFunc(functionIndex: 3)]))]),
                      "unknown function 3")
    }

    // MARK: §3.4.5 Element segments, §3.4.6 Data segments

    func testElementSegments() throws {
        var base = Module(bytes: [0x0B])  // the function body: end
        base.types = [FuncType(parameters: [], results: [])]
        base.functions = [0]
        base.codes = [FunctionBody(locals: [], localCount: 0, code: 0..<1)]
        base.tables = [TableType(elementType: .externref, limits: Limits(min: 1))]
        func segment(_ type: RefType, _ element: Instruction, table: UInt32 = 0) -> ElementSegment {
            ElementSegment(type: type, initializers: [constant([element])],
                           mode: .active(table: table, offset: constant([.i32Const(0)])), offset: 77)
        }
        var module = base
        module.elements = [segment(.externref, .refNull(.externref))]
        XCTAssertNoThrow(try module.validate())
        module.elements = [segment(.funcref, .refFunc(functionIndex: 0))]
        assertInvalid(module, "type mismatch", at: 77)
        module.elements = [segment(.externref, .refFunc(functionIndex: 0))]
        assertInvalid(module, "type mismatch", at: 40)
        module.elements = [segment(.externref, .refNull(.externref), table: 1)]
        assertInvalid(module, "unknown table 1", at: 77)
    }

    func testDataSegments() {
        var module = Module(bytes: [])
        module.datas = [DataSegment(mode: .active(memory: 0, offset: constant([.i32Const(0)])), bytes: [], offset: 12)]
        assertInvalid(module, "unknown memory 0", at: 12)
        module.memories = [MemoryType(limits: Limits(min: 1))]
        XCTAssertNoThrow(try module.validate())
        module.datas[0].mode = .active(memory: 0, offset: constant([.i64Const(0)]))
        assertInvalid(module, "type mismatch", at: 40)
    }

    // MARK: §3.2 Types, §3.4.2–3 Tables and memories

    func testLimits() {
        var module = Module(bytes: [])
        module.memories = [MemoryType(limits: Limits(min: 0, max: 65536))]
        XCTAssertNoThrow(try module.validate())
        module.memories = [MemoryType(limits: Limits(min: 0, max: 65537))]
        assertInvalid(module, "memory size must be at most 65536 pages (4GiB)")
        module.memories = [MemoryType(limits: Limits(min: 65537))]
        assertInvalid(module, "memory size must be at most 65536 pages (4GiB)")
        module.memories = [MemoryType(limits: Limits(min: 2, max: 1))]
        assertInvalid(module, "size minimum must not be greater than maximum")
        module.memories = []
        module.tables = [TableType(elementType: .funcref, limits: Limits(min: 5, max: 4))]
        assertInvalid(module, "size minimum must not be greater than maximum")
        module.tables = []
        module.imports = [Import(module: "m", name: "t", descriptor: .table(TableType(elementType: .funcref, limits: Limits(min: 5, max: 4))))]
        assertInvalid(module, "size minimum must not be greater than maximum")
    }

    func testMultipleMemories() {
        var module = Module(bytes: [])
        module.imports = [Import(module: "m", name: "mem", descriptor: .memory(MemoryType(limits: Limits(min: 0))))]
        XCTAssertNoThrow(try module.validate())
        module.memories = [MemoryType(limits: Limits(min: 0))]
        assertInvalid(module, "multiple memories")
    }

    // MARK: §3.4.7 Start, §3.4.8 Exports, §3.4.9 Imports

    func testStartFunction() {
        var module = Module(bytes: [])
        module.types = [FuncType(parameters: [], results: []), FuncType(parameters: [.i32], results: [])]
        module.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 0)),
                          Import(module: "m", name: "g", descriptor: .function(typeIndex: 1))]
        module.start = 0
        XCTAssertNoThrow(try module.validate())
        module.start = 1
        assertInvalid(module, "start function")
        module.start = 2
        assertInvalid(module, "unknown function 2")
    }

    func testExports() {
        var module = Module(bytes: [])
        module.globals = [Global(type: GlobalType(mutability: .constant, valueType: .i32), initializer: constant([.i32Const(0)]))]
        // "Å" as one code point and as A + combining ring: canonically equivalent, yet distinct names.
        module.exports = [Export(name: "\u{C5}", descriptor: .global(0)), Export(name: "A\u{30A}", descriptor: .global(0))]
        XCTAssertNoThrow(try module.validate())
        module.exports.append(Export(name: "\u{C5}", descriptor: .global(0)))
        assertInvalid(module, "duplicate export name")
        module.exports = [Export(name: "t", descriptor: .table(0))]
        assertInvalid(module, "unknown table 0")
    }

    func testImportsAndFunctionsNeedKnownTypes() {
        var module = Module(bytes: [])
        module.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 0))]
        assertInvalid(module, "unknown type 0")
        module.imports = []
        module.functions = [3]
        module.codes = [FunctionBody(locals: [], localCount: 0, code: 0..<0)]
        assertInvalid(module, "unknown type 3")
    }
}
