// The host provides exactly what redis.wasm imports, and the Emscripten setjmp/longjmp
// trampolines behave as Emscripten's runtime does: tested on redis.wasm itself and on a small
// hand-assembled module where every step (stack pointer, setThrew, nesting, traps) is visible.

@testable import RedisHost
import WasmCore
import WasmRuntime
import XCTest

final class RedisImportTests: XCTestCase {
    /// What `make redis-wasm` builds import, with their types. A rebuilt module that imports
    /// anything else fails here first: the host must provide it (and this list be updated).
    private static let expectedImports = [
        "env.invoke_vii [i32 i32 i32] -> []",
        "env._emscripten_throw_longjmp [] -> []",
        "wasi_snapshot_preview1.clock_time_get [i32 i64 i32] -> [i32]",
        "wasi_snapshot_preview1.proc_exit [i32] -> []",
        "wasi_snapshot_preview1.environ_sizes_get [i32 i32] -> [i32]",
        "wasi_snapshot_preview1.environ_get [i32 i32] -> [i32]",
        "wasi_snapshot_preview1.fd_close [i32] -> [i32]",
        "wasi_snapshot_preview1.fd_write [i32 i32 i32 i32] -> [i32]",
        "wasi_snapshot_preview1.fd_read [i32 i32 i32 i32] -> [i32]",
        "wasi_snapshot_preview1.fd_sync [i32] -> [i32]",
        "wasi_snapshot_preview1.fd_fdstat_get [i32 i32] -> [i32]",
        "wasi_snapshot_preview1.fd_seek [i32 i64 i32 i32] -> [i32]",
        // the data directory (wasm/files.c)
        "wasi_snapshot_preview1.fd_prestat_get [i32 i32] -> [i32]",
        "wasi_snapshot_preview1.fd_prestat_dir_name [i32 i32 i32] -> [i32]",
        "wasi_snapshot_preview1.fd_filestat_get [i32 i32] -> [i32]",
        "wasi_snapshot_preview1.fd_filestat_set_size [i32 i64] -> [i32]",
        "wasi_snapshot_preview1.path_open [i32 i32 i32 i32 i32 i64 i64 i32 i32] -> [i32]",
        "wasi_snapshot_preview1.path_filestat_get [i32 i32 i32 i32 i32] -> [i32]",
        "wasi_snapshot_preview1.path_create_directory [i32 i32 i32] -> [i32]",
        "wasi_snapshot_preview1.path_unlink_file [i32 i32 i32] -> [i32]",
        "wasi_snapshot_preview1.path_rename [i32 i32 i32 i32 i32 i32] -> [i32]",
    ]

    func testRedisWasmImportsExactlyWhatTheHostProvides() throws {
        let module = try RedisModuleCache.module(atPath: RedisOptions().resolvedWasmModulePath()).module
        let imports = module.imports.map { entry -> String in
            guard case .function(let typeIndex) = entry.descriptor else { return "\(entry.module).\(entry.name) (not a function)" }
            return "\(entry.module).\(entry.name) \(module.types[Int(typeIndex)])"
        }
        XCTAssertEqual(imports.sorted(), Self.expectedImports.sorted())

        // Every one resolves to a host function of the declared type.
        let store = Store()
        let host = try RedisImports(for: module, store: store, wasi: WASIConfiguration())
        for entry in module.imports {
            guard case .function(let typeIndex) = entry.descriptor,
                  case .function(let function)? = host.imports.lookup(module: entry.module, name: entry.name) else {
                XCTFail("\(entry.module).\(entry.name) is not provided")
                continue
            }
            XCTAssertEqual(function.type, module.types[Int(typeIndex)], "\(entry.module).\(entry.name)")
        }
    }

    func testAnImportTheHostLacksIsNamedAtStartUp() throws {
        var builder = TinyModule()
        builder.importFunction("env", "emscripten_resize_heap", [.i32], [.i32])
        builder.importFunction("wasi_snapshot_preview1", "fd_write", [.i32, .i32, .i32, .i32], [.i32])
        builder.importFunction("wasi_snapshot_preview1", "no_such_call", [], [])
        let module = try ValidatedModule(binary: builder.bytes()).module
        XCTAssertThrowsError(try RedisImports(for: module, store: Store(), wasi: WASIConfiguration())) { error in
            guard case RedisError.unsupportedImports(let names) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(names, ["env.emscripten_resize_heap", "wasi_snapshot_preview1.no_such_call"])
        }
    }

