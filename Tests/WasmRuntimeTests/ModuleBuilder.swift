// A small builder of binary modules (spec §5) for the tests, so that they need no text-format
// assembler. Instructions are written with the `Op` helpers, which return their encodings.

import TestSupport
import WasmCore

/// Builds a module's binary section by section.
struct ModuleBuilder {
    struct FunctionDefinition {
        var type: FuncType
        var locals: [ValueType]
        var body: [UInt8]
        var name: String?
    }

    private var types: [FuncType] = []
    private var importEntries: [[UInt8]] = []
    private var importedFunctionCount = 0
    private var functions: [FunctionDefinition] = []
    private var tables: [TableType] = []
    private var memories: [MemoryType] = []
    private var globals: [(GlobalType, [UInt8])] = []
    private var exports: [(String, UInt8, UInt32)] = []
    private var start: UInt32?
    private var elements: [(table: UInt32, offset: UInt32, functions: [UInt32])] = []
    private var datas: [(offset: UInt32, bytes: [UInt8])] = []
    private var importedNames: [String] = []

    /// The index of `type` in the type section, adding it if needed.
    mutating func typeIndex(_ type: FuncType) -> UInt32 {
        if let index = types.firstIndex(of: type) { return UInt32(index) }
        types.append(type)
        return UInt32(types.count - 1)
    }

    /// Imports a function; returns its function index. Import functions before defining any.
    @discardableResult
    mutating func importFunction(_ module: String, _ name: String, _ type: FuncType) -> UInt32 {
        precondition(functions.isEmpty, "import functions first")
        let index = typeIndex(type)
        importEntries.append(encode(module) + encode(name) + [0x00] + leb(index))
        importedNames.append(name)
        importedFunctionCount += 1
        return UInt32(importedFunctionCount - 1)
    }

    mutating func importMemory(_ module: String, _ name: String, min: UInt32, max: UInt32? = nil) {
        importEntries.append(encode(module) + encode(name) + [0x02] + limits(min, max))
    }

    mutating func importGlobal(_ module: String, _ name: String, _ type: GlobalType) {
        importEntries.append(encode(module) + encode(name) + [0x03, type.valueType.rawValue, type.mutability.rawValue])
    }

    /// Defines a function; returns its function index.
    @discardableResult
    mutating func function(_ type: FuncType, locals: [ValueType] = [], name: String? = nil, _ body: [UInt8]...) -> UInt32 {
        _ = typeIndex(type)
        functions.append(FunctionDefinition(type: type, locals: locals, body: body.flatMap { $0 }, name: name))
        return UInt32(importedFunctionCount + functions.count - 1)
    }

    mutating func memory(min: UInt32, max: UInt32? = nil) { memories.append(MemoryType(limits: Limits(min: min, max: max))) }
    mutating func table(min: UInt32, max: UInt32? = nil) {
        tables.append(TableType(elementType: .funcref, limits: Limits(min: min, max: max)))
    }
    mutating func global(_ type: GlobalType, initializer: [UInt8]) -> UInt32 {
        globals.append((type, initializer))
        return UInt32(globals.count - 1)
    }
    mutating func exportFunction(_ name: String, _ index: UInt32) { exports.append((name, 0x00, index)) }
    mutating func exportTable(_ name: String, _ index: UInt32) { exports.append((name, 0x01, index)) }
    mutating func exportMemory(_ name: String, _ index: UInt32 = 0) { exports.append((name, 0x02, index)) }
    mutating func exportGlobal(_ name: String, _ index: UInt32) { exports.append((name, 0x03, index)) }
    mutating func startFunction(_ index: UInt32) { start = index }
    /// An active element segment of function indices at a constant offset of table 0.
    mutating func elements(offset: UInt32, _ functions: [UInt32]) { elements.append((0, offset, functions)) }
    /// An active data segment at a constant offset of memory 0.
    mutating func data(offset: UInt32, _ bytes: [UInt8]) { datas.append((offset, bytes)) }

