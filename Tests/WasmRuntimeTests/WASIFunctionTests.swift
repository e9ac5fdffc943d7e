// WASI functions one by one, called from a guest (WASIHarness): arguments and environment,
// clocks, random bytes, standard streams, descriptors, directory listing, poll_oneoff,
// proc_exit, and bad pointers answered with `fault`.

import Foundation
import WasmCore
import WasmRuntime
import XCTest

final class WASIFunctionTests: XCTestCase {
    func testArgumentsAndEnvironment() throws {
        let harness = try WASIHarness(WASIConfiguration(arguments: ["prog", "a b", "ünï"], environment: [("HOME", "/x"), ("EMPTY", "")]))
        XCTAssertEqual(try harness.call("args_sizes_get", .i32(100), .i32(104)), Errno.success)
        XCTAssertEqual(try harness.u32(at: 100), 3)
        XCTAssertEqual(try harness.u32(at: 104), UInt32("prog".utf8.count + "a b".utf8.count + "ünï".utf8.count + 3))
        XCTAssertEqual(try harness.call("args_get", .i32(200), .i32(300)), Errno.success)
        var strings: [String] = []
        for index in 0..<3 {
            let pointer = try harness.u32(at: 200 + UInt32(index) * 4)
            let bytes = try harness.memory.read(at: Int(pointer), count: 32)
            strings.append(String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self))
        }
        XCTAssertEqual(strings, ["prog", "a b", "ünï"])
        XCTAssertEqual(try harness.u32(at: 200), 300, "strings start at the buffer")

        XCTAssertEqual(try harness.call("environ_sizes_get", .i32(100), .i32(104)), Errno.success)
        XCTAssertEqual(try harness.u32(at: 100), 2)
        XCTAssertEqual(try harness.u32(at: 104), UInt32("HOME=/x\0EMPTY=\0".utf8.count))
        XCTAssertEqual(try harness.call("environ_get", .i32(200), .i32(300)), Errno.success)
        XCTAssertEqual(try harness.string(at: 300, count: 15), "HOME=/x\0EMPTY=\0")
        XCTAssertEqual(try harness.u32(at: 204), 308)

