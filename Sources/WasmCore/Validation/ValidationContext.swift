// Validation › Contexts (spec §3.1.1): what validating a module's definitions and code may
// refer to. Built once per module; `FunctionValidator` adds the per-function parts
// (locals, labels, return).

/// A result type (§2.3.4) as a run of value types inside `ValidationContext.typeStorage`.
/// Control frames keep these two integers instead of arrays, so validating a block neither
/// allocates nor retains.
public struct TypeSpan: Hashable, Sendable {
    public var start: Int32
    public var count: Int32

    /// The empty result type `[]`.
    public static let empty = TypeSpan(start: 0, count: 0)

    init(start: Int32, count: Int32) {
        self.start = start
        self.count = count
    }
}

/// The validation context C (§3.1.1) of a module: its types, functions, tables, memories,
/// globals, element and data segments, and the references it declares outside function bodies
/// (C.refs). The per-function fields (C.locals, C.labels, C.return) live in `FunctionValidator`.
public struct ValidationContext: Sendable {
    /// C.types: the module's function types.
    public let types: [FuncType]
    /// C.funcs, as type indices: the type index of every function in the function index space.
    /// Indices are checked against `types` when the module's functions are validated.
    public let functions: [UInt32]
    /// C.tables, imports first.
    public let tables: [TableType]
    /// C.mems, imports first.
    public let memories: [MemoryType]
    /// C.globals, imports first.
    public let globals: [GlobalType]
    /// How many of `globals` are imported. WebAssembly 2.0 constant expressions may only read
    /// these (§3.4: the context C' for globals, element and data segments).
    public let importedGlobalCount: Int
    /// C.elems: the reference type of each element segment.
    public let elements: [RefType]
    /// The number of data segments (C.datas): the data count section's value when present.
    public let dataCount: UInt32
    /// C.refs as a bit per function: whether the function's index occurs outside function
    /// bodies and the start function (in globals, element segments, data offsets, exports).
    let declaredReferences: [Bool]
    /// Every function type's parameters and results laid out flat, preceded by one entry per
    /// value type (so a single-value block type is a span too). See `span(for:)`.
    let typeStorage: [ValueType]
    /// Per type index: the spans of its parameters and results in `typeStorage`.
    let parameterSpans: [TypeSpan]
    let resultSpans: [TypeSpan]

    /// The value types in the order of the first entries of `typeStorage`.
    private static let singleValueTypes: [ValueType] = [.i32, .i64, .f32, .f64, .v128, .funcref, .externref]

    /// Builds C for `module` (§3.4). Nothing is checked here: `Module.validate()` checks the
    /// definitions against this context.
    public init(module: Module) {
        types = module.types
        functions = module.functionTypeIndices
        tables = module.allTables
        memories = module.allMemories
        globals = module.allGlobals
        importedGlobalCount = module.importedGlobals.count
        elements = module.elements.map(\.type)
        dataCount = module.dataCount ?? UInt32(clamping: module.datas.count)

        var storage = Self.singleValueTypes
        var parameterSpans: [TypeSpan] = []
        var resultSpans: [TypeSpan] = []
        parameterSpans.reserveCapacity(module.types.count)
        resultSpans.reserveCapacity(module.types.count)
        for type in module.types {
            parameterSpans.append(TypeSpan(start: Int32(storage.count), count: Int32(type.parameters.count)))
            storage += type.parameters
            resultSpans.append(TypeSpan(start: Int32(storage.count), count: Int32(type.results.count)))
            storage += type.results
        }
        typeStorage = storage
        self.parameterSpans = parameterSpans
        self.resultSpans = resultSpans
        declaredReferences = Self.references(of: module, functionCount: functions.count)
    }

    /// C.refs (§3.4.10): the function indices occurring in the module outside its functions
    /// and its start function.
    private static func references(of module: Module, functionCount: Int) -> [Bool] {
        var declared = [Bool](repeating: false, count: functionCount)
        func scan(_ expression: ConstantExpression) {
            for case .refFunc(let index) in expression.instructions where Int(index) < functionCount {
                declared[Int(index)] = true
            }
        }
        for global in module.globals { scan(global.initializer) }
        for segment in module.elements {
            segment.initializers.forEach(scan)
            if case .active(_, let offset) = segment.mode { scan(offset) }
        }
        for segment in module.datas {
            if case .active(_, let offset) = segment.mode { scan(offset) }
        }
        for export in module.exports {
            if case .function(let index) = export.descriptor, Int(index) < functionCount {
                declared[Int(index)] = true
            }
        }
        return declared
    }

    /// Whether function `index` is in C.refs, so `ref.func` may name it inside a function body.
    public func isDeclaredReference(_ index: UInt32) -> Bool {
        Int(index) < declaredReferences.count && declaredReferences[Int(index)]
    }

    /// The function type of function `index`, or nil when the function or its type is unknown.
    public func functionType(of index: UInt32) -> FuncType? {
        guard Int(index) < functions.count else { return nil }
        let typeIndex = Int(functions[Int(index)])
        return typeIndex < types.count ? types[typeIndex] : nil
    }

    // MARK: Result types as spans

    /// The span of the one-value result type `[type]`.
    func span(for type: ValueType) -> TypeSpan {
        let index: Int32 = switch type {
        case .i32: 0
        case .i64: 1
        case .f32: 2
        case .f64: 3
        case .v128: 4
        case .funcref: 5
        case .externref: 6
        }
        return TypeSpan(start: index, count: 1)
    }

    /// The value type at position `position` (0-based) of `span`.
    @inline(__always)
    func type(in span: TypeSpan, at position: Int32) -> ValueType {
        typeStorage[Int(span.start + position)]
    }

    /// The value types of `span`, as an array (for diagnostics and tests, not for hot paths).
    public func types(of span: TypeSpan) -> [ValueType] {
        Array(typeStorage[Int(span.start)..<Int(span.start + span.count)])
    }

    /// Whether two result types are equal (§3.2: no subtyping between value types in 2.0).
    func equal(_ a: TypeSpan, _ b: TypeSpan) -> Bool {
        if a == b { return true }
        guard a.count == b.count else { return false }
        for position in 0..<a.count where type(in: a, at: position) != type(in: b, at: position) {
            return false
        }
        return true
    }
}
