import Foundation
import XCTest
@testable import WasmCore

/// Runs the binary decoder over the official testsuite's core-2.0 JSON scripts: every binary
/// module that must be well-formed decodes, and every binary `assert_malformed` module is
/// rejected. `assert_invalid` modules should decode too (the validator rejects them).
final class DecoderSpecTests: XCTestCase {
    private struct Counts {
        var wellFormedDecoded = 0, wellFormedFailed = 0
        var malformedRejected = 0, malformedAccepted = 0, malformedMessageMatched = 0
        var invalidDecoded = 0, invalidFailed = 0
    }

    func testCore20BinaryModules() throws {
        let root = ProcessInfo.processInfo.environment["WASM_TESTSUITE"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("../shared/wasm-testsuite").standardizedFileURL.path
        let jsonRoot = URL(fileURLWithPath: root).appendingPathComponent("json/core-2.0")
        guard FileManager.default.fileExists(atPath: jsonRoot.path) else {
            throw XCTSkip("testsuite not found at \(jsonRoot.path) (set WASM_TESTSUITE)")
        }
        var counts = Counts()
        var failures: [String] = []
        var messageMismatches: [String] = []

        for scriptURL in try scripts(under: jsonRoot) {
            let script = try JSONSerialization.jsonObject(with: Data(contentsOf: scriptURL)) as? [String: Any]
            let commands = script?["commands"] as? [[String: Any]] ?? []
            let folder = scriptURL.deletingLastPathComponent()
            for command in commands {
                guard (command["module_type"] as? String ?? "binary") == "binary",
                      let filename = command["filename"] as? String else { continue }
                let type = command["type"] as? String ?? ""
                let location = "\(scriptURL.lastPathComponent):\(command["line"] as? Int ?? 0)"
                let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(filename)))
                let result = Result { () throws(DecodingError) in try Module(binary: bytes) }
                switch type {
                case "module", "assert_unlinkable", "assert_uninstantiable", "assert_trap", "assert_exhaustion":
                    if case .failure(let error) = result {
                        counts.wellFormedFailed += 1
                        failures.append("\(location) \(type): \(error)")
                    } else {
                        counts.wellFormedDecoded += 1
                    }
                case "assert_malformed":
                    switch result {
                    case .success:
                        counts.malformedAccepted += 1
                        failures.append("\(location) assert_malformed accepted, expected \"\(command["text"] ?? "")\"")
                    case .failure(let error):
                        counts.malformedRejected += 1
                        let expected = command["text"] as? String ?? ""
                        if error.message.hasPrefix(expected) {
                            counts.malformedMessageMatched += 1
                        } else {
                            messageMismatches.append("\(location): expected \"\(expected)\", got \"\(error.message)\"")
                        }
                    }
                case "assert_invalid":
                    if case .failure(let error) = result {
                        counts.invalidFailed += 1
                        messageMismatches.append("\(location) assert_invalid did not decode: \(error)")
                    } else {
                        counts.invalidDecoded += 1
                    }
                default:
                    continue
                }
            }
        }

        print("""
            DecoderSpecTests core-2.0: well-formed decoded \(counts.wellFormedDecoded), failed \(counts.wellFormedFailed); \
            assert_malformed rejected \(counts.malformedRejected) (message prefix matched \(counts.malformedMessageMatched)), \
            accepted \(counts.malformedAccepted); assert_invalid decoded \(counts.invalidDecoded), failed \(counts.invalidFailed)
            """)
        for line in messageMismatches { print("  note: \(line)") }
        XCTAssertGreaterThan(counts.wellFormedDecoded, 1000, "the testsuite holds over a thousand binary modules")
        XCTAssertGreaterThan(counts.malformedRejected, 500)
        XCTAssertEqual(failures, [])
        XCTAssertEqual(counts.invalidFailed, 0)
        XCTAssertEqual(counts.malformedMessageMatched, counts.malformedRejected, "expected messages are prefixes of ours")
    }

    private func scripts(under root: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
            .sorted { $0.path < $1.path }
    }
}
