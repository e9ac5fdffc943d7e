// Validation › Instructions › Reference (§3.3.2), parametric (§3.3.4), variable (§3.3.5)
// and table (§3.3.6) instructions, plus the context look-ups they share.

extension FunctionValidator {
    // MARK: Context look-ups (§3.1.1)

    /// C.locals[x]
    @inline(__always)
    func local(_ index: UInt32) throws -> ValueType {
        guard Int(index) < localTypes.count else { throw error("unknown local \(index)") }
        return localTypes[Int(index)]
    }

    /// C.globals[x]
    @inline(__always)
    func global(_ index: UInt32) throws -> GlobalType {
        guard Int(index) < context.globals.count else { throw error("unknown global \(index)") }
        return context.globals[Int(index)]
    }

    /// C.tables[x]
    @inline(__always)
    func table(_ index: UInt32) throws -> TableType {
        guard Int(index) < context.tables.count else { throw error("unknown table \(index)") }
        return context.tables[Int(index)]
    }

    /// C.elems[x]
    @inline(__always)
    func element(_ index: UInt32) throws -> RefType {
        guard Int(index) < context.elements.count else { throw error("unknown elem segment \(index)") }
        return context.elements[Int(index)]
    }

    // MARK: §3.3.2 Reference instructions

    /// ref.is_null: [t] -> [i32] for a reference type t.
    mutating func validateRefIsNull() throws {
        if let type = try popOperand(), !type.isReference {
            throw error("type mismatch: ref.is_null expects a reference, found \(type)")
        }
        push(.i32)
    }

    /// ref.func x: x must be a function and be declared in C.refs.
    mutating func validateRefFunc(_ function: UInt32) throws {
        guard Int(function) < context.functions.count else { throw error("unknown function \(function)") }
        guard context.isDeclaredReference(function) else { throw error("undeclared function reference") }
        push(.funcref)
    }

    // MARK: §3.3.4 Parametric instructions

    /// select without a type: both operands numeric or both vector, and equal unless Unknown.
    mutating func validateSelect() throws {
        try popOperand(.i32)
        let first = try popOperand()
        let second = try popOperand()
        let bothNumeric = (first?.isNumeric ?? true) && (second?.isNumeric ?? true)
        let bothVector = (first ?? .v128) == .v128 && (second ?? .v128) == .v128
        guard bothNumeric || bothVector else {
            throw error("type mismatch: select without a type needs numeric or vector operands")
        }
        if let first, let second, first != second {
            throw error("type mismatch: select operands \(second) and \(first) differ")
        }
        push(first ?? second)
    }

    /// select t: [t t i32] -> [t]
    mutating func validateSelect(_ type: ValueType) throws {
        try popOperand(.i32)
        try popOperand(type)
        try popOperand(type)
        push(type)
    }

    // MARK: §3.3.5 Variable instructions

    /// local.tee x: [t] -> [t]
    mutating func validateLocalTee(_ index: UInt32) throws {
        let type = try local(index)
        try popOperand(type)
        push(type)
    }

    /// global.set x: the global must be mutable.
    mutating func validateGlobalSet(_ index: UInt32) throws {
        let type = try global(index)
        guard type.mutability == .variable else { throw error("global is immutable") }
        try popOperand(type.valueType)
    }

    // MARK: §3.3.6 Table instructions

    /// table.get x: [i32] -> [t]
    mutating func validateTableGet(_ index: UInt32) throws {
        let type = try table(index).elementType.valueType
        try popOperand(.i32)
        push(type)
    }

    /// table.set x: [i32 t] -> []
    mutating func validateTableSet(_ index: UInt32) throws {
        try popOperand(try table(index).elementType.valueType)
        try popOperand(.i32)
    }

    /// table.grow x: [t i32] -> [i32]
    mutating func validateTableGrow(_ index: UInt32) throws {
        let type = try table(index).elementType.valueType
        try popOperand(.i32)
        try popOperand(type)
        push(.i32)
    }

    /// table.fill x: [i32 t i32] -> []
    mutating func validateTableFill(_ index: UInt32) throws {
        let type = try table(index).elementType.valueType
        try popOperand(.i32)
        try popOperand(type)
        try popOperand(.i32)
    }

    /// table.copy x y: both tables hold the same reference type; [i32 i32 i32] -> [].
    mutating func validateTableCopy(_ destination: UInt32, _ source: UInt32) throws {
        let destinationType = try table(destination).elementType
        let sourceType = try table(source).elementType
        guard destinationType == sourceType else {
            throw error("type mismatch: table.copy from a \(sourceType) table to a \(destinationType) table")
        }
        try popOperands(.i32, count: 3)
    }

    /// table.init x y: the segment's type is the table's; [i32 i32 i32] -> [].
    mutating func validateTableInit(element elementIndex: UInt32, table tableIndex: UInt32) throws {
        let tableType = try table(tableIndex).elementType
        let elementType = try element(elementIndex)
        guard tableType == elementType else {
            throw error("type mismatch: table.init of a \(tableType) table from a \(elementType) segment")
        }
        try popOperands(.i32, count: 3)
    }
}

extension ValueType {
    /// Whether this is a number type (§2.3.1).
    var isNumeric: Bool {
        switch self {
        case .i32, .i64, .f32, .f64: true
        case .v128, .funcref, .externref: false
        }
    }
}
