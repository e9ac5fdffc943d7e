// Runs the whole official spec testsuite (JSON form, core-2.0 by default) through the spec
// runner of wasm-run, as `wasm-run spectest` does, and checks that nothing failed and that
// every command the decoder and validator can answer was actually run.

import Foundation
import XCTest
@testable import wasm_run

final class SpecSuiteTests: XCTestCase {
    /// The package root: three levels above this file (Tests/SpecTests/…).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testSpecSuite() throws {
        let root = SpecSuite.defaultRoot(packageRoot: Self.packageRoot)
        guard FileManager.default.fileExists(atPath: root.path) else {
            print("SpecSuiteTests: spec testsuite not found at \(root.path); skipping")
            throw XCTSkip("spec testsuite not found at \(root.path)")
        }
        let scripts = try SpecSuite.scripts(at: root)
        let total = SpecRunner().run(scripts)
        for line in SpecReport.summaryLines(total: total, verbose: false) { print(line) }

        XCTAssertEqual(total.counts.failed, 0, total.failures.prefix(50).map(\.description).joined(separator: "\n"))

        // Every command the decoder and validator answer must have run and passed: compare with
        // the commands counted straight from the JSON files.
        let census = try CommandCensus(scripts: scripts)
        let byCommand = total.countsByCommand
        XCTAssertEqual(total.counts.total, census.commands, "every command is counted once")
        XCTAssertEqual(byCommand["module"]?.passed, census.binaryModules)
        XCTAssertEqual(byCommand["assert_malformed"]?.passed, census.binary["assert_malformed"])
        XCTAssertEqual(byCommand["assert_malformed"]?.skipped, census.text["assert_malformed"])
        XCTAssertEqual(byCommand["assert_invalid"]?.passed, census.binary["assert_invalid"])
        XCTAssertEqual(total.skipsByReason[SkipReason.textFormat] ?? 0, census.textOnly)
        // Without the interpreter only malformed and invalid modules produce messages: each must
        // contain the spec's expected text.
        XCTAssertEqual(total.messageMismatches.map(\.description), [])

        // The pinned core-2.0 suite's own figures (../shared/wasm-testsuite/PROVENANCE.md).
        if root.lastPathComponent == "core-2.0" {
            XCTAssertEqual(scripts.count, 148)
            XCTAssertEqual(total.counts.total, 54_006)
            XCTAssertEqual(byCommand["assert_invalid"]?.passed, 2_146)
            XCTAssertEqual(byCommand["assert_malformed"]?.passed, 719)
            XCTAssertEqual(byCommand["module"]?.passed, 1_599)
        }
    }

    /// The whole suite with the interpreter, SIMD scripts included: nothing fails, and the
    /// only commands skipped are those with nothing but a text-format module.
    func testSpecSuiteWithTheInterpreter() throws {
        let root = SpecSuite.defaultRoot(packageRoot: Self.packageRoot)
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw XCTSkip("spec testsuite not found at \(root.path)")
        }
        let scripts = try SpecSuite.scripts(at: root)
        let total = SpecRunner(engine: RuntimeSpecEngine()).run(scripts)
        XCTAssertEqual(total.counts.failed, 0, total.failures.prefix(50).map(\.description).joined(separator: "\n"))
        let census = try CommandCensus(scripts: scripts)
        XCTAssertEqual(total.skipsByReason, [SkipReason.textFormat: census.textOnly])
        if root.lastPathComponent == "core-2.0" {
            XCTAssertEqual(total.counts, SpecCounts(passed: 52_915, failed: 0, skipped: 1_091))
        }
    }
}

/// Command counts read from the scripts with JSONSerialization, independently of the runner's
/// Codable model.
private struct CommandCensus {
    var commands = 0
    /// Commands with a binary module (text `module`s with a `binary_filename` included).
    var binaryModules = 0
    var binary: [String: Int] = [:]
    var text: [String: Int] = [:]
    /// Commands that only have a text module.
    var textOnly = 0

    init(scripts: [SpecScriptFile]) throws {
        for script in scripts {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: script.url)) as? [String: Any]
            for command in json?["commands"] as? [[String: Any]] ?? [] {
                commands += 1
                guard let type = command["type"] as? String, let moduleType = command["module_type"] as? String else { continue }
                let hasBinary = moduleType == "binary" || command["binary_filename"] != nil
                if hasBinary { binary[type, default: 0] += 1 } else { text[type, default: 0] += 1; textOnly += 1 }
                if type == "module", hasBinary { binaryModules += 1 }
            }
        }
    }
}