    // MARK: The trampolines, on a module of their own

    /// A module shaped like Emscripten's output: a stack pointer global behind
    /// stackSave/stackRestore, a `threw` flag behind setThrew, and `target(a, b)` in the
    /// table, called through `env.invoke_iii` (a signature redis.wasm does not use, so the
    /// trampoline's type comes from the import). `target` lowers the stack pointer by 16 like
    /// a C prologue, then: a = 0 longjmps, a = -1 traps, a = 2 returns 100 + a nested
    /// invoke_iii(target, 0, b); otherwise it returns a + b; its epilogue restores the
    /// stack pointer (skipped by a longjmp or a trap).
    private func setjmpModule() throws -> (instance: Instance, run: Function, threw: Function, stackSave: Function) {
        var m = TinyModule()
        let invoke = m.importFunction("env", "invoke_iii", [.i32, .i32, .i32], [.i32])
        let throwLongjmp = m.importFunction("env", "_emscripten_throw_longjmp", [], [])
        m.global(initial: 1000)  // 0: stack pointer
        m.global(initial: 0)     // 1: threw
        let stackSave = m.function([], [.i32], body: [0x23, 0])                               // global.get 0
        let stackRestore = m.function([.i32], [], body: [0x20, 0, 0x24, 0])                 // local.get 0; global.set 0
        let setThrew = m.function([.i32, .i32], [], body: [0x20, 0, 0x24, 1])               // threw = a
        let target = m.function([.i32, .i32], [.i32], locals: 1, body: [
            0x23, 0, 0x41, 16, 0x6B, 0x24, 0,                              // sp -= 16
            0x20, 0, 0x45, 0x04, 0x40, 0x10, throwLongjmp, 0x0B,           // if a == 0: throw longjmp
            0x20, 0, 0x41, 0x7F, 0x46, 0x04, 0x40, 0x00, 0x0B,             // if a == -1: unreachable
            0x20, 0, 0x41, 2, 0x46, 0x04, 0x7F,                            // if a == 2
            0x41, 1, 0x41, 0, 0x20, 1, 0x10, invoke, 0x41, 0xE4, 0x00, 0x6A, //   invoke_iii(1, 0, b) + 100
            0x05, 0x20, 0, 0x20, 1, 0x6A, 0x0B,                            // else a + b
            0x21, 2,                                                       // result -> local 2
            0x23, 0, 0x41, 16, 0x6A, 0x24, 0,                              // sp += 16
            0x20, 2,
        ])
        let run = m.function([.i32, .i32, .i32], [.i32], body: [0x20, 0, 0x20, 1, 0x20, 2, 0x10, invoke])
        let threw = m.function([], [.i32], body: [0x23, 1])
        m.table(size: 2, element: target, at: 1)
        m.exportTable("__indirect_function_table")
        m.exportFunction("stackSave", stackSave)
        m.exportFunction("stackRestore", stackRestore)
        m.exportFunction("setThrew", setThrew)
        m.exportFunction("run", run)
        m.exportFunction("threw", threw)

        let module = try ValidatedModule(binary: m.bytes())
        let store = Store()
        let host = try RedisImports(for: module.module, store: store, wasi: WASIConfiguration())
        let instance = try store.instantiate(module, imports: host.imports)
        try EmscriptenSetjmp.checkExports(of: instance)
        return (instance, instance.function("run")!, instance.function("threw")!, instance.function("stackSave")!)
    }

    func testTrampolineCallsThroughTheTable() throws {
        let (_, run, threw, stackSave) = try setjmpModule()
        XCTAssertEqual(try run(.i32(1), .i32(3), .i32(4)), [.i32(7)])
        XCTAssertEqual(try threw(), [.i32(0)])
        XCTAssertEqual(try stackSave(), [.i32(1000)])
    }

    func testLongjmpRestoresTheStackThenSetsThrew() throws {
        let (_, run, threw, stackSave) = try setjmpModule()
        XCTAssertEqual(try run(.i32(1), .i32(0), .i32(7)), [.i32(0)], "the trampoline returns zeros after a longjmp")
        XCTAssertEqual(try threw(), [.i32(1)])
        XCTAssertEqual(try stackSave(), [.i32(1000)], "the frame the longjmp skipped is off the C stack")
    }

    func testNestedTrampolinesCatchTheInnermostLongjmp() throws {
        let (_, run, threw, stackSave) = try setjmpModule()
        XCTAssertEqual(try run(.i32(1), .i32(2), .i32(5)), [.i32(100)])
        XCTAssertEqual(try threw(), [.i32(1)])
        XCTAssertEqual(try stackSave(), [.i32(1000)])
    }

