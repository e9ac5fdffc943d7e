// Evaluation of constant expressions (spec §3.3.10, §4.4.10 / §4.5.4 "evaluate the
// initialiser"): global initialisers, element expressions and segment offsets.

import WasmCore

extension Store {
    /// Evaluates a valid constant expression in an auxiliary context that sees `globals` and
    /// `functions` (§4.5.4 step 7: the imported globals and the module's functions). Returns
    /// the value's slots (the second one is used by v128 only).
    func evaluate(_ expression: ConstantExpression, globals: [GlobalAddress], functions: [FunctionAddress]) throws -> (UInt64, UInt64) {
        var result: (UInt64, UInt64) = (0, 0)
        for instruction in expression.instructions {
            switch instruction {
            case .i32Const(let value): result = (UInt64(UInt32(bitPattern: value)), 0)
            case .i64Const(let value): result = (UInt64(bitPattern: value), 0)
            case .f32Const(let bits): result = (UInt64(bits), 0)
            case .f64Const(let bits): result = (bits, 0)
            case .v128Const(let vector): result = (vector.low, vector.high)
            case .refNull: result = (0, 0)
            case .refFunc(let index): result = (FunctionEntity.reference(to: functions[Int(index)]), 0)
            case .globalGet(let index):
                let cell = globals[Int(index)].pointee.cell
                result = (cell[0], cell[1])
            default:
                throw EmbeddingError("not a constant instruction: \(instruction)")
            }
        }
        return result
    }
}
