// Runtime structure › Module instances (spec §4.2.5): the addresses of everything a module
// instantiated in a store defines or imports, in the order of its index spaces, and its exports.

import WasmCore

/// The address of a module instance's interpreter-facing part.
typealias InstanceAddress = UnsafeMutablePointer<InstanceEntity>

/// The parts of a module instance that executing code reads, as plain buffers indexed like the
/// module's index spaces (§2.5.1).
struct InstanceEntity {
    /// Store-wide type ids of the module's types (§2.5.2), by type index.
    var typeIDs: UnsafeMutablePointer<UInt32>
    var functions: UnsafeMutablePointer<FunctionAddress>
    var tables: UnsafeMutablePointer<TableAddress>
    /// Memory 0, if the module has a memory (WebAssembly 2.0 allows at most one).
    var memory: MemoryAddress?
    var globals: UnsafeMutablePointer<GlobalAddress>
    var elements: UnsafeMutablePointer<ElementEntity>
    var datas: UnsafeMutablePointer<DataEntity>
    /// The owning object, for the slow paths (lazy translation, backtraces, host calls).
    unowned(unsafe) var owner: ModuleInstance
}

/// A module instance: owns its `InstanceEntity` and the translated code of its functions.
/// Tables, memories, globals and functions are owned by the store, which may share them.
final class ModuleInstance {
    let module: Module
    let entity: InstanceAddress
    let functions: [FunctionAddress]
    let tables: [TableAddress]
    let memories: [MemoryAddress]
    let globals: [GlobalAddress]
    /// The type index of each function in the function index space (§2.5.1).
    let functionTypeIndices: [UInt32]
    /// Exports in module order, and by exact name.
    private(set) var exports: [(name: String, address: ExternAddress)] = []
    private(set) var exportsByName: [ExactName: ExternAddress] = [:]
    /// Buffers of translated function bodies, freed with the instance.
    private var codeBuffers: [UnsafeMutableBufferPointer<EncodedInstruction>] = []

    init(module: Module, typeIDs: [UInt32], functions: [FunctionAddress], tables: [TableAddress],
         memories: [MemoryAddress], globals: [GlobalAddress]) {
        self.module = module
        self.functions = functions
        self.tables = tables
        self.memories = memories
        self.globals = globals
        functionTypeIndices = module.functionTypeIndices
        entity = InstanceAddress.allocate(capacity: 1)
        entity.initialize(to: InstanceEntity(
            typeIDs: Self.buffer(typeIDs), functions: Self.buffer(functions), tables: Self.buffer(tables),
            memory: memories.first, globals: Self.buffer(globals),
            elements: Self.buffer([ElementEntity]()), datas: Self.buffer([DataEntity]()), owner: self))
    }

    deinit {
        let e = entity.pointee
        e.typeIDs.deallocate()
        e.functions.deallocate()
        e.tables.deallocate()
        e.globals.deallocate()
        for index in 0..<module.elements.count { e.elements[index].drop() }
        e.elements.deallocate()
        for index in 0..<module.datas.count { e.datas[index].drop() }
        e.datas.deallocate()
        entity.deallocate()
        for buffer in codeBuffers { buffer.deallocate() }
    }

    /// Sets the element and data instances (§4.5.3.1 steps 12–13), once.
    func setSegments(elements: [ElementEntity], datas: [DataEntity]) {
        entity.pointee.elements.deallocate()
        entity.pointee.datas.deallocate()
        entity.pointee.elements = Self.buffer(elements)
        entity.pointee.datas = Self.buffer(datas)
    }

    func setExports(_ exports: [(name: String, address: ExternAddress)]) {
        self.exports = exports
        for export in exports { exportsByName[ExactName(export.name)] = export.address }
    }

    /// Keeps a translated body alive as long as the instance.
    func adopt(code: UnsafeMutableBufferPointer<EncodedInstruction>) {
        codeBuffers.append(code)
    }

    /// A debugging name for function `index` of this module: from the name section (§7.4.2)
    /// when present, otherwise the export name, otherwise its index.
    func functionName(_ index: UInt32) -> String {
        if let name = module.functionNames[index] { return name }
        for export in module.exports {
            if case .function(index) = export.descriptor { return export.name }
        }
        return "func[\(index)]"
    }

    private static func buffer<T>(_ elements: [T]) -> UnsafeMutablePointer<T> {
        let buffer = UnsafeMutablePointer<T>.allocate(capacity: max(elements.count, 1))
        buffer.initialize(from: elements, count: elements.count)
        return buffer
    }
}

/// An external value (§4.2.12) by address.
enum ExternAddress {
    case function(FunctionAddress)
    case table(TableAddress)
    case memory(MemoryAddress)
    case global(GlobalAddress)
}
