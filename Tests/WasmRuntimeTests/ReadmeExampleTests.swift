// The embedding example of README.md, compiled and run here. The lines between the markers
// must appear verbatim in README.md (checked below), so the README cannot drift from the API.

import Foundation
import WasmCore
import WasmRuntime
import XCTest

// README example begin
/// Loads a module, gives it a host function `env.log(pointer, length)` that reads a string
/// from the module's memory, and calls two of its exports.
func runExample(wasmBytes: [UInt8]) throws -> (sum: [Value], logged: [String], trap: Trap?) {
    let module = try ValidatedModule(binary: wasmBytes)  // decode (§5) and validate (§3)
    let store = Store()                                    // or Store(limits: ...)

    var logged: [String] = []
    let logType = FuncType(parameters: [.i32, .i32], results: [])
    let log = Function(store: store, type: logType) { caller, arguments in
        let pointer = Int(arguments[0].int32!), length = Int(arguments[1].int32!)
        let bytes = try caller.memory!.read(at: pointer, count: length)
        logged.append(String(decoding: bytes, as: UTF8.self))
        return []
    }
    var imports = Imports()
    imports.define(module: "env", name: "log", .function(log))

    let instance = try store.instantiate(module, imports: imports)
    let sum = try instance.function("add")!(.i32(2), .i32(3))  // [.i32(5)]
    var trap: Trap?
    do {
        try instance.function("fail")!()
    } catch let error as Trap {
        trap = error  // error.message == "unreachable", error.backtrace == ["fail"]
    }
    return (sum, logged, trap)
}
// README example end

final class ReadmeExampleTests: XCTestCase {
    func testExampleRuns() throws {
        var builder = ModuleBuilder()
        let log = builder.importFunction("env", "log", FuncType([.i32, .i32], []))
        builder.memory(min: 1)
        builder.data(offset: 8, Array("hi from wasm".utf8))
        builder.exportFunction("add", builder.function(FuncType([.i32, .i32], [.i32]),
            Op.i32Const(8), Op.i32Const(12), Op.call(log), Op.localGet(0), Op.localGet(1), Op.i32Add))
        builder.exportFunction("fail", builder.function(FuncType([], []), Op.unreachable))
        let (sum, logged, trap) = try runExample(wasmBytes: builder.build())
        XCTAssertEqual(sum, [.i32(5)])
        XCTAssertEqual(logged, ["hi from wasm"])
        XCTAssertEqual(trap?.message, "unreachable")
        XCTAssertEqual(trap?.backtrace, ["fail"])
    }

    func testReadmeShowsTheExample() throws {
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let begin = try XCTUnwrap(source.range(of: "// README example begin\n"))
        let end = try XCTUnwrap(source.range(of: "// README example end"))
        let example = source[begin.upperBound..<end.lowerBound]
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        XCTAssertTrue(text.contains(example), "README.md must contain the example of ReadmeExampleTests.swift verbatim")
    }
}
