// Execution › Modules › Instantiation (spec §4.5.4): linking a valid module against external
// values, allocating its instance (§4.5.3.1), initialising tables and memories from active
// segments, and running the start function.

import WasmCore

/// A module that passed validation (§3.4), ready to be instantiated any number of times.
/// Only validated modules can be instantiated: the interpreter relies on validity.
public struct ValidatedModule: Sendable {
    public let module: Module

    /// Validates `module` (§3.4); throws `ValidationError` when it is invalid.
    public init(_ module: Module) throws {
        try module.validate()
        self.module = module
    }

    /// Decodes (§5) and validates a binary module; throws `DecodingError` or `ValidationError`.
    public init(binary: [UInt8]) throws {
        try self.init(Module(binary: binary))
    }
}

extension Store {
    /// Instantiates `module` (§4.5.4) with its imports resolved from `imports`.
    ///
    /// Throws `LinkError` when an import is missing or has an incompatible type (nothing is
    /// changed then), and `Trap` when an active segment does not fit or the start function
    /// traps. As in WebAssembly 2.0, segments written before a failing one stay written.
    public func instantiate(_ module: ValidatedModule, imports: Imports = Imports()) throws -> Instance {
        let module = module.module
        let imported = try resolveImports(of: module, from: imports)

        // §4.5.3.1 alloc_module: functions, tables, memories, globals, in index-space order.
        var functions: [FunctionAddress] = [], tables: [TableAddress] = []
        var memories: [MemoryAddress] = [], globals: [GlobalAddress] = []
        for address in imported {
            switch address {
            case .function(let a): functions.append(a)
            case .table(let a): tables.append(a)
            case .memory(let a): memories.append(a)
            case .global(let a): globals.append(a)
            }
        }
        let importedFunctionCount = functions.count
        for (offset, typeIndex) in module.functions.enumerated() {
            let type = module.types[Int(typeIndex)]
            let locals = module.codes[offset].locals.reduce(Int64(0)) { $0 + Int64($1.count) * Int64($1.type.slotCount) }
            guard locals < Int64(Int32.max / 2) else { throw EmbeddingError("too many locals") }
            functions.append(allocateFunction(FunctionEntity(
                kind: .wasm, typeID: typeID(of: type), parameterSlots: type.parameters.slotCount,
                resultSlots: type.results.slotCount, localSlots: type.parameters.slotCount + Int32(locals),
                frameSlots: 0, code: nil, instance: nil, index: UInt32(importedFunctionCount + offset))))
        }
        for type in module.tables {
            guard let table = allocateTable(type, initial: 0) else {
                throw EmbeddingError("table of \(type.limits.min) elements exceeds the store's limit")
            }
            tables.append(table)
        }
        for type in module.memories {
            guard let memory = allocateMemory(type) else {
                throw EmbeddingError("memory of \(type.limits.min) pages exceeds the store's limit")
            }
            memories.append(memory)
        }
        for global in module.globals {
            let value = try evaluate(global.initializer, globals: globals, functions: functions)
            globals.append(allocateGlobal(global.type, value: value))
        }

        let instance = ModuleInstance(
            module: module, typeIDs: module.types.map { typeID(of: $0) }, functions: functions,
            tables: tables, memories: memories, globals: globals)
        for function in functions[importedFunctionCount...] { function.pointee.instance = instance.entity }
        adopt(instance)

        // Element instances (§4.5.3.1 step 12) hold their evaluated references; data
        // instances hold their bytes. Active and declarative segments are dropped right after
        // initialisation (steps 14–15), so only passive ones keep their contents.
        var elements: [ElementEntity] = []
        var activeElements: [(index: Int, table: UInt32, offset: ConstantExpression, references: [UInt64])] = []
        for (index, segment) in module.elements.enumerated() {
            let references = try segment.initializers.map { try evaluate($0, globals: globals, functions: functions).0 }
            switch segment.mode {
            case .passive:
                elements.append(ElementEntity(references))
            case .active(let table, let offset):
                elements.append(ElementEntity([]))
                activeElements.append((index, table, offset, references))
            case .declarative:
                elements.append(ElementEntity([]))
            }
        }
        let datas = module.datas.map { segment -> DataEntity in
            if case .passive = segment.mode { DataEntity(segment.bytes) } else { DataEntity([]) }
        }
        instance.setSegments(elements: elements, datas: datas)
        instance.setExports(module.exports.map { export in
            let address: ExternAddress = switch export.descriptor {
            case .function(let i): .function(functions[Int(i)])
            case .table(let i): .table(tables[Int(i)])
            case .memory(let i): .memory(memories[Int(i)])
            case .global(let i): .global(globals[Int(i)])
            }
            return (export.name, address)
        })

        // §4.5.4 step 14: active element segments, in order (table.init, then elem.drop).
        for active in activeElements {
            let offset = UInt32(truncatingIfNeeded: try evaluate(active.offset, globals: globals, functions: functions).0)
            let table = tables[Int(active.table)]
            guard UInt64(offset) + UInt64(active.references.count) <= UInt64(table.pointee.count) else {
                throw Trap(.outOfBoundsTableAccess)
            }
            for (i, reference) in active.references.enumerated() { table.pointee.elements[Int(offset) + i] = reference }
        }
        // §4.5.4 step 15: active data segments, in order (memory.init, then data.drop).
        for segment in module.datas {
            guard case .active(let memoryIndex, let offsetExpression) = segment.mode else { continue }
            let offset = UInt32(truncatingIfNeeded: try evaluate(offsetExpression, globals: globals, functions: functions).0)
            let memory = memories[Int(memoryIndex)]
            guard UInt64(offset) + UInt64(segment.bytes.count) <= UInt64(memory.pointee.byteCount) else {
                throw Trap(.outOfBoundsMemoryAccess)
            }
            segment.bytes.withUnsafeBytes { bytes in
                guard let source = bytes.baseAddress else { return }
                (memory.pointee.base + Int(offset)).copyMemory(from: source, byteCount: bytes.count)
            }
        }
        // §4.5.4 step 16: the start function.
        if let start = module.start {
            _ = try invoke(functions[Int(start)], arguments: [])
        }
        return Instance(store: self, moduleInstance: instance)
    }
}
