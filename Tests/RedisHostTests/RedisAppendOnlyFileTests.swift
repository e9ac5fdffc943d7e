// The AOF with `appendfsync everysec`, `save` points run by the cron, and damaged AOF files at
// start: Redis's own error ends start-up (RedisError.exited(code: 1), the message on standard
// error) and leaves the files as they were.

import Foundation
@testable import RedisHost
import XCTest

final class RedisAppendOnlyFileTests: DataDirectoryTestCase {
    private let appendOnly = [RedisConfigDirective("appendonly", "yes")]

    private var incrFile: URL { aofDirectory.appendingPathComponent("appendonly.aof.1.incr.aof") }
    private var manifestFile: URL { aofDirectory.appendingPathComponent("appendonly.aof.manifest") }

    /// Writes `count` keys through an AOF and drops the instance without SAVE.
    private func writeThroughAOF(count: Int, _ directives: [RedisConfigDirective] = []) throws {
        let redis = try startPersistentRedis(appendOnly + directives)
        for i in 0..<count {
            XCTAssertEqual(try redis.call("SET", "key:\(i)", "value \(i)"), .simpleString("OK"))
        }
    }

    private func assertStartFails(_ directives: [RedisConfigDirective], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try startPersistentRedis(directives), file: file, line: line) { error in
            guard case RedisError.exited(code: 1) = error else { return XCTFail("\(error)", file: file, line: line) }
        }
    }

    func testEverysecKeepsWritesAcrossTicks() throws {
        let everysec = [RedisConfigDirective("appendfsync", "everysec")]
        var written = ""
        do {
            let redis = try startPersistentRedis(appendOnly + everysec)
            for i in 0..<1000 {
                try redis.call("SET", "key:\(i)", "value \(i)")
                if i % 250 == 0 { try redis.tick() }
            }
            try redis.call("INCRBY", "key:counter", 5)
            try redis.call("EXPIRE", "key:1", 3600)
            // the cron's second-by-second fsync runs; nothing is left waiting
            let deadline = Date().addingTimeInterval(1.5)
            while Date() < deadline {
                try redis.tick()
                Thread.sleep(forTimeInterval: 0.1)
            }
            XCTAssertEqual(try redis.infoText("aof_last_write_status"), "ok")
            XCTAssertEqual(try redis.infoField("aof_pending_bio_fsync", section: "persistence"), 0)
            XCTAssertEqual(try redis.infoField("aof_delayed_fsync", section: "persistence"), 0)
            written = try redis.digest()
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dumpFile.path))
        let reopened = try startPersistentRedis(appendOnly + everysec)
        XCTAssertEqual(try reopened.digest(), written)
        XCTAssertEqual(try reopened.call("DBSIZE"), .integer(1001))
        XCTAssertEqual(try reopened.call("GET", "key:counter"), bulk("5"))
    }

    func testSavePointsSaveThroughTheCron() throws {
        let redis = try startPersistentRedis([RedisConfigDirective("save", "1", "1")])
        try redis.call("SET", "k", "v")
        try redis.tick()
        XCTAssertFalse(FileManager.default.fileExists(atPath: dumpFile.path), "saved before the second passed")
        // `save 1 1`: one change and more than one second since the last save
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: dumpFile.path), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            try redis.tick()
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: dumpFile.path), "no dump.rdb after 5 s of ticks")
        XCTAssertEqual(try redis.infoField("rdb_changes_since_last_save", section: "persistence"), 0)
        XCTAssertEqual(try redis.infoText("rdb_last_bgsave_status"), "ok")
        XCTAssertEqual(try files(in: dataDirectory), ["dump.rdb"])

        let reopened = try startPersistentRedis()
        XCTAssertEqual(try reopened.call("GET", "k"), bulk("v"))
    }

    func testACorruptManifestStopsStartUpAndStaysInPlace() throws {
        try writeThroughAOF(count: 10)
        var manifest = try Data(contentsOf: manifestFile)
        manifest.append(Data("file appendonly.aof.1.incr.aof seq x type q\n".utf8))
        try manifest.write(to: manifestFile)
        let before = try files(in: aofDirectory)

        assertStartFails(appendOnly)
        XCTAssertEqual(try Data(contentsOf: manifestFile), manifest)
        XCTAssertEqual(try files(in: aofDirectory), before)
    }

    func testAManifestNamingAMissingFileStopsStartUp() throws {
        try writeThroughAOF(count: 10)
        try FileManager.default.removeItem(at: incrFile)
        assertStartFails(appendOnly)
    }

    func testGarbageInTheIncrFileStopsStartUpAndStaysInPlace() throws {
        try writeThroughAOF(count: 10)
        var incr = try Data(contentsOf: incrFile)
        incr.insert(contentsOf: Data("this is not RESP\r\n".utf8), at: incr.count / 2)
        try incr.write(to: incrFile)

        assertStartFails(appendOnly)
        XCTAssertEqual(try Data(contentsOf: incrFile), incr)
    }

    func testATruncatedIncrFileStopsStartUpWhenTruncationIsNotAllowed() throws {
        try writeThroughAOF(count: 10)
        let incr = try Data(contentsOf: incrFile)
        let truncated = incr.prefix(incr.count - 5)
        try truncated.write(to: incrFile)

        assertStartFails(appendOnly + [RedisConfigDirective("aof-load-truncated", "no")])
        XCTAssertEqual(try Data(contentsOf: incrFile), truncated, "the damaged file is left for the user")
    }

    /// Redis's default (`aof-load-truncated yes`): the last, incomplete command is dropped and
    /// the file cut after the last complete one.
    func testATruncatedIncrFileLoadsItsCompleteCommandsByDefault() throws {
        try writeThroughAOF(count: 10)
        let incr = try Data(contentsOf: incrFile)
        try incr.prefix(incr.count - 5).write(to: incrFile)

        let reopened = try startPersistentRedis(appendOnly)
        XCTAssertEqual(try reopened.call("DBSIZE"), .integer(9))
        XCTAssertEqual(try reopened.call("GET", "key:8"), bulk("value 8"))
        XCTAssertEqual(try reopened.call("EXISTS", "key:9"), .integer(0))
        let cut = try Data(contentsOf: incrFile)
        XCTAssertLessThan(cut.count, incr.count - 5)
        XCTAssertEqual(cut, incr.prefix(cut.count))
        XCTAssertTrue(cut.suffix(2) == Data("\r\n".utf8))
    }
}
