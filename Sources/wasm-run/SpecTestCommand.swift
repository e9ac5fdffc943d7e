// `wasm-run spectest [-v] [PATH...]`: runs spec test scripts and prints the report.

import Foundation

enum SpecTestCommand {
    /// Exit status: 0 if nothing failed, 1 if a command failed, 2 on a usage error.
    static func run(_ arguments: [String]) -> Int32 {
        let verbose = arguments.contains("-v")
        var paths = arguments.filter { $0 != "-v" }.map { URL(fileURLWithPath: $0) }
        if let option = paths.first(where: { $0.lastPathComponent.hasPrefix("-") }) {
            printError("spectest: unknown option \(option.lastPathComponent)\n\n\(Usage.text)")
            return 2
        }
        if paths.isEmpty {
            let packageRoot = SpecSuite.packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            paths = [SpecSuite.defaultRoot(packageRoot: packageRoot)]
        }
        var scripts: [SpecScriptFile] = []
        do {
            for path in paths { scripts += try SpecSuite.scripts(at: path) }
        } catch {
            printError("spectest: \(error)")
            return 2
        }
        guard !scripts.isEmpty else {
            printError("spectest: no .json scripts in \(paths.map(\.path).joined(separator: " "))")
            return 2
        }
        let total = SpecRunner(engine: RuntimeSpecEngine()).run(scripts) { script, tally in
            for line in SpecReport.fileLines(name: script.name, tally: tally) { print(line) }
        }
        for line in SpecReport.summaryLines(total: total, verbose: verbose) { print(line) }
        return total.counts.failed == 0 ? 0 : 1
    }
}
