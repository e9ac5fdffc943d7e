// WASI paths: confinement to the preopened directory (`..`, absolute paths, symbolic links
// leading out are refused and nothing outside is touched), and the path operations.

import Foundation
import WasmCore
import WasmRuntime
import XCTest

final class WASIPathTests: XCTestCase {
    private var root: TemporaryDirectory!
    private var sandbox: String { root.path + "/sandbox" }
    private var harness: WASIHarness!

    override func setUpWithError() throws {
        // root/outside/secret.txt is what every escape would reach.
        root = try TemporaryDirectory()
        try root.file("outside/secret.txt", "secret")
        try root.file("sandbox/input.txt", "hello")
        try root.file("sandbox/sub/nested.txt", "nested")
        harness = try WASIHarness(WASIConfiguration(preopens: [(sandbox, "/data")]))
    }

    override func tearDown() {
        harness = nil
        root.remove()
    }

    private func escapeErrno(_ path: String, lookup: UInt32 = 0, file: StaticString = #filePath, line: UInt = #line) throws {
        let (errno, _) = try harness.open(path, lookup: lookup)
        XCTAssertEqual(errno, Errno.notcapable, "path_open \(path)", file: file, line: line)
    }

    func testDotDotAboveThePreopenIsRefused() throws {
        try escapeErrno("..")
        try escapeErrno("../outside/secret.txt")
        try escapeErrno("sub/../../outside/secret.txt")
        try escapeErrno("sub/../..")
        try escapeErrno("./../sandbox/input.txt")
    }

    func testAbsolutePathsAreRefused() throws {
        try escapeErrno("/etc/passwd")
        try escapeErrno(root.path + "/outside/secret.txt")
        try escapeErrno("/")
    }

    func testSymbolicLinksLeadingOutAreRefused() throws {
        try root.symlink("sandbox/up", to: "../outside")
        try root.symlink("sandbox/absolute", to: root.path + "/outside/secret.txt")
        try root.symlink("sandbox/sub/upup", to: "../../outside/secret.txt")
        try root.symlink("sandbox/chain", to: "sub/upup")
        try escapeErrno("up/secret.txt")
        try escapeErrno("up", lookup: 1)
        try escapeErrno("absolute", lookup: 1)
        try escapeErrno("sub/upup", lookup: 1)
        try escapeErrno("chain", lookup: 1)
        // Without symlink_follow the last component is not followed: the link itself is
        // refused by the host (ELOOP), and still nothing outside is opened.
        XCTAssertEqual(try harness.open("absolute").errno, Errno.loop)
        // path_filestat_get follows the same rules.
        let (pointer, length) = try harness.put("up/secret.txt", at: 1024)
        XCTAssertEqual(try harness.call("path_filestat_get", .i32(3), .i32(1), pointer, length, .i32(2048)), Errno.notcapable)
    }

    func testEscapesDoNotModifyAnythingOutside() throws {
        try root.symlink("sandbox/up", to: "../outside")
        for path in ["../outside/new.txt", "up/new.txt"] {
            let (errno, _) = try harness.open(path, oflags: 1, rights: WASIHarness.writeRights)  // creat
            XCTAssertEqual(errno, Errno.notcapable, path)
        }
        for (function, path) in [("path_unlink_file", "up/secret.txt"), ("path_unlink_file", "../outside/secret.txt"),
                                 ("path_create_directory", "../made"), ("path_remove_directory", "../outside")] {
            let (pointer, length) = try harness.put(path, at: 1024)
            XCTAssertEqual(try harness.call(function, .i32(3), pointer, length), Errno.notcapable, "\(function) \(path)")
        }
        let (old, oldLength) = try harness.put("up/secret.txt", at: 1024)
        let (new, newLength) = try harness.put("stolen.txt", at: 1100)
        XCTAssertEqual(try harness.call("path_rename", .i32(3), old, oldLength, .i32(3), new, newLength), Errno.notcapable)
        XCTAssertEqual(root.contents("outside/secret.txt"), "secret")
        XCTAssertFalse(root.exists("outside/new.txt"))
        XCTAssertFalse(root.exists("made"))
        XCTAssertFalse(root.exists("sandbox/stolen.txt"))
    }

