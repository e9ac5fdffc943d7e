// Support for the WASI tests: a guest module that lets a test call WASI functions one at a
// time with pointers into its memory, and temporary directory trees.

import Foundation
import WasmCore
import WasmRuntime
import XCTest

/// A guest that imports WASI functions and exports each under the same name as a function
/// that passes its arguments through, plus its memory (`memory`, 1 page), so a test can
/// write arguments into memory, call a WASI function as the guest would, and read results.
final class WASIHarness {
    /// The wasi_snapshot_preview1 signatures (witx), written out here independently of the
    /// implementation so that a wrong type there fails instantiation.
    static let signatures: [String: FuncType] = {
        let i32 = ValueType.i32, i64 = ValueType.i64
        return [
            "args_sizes_get": FuncType([i32, i32], [i32]),
            "args_get": FuncType([i32, i32], [i32]),
            "environ_sizes_get": FuncType([i32, i32], [i32]),
            "environ_get": FuncType([i32, i32], [i32]),
            "clock_res_get": FuncType([i32, i32], [i32]),
            "clock_time_get": FuncType([i32, i64, i32], [i32]),
            "random_get": FuncType([i32, i32], [i32]),
            "fd_write": FuncType([i32, i32, i32, i32], [i32]),
            "fd_read": FuncType([i32, i32, i32, i32], [i32]),
            "fd_pread": FuncType([i32, i32, i32, i64, i32], [i32]),
            "fd_pwrite": FuncType([i32, i32, i32, i64, i32], [i32]),
            "fd_seek": FuncType([i32, i64, i32, i32], [i32]),
            "fd_tell": FuncType([i32, i32], [i32]),
            "fd_close": FuncType([i32], [i32]),
            "fd_renumber": FuncType([i32, i32], [i32]),
            "fd_sync": FuncType([i32], [i32]),
            "fd_datasync": FuncType([i32], [i32]),
            "fd_fdstat_get": FuncType([i32, i32], [i32]),
            "fd_fdstat_set_flags": FuncType([i32, i32], [i32]),
            "fd_filestat_get": FuncType([i32, i32], [i32]),
            "fd_filestat_set_size": FuncType([i32, i64], [i32]),
            "fd_prestat_get": FuncType([i32, i32], [i32]),
            "fd_prestat_dir_name": FuncType([i32, i32, i32], [i32]),
            "fd_readdir": FuncType([i32, i32, i32, i64, i32], [i32]),
            "path_open": FuncType([i32, i32, i32, i32, i32, i64, i64, i32, i32], [i32]),
            "path_filestat_get": FuncType([i32, i32, i32, i32, i32], [i32]),
            "path_create_directory": FuncType([i32, i32, i32], [i32]),
            "path_remove_directory": FuncType([i32, i32, i32], [i32]),
            "path_unlink_file": FuncType([i32, i32, i32], [i32]),
            "path_rename": FuncType([i32, i32, i32, i32, i32, i32], [i32]),
            "path_symlink": FuncType([i32, i32, i32, i32, i32], [i32]),
            "path_readlink": FuncType([i32, i32, i32, i32, i32, i32], [i32]),
            "poll_oneoff": FuncType([i32, i32, i32, i32], [i32]),
            "sched_yield": FuncType([], [i32]),
            "proc_exit": FuncType([i32], []),
        ]
    }()

    let wasi: WASI
    let instance: Instance
    let memory: Memory

    init(_ configuration: WASIConfiguration = WASIConfiguration()) throws {
        var builder = ModuleBuilder()
        let names = WASIHarness.signatures.keys.sorted()
        for name in names { builder.importFunction(WASI.moduleName, name, WASIHarness.signatures[name]!) }
        builder.memory(min: 1)
        builder.exportMemory("memory")
        for (index, name) in names.enumerated() {
            let type = WASIHarness.signatures[name]!
            let body = (0..<UInt32(type.parameters.count)).map { Op.localGet($0) } + [Op.call(UInt32(index))]
            builder.exportFunction(name, builder.function(type, name: "call_" + name, body.flatMap { $0 }))
        }
        let store = Store()
        wasi = try WASI(configuration)
        var imports = Imports()
        wasi.define(in: &imports, store: store)
        instance = try store.instantiate(ValidatedModule(binary: builder.build()), imports: imports)
        memory = try XCTUnwrap(instance.memory("memory"))
    }

    /// Calls the WASI function `name` from the guest; returns its errno.
    @discardableResult
    func call(_ name: String, _ arguments: Value...) throws -> UInt16 {
        let results = try XCTUnwrap(instance.function(name)).call(arguments)
        guard case .i32(let errno)? = results.first else { throw EmbeddingError("\(name) returned \(results)") }
        return UInt16(errno)
    }

    /// Writes `text` (UTF-8, no NUL) at `address`; returns (address, length) as i32 values.
    @discardableResult
    func put(_ text: String, at address: UInt32) throws -> (Value, Value) {
        try memory.write(Array(text.utf8), at: Int(address))
        return (.i32(address), .i32(UInt32(text.utf8.count)))
    }

    func u32(at address: UInt32) throws -> UInt32 {
        try memory.read(at: Int(address), count: 4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    func u64(at address: UInt32) throws -> UInt64 {
        try memory.read(at: Int(address), count: 8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    func string(at address: UInt32, count: Int) throws -> String {
        String(decoding: try memory.read(at: Int(address), count: count), as: UTF8.self)
    }

    /// Opens `path` in directory descriptor `directory` with `rights`; returns (errno, fd).
    func open(_ path: String, in directory: UInt32 = 3, lookup: UInt32 = 0, oflags: UInt32 = 0,
              rights: UInt64 = WASIHarness.readRights) throws -> (errno: UInt16, fd: UInt32) {
        let (pointer, length) = try put(path, at: 1024)
        let errno = try call("path_open", .i32(directory), .i32(lookup), pointer, length, .i32(oflags),
                             .i64(rights), .i64(rights), .i32(0), .i32(900))
        return (errno, try u32(at: 900))
    }

    static let readRights: UInt64 = 1 << 1 | 1 << 2 | 1 << 14  // fd_read, fd_seek, fd_readdir
    static let writeRights: UInt64 = 1 << 6  // fd_write
}

/// WASI errno values the tests expect (witx numbering).
enum Errno {
    static let success: UInt16 = 0, badf: UInt16 = 8, exist: UInt16 = 20, fault: UInt16 = 21
    static let ilseq: UInt16 = 25, inval: UInt16 = 28, isdir: UInt16 = 31, loop: UInt16 = 32
    static let noent: UInt16 = 44, notdir: UInt16 = 54, notempty: UInt16 = 55, spipe: UInt16 = 70
    static let notcapable: UInt16 = 76
}

/// A fresh temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "wasi-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Creates a file with `contents` at `relative` (folders created as needed).
    func file(_ relative: String, _ contents: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    func symlink(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relative, withDestinationPath: target)
    }

    func contents(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/" + relative)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
