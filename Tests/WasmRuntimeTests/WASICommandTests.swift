// WASI commands end to end: the C program tests-c/wasi_demo.c (compiled by emcc to
// build/wasi-tests/wasi_demo.wasm by `make wasi-test-programs`, which `make test` runs
// first; built here when missing) run under the wasm-run binary and through the API, and
// wasm-run's handling of bad input, traps and --invoke.

import Foundation
import WasmCore
import WasmRuntime
import XCTest

final class WASICommandTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// What wasi_demo prints for `wasi_demo 7 extra` with the sandbox of `makeSandbox`.
    static let expectedDemoOutput = """
        hello from wasm: argc=3 argv[1]=7 argv[2]=extra
        GREETING=hi
        preopen 3: /data
        read input.txt: 18 bytes: line one|line two|
        inside (link to input.txt), followed: 18 bytes
        inside, not followed: -32
        wrote output.txt: 18 bytes
        seek/tell: 5 5
        filestat output.txt: size 18 type 4
        mkdir made: 0
        wrote made/draft.txt: 5 bytes
        seek/tell: 5 5
        rename: 0
        wrote doomed.txt: 1 bytes
        seek/tell: 5 5
        unlink: 0, then open: 44
        listing: escape input.txt inside made output.txt
        open ../outside/secret.txt: 76
        open /etc/passwd: 76
        open made/../../outside/secret.txt: 76
        open escape/secret.txt (link out): 76
        stat escape, followed: 76
        exit 7

        """

    func testDemoProgramUnderWasmRun() throws {
        let root = try makeSandbox()
        defer { root.remove() }
        let result = try runWasmRun(["--dir", root.path + "/sandbox:/data", "--env", "GREETING=hi", try demoProgram(), "7", "extra"])
        XCTAssertEqual(result.output, Self.expectedDemoOutput)
        XCTAssertEqual(result.errors, "")
        XCTAssertEqual(result.status, 7, "proc_exit's code is the exit status")
        try checkSandboxAfterDemo(root)
    }

    func testDemoProgramThroughTheAPI() throws {
        let root = try makeSandbox()
        defer { root.remove() }
        let outputPath = root.path + "/stdout.txt"
        let output = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        XCTAssertGreaterThanOrEqual(output, 0)
        let wasi = try WASI(WASIConfiguration(arguments: ["wasi_demo", "7", "extra"], environment: [("GREETING", "hi")],
                                              preopens: [(root.path + "/sandbox", "/data")], stdout: output))
        let store = Store()
        var imports = Imports()
        wasi.define(in: &imports, store: store)
        let module = try ValidatedModule(binary: [UInt8](Data(contentsOf: URL(fileURLWithPath: try demoProgram()))))
        XCTAssertEqual(try wasi.runCommand(store.instantiate(module, imports: imports)), 7)
        close(output)
        XCTAssertEqual(root.contents("stdout.txt"), Self.expectedDemoOutput)
        try checkSandboxAfterDemo(root)
    }

    func testCommandReturningFromStartExitsWithZero() throws {
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        builder.exportFunction("_start", builder.function(FuncType([], []), []))
        let file = try writeModule(builder.build())
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try runWasmRun([file])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.output, "")
    }

    func testBadInputGivesOneLineAndNonZeroStatus() throws {
        var importing = ModuleBuilder()
        importing.importFunction("env", "missing", FuncType([], []))
        importing.exportFunction("_start", importing.function(FuncType([], []), []))
        var mistyped = ModuleBuilder()
        mistyped.exportFunction("_start", mistyped.function(FuncType([], [.i32]), []))  // no result on the stack
        var adding = ModuleBuilder()
        adding.exportFunction("add", adding.function(FuncType([.i32, .i64], [.i64]), Op.localGet(1)))
        let notWasm = try writeModule(Array("not a module".utf8))
        let truncated = try writeModule([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00])
        let invalid = try writeModule(mistyped.build())
        let unlinkable = try writeModule(importing.build())
        let add = try writeModule(adding.build())
        defer { for file in [notWasm, truncated, invalid, unlinkable, add] { try? FileManager.default.removeItem(atPath: file) } }

        let cases: [([String], String)] = [
            (["/nonexistent/program.wasm"], "no such file"),
            ([notWasm], "magic header not detected"),
            ([truncated], "malformed module"),
            ([invalid], "invalid module"),
            ([unlinkable], "unknown import"),
            (["--dir", "/nonexistent/dir", add], "/nonexistent/dir"),
            ([add], "_start"),
            (["--invoke", "sub", add, "1", "2"], "no exported function named 'sub'"),
            (["--invoke", "add", add, "1"], "add takes 2 arguments (i32 i64), got 1"),
            (["--invoke", "add", add, "1", "x"], "argument 2 of add: 'x' is not an i64"),
            (["--invoke", "add", add, "1", "2.5"], "is not an i64"),
            (["--invoke", "add", add, "99999999999", "2"], "is not an i32"),
            (["--env", "NOEQUALS", add], "NAME=VALUE"),
            (["--env", "A=1", "--frobnicate", add], "unknown option --frobnicate"),
        ]
        for (arguments, message) in cases {
            let result = try runWasmRun(arguments)
            XCTAssertNotEqual(result.status, 0, "\(arguments)")
            XCTAssertEqual(result.output, "", "\(arguments)")
            XCTAssertEqual(result.errors.split(separator: "\n").count, 1, "one line for \(arguments): \(result.errors)")
            XCTAssertTrue(result.errors.contains(message), "\(arguments): \(result.errors)")
        }
    }

    func testTrapPrintsMessageAndBacktrace() throws {
        let file = try writeDivisionModule(dividend: 1)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let trapped = try runWasmRun(["--invoke", "outer", file, "0"])
        XCTAssertEqual(trapped.status, 134)
        XCTAssertEqual(trapped.output, "")
        let lines = trapped.errors.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "wasm-run: trap: integer divide by zero")
        XCTAssertEqual(lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }, ["0: divide_by_it", "1: outer"])
        let fine = try runWasmRun(["--invoke", "outer", file, "-1"])
        XCTAssertEqual(fine.status, 0)
        XCTAssertEqual(fine.output, "-1\n")
    }

    func testProfilePrintsTheReportAfterTheResults() throws {
        let file = try writeDivisionModule(dividend: 100)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let profiled = try runWasmRun(["--profile", "--invoke", "outer", file, "4"])
        XCTAssertEqual(profiled.status, 0)
        XCTAssertEqual(profiled.output, "25\n")
        let report = profiled.errors
        XCTAssertTrue(report.hasPrefix("profile: "), report)
        XCTAssertTrue(report.contains("instructions by opcode:"), report)
        XCTAssertTrue(report.contains("i32DivS"), report)
        // Each function ran once; the report names them.
        for name in ["outer", "divide_by_it"] {
            XCTAssertTrue(report.split(separator: "\n").contains { $0.hasSuffix("  \(name)") && $0.contains(" 1 ") }, report)
        }
        // A trap still prints the profile after the trap message.
        let trapped = try runWasmRun(["--profile", "--invoke", "outer", file, "0"])
        XCTAssertEqual(trapped.status, 134)
        XCTAssertTrue(trapped.errors.hasPrefix("wasm-run: trap: integer divide by zero"), trapped.errors)
        XCTAssertTrue(trapped.errors.contains("profile: "), trapped.errors)
    }

    func testInvokeParsesArgumentsByTypeAndPrintsResults() throws {
        var builder = ModuleBuilder()
        // swap(i64, f32, f64) -> (f64, f32, i64), and a function with no result.
        builder.exportFunction("swap", builder.function(FuncType([.i64, .f32, .f64], [.f64, .f32, .i64]),
                                                         Op.localGet(2), Op.localGet(1), Op.localGet(0)))
        builder.exportFunction("nothing", builder.function(FuncType([], []), []))
        builder.exportFunction("u32", builder.function(FuncType([.i32], [.i32]), Op.localGet(0)))
        let file = try writeModule(builder.build())
        defer { try? FileManager.default.removeItem(atPath: file) }
        let swap = try runWasmRun(["--invoke", "swap", file, "-9223372036854775808", "1.5", "-0.25"])
        XCTAssertEqual(swap.output, "-0.25\n1.5\n-9223372036854775808\n")
        XCTAssertEqual(swap.status, 0)
        XCTAssertEqual(try runWasmRun(["--invoke", "swap", file, "1", "inf", "nan"]).output, "nan\ninf\n1\n")
        XCTAssertEqual(try runWasmRun(["--invoke", "nothing", file]).output, "")
        XCTAssertEqual(try runWasmRun(["--invoke", "u32", file, "4294967295"]).output, "-1\n", "unsigned input, signed output")
    }

    // MARK: Helpers

    /// A temporary tree: sandbox/ (the preopen) with input.txt and the links inside -> input.txt
    /// and escape -> ../outside; outside/secret.txt beside it.
    private func makeSandbox() throws -> TemporaryDirectory {
        let root = try TemporaryDirectory()
        try root.file("sandbox/input.txt", "line one\nline two\n")
        try root.file("outside/secret.txt", "secret")
        try root.symlink("sandbox/inside", to: "input.txt")
        try root.symlink("sandbox/escape", to: "../outside")
        return root
    }

    private func checkSandboxAfterDemo(_ root: TemporaryDirectory) throws {
        XCTAssertEqual(root.contents("sandbox/output.txt"), "LINE ONE\nLINE TWO\n")
        XCTAssertEqual(root.contents("sandbox/made/final.txt"), "draft")
        XCTAssertFalse(root.exists("sandbox/made/draft.txt"))
        XCTAssertFalse(root.exists("sandbox/doomed.txt"))
        XCTAssertEqual(root.contents("outside/secret.txt"), "secret")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path + "/outside"), ["secret.txt"])
    }

    /// build/wasi-tests/wasi_demo.wasm, built with make when it is missing.
    private func demoProgram() throws -> String {
        let path = Self.packageRoot.path + "/build/wasi-tests/wasi_demo.wasm"
        if !FileManager.default.fileExists(atPath: path) {
            let make = Process()
            make.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            make.arguments = ["make", "-C", Self.packageRoot.path, "wasi-test-programs"]
            try make.run()
            make.waitUntilExit()
            XCTAssertEqual(make.terminationStatus, 0, "make wasi-test-programs failed")
        }
        return path
    }

    /// The wasm-run executable, which swift test builds beside the test bundle.
    private func wasmRunPath() throws -> String {
        var directory = Bundle(for: Self.self).bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let path = directory.appendingPathComponent("wasm-run").path
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: path), "wasm-run is not built beside the tests: \(path)")
        return path
    }

    private func runWasmRun(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try wasmRunPath())
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Outputs are small (far below a pipe's buffer): read them after the exit.
        process.waitUntilExit()
        return (process.terminationStatus,
                String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    /// A module whose "outer"(x) calls "divide_by_it"(x) = `dividend` / x (traps for x = 0).
    private func writeDivisionModule(dividend: Int32) throws -> String {
        var builder = ModuleBuilder()
        let inner = builder.function(FuncType([.i32], [.i32]), name: "divide_by_it", Op.i32Const(dividend), Op.localGet(0), Op.i32DivS)
        builder.exportFunction("outer", builder.function(FuncType([.i32], [.i32]), name: "outer", Op.localGet(0), Op.call(inner)))
        return try writeModule(builder.build())
    }

    private func writeModule(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "wasi-command-test-" + UUID().uuidString + ".wasm"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