    func testLinksAndDotDotStayingInsideWork() throws {
        try root.symlink("sandbox/sub/back", to: "../input.txt")
        try root.symlink("sandbox/subdir", to: "sub")
        for path in ["sub/../input.txt", "sub/back", "subdir/../input.txt", "./sub/./back"] {
            let (errno, fd) = try harness.open(path, lookup: 1)
            XCTAssertEqual(errno, Errno.success, path)
            try readAll(fd, expecting: "hello")
        }
        let (errno, fd) = try harness.open("subdir/nested.txt")
        XCTAssertEqual(errno, Errno.success)
        try readAll(fd, expecting: "nested")
    }

    func testLinkLoopsEndWithLoop() throws {
        try root.symlink("sandbox/a", to: "b")
        try root.symlink("sandbox/b", to: "a")
        XCTAssertEqual(try harness.open("a", lookup: 1).errno, Errno.loop)
        XCTAssertEqual(try harness.open("a/x").errno, Errno.loop)
    }

    func testCreateRenameUnlinkAndRemove() throws {
        func call(_ function: String, _ path: String) throws -> UInt16 {
            let (pointer, length) = try harness.put(path, at: 1024)
            return try harness.call(function, .i32(3), pointer, length)
        }
        XCTAssertEqual(try call("path_create_directory", "made"), Errno.success)
        XCTAssertEqual(try call("path_create_directory", "made/"), Errno.exist)
        XCTAssertEqual(try call("path_create_directory", "other/"), Errno.success, "a trailing slash is allowed")
        let (errno, fd) = try harness.open("made/file.txt", oflags: 1 | 4, rights: WASIHarness.writeRights)  // creat|excl
        XCTAssertEqual(errno, Errno.success)
        XCTAssertEqual(try harness.open("made/file.txt", oflags: 1 | 4, rights: WASIHarness.writeRights).errno, Errno.exist)
        try harness.put("data", at: 1200)
        try harness.memory.write([0xB0, 0x04, 0, 0, 4, 0, 0, 0], at: 1300)  // iovec { 1200, 4 }
        XCTAssertEqual(try harness.call("fd_write", .i32(fd), .i32(1300), .i32(1), .i32(1400)), Errno.success)
        XCTAssertEqual(try harness.u32(at: 1400), 4)
        XCTAssertEqual(try harness.call("fd_close", .i32(fd)), Errno.success)
        XCTAssertEqual(root.contents("sandbox/made/file.txt"), "data")

        let (old, oldLength) = try harness.put("made/file.txt", at: 1024)
        let (new, newLength) = try harness.put("renamed.txt", at: 1100)
        XCTAssertEqual(try harness.call("path_rename", .i32(3), old, oldLength, .i32(3), new, newLength), Errno.success)
        XCTAssertEqual(root.contents("sandbox/renamed.txt"), "data")
        XCTAssertEqual(try call("path_unlink_file", "renamed.txt/"), Errno.notdir)
        XCTAssertEqual(try call("path_unlink_file", "made"), Errno.isdir)
        XCTAssertEqual(try call("path_unlink_file", "renamed.txt"), Errno.success)
        XCTAssertFalse(root.exists("sandbox/renamed.txt"))
        XCTAssertEqual(try call("path_remove_directory", "sub"), Errno.notempty)
        XCTAssertEqual(try call("path_remove_directory", "made/"), Errno.success)
        XCTAssertFalse(root.exists("sandbox/made"))
        XCTAssertEqual(try call("path_remove_directory", "input.txt"), Errno.notdir)
    }