        XCTAssertEqual(try harness.call("args_get", .i32(65534), .i32(300)), Errno.fault, "pointer array past the end")
        XCTAssertEqual(try harness.call("environ_get", .i32(200), .i32(65530)), Errno.fault, "strings past the end")
    }

    func testClocks() throws {
        let harness = try WASIHarness()
        var before = timespec()
        clock_gettime(CLOCK_REALTIME, &before)
        XCTAssertEqual(try harness.call("clock_time_get", .i32(0), .i64(1), .i32(64)), Errno.success)
        let realtime = try harness.u64(at: 64)
        XCTAssertGreaterThanOrEqual(realtime, UInt64(before.tv_sec) * 1_000_000_000)
        XCTAssertLessThan(realtime, UInt64(before.tv_sec + 60) * 1_000_000_000)
        for clock: UInt32 in [1, 2, 3] {
            XCTAssertEqual(try harness.call("clock_time_get", .i32(clock), .i64(0), .i32(64)), Errno.success)
            let first = try harness.u64(at: 64)
            XCTAssertEqual(try harness.call("clock_time_get", .i32(clock), .i64(0), .i32(64)), Errno.success)
            XCTAssertGreaterThanOrEqual(try harness.u64(at: 64), first, "clock \(clock) goes forward")
            XCTAssertEqual(try harness.call("clock_res_get", .i32(clock), .i32(72)), Errno.success)
            XCTAssertGreaterThan(try harness.u64(at: 72), 0)
        }
        XCTAssertEqual(try harness.call("clock_time_get", .i32(4), .i64(0), .i32(64)), Errno.inval)
        XCTAssertEqual(try harness.call("clock_res_get", .i32(99), .i32(64)), Errno.inval)
        XCTAssertEqual(try harness.call("clock_time_get", .i32(1), .i64(0), .i32(65532)), Errno.fault)
        XCTAssertEqual(try harness.call("sched_yield"), Errno.success)
    }

    func testRandomBytes() throws {
        let harness = try WASIHarness()
        XCTAssertEqual(try harness.call("random_get", .i32(1000), .i32(4096)), Errno.success)
        let first = try harness.memory.read(at: 1000, count: 4096)
        XCTAssertEqual(try harness.call("random_get", .i32(1000), .i32(4096)), Errno.success)
        let second = try harness.memory.read(at: 1000, count: 4096)
        XCTAssertNotEqual(first, second)
        XCTAssertGreaterThan(Set(first).count, 200, "4 KiB of random bytes use most byte values")
        XCTAssertEqual(try harness.memory.read(at: 999, count: 1), [0], "nothing written before the buffer")
        XCTAssertEqual(try harness.memory.read(at: 5096, count: 1), [0], "nothing written after it")
        XCTAssertEqual(try harness.call("random_get", .i32(65000), .i32(1000)), Errno.fault)
        XCTAssertEqual(try harness.call("random_get", .i32(0), .i32(0)), Errno.success)
    }

    func testStandardStreamsThroughPipes() throws {
        let input = Pipe(), output = Pipe()
        let harness = try WASIHarness(WASIConfiguration(stdin: input.fileHandleForReading.fileDescriptor,
                                                        stdout: output.fileHandleForWriting.fileDescriptor))
        // fd_write gathers two buffers: "Hello, " and "world\n".
        try harness.put("Hello, ", at: 100)
        try harness.put("world\n", at: 200)
        try harness.memory.write([100, 0, 0, 0, 7, 0, 0, 0, 200, 0, 0, 0, 6, 0, 0, 0], at: 300)
        XCTAssertEqual(try harness.call("fd_write", .i32(1), .i32(300), .i32(2), .i32(400)), Errno.success)
        XCTAssertEqual(try harness.u32(at: 400), 13)
        output.fileHandleForWriting.closeFile()
        XCTAssertEqual(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), "Hello, world\n")

        input.fileHandleForWriting.write(Data("typed".utf8))
        input.fileHandleForWriting.closeFile()
        try harness.memory.write([0, 2, 0, 0, 64, 0, 0, 0], at: 300)  // iovec { 512, 64 }
        XCTAssertEqual(try harness.call("fd_read", .i32(0), .i32(300), .i32(1), .i32(400)), Errno.success)
        XCTAssertEqual(try harness.string(at: 512, count: Int(try harness.u32(at: 400))), "typed")
        XCTAssertEqual(try harness.call("fd_read", .i32(0), .i32(300), .i32(1), .i32(400)), Errno.success)
        XCTAssertEqual(try harness.u32(at: 400), 0, "end of input")
        XCTAssertEqual(try harness.call("fd_seek", .i32(0), .i64(0), .i32(0), .i32(400)), Errno.spipe)

        XCTAssertEqual(try harness.call("fd_fdstat_get", .i32(0), .i32(600)), Errno.success)
        XCTAssertEqual(try harness.memory.read(at: 600, count: 1), [0], "a pipe has no WASI file type")
        XCTAssertNotEqual(try harness.u64(at: 608) & 2, 0, "fd_read right")
        // An iovec pointing outside memory: fault, and nothing written to the host.
        try harness.memory.write([0xF0, 0xFF, 0, 0, 0x20, 0, 0, 0], at: 300)  // { 65520, 32 }
        XCTAssertEqual(try harness.call("fd_write", .i32(1), .i32(300), .i32(1), .i32(400)), Errno.fault)
        XCTAssertEqual(try harness.call("fd_write", .i32(1), .i32(65530), .i32(2), .i32(400)), Errno.fault)
        XCTAssertEqual(try harness.call("fd_write", .i32(9), .i32(300), .i32(1), .i32(400)), Errno.badf)
    }

    func testFileDescriptorOperations() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.file("data.txt", "0123456789")
        let harness = try WASIHarness(WASIConfiguration(preopens: [(directory.path, "sandbox")]))
        XCTAssertEqual(try harness.call("fd_prestat_get", .i32(3), .i32(100)), Errno.success)
        XCTAssertEqual(try harness.memory.read(at: 100, count: 1), [0], "tag dir")
        XCTAssertEqual(try harness.u32(at: 104), 7)
        XCTAssertEqual(try harness.call("fd_prestat_dir_name", .i32(3), .i32(200), .i32(7)), Errno.success)
        XCTAssertEqual(try harness.string(at: 200, count: 7), "sandbox")
        XCTAssertEqual(try harness.call("fd_prestat_dir_name", .i32(3), .i32(200), .i32(3)), 37, "nametoolong")
        XCTAssertEqual(try harness.call("fd_prestat_get", .i32(4), .i32(100)), Errno.badf, "end of the preopens")
        XCTAssertEqual(try harness.call("fd_prestat_get", .i32(1), .i32(100)), Errno.badf, "stdout is no preopen")

        let rights = WASIHarness.readRights | WASIHarness.writeRights | 1 << 5  // + fd_tell
        let (errno, fd) = try harness.open("data.txt", rights: rights)
        XCTAssertEqual(errno, Errno.success)
        XCTAssertEqual(fd, 4, "lowest free descriptor")
        XCTAssertEqual(try harness.call("fd_fdstat_get", .i32(fd), .i32(300)), Errno.success)
        XCTAssertEqual(try harness.memory.read(at: 300, count: 1), [4], "regular_file")
        XCTAssertEqual(try harness.u64(at: 308), rights & ~(1 << 14), "rights asked for, less fd_readdir (not for a file)")

        XCTAssertEqual(try harness.call("fd_seek", .i32(fd), .i64(UInt64(bitPattern: -3)), .i32(2), .i32(400)), Errno.success)
        XCTAssertEqual(try harness.u64(at: 400), 7)
        try harness.memory.write([0, 2, 0, 0, 16, 0, 0, 0], at: 500)  // iovec { 512, 16 }
        XCTAssertEqual(try harness.call("fd_read", .i32(fd), .i32(500), .i32(1), .i32(400)), Errno.success)
        XCTAssertEqual(try harness.string(at: 512, count: Int(try harness.u32(at: 400))), "789")
        XCTAssertEqual(try harness.call("fd_tell", .i32(fd), .i32(400)), Errno.success)
        XCTAssertEqual(try harness.u64(at: 400), 10)
        XCTAssertEqual(try harness.call("fd_seek", .i32(fd), .i64(0), .i32(3), .i32(400)), Errno.inval, "bad whence")

        // pread/pwrite leave the position alone.
        XCTAssertEqual(try harness.call("fd_pread", .i32(fd), .i32(500), .i32(1), .i64(2), .i32(400)), Errno.success)
        XCTAssertEqual(try harness.string(at: 512, count: Int(try harness.u32(at: 400))), "23456789")
        try harness.put("AB", at: 512)
        try harness.memory.write([0, 2, 0, 0, 2, 0, 0, 0], at: 500)
        XCTAssertEqual(try harness.call("fd_pwrite", .i32(fd), .i32(500), .i32(1), .i64(4), .i32(400)), Errno.success)
        XCTAssertEqual(try harness.call("fd_tell", .i32(fd), .i32(400)), Errno.success)
        XCTAssertEqual(try harness.u64(at: 400), 10)
        XCTAssertEqual(directory.contents("data.txt"), "0123AB6789")

        XCTAssertEqual(try harness.call("fd_filestat_set_size", .i32(fd), .i64(4)), Errno.success)
        XCTAssertEqual(directory.contents("data.txt"), "0123")
        XCTAssertEqual(try harness.call("fd_sync", .i32(fd)), Errno.success)
        XCTAssertEqual(try harness.call("fd_datasync", .i32(fd)), Errno.success)
        XCTAssertEqual(try harness.call("fd_fdstat_set_flags", .i32(fd), .i32(1)), Errno.success)  // append
        XCTAssertEqual(try harness.call("fd_fdstat_get", .i32(fd), .i32(300)), Errno.success)
        XCTAssertEqual(try harness.memory.read(at: 302, count: 2), [1, 0], "append flag reported")

        // fd_renumber moves a descriptor, closing the target; fd_close frees the number.
        let (_, second) = try harness.open("data.txt")
        XCTAssertEqual(second, 5)
        XCTAssertEqual(try harness.call("fd_renumber", .i32(second), .i32(fd)), Errno.success)
        XCTAssertEqual(try harness.call("fd_close", .i32(second)), Errno.badf)
        XCTAssertEqual(try harness.call("fd_close", .i32(fd)), Errno.success)
        XCTAssertEqual(try harness.call("fd_close", .i32(fd)), Errno.badf)
        XCTAssertEqual(try harness.open("data.txt").fd, 4, "number reused")
    }

    func testDirectoryListingContinuesFromCookies() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let names = (0..<20).map { "file-with-a-long-name-\($0).txt" }
        for name in names { try directory.file(name, "") }
        try directory.file("sub/inner", "")
        let harness = try WASIHarness(WASIConfiguration(preopens: [(directory.path, "d")]))

        // A 100-byte buffer holds about two entries; each call continues from the last
        // complete entry's d_next, as libc does.
        var seen: [String: UInt8] = [:]
        var cookie: UInt64 = 0
        for _ in 0..<100 {
            XCTAssertEqual(try harness.call("fd_readdir", .i32(3), .i32(1000), .i32(100), .i64(cookie), .i32(900)), Errno.success)
            let used = Int(try harness.u32(at: 900))
            var offset = 0
            while offset + 24 <= used {
                let length = Int(try harness.u32(at: 1000 + UInt32(offset) + 16))
                guard offset + 24 + length <= used else { break }
                let name = try harness.string(at: 1000 + UInt32(offset + 24), count: length)
                seen[name] = try harness.memory.read(at: 1000 + offset + 20, count: 1)[0]
                cookie = try harness.u64(at: 1000 + UInt32(offset))
                offset += 24 + length
            }
            if used < 100 { break }
        }
        XCTAssertEqual(Set(seen.keys), Set(names + ["sub", ".", ".."]))
        XCTAssertEqual(seen["sub"], 3, "directory")
        XCTAssertEqual(seen[names[0]], 4, "regular file")
        XCTAssertEqual(try harness.call("fd_readdir", .i32(1), .i32(1000), .i32(100), .i64(0), .i32(900)), Errno.notdir)
        XCTAssertEqual(try harness.call("fd_readdir", .i32(3), .i32(65500), .i32(100), .i64(0), .i32(900)), Errno.fault)
    }

    func testPollOneoffWaitsForAClock() throws {
        let harness = try WASIHarness()
        // Two relative monotonic clock subscriptions: 20 ms (userdata 7) and 10 s (userdata 8).
        func subscription(at address: UInt32, userdata: UInt64, nanoseconds: UInt64) throws {
            try harness.memory.write([UInt8](repeating: 0, count: 48), at: Int(address))
            try harness.memory.write(withUnsafeBytes(of: userdata.littleEndian, Array.init), at: Int(address))
            try harness.memory.write([1, 0, 0, 0], at: Int(address) + 16)  // monotonic
            try harness.memory.write(withUnsafeBytes(of: nanoseconds.littleEndian, Array.init), at: Int(address) + 24)
        }
        try subscription(at: 1000, userdata: 7, nanoseconds: 20_000_000)
        try subscription(at: 1048, userdata: 8, nanoseconds: 10_000_000_000)
        let start = Date()
        XCTAssertEqual(try harness.call("poll_oneoff", .i32(1000), .i32(2000), .i32(2), .i32(900)), Errno.success)
        let waited = Date().timeIntervalSince(start)
        XCTAssertGreaterThanOrEqual(waited, 0.019)
        XCTAssertLessThan(waited, 5)
        XCTAssertEqual(try harness.u32(at: 900), 1, "only the first clock is due")
        XCTAssertEqual(try harness.u64(at: 2000), 7)
        XCTAssertEqual(try harness.memory.read(at: 2008, count: 3), [0, 0, 0], "no error, type clock")

        // A descriptor that is ready at once (stdout, or any writable fd) with the long clock.
        try harness.memory.write([UInt8](repeating: 0, count: 48), at: 1000)
        try harness.memory.write([9, 0, 0, 0, 0, 0, 0, 0, 2], at: 1000)  // userdata 9, fd_write
        try harness.memory.write([1, 0, 0, 0], at: 1016)  // fd 1
        XCTAssertEqual(try harness.call("poll_oneoff", .i32(1000), .i32(2000), .i32(2), .i32(900)), Errno.success)
        XCTAssertEqual(try harness.u32(at: 900), 1)
        XCTAssertEqual(try harness.u64(at: 2000), 9)
        XCTAssertEqual(try harness.call("poll_oneoff", .i32(1000), .i32(2000), .i32(0), .i32(900)), Errno.inval)
        XCTAssertEqual(try harness.call("poll_oneoff", .i32(65500), .i32(2000), .i32(2), .i32(900)), Errno.fault)
        XCTAssertEqual(try harness.call("poll_oneoff", .i32(1000), .i32(65500), .i32(2), .i32(900)), Errno.fault)
    }

    func testProcExitUnwindsToTheHost() throws {
        let harness = try WASIHarness()
        XCTAssertThrowsError(try harness.instance.function("proc_exit")!(.i32(42))) { error in
            XCTAssertEqual(error as? WASIExit, WASIExit(code: 42))
        }
    }

    func testErrnoNumberingFollowsWitx() {
        XCTAssertEqual(WASIErrno.tooBig.rawValue, 1)
        XCTAssertEqual(WASIErrno.badf.rawValue, 8)
        XCTAssertEqual(WASIErrno.noent.rawValue, 44)
        XCTAssertEqual(WASIErrno.nxio.rawValue, 60)
        XCTAssertEqual(WASIErrno.spipe.rawValue, 70)
        XCTAssertEqual(WASIErrno.notcapable.rawValue, 76)
    }

    func testEveryListedFunctionIsDefinedWithTheWitxType() throws {
        XCTAssertTrue(Set(WASIHarness.signatures.keys).isSubset(of: Set(WASI.functionNames)))
        var imports = Imports()
        try WASI(WASIConfiguration()).define(in: &imports, store: Store())
        for (name, type) in WASIHarness.signatures {
            guard case .function(let function)? = imports.lookup(module: WASI.moduleName, name: name) else {
                return XCTFail("\(name) not defined")
            }
            XCTAssertEqual(function.type, type, name)
        }
    }

    func testBadPreopenIsReported() {
        XCTAssertThrowsError(try WASI(WASIConfiguration(preopens: [("/nonexistent/dir", "x")]))) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/dir"), "\(error)")
        }
    }
}
