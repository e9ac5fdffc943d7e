// `wasm-run validate FILE.wasm`: decodes (§5) and validates (§3) a module and prints a
// one-line summary, or the error with its byte offset.

import WasmCore

enum ValidateCommand {
    /// Exit status: 0 for a valid module, 1 for a malformed or invalid one, 2 on a usage error.
    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count == 1, let path = arguments.first, !path.hasPrefix("-") else {
            printError("usage: wasm-run validate FILE.wasm")
            return 2
        }
        let bytes: [UInt8]
        do {
            bytes = try readBytes(path)
        } catch {
            printError("\(path): cannot read: \(error.localizedDescription)")
            return 2
        }
        switch ModuleCheck(bytes) {
        case .valid(let module):
            print("\(path): valid, \(bytes.count) bytes: \(summary(of: module))")
            return 0
        case .malformed(let error as any Error), .invalid(let error as any Error), .unexpected(let error):
            print("\(path): \(error)")
            return 1
        }
    }

    /// The number of items of each kind, e.g. `2 types, 1 import, 3 functions, …`.
    static func summary(of module: Module) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        return [
            count(module.types.count, "type"),
            count(module.imports.count, "import"),
            count(module.functions.count, "function"),
            count(module.tables.count, "table"),
            count(module.memories.count, "memory").replacingOccurrences(of: "memorys", with: "memories"),
            count(module.globals.count, "global"),
            count(module.exports.count, "export"),
            count(module.elements.count, "element segment"),
            count(module.datas.count, "data segment"),
            module.start.map { "start function \($0)" } ?? "no start function",
            count(module.functionNames.count, "function name"),
            count(module.customSections.count, "other custom section"),
        ].joined(separator: ", ")
    }
}
