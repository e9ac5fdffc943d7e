// `wasm-run [--dir …] [--env …] --invoke NAME FILE.wasm [ARGS...]`: instantiates a module
// (with WASI preview1 as its imports; a reactor's `_initialize` runs first), calls the
// exported function NAME with ARGS parsed by its parameter types (i32/i64: decimal integers,
// signed or unsigned; f32/f64: decimal, `inf`, `nan`), and prints each result on a line.

import WasmCore
import WasmRuntime

enum InvokeCommand {
    static func run(_ options: ProgramOptions) -> Int32 {
        var profile: ExecutionProfile?
        defer { if let profile { printError(profile.report()) } }
        return RunCommand.exitStatus {
            let name = options.invoke!
            let program = try LoadedProgram(options, guestArguments: [options.file])
            profile = program.profile
            guard let function = program.instance.function(name) else {
                throw UsageError("\(options.file): no exported function named '\(name)'")
            }
            let arguments = try parseArguments(options.arguments, for: function.type, name: name)
            if name != "_initialize", let initialize = program.instance.function("_initialize") {
                try initialize.call([])
            }
            for result in try function.call(arguments) { print(format(result)) }
            return 0
        }
    }

    /// The arguments for a function of type `type`, one per parameter.
    static func parseArguments(_ texts: [String], for type: FuncType, name: String) throws -> [Value] {
        guard texts.count == type.parameters.count else {
            let types = type.parameters.map { "\($0)" }.joined(separator: " ")
            throw UsageError("\(name) takes \(type.parameters.count) argument\(type.parameters.count == 1 ? "" : "s")"
                             + (types.isEmpty ? "" : " (\(types))") + ", got \(texts.count)")
        }
        return try zip(texts, type.parameters).enumerated().map { index, pair in
            let (text, parameter) = pair
            guard let value = parse(text, as: parameter) else {
                throw UsageError("argument \(index + 1) of \(name): '\(text)' is not \(parameter == .i32 || parameter == .i64 ? "an" : "a") \(parameter)")
            }
            return value
        }
    }

    /// `text` as a value of `type`; nil when it is not one, or the type cannot be written
    /// on a command line (v128, references).
    static func parse(_ text: String, as type: ValueType) -> Value? {
        switch type {
        case .i32: Int32(text).map { Value($0) } ?? UInt32(text).map { .i32($0) }
        case .i64: Int64(text).map { Value($0) } ?? UInt64(text).map { .i64($0) }
        case .f32: Float(text).map { Value($0) }
        case .f64: Double(text).map { Value($0) }
        default: nil
        }
    }

    /// A result as printed: integers signed decimal, floats as Swift prints them.
    static func format(_ value: Value) -> String {
        switch value {
        case .i32(let bits): "\(Int32(bitPattern: bits))"
        case .i64(let bits): "\(Int64(bitPattern: bits))"
        case .f32(let bits): "\(Float(bitPattern: bits))"
        case .f64(let bits): "\(Double(bitPattern: bits))"
        case .v128(let vector): "\(vector)"
        case .funcref(let function): function == nil ? "ref.null func" : "ref.func"
        case .externref(let reference): reference.map { "ref.extern \($0.id)" } ?? "ref.null extern"
        }
    }
}
