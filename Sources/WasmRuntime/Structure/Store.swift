// Runtime structure › Store (spec §4.2.3): all instances of functions, tables, memories and
// globals that instantiation allocated, plus the stacks code runs on.

import WasmCore

/// Limits an embedder sets on a store. Exceeding a stack limit traps with "call stack
/// exhausted"; a memory or table limit makes `memory.grow`/`table.grow` return -1 (and
/// instantiation fail when a minimum does not fit).
public struct StoreLimits: Sendable {
    /// Most pages (64 KiB) any memory may have; at most 65536 (4 GiB).
    public var maxMemoryPages: UInt32 = 65536
    /// Most elements any table may have.
    public var maxTableElements: UInt32 = 10_000_000
    /// Size of the value stack in 8-byte slots (locals and operands of all active frames).
    public var valueStackSlots: Int = 1 << 20
    /// Most WebAssembly frames active at once, across host re-entrancy.
    public var maxCallDepth: Int = 50_000
    /// Most nested entries from the host into WebAssembly (each host function that calls back
    /// into WebAssembly adds one); bounds the native stack that re-entrancy uses.
    public var maxNestedActivations: Int = 256

    public init() {}
}

/// A store: the runtime world that module instances, host functions, memories, tables and
/// globals live in (§4.2.3). Everything allocated in a store lives as long as the store.
/// A store is not thread-safe: use it from one thread at a time.
public final class Store {
    public let limits: StoreLimits

    var stack: ExecutionStack
    /// When set, execution records into it (a slower, instrumented interpreter loop): executed
    /// instructions by opcode, and calls, instructions and self time by function.
    public var profile: ExecutionProfile? {
        didSet { profile?.name = { [unowned self] in self.profileName(of: $0) } }
    }
    private(set) var functions: [FunctionAddress] = []
    private(set) var memories: [MemoryAddress] = []
    private(set) var tables: [TableAddress] = []
    private(set) var globals: [GlobalAddress] = []
    private(set) var instances: [ModuleInstance] = []
    private(set) var hostFunctions: [HostFunctionBody] = []
    private var typeIDs: [FuncType: UInt32] = [:]
    private(set) var types: [FuncType] = []

    /// Creates an empty store with the given limits.
    public init(limits: StoreLimits = StoreLimits()) {
        self.limits = limits
        stack = ExecutionStack(valueSlots: max(limits.valueStackSlots, 16), frameCount: max(limits.maxCallDepth, 1),
                               nestedActivations: max(limits.maxNestedActivations, 1))
    }

    deinit {
        for function in functions { function.deallocate() }
        for memory in memories { memory.pointee.release(); memory.deallocate() }
        for table in tables { table.pointee.release(); table.deallocate() }
        for global in globals { global.pointee.release(); global.deallocate() }
        stack.release()
    }

    /// The store-wide id of a function type: equal types get equal ids.
    func typeID(of type: FuncType) -> UInt32 {
        if let id = typeIDs[type] { return id }
        let id = UInt32(types.count)
        types.append(type)
        typeIDs[type] = id
        return id
    }

    func type(ofFunction function: FunctionAddress) -> FuncType {
        types[Int(function.pointee.typeID)]
    }

    // MARK: Allocation (§4.5.3)

    func allocateFunction(_ entity: FunctionEntity) -> FunctionAddress {
        let address = FunctionAddress.allocate(capacity: 1)
        address.initialize(to: entity)
        functions.append(address)
        return address
    }

    /// §4.5.3.2 alloc_hostfunc.
    func allocateHostFunction(_ body: HostFunctionBody) -> FunctionAddress {
        let type = body.type
        hostFunctions.append(body)
        let slots = max(type.parameters.slotCount, type.results.slotCount)
        return allocateFunction(FunctionEntity(
            kind: .host, typeID: typeID(of: type), parameterSlots: type.parameters.slotCount,
            resultSlots: type.results.slotCount, localSlots: slots, frameSlots: slots, code: nil,
            instance: nil, index: UInt32(hostFunctions.count - 1)))
    }

    func allocateMemory(_ type: MemoryType) -> MemoryAddress? {
        guard let address = MemoryEntity.allocate(type, embedderPageLimit: limits.maxMemoryPages) else { return nil }
        memories.append(address)
        return address
    }

    func allocateTable(_ type: TableType, initial: UInt64) -> TableAddress? {
        guard let address = TableEntity.allocate(type, initial: initial, embedderElementLimit: limits.maxTableElements)
        else { return nil }
        tables.append(address)
        return address
    }

    func allocateGlobal(_ type: GlobalType, value: (UInt64, UInt64)) -> GlobalAddress {
        let address = GlobalEntity.allocate(type, value: value)
        globals.append(address)
        return address
    }

    func adopt(_ instance: ModuleInstance) {
        instances.append(instance)
    }
}
