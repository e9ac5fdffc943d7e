// A test case with a fresh host data directory per test, for the persistence tests.

import Foundation
@testable import RedisHost
import XCTest

class DataDirectoryTestCase: XCTestCase {
    /// A fresh directory holding `dataDirectory` (and whatever a test puts beside it), removed
    /// after each test.
    var root: URL!
    /// The data directory handed to Redis: `root/data`.
    var dataDirectory: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("redis-persist-\(UUID().uuidString)")
        dataDirectory = root.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// Redis on `dataDirectory`, with DEBUG enabled, plus `directives`.
    func startPersistentRedis(_ directives: [RedisConfigDirective] = []) throws -> Redis {
        try Redis(RedisOptions(directives: [RedisConfigDirective("enable-debug-command", "yes")] + directives,
                               dataDirectory: dataDirectory.path))
    }

    var dumpFile: URL { dataDirectory.appendingPathComponent("dump.rdb") }
    var aofDirectory: URL { dataDirectory.appendingPathComponent("appendonlydir") }

    /// The names in `directory`, sorted.
    func files(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// The AOF manifest's lines (`file appendonly.aof.1.base.rdb seq 1 type b`...).
    func manifestLines() throws -> [String] {
        let text = try String(contentsOf: aofDirectory.appendingPathComponent("appendonly.aof.manifest"), encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }
}

extension Redis {
    /// A field of `INFO <section>` as text (`rdb_last_bgsave_status`...).
    func infoText(_ name: String, section: String = "persistence") throws -> String {
        let text = try XCTUnwrap(try call("INFO", section).string, "INFO did not answer text")
        for line in text.split(separator: "\r\n") where line.hasPrefix(name + ":") {
            return String(line.dropFirst(name.count + 1))
        }
        throw RedisError.reply("INFO has no field \(name)")
    }

    /// `DEBUG DIGEST`: one digest of every key, value and expiry of every database (all
    /// zeros when empty).
    func digest() throws -> String {
        try XCTUnwrap(try call("DEBUG", "DIGEST").string, "DEBUG DIGEST")
    }
}
