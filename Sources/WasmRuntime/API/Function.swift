// Function instances (spec §4.2.6) in the embedding API: calling exported WebAssembly
// functions, and defining host functions (§7.1.5 func_alloc / func_invoke).

import WasmCore

/// A function in a store: exported by an instance or defined by the host.
public struct Function: Hashable {
    let store: Store
    let address: FunctionAddress

    init(store: Store, address: FunctionAddress) {
        self.store = store
        self.address = address
    }

    /// Defines a host function of type `type` in `store`. `body` receives a `Caller` (the
    /// calling instance, its memory and exports) and the arguments, and returns the results.
    /// It may call WebAssembly functions (re-entrancy); an error it throws unwinds every
    /// WebAssembly frame up to the host code that called into WebAssembly, which receives it
    /// unchanged.
    public init(store: Store, type: FuncType, body: @escaping (Caller, [Value]) throws -> [Value]) {
        self.store = store
        address = store.allocateHostFunction(HostFunctionBody(type: type, body: body))
    }

    /// The function's type.
    public var type: FuncType { store.type(ofFunction: address) }

    /// Invokes the function (§7.1.5 func_invoke) with `arguments` of its parameter types and
    /// returns its results. Throws a `Trap` when execution traps, `EmbeddingError` for
    /// arguments that do not match, and whatever a host function called on the way threw.
    @discardableResult
    public func call(_ arguments: [Value]) throws -> [Value] {
        try store.invoke(address, arguments: arguments)
    }

    /// Calls with variadic arguments: `try add(.i32(1), .i32(2))`.
    @discardableResult
    public func callAsFunction(_ arguments: Value...) throws -> [Value] {
        try call(arguments)
    }

    public static func == (a: Function, b: Function) -> Bool { a.address == b.address }
    public func hash(into hasher: inout Hasher) { hasher.combine(address) }
}

/// What a host function knows about its call: the store, and the module instance whose code
/// called it (`nil` when the host called the function directly).
public struct Caller {
    public let store: Store
    public let instance: Instance?

    /// The calling instance's memory (its memory 0, exported or not), if it has one.
    public var memory: Memory? {
        instance?.moduleInstance.memories.first.map { Memory(store: store, address: $0) }
    }
}

/// A host function's type and implementation, kept by the store.
struct HostFunctionBody {
    let type: FuncType
    let body: (Caller, [Value]) throws -> [Value]
}

extension Store {
    /// Calls a host function with the arguments in `slots`, writing its results there.
    func callHost(_ function: FunctionAddress, slots: UnsafeMutablePointer<UInt64>, caller: InstanceAddress?) throws {
        let host = hostFunctions[Int(function.pointee.index)]
        var arguments: [Value] = []
        arguments.reserveCapacity(host.type.parameters.count)
        var slot = slots
        for type in host.type.parameters {
            arguments.append(Value(loading: type, from: slot, in: self))
            slot += Int(type.slotCount)
        }
        let callerInstance = caller.map { Instance(store: self, moduleInstance: $0.pointee.owner) }
        let results = try host.body(Caller(store: self, instance: callerInstance), arguments)
        guard results.count == host.type.results.count else {
            throw EmbeddingError("host function returned \(results.count) results, its type \(host.type) has \(host.type.results.count)")
        }
        slot = slots
        for (result, type) in zip(results, host.type.results) {
            try result.store(into: slot, as: type, in: self)
            slot += Int(type.slotCount)
        }
    }
}