    func testSymlinkAndReadlink() throws {
        let (target, targetLength) = try harness.put("../outside/secret.txt", at: 1024)
        let (link, linkLength) = try harness.put("link", at: 1100)
        XCTAssertEqual(try harness.call("path_symlink", target, targetLength, .i32(3), link, linkLength), Errno.success)
        XCTAssertEqual(try harness.call("path_readlink", .i32(3), link, linkLength, .i32(2000), .i32(100), .i32(1900)), Errno.success)
        XCTAssertEqual(try harness.string(at: 2000, count: Int(try harness.u32(at: 1900))), "../outside/secret.txt")
        // The link may hold any text, but following it is confined.
        XCTAssertEqual(try harness.open("link", lookup: 1).errno, Errno.notcapable)
    }

    func testPathsMustBeValidAndInsideMemory() throws {
        XCTAssertEqual(try harness.call("path_create_directory", .i32(3), .i32(65530), .i32(10)), Errno.fault)
        try harness.memory.write([0x61, 0x00, 0x62], at: 1024)
        XCTAssertEqual(try harness.call("path_create_directory", .i32(3), .i32(1024), .i32(3)), Errno.ilseq, "NUL inside")
        try harness.memory.write([0x61, 0xFF], at: 1024)
        XCTAssertEqual(try harness.call("path_create_directory", .i32(3), .i32(1024), .i32(2)), Errno.ilseq, "not UTF-8")
        XCTAssertEqual(try harness.call("path_create_directory", .i32(3), .i32(1024), .i32(0)), Errno.noent, "empty")
        XCTAssertEqual(try harness.call("path_create_directory", .i32(1), .i32(1024), .i32(1)), Errno.notdir, "stdout as base")
        XCTAssertEqual(try harness.call("path_create_directory", .i32(42), .i32(1024), .i32(1)), Errno.badf)
    }

    func testFilestatThroughPathAndDescriptor() throws {
        let (pointer, length) = try harness.put("input.txt", at: 1024)
        XCTAssertEqual(try harness.call("path_filestat_get", .i32(3), .i32(0), pointer, length, .i32(2048)), Errno.success)
        XCTAssertEqual(try harness.memory.read(at: 2048 + 16, count: 1), [4], "regular_file")
        XCTAssertEqual(try harness.u64(at: 2048 + 32), 5, "size")
        var host = stat()
        XCTAssertEqual(lstat(sandbox + "/input.txt", &host), 0)
        XCTAssertEqual(try harness.u64(at: 2048 + 8), UInt64(host.st_ino))
        XCTAssertEqual(try harness.u64(at: 2048 + 48), UInt64(host.st_mtim.tv_sec) * 1_000_000_000 + UInt64(host.st_mtim.tv_nsec))

        let (errno, fd) = try harness.open("sub")
        XCTAssertEqual(errno, Errno.success)
        XCTAssertEqual(try harness.call("fd_filestat_get", .i32(fd), .i32(2048)), Errno.success)
        XCTAssertEqual(try harness.memory.read(at: 2048 + 16, count: 1), [3], "directory")
        // A directory descriptor opened by the guest is a base for paths too.
        let (nested, nestedLength) = try harness.put("nested.txt", at: 1024)
        XCTAssertEqual(try harness.call("path_filestat_get", .i32(fd), .i32(0), nested, nestedLength, .i32(2048)), Errno.success)
        XCTAssertEqual(try harness.u64(at: 2048 + 32), 6)
        let (up, upLength) = try harness.put("../input.txt", at: 1024)
        XCTAssertEqual(try harness.call("path_filestat_get", .i32(fd), .i32(0), up, upLength, .i32(2048)), Errno.notcapable,
                       "a descriptor is a capability for its own directory only")
    }

    /// Reads `fd` to its end and closes it.
    private func readAll(_ fd: UInt32, expecting expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try harness.memory.write([0x00, 0x10, 0, 0, 0, 1, 0, 0], at: 1300)  // iovec { 4096, 256 }
        XCTAssertEqual(try harness.call("fd_read", .i32(fd), .i32(1300), .i32(1), .i32(1400)), Errno.success, file: file, line: line)
        XCTAssertEqual(try harness.string(at: 4096, count: Int(try harness.u32(at: 1400))), expected, file: file, line: line)
        XCTAssertEqual(try harness.call("fd_close", .i32(fd)), Errno.success, file: file, line: line)
    }
}
