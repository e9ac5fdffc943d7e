// Validation › Instructions › Constant expressions (spec §3.3.10) of globals, element and
// data segments. WebAssembly 2.0 validates them in the context C' whose globals are only the
// imported ones (§3.4.10), so `global.get` may only read an immutable imported global.

extension ValidationContext {
    /// Validates `expression` as a constant expression of result type `[type]`.
    func validateConstant(_ expression: ConstantExpression, type: ValueType) throws {
        let offset = expression.offset
        // Every instruction must be constant: t.const, ref.null, ref.func, global.get of an
        // immutable global of C'.
        for instruction in expression.instructions {
            switch instruction {
            case .i32Const, .i64Const, .f32Const, .f64Const, .v128Const, .refNull, .refFunc:
                continue
            case .globalGet(let index):
                guard Int(index) < importedGlobalCount else {
                    throw ValidationError("unknown global \(index)", at: offset)
                }
                guard globals[Int(index)].mutability == .constant else {
                    throw ValidationError("constant expression required", at: offset)
                }
            default:
                throw ValidationError("constant expression required", at: offset)
            }
        }
        // Each constant instruction pushes one value: the expression types as [t] exactly when
        // it is one instruction producing t.
        var first: ValueType?
        for instruction in expression.instructions {
            let result = try resultType(ofConstant: instruction, at: offset)
            if first == nil { first = result }
        }
        guard expression.instructions.count == 1, first == type else {
            let found = try expression.instructions.map { try resultType(ofConstant: $0, at: offset).description }
            throw ValidationError("type mismatch: constant expression must produce [\(type)], produces [\(found.joined(separator: " "))]",
                                  at: offset)
        }
    }

    /// The type a constant instruction pushes.
    private func resultType(ofConstant instruction: Instruction, at offset: Int) throws -> ValueType {
        switch instruction {
        case .i32Const: return .i32
        case .i64Const: return .i64
        case .f32Const: return .f32
        case .f64Const: return .f64
        case .v128Const: return .v128
        case .refNull(let type): return type.valueType
        case .refFunc(let index):
            guard Int(index) < functions.count else { throw ValidationError("unknown function \(index)", at: offset) }
            return .funcref
        case .globalGet(let index):
            return globals[Int(index)].valueType
        default:
            throw ValidationError("constant expression required", at: offset)
        }
    }
}