    /// The module's binary.
    func build() -> [UInt8] {
        var out: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]
        func section(_ id: UInt8, _ entries: [[UInt8]]) {
            guard !entries.isEmpty else { return }
            let content = leb(UInt32(entries.count)) + entries.flatMap { $0 }
            out += [id] + leb(UInt32(content.count)) + content
        }
        section(1, types.map { type in
            [0x60] + vector(type.parameters.map(\.rawValue)) + vector(type.results.map(\.rawValue))
        })
        section(2, importEntries)
        section(3, functions.map { [UInt8](leb(types.firstIndex(of: $0.type).map(UInt32.init)!)) })
        section(4, tables.map { [$0.elementType.rawValue] + limits($0.limits.min, $0.limits.max) })
        section(5, memories.map { limits($0.limits.min, $0.limits.max) })
        section(6, globals.map { [$0.0.valueType.rawValue, $0.0.mutability.rawValue] + $0.1 + [0x0B] })
        section(7, exports.map { encode($0.0) + [$0.1] + leb($0.2) })
        if let start { out += [8] + leb(UInt32(leb(start).count)) + leb(start) }
        section(9, elements.map { segment in
            [0x00] + Op.i32Const(Int32(bitPattern: segment.offset)) + [0x0B] + leb(UInt32(segment.functions.count))
                + segment.functions.flatMap { leb($0) }
        })
        section(10, functions.map { function in
            let locals = function.locals.map { [0x01, $0.rawValue] as [UInt8] }
            let body = leb(UInt32(locals.count)) + locals.flatMap { $0 } + function.body + [0x0B]
            return leb(UInt32(body.count)) + body
        })
        section(11, datas.map { [0x00] + Op.i32Const(Int32(bitPattern: $0.offset)) + [0x0B] + vector($0.bytes) })
        // Custom "name" section (§7.4) with function names.
        let named = functions.enumerated().compactMap { offset, function in
            function.name.map { (UInt32(importedFunctionCount + offset), $0) }
        }
        if !named.isEmpty {
            let map = leb(UInt32(named.count)) + named.flatMap { leb($0.0) + encode($0.1) }
            let subsection: [UInt8] = [0x01] + leb(UInt32(map.count)) + map
            let content = encode("name") + subsection
            out += [0x00] + leb(UInt32(content.count)) + content
        }
        return out
    }

    private func limits(_ min: UInt32, _ max: UInt32?) -> [UInt8] {
        if let max { return [0x01] + leb(min) + leb(max) }
        return [0x00] + leb(min)
    }
}


func encode(_ name: String) -> [UInt8] { vector(Array(name.utf8)) }
func vector(_ bytes: [UInt8]) -> [UInt8] { leb(UInt32(bytes.count)) + bytes }

/// Encodings of the instructions the tests use (§5.4).
enum Op {
    static func localGet(_ index: UInt32) -> [UInt8] { [0x20] + leb(index) }
    static func localSet(_ index: UInt32) -> [UInt8] { [0x21] + leb(index) }
    static func localTee(_ index: UInt32) -> [UInt8] { [0x22] + leb(index) }
    static func globalGet(_ index: UInt32) -> [UInt8] { [0x23] + leb(index) }
    static func globalSet(_ index: UInt32) -> [UInt8] { [0x24] + leb(index) }
    static func i32Const(_ value: Int32) -> [UInt8] { [0x41] + sleb(Int64(value)) }
    static func i64Const(_ value: Int64) -> [UInt8] { [0x42] + sleb(value) }
    static func call(_ index: UInt32) -> [UInt8] { [0x10] + leb(index) }
    static func callIndirect(_ typeIndex: UInt32) -> [UInt8] { [0x11] + leb(typeIndex) + [0x00] }
    static func br(_ label: UInt32) -> [UInt8] { [0x0C] + leb(label) }
    static func brIf(_ label: UInt32) -> [UInt8] { [0x0D] + leb(label) }
    static func block(_ body: [UInt8]...) -> [UInt8] { [0x02, 0x40] + body.flatMap { $0 } + [0x0B] }
    static func loop(_ body: [UInt8]...) -> [UInt8] { [0x03, 0x40] + body.flatMap { $0 } + [0x0B] }
    /// `if` with an optional result type.
    static func `if`(_ result: ValueType? = nil, then: [UInt8], else elseBody: [UInt8]? = nil) -> [UInt8] {
        [0x04, result?.rawValue ?? 0x40] + then + (elseBody.map { [0x05] + $0 } ?? []) + [0x0B]
    }
    static func i32Load(offset: UInt32 = 0) -> [UInt8] { [0x28, 0x02] + leb(offset) }
    static func i32Store(offset: UInt32 = 0) -> [UInt8] { [0x36, 0x02] + leb(offset) }
    static let unreachable: [UInt8] = [0x00]
    static let drop: [UInt8] = [0x1A]
    static let `return`: [UInt8] = [0x0F]
    static let memoryGrow: [UInt8] = [0x40, 0x00]
    static let memorySize: [UInt8] = [0x3F, 0x00]
    static let i32Eqz: [UInt8] = [0x45]
    static let i32LtS: [UInt8] = [0x48]
    static let i32LtU: [UInt8] = [0x49]
    static let i32Add: [UInt8] = [0x6A]
    static let i32Sub: [UInt8] = [0x6B]
    static let i32Mul: [UInt8] = [0x6C]
    static let i32DivS: [UInt8] = [0x6D]
    static let i64Add: [UInt8] = [0x7C]
}

extension FuncType {
    /// `[parameters] -> [results]`, for brevity in tests.
    init(_ parameters: [ValueType], _ results: [ValueType]) {
        self.init(parameters: parameters, results: results)
    }
}
