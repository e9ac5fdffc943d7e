import Foundation
import XCTest
@testable import WasmCore

/// Runs decoder + validator over the official testsuite's core-2.0 JSON scripts: every binary
/// module that must be valid validates, and every binary `assert_invalid` module decodes and is
/// rejected with a `ValidationError` whose message starts with the expected text.
final class ValidatorSpecTests: XCTestCase {
    private struct Counts {
        var valid = 0, validRejected = 0
        var invalidRejected = 0, invalidAccepted = 0, invalidMessageMatched = 0
    }

    func testCore20Validation() throws {
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
                switch type {
                case "module", "assert_unlinkable", "assert_uninstantiable":
                    do {
                        try Module(binary: bytes).validate()
                        counts.valid += 1
                    } catch {
                        counts.validRejected += 1
                        failures.append("\(location) \(type): \(error)")
                    }
                case "assert_invalid":
                    let expected = command["text"] as? String ?? ""
                    do {
                        let module = try Module(binary: bytes)
                        try module.validate()
                        counts.invalidAccepted += 1
                        failures.append("\(location) assert_invalid accepted, expected \"\(expected)\"")
                    } catch let error as ValidationError {
                        counts.invalidRejected += 1
                        if error.message.hasPrefix(expected) {
                            counts.invalidMessageMatched += 1
                        } else {
                            messageMismatches.append("\(location): expected \"\(expected)\", got \"\(error.message)\"")
                        }
                    } catch {
                        counts.invalidAccepted += 1
                        failures.append("\(location) assert_invalid: not a ValidationError: \(error)")
                    }
                default:
                    continue
                }
            }
        }

        print("""
            ValidatorSpecTests core-2.0: modules valid \(counts.valid), rejected \(counts.validRejected); \
            assert_invalid rejected \(counts.invalidRejected) (message prefix matched \(counts.invalidMessageMatched)), \
            accepted \(counts.invalidAccepted)
            """)
        for line in messageMismatches { print("  message mismatch: \(line)") }
        XCTAssertGreaterThan(counts.valid, 1000, "the testsuite holds over a thousand valid binary modules")
        XCTAssertGreaterThan(counts.invalidRejected, 1400)
        XCTAssertEqual(failures, [])
        XCTAssertEqual(messageMismatches, [])
    }

    private func scripts(under root: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
            .sorted { $0.path < $1.path }
    }
}
