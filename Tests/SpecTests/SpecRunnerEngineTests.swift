// The spec runner's engine hooks, driven with a scripted engine: which engine outcome passes or
// fails which command, and that the engine sees the calls a script implies.

import Foundation
import XCTest
import WasmCore
@testable import wasm_run

/// An engine whose answers are set by the test; it records the calls it gets.
private final class ScriptedEngine: SpecEngine {
    var calls: [String] = []
    var instantiateError: SpecEngineError?
    var invokeResults: [String: Result<[SpecValue], SpecEngineError>] = [:]

    func beginScript() { calls.append("begin") }

    func instantiate(_ module: Module, name: String?) throws(SpecEngineError) {
        calls.append("instantiate \(name ?? "-")")
        if let instantiateError { throw instantiateError }
    }

    func register(name: String?, as alias: String) throws(SpecEngineError) {
        calls.append("register \(name ?? "-") as \(alias)")
    }

    func invoke(module: String?, field: String, arguments: [SpecValue]) throws(SpecEngineError) -> [SpecValue] {
        calls.append("invoke \(field) \(arguments)")
        guard let result = invokeResults[field] else { throw .other("no export \(field)") }
        return try result.get()
    }

    func get(module: String?, field: String) throws(SpecEngineError) -> SpecValue {
        calls.append("get \(module ?? "-").\(field)")
        return .i64(7)
    }
}

final class SpecRunnerEngineTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("spec-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The smallest valid module: magic and version (§5.5.16), no sections.
        try Data([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]).write(to: directory.appendingPathComponent("empty.wasm"))
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    private func run(_ commands: [String], engine: SpecEngine?) throws -> SpecTally {
        let script = #"{"source_filename": "test.wast", "commands": [\#(commands.joined(separator: ",\n"))]}"#
        let url = directory.appendingPathComponent("test.json")
        try Data(script.utf8).write(to: url)
        return SpecRunner(engine: engine).run(scriptAt: url)
    }

    private let module = #"{"type": "module", "line": 1, "name": "M", "filename": "empty.wasm", "module_type": "binary"}"#
    private func invoke(_ type: String, line: Int, _ field: String, _ extra: String = "") -> String {
        #"{"type": "\#(type)", "line": \#(line), "action": {"type": "invoke", "field": "\#(field)", "args": [{"type": "i32", "value": "-3"}]}\#(extra)}"#
    }

    func testWithoutEngineExecutionIsSkipped() throws {
        let tally = try run([module, invoke("assert_return", line: 2, "f", #", "expected": []"#)], engine: nil)
        XCTAssertEqual(tally.counts, SpecCounts(passed: 1, failed: 0, skipped: 1))
        XCTAssertEqual(tally.skipsByReason, [SkipReason.needsInterpreter: 1])
    }

    func testEngineOutcomesAreCompared() throws {
        let engine = ScriptedEngine()
        engine.invokeResults = [
            "two": .success([.i32(2)]),
            "nan": .success([.f32(bits: 0xFFC0_0000)]),
            "div": .failure(.trap("integer divide by zero")),
            "deep": .failure(.exhaustion("call stack exhausted")),
        ]
        let tally = try run([
            module,
            #"{"type": "register", "line": 2, "name": "M", "as": "reg"}"#,
            invoke("assert_return", line: 3, "two", #", "expected": [{"type": "i32", "value": "2"}]"#),
            invoke("assert_return", line: 4, "two", #", "expected": [{"type": "i32", "value": "3"}]"#),
            invoke("assert_return", line: 5, "nan", #", "expected": [{"type": "f32", "value": "nan:canonical"}]"#),
            invoke("assert_trap", line: 6, "div", #", "text": "integer divide by zero""#),
            invoke("assert_trap", line: 7, "two", #", "text": "unreachable""#),
            invoke("assert_exhaustion", line: 8, "deep", #", "text": "call stack exhausted""#),
            invoke("assert_trap", line: 9, "deep", #", "text": "call stack exhausted""#),
            invoke("action", line: 10, "missing"),
            #"{"type": "action", "line": 11, "action": {"type": "get", "module": "M", "field": "g"}}"#,
        ], engine: engine)
        XCTAssertEqual(tally.counts, SpecCounts(passed: 7, failed: 4, skipped: 0))
        XCTAssertEqual(tally.failures.map(\.location), ["test.wast:4", "test.wast:7", "test.wast:9", "test.wast:10"])
        XCTAssertEqual(engine.calls.prefix(3), ["begin", "instantiate M", "register M as reg"])
        XCTAssertEqual(engine.calls[3], "invoke two [i32:-3]")
        XCTAssertEqual(engine.calls.last, "get M.g")
    }

    func testLinkAndInstantiationFailures() throws {
        let engine = ScriptedEngine()
        engine.instantiateError = .unlinkable("unknown import")
        let unlinkable = #"{"type": "assert_unlinkable", "line": 2, "filename": "empty.wasm", "module_type": "binary", "text": "incompatible import type"}"#
        let uninstantiable = #"{"type": "assert_uninstantiable", "line": 3, "filename": "empty.wasm", "module_type": "binary", "text": "unreachable"}"#
        let tally = try run([unlinkable, uninstantiable], engine: engine)
        XCTAssertEqual(tally.counts, SpecCounts(passed: 1, failed: 1, skipped: 0), "a link failure is not a trap")
        XCTAssertEqual(tally.messageMismatches.map(\.location), ["test.wast:2"], "message differs but still passes")
    }

    func testTextModulesAreSkippedAndMissingFilesFail() throws {
        let tally = try run([
            #"{"type": "assert_malformed", "line": 1, "filename": "x.wat", "module_type": "text", "text": "unknown operator"}"#,
            #"{"type": "module", "line": 2, "filename": "x.wat", "module_type": "text", "binary_filename": "empty.wasm"}"#,
            #"{"type": "assert_invalid", "line": 3, "filename": "absent.wasm", "module_type": "binary", "text": "type mismatch"}"#,
        ], engine: nil)
        XCTAssertEqual(tally.counts, SpecCounts(passed: 1, failed: 1, skipped: 1))
        XCTAssertEqual(tally.skipsByReason, [SkipReason.textFormat: 1])
    }
}
