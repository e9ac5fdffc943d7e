// Structure › Modules (spec §2.5): the unit of deployment, loading and compilation.
// A `Module` is what the binary decoder (§5.5) produces and the validator (§3.4) checks.

/// A decoded WebAssembly module. Index spaces (§2.5.1) for functions, tables, memories and
/// globals start with the imports of that kind, followed by the module's own definitions.
public struct Module: Sendable {
    /// The module's binary; function bodies and data segments refer into it.
    public var bytes: [UInt8]
    public var types: [FuncType] = []
    public var imports: [Import] = []
    /// The type index of each function defined by the module (§2.5.3), in order.
    public var functions: [UInt32] = []
    public var tables: [TableType] = []
    public var memories: [MemoryType] = []
    public var globals: [Global] = []
    public var exports: [Export] = []
    public var start: UInt32?
    public var elements: [ElementSegment] = []
    /// The data count section's value (§5.5.14), if present.
    public var dataCount: UInt32?
    /// The code of each function defined by the module, in the order of `functions`.
    public var codes: [FunctionBody] = []
    public var datas: [DataSegment] = []
    /// Custom sections other than `name`, in order of appearance (§5.5.3).
    public var customSections: [CustomSection] = []
    /// Function names from the `name` custom section (§7.4.2), by function index.
    public var functionNames: [UInt32: String] = [:]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    // Index spaces (§2.5.1), imports first.

    /// The type index of every function in the function index space.
    public var functionTypeIndices: [UInt32] {
        imports.compactMap { if case .function(let t) = $0.descriptor { t } else { nil } } + functions
    }
    public var importedFunctionCount: Int { imports.count { if case .function = $0.descriptor { true } else { false } } }
    public var importedGlobals: [GlobalType] {
        imports.compactMap { if case .global(let g) = $0.descriptor { g } else { nil } }
    }
    public var allTables: [TableType] {
        imports.compactMap { if case .table(let t) = $0.descriptor { t } else { nil } } + tables
    }
    public var allMemories: [MemoryType] {
        imports.compactMap { if case .memory(let m) = $0.descriptor { m } else { nil } } + memories
    }
    public var allGlobals: [GlobalType] { importedGlobals + globals.map(\.type) }
}

/// An import (§2.5.11): a module name, a field name and what is imported.
public struct Import: Hashable, Sendable {
    public var module: String
    public var name: String
    public var descriptor: ImportDescriptor
    public init(module: String, name: String, descriptor: ImportDescriptor) {
        self.module = module
        self.name = name
        self.descriptor = descriptor
    }
}

public enum ImportDescriptor: Hashable, Sendable {
    case function(typeIndex: UInt32)
    case table(TableType)
    case memory(MemoryType)
    case global(GlobalType)
}

/// An export (§2.5.10): a unique name and the index of what is exported.
public struct Export: Hashable, Sendable {
    public var name: String
    public var descriptor: ExportDescriptor
    public init(name: String, descriptor: ExportDescriptor) {
        self.name = name
        self.descriptor = descriptor
    }
}

public enum ExportDescriptor: Hashable, Sendable {
    case function(UInt32)
    case table(UInt32)
    case memory(UInt32)
    case global(UInt32)
}

/// A global (§2.5.6): its type and the constant expression that initialises it.
public struct Global: Hashable, Sendable {
    public var type: GlobalType
    public var initializer: ConstantExpression
    public init(type: GlobalType, initializer: ConstantExpression) {
        self.type = type
        self.initializer = initializer
    }
}

/// A constant expression (§3.3.10 / §5.4.9) as it appears in the binary: the instructions
/// before the final `end`. The decoder accepts any instruction here; the validator checks
/// that each one is constant and that the sequence produces the expected type.
public struct ConstantExpression: Hashable, Sendable {
    public var instructions: [Instruction]
    /// Byte offset of the expression's first instruction in the module.
    public var offset: Int
    public init(instructions: [Instruction], offset: Int) {
        self.instructions = instructions
        self.offset = offset
    }
}

/// An element segment (§2.5.7): references to initialise a table from.
public struct ElementSegment: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case passive
        case active(table: UInt32, offset: ConstantExpression)
        case declarative
    }
    public var type: RefType
    /// One constant expression per element. The function-index encodings (§5.5.12 flags 0–3)
    /// are decoded as `ref.func` expressions, so there is a single representation.
    public var initializers: [ConstantExpression]
    public var mode: Mode
    /// Byte offset of the segment in the module.
    public var offset: Int
    public init(type: RefType, initializers: [ConstantExpression], mode: Mode, offset: Int) {
        self.type = type
        self.initializers = initializers
        self.mode = mode
        self.offset = offset
    }
}

/// A data segment (§2.5.8): bytes to initialise a memory from.
public struct DataSegment: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case passive
        case active(memory: UInt32, offset: ConstantExpression)
    }
    public var mode: Mode
    /// The segment's bytes, a slice of the module's binary (no copy).
    public var bytes: ArraySlice<UInt8>
    public var offset: Int
    public init(mode: Mode, bytes: ArraySlice<UInt8>, offset: Int) {
        self.mode = mode
        self.bytes = bytes
        self.offset = offset
    }
}

/// The code of one defined function (§5.5.13): its declared locals and its body's bytes.
public struct FunctionBody: Hashable, Sendable {
    /// Locals as declared: runs of `count` locals of one type (the parameters are not included).
    public var locals: [LocalRun]
    /// Total number of declared locals (sum of the runs' counts).
    public var localCount: Int
    /// Byte range of the body's instructions in the module, up to and including the final `end`.
    public var code: Range<Int>
    public init(locals: [LocalRun], localCount: Int, code: Range<Int>) {
        self.locals = locals
        self.localCount = localCount
        self.code = code
    }
}

public struct LocalRun: Hashable, Sendable {
    public var count: UInt32
    public var type: ValueType
    public init(count: UInt32, type: ValueType) {
        self.count = count
        self.type = type
    }
}

/// A custom section (§5.5.3) other than `name`, kept as bytes.
public struct CustomSection: Hashable, Sendable {
    public var name: String
    public var bytes: ArraySlice<UInt8>
    public init(name: String, bytes: ArraySlice<UInt8>) {
        self.name = name
        self.bytes = bytes
    }
}
