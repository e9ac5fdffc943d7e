// WASI preview1 › the `wasi_snapshot_preview1` module: every function this implementation
// provides, with its WebAssembly type, defined as host functions in an `Imports`.
// Each area file (arguments, clocks, random, descriptors, paths, directories, process) lists
// its own functions next to their implementations; this file puts them together.

import WasmCore

/// One function of `wasi_snapshot_preview1`: its name, parameter types and implementation.
/// All but `proc_exit` return an errno (an i32): 0 when `body` returns, the `WASIErrno` it
/// throws otherwise.
struct WASIFunctionDefinition: Sendable {
    let name: String
    let parameters: [ValueType]
    let returnsErrno: Bool
    let body: @Sendable (WASI, WASICall) throws -> Void

    init(_ name: String, _ parameters: [ValueType], returnsErrno: Bool = true,
         _ body: @escaping @Sendable (WASI, WASICall) throws -> Void) {
        self.name = name
        self.parameters = parameters
        self.returnsErrno = returnsErrno
        self.body = body
    }

    var type: FuncType { FuncType(parameters: parameters, results: returnsErrno ? [.i32] : []) }
}

/// The arguments of one WASI call and the caller's memory. The arguments have the types of
/// the function's definition (the import's type was checked at instantiation).
struct WASICall {
    let arguments: [Value]
    let memory: GuestMemory

    /// Argument `index` of type i32, as WASI's unsigned 32-bit value (a pointer, size, fd…).
    func u32(_ index: Int) -> UInt32 {
        guard case .i32(let value) = arguments[index] else { preconditionFailure("argument \(index) is not an i32") }
        return value
    }

    /// Argument `index` of type i64, as an unsigned 64-bit value.
    func u64(_ index: Int) -> UInt64 {
        guard case .i64(let value) = arguments[index] else { preconditionFailure("argument \(index) is not an i64") }
        return value
    }
}

extension WASI {
    /// The name of the module WASI preview1 functions are imported from.
    public static let moduleName = "wasi_snapshot_preview1"

    /// Every function this implementation provides.
    static let definitions: [WASIFunctionDefinition] =
        argumentAndEnvironmentFunctions + clockFunctions + randomFunctions + descriptorIOFunctions
        + descriptorStatusFunctions + directoryFunctions + pathFunctions + processFunctions

    /// The names of the `wasi_snapshot_preview1` functions this implementation provides.
    public static var functionNames: [String] { definitions.map(\.name) }

    /// Defines every `wasi_snapshot_preview1` function this implementation provides in
    /// `imports`, as host functions of `store` bound to this WASI instance. Pointers are
    /// taken in the calling instance's memory 0; a pointer outside it is the `fault` errno.
    public func define(in imports: inout Imports, store: Store) {
        for definition in WASI.definitions {
            let function = Function(store: store, type: definition.type) { caller, arguments in
                do {
                    try Self.withGuestMemory(of: caller) { memory in
                        try definition.body(self, WASICall(arguments: arguments, memory: memory))
                    }
                } catch let errno as WASIErrno {
                    return [.i32(UInt32(errno.rawValue))]
                }
                return definition.returnsErrno ? [.i32(0)] : []
            }
            imports.define(module: WASI.moduleName, name: definition.name, .function(function))
        }
    }

    /// Runs `body` with the caller's memory 0, or an empty memory (every pointer faults) when
    /// the caller has none or a host called the function directly.
    private static func withGuestMemory(of caller: Caller, _ body: (GuestMemory) throws -> Void) throws {
        guard let memory = caller.memory else {
            return try body(GuestMemory(bytes: UnsafeMutableRawBufferPointer(start: nil, count: 0)))
        }
        try memory.withUnsafeMutableBytes(at: 0, count: memory.byteCount) { try body(GuestMemory(bytes: $0)) }
    }
}