    func testTrapsAreNotLongjmps() throws {
        let (_, run, threw, _) = try setjmpModule()
        XCTAssertThrowsError(try run(.i32(1), Value(Int32(-1)), .i32(0))) { error in
            XCTAssertEqual((error as? Trap)?.reason, .unreachable, "\(error)")
        }
        XCTAssertEqual(try threw(), [.i32(0)])
        XCTAssertThrowsError(try run(.i32(0), .i32(1), .i32(1))) { XCTAssertEqual(($0 as? Trap)?.reason, .uninitializedElement) }
        XCTAssertThrowsError(try run(.i32(9), .i32(1), .i32(1))) { XCTAssertEqual(($0 as? Trap)?.reason, .undefinedElement) }
    }
}

/// Just enough of the binary format (spec §5) to assemble the test modules above: one
/// function type per function, i32 mutable globals, one funcref table.
private struct TinyModule {
    private var types: [[UInt8]] = []
    private var imports: [[UInt8]] = []
    private var importCount = 0
    private var functions: [UInt8] = []
    private var bodies: [[UInt8]] = []
    private var globals: [[UInt8]] = []
    private var exports: [[UInt8]] = []
    private var table: (size: UInt8, element: UInt8, offset: UInt8)?

    @discardableResult
    mutating func importFunction(_ module: String, _ name: String, _ parameters: [ValueType], _ results: [ValueType]) -> UInt8 {
        imports.append(Self.name(module) + Self.name(name) + [0x00, type(parameters, results)])
        importCount += 1
        return UInt8(importCount - 1)
    }

    mutating func function(_ parameters: [ValueType], _ results: [ValueType], locals: UInt8 = 0, body: [UInt8]) -> UInt8 {
        functions.append(type(parameters, results))
        let localDeclarations: [UInt8] = locals == 0 ? [0] : [1, locals, ValueType.i32.rawValue]
        let code = localDeclarations + body + [0x0B]
        bodies.append([UInt8(code.count)] + code)
        return UInt8(importCount + bodies.count - 1)
    }

    mutating func global(initial: Int16) {
        globals.append([ValueType.i32.rawValue, 0x01, 0x41] + Self.sleb(Int(initial)) + [0x0B])
    }

    mutating func table(size: UInt8, element: UInt8, at offset: UInt8) {
        table = (size, element, offset)
    }

    mutating func exportFunction(_ name: String, _ index: UInt8) { exports.append(Self.name(name) + [0x00, index]) }
    mutating func exportTable(_ name: String) { exports.append(Self.name(name) + [0x01, 0]) }

    func bytes() -> [UInt8] {
        var out: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]
        func section(_ id: UInt8, _ entries: [[UInt8]]) {
            guard !entries.isEmpty else { return }
            let content = [UInt8(entries.count)] + entries.flatMap { $0 }
            out += [id] + Self.uleb(content.count) + content
        }
        section(1, types)
        section(2, imports)
        section(3, functions.map { [$0] })
        if let table { section(4, [[0x70, 0x01, table.size, table.size]]) }
        section(6, globals)
        section(7, exports)
        if let table { section(9, [[0x00, 0x41, table.offset, 0x0B, 1, table.element]]) }
        section(10, bodies)
        return out
    }

    private mutating func type(_ parameters: [ValueType], _ results: [ValueType]) -> UInt8 {
        types.append([0x60, UInt8(parameters.count)] + parameters.map(\.rawValue) + [UInt8(results.count)] + results.map(\.rawValue))
        return UInt8(types.count - 1)
    }

    private static func name(_ text: String) -> [UInt8] { uleb(text.utf8.count) + Array(text.utf8) }

    private static func uleb(_ value: Int) -> [UInt8] {
        var value = value, out: [UInt8] = []
        repeat {
            let byte = UInt8(value & 0x7F)
            value >>= 7
            out.append(value == 0 ? byte : byte | 0x80)
        } while value != 0
        return out
    }

    private static func sleb(_ value: Int) -> [UInt8] {
        var value = value, out: [UInt8] = []
        while true {
            let byte = UInt8(value & 0x7F)
            value >>= 7
            if (value == 0 && byte & 0x40 == 0) || (value == -1 && byte & 0x40 != 0) { return out + [byte] }
            out.append(byte | 0x80)
        }
    }
}
