// `wasm-run bench-decode [-n N] PATH`: the throughput of decoding (§5) plus validation (§3).
// Reads every .wasm under PATH into memory, keeps the valid ones (rejected modules stop early
// and would distort the rate), then times 5 runs of N passes over them and prints the median.

import Foundation
import WasmCore

enum BenchDecodeCommand {
    static let runs = 5

    /// Exit status: 0, or 2 on a usage error or when PATH holds no valid module.
    static func run(_ arguments: [String]) -> Int32 {
        var passes = 100
        var rest = arguments[...]
        if rest.first == "-n" {
            guard rest.count >= 2, let n = Int(rest[rest.startIndex + 1]), n > 0 else {
                printError("usage: wasm-run bench-decode [-n N] PATH")
                return 2
            }
            passes = n
            rest = rest.dropFirst(2)
        }
        guard rest.count == 1, let path = rest.first else {
            printError("usage: wasm-run bench-decode [-n N] PATH")
            return 2
        }
        let files = wasmFiles(at: URL(fileURLWithPath: path))
        var modules: [[UInt8]] = []
        for file in files {
            guard let bytes = try? readBytes(file.path) else { continue }
            if case .valid = ModuleCheck(bytes) { modules.append(bytes) }
        }
        guard !modules.isEmpty else {
            printError("bench-decode: no valid .wasm module under \(path)")
            return 2
        }
        let bytesPerPass = modules.reduce(0) { $0 + $1.count }
        let megabytes = Double(bytesPerPass * passes) / 1_000_000
        print("bench-decode: \(modules.count) valid modules of \(files.count) .wasm files, "
            + "\(bytesPerPass) bytes per pass, \(passes) passes per run = \(format(megabytes)) MB per run")
        var rates: [Double] = []
        var checksum = 0
        for run in 1...runs {
            let start = ContinuousClock.now
            for _ in 0..<passes {
                for bytes in modules {
                    // Every module here decoded and validated before; a failure now is impossible.
                    guard let module = try? Module(binary: bytes), (try? module.validate()) != nil else { continue }
                    checksum &+= module.codes.count
                }
            }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            rates.append(megabytes / seconds)
            print("  run \(run): \(format(seconds * 1000)) ms, \(format(megabytes / seconds)) MB/s")
        }
        let median = rates.sorted()[runs / 2]
        print("bench-decode: median \(format(median)) MB/s over \(runs) runs (checksum \(checksum))")
        return 0
    }

    /// Every .wasm file at or below `url`, sorted by path.
    static func wasmFiles(at url: URL) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue, let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else {
            return url.pathExtension == "wasm" ? [url] : []
        }
        var files: [URL] = []
        for case let file as URL in enumerator where file.pathExtension == "wasm" { files.append(file) }
        return files.sorted { $0.path < $1.path }
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
