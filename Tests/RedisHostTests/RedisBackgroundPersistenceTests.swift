// BGSAVE, BGREWRITEAOF and `CONFIG SET appendonly yes` without fork: the child's work runs
// in the foreground (wasm/fork.c), the command answers what Redis answers, and the files are
// complete when the reply arrives: a new instance on the directory has all the data.

import Foundation
@testable import RedisHost
import XCTest

final class RedisBackgroundPersistenceTests: DataDirectoryTestCase {
    private let appendOnly = [RedisConfigDirective("appendonly", "yes")]

    private func writeKeys(_ redis: Redis, prefix: String, count: Int) throws {
        for i in 0..<count {
            XCTAssertEqual(try redis.call("SET", "\(prefix):\(i)", "value \(i)"), .simpleString("OK"))
        }
    }

    private func writeSomeTypes(_ redis: Redis) throws {
        try redis.call("HSET", "hash", "a", "1", "b", "2")
        try redis.call("RPUSH", "list", "x", "y", "z")
        try redis.call("SADD", "set", "m", "n")
        try redis.call("ZADD", "zset", 1, "one", 2, "two")
        try redis.call("XADD", "stream", "1-1", "f", "v")
        try redis.call("SET", "expiring", "v", "EX", 3600)
    }

    func testBgsaveWritesTheDumpBeforeItAnswers() throws {
        let written: String
        do {
            let redis = try startPersistentRedis()
            try writeSomeTypes(redis)
            try writeKeys(redis, prefix: "k", count: 100)
            written = try redis.digest()
            XCTAssertEqual(try redis.infoField("rdb_changes_since_last_save", section: "persistence"), 111)
            let before = try XCTUnwrap(try redis.call("LASTSAVE").int)
            XCTAssertEqual(try redis.call("BGSAVE"), .simpleString("Background saving started"))
            // already done: the file, the statistics, no child left
            XCTAssertEqual(try files(in: dataDirectory), ["dump.rdb"], "no temp file left behind")
            XCTAssertEqual(try redis.infoField("rdb_bgsave_in_progress", section: "persistence"), 0)
            XCTAssertEqual(try redis.infoText("rdb_last_bgsave_status"), "ok")
            XCTAssertEqual(try redis.infoField("rdb_changes_since_last_save", section: "persistence"), 0)
            XCTAssertGreaterThanOrEqual(try XCTUnwrap(try redis.call("LASTSAVE").int), before)
            // the instance goes on as before: writes count again, a second BGSAVE works
            try redis.call("SET", "after", "1")
            XCTAssertEqual(try redis.infoField("rdb_changes_since_last_save", section: "persistence"), 1)
            XCTAssertEqual(try redis.call("BGSAVE"), .simpleString("Background saving started"))
            try redis.call("DEL", "after")
            XCTAssertEqual(try redis.call("BGSAVE", "SCHEDULE"), .simpleString("Background saving started"))
            XCTAssertEqual(try redis.digest(), written)
        }
        let reopened = try startPersistentRedis()
        XCTAssertEqual(try reopened.digest(), written)
        XCTAssertEqual(try reopened.call("DBSIZE"), .integer(106))
        XCTAssertEqual(try reopened.call("HGET", "hash", "b"), bulk("2"))
    }

    func testBgsaveInATransactionIsScheduledAndDoneByTheCron() throws {
        let redis = try startPersistentRedis()
        try redis.call("SET", "k", "v")
        try redis.call("MULTI")
        try redis.call("BGSAVE")
        XCTAssertEqual(try redis.call("EXEC"), .array([.simpleString("Background saving scheduled")]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dumpFile.path))
        try redis.tick()
        XCTAssertTrue(FileManager.default.fileExists(atPath: dumpFile.path), "the cron ran the scheduled BGSAVE")
        XCTAssertEqual(try redis.infoField("rdb_changes_since_last_save", section: "persistence"), 0)
    }

    func testBgsaveWithoutADataDirectoryFailsAsAFailedChildDoes() throws {
        let redis = try startRedis()
        try redis.call("SET", "k", "v")
        XCTAssertEqual(try redis.call("BGSAVE"), .simpleString("Background saving started"))
        XCTAssertEqual(try redis.infoText("rdb_last_bgsave_status"), "err")
        // no save points, so stop-writes-on-bgsave-error does not refuse writes
        XCTAssertEqual(try redis.call("SET", "k", "w"), .simpleString("OK"))
    }

    func testBgrewriteaofLeavesAConsistentMultiPartAOF() throws {
        var written = ""
        do {
            let redis = try startPersistentRedis(appendOnly)
            try writeSomeTypes(redis)
            try writeKeys(redis, prefix: "before", count: 500)
            try redis.call("DEL", "before:7")
            XCTAssertEqual(try manifestLines(), ["file appendonly.aof.1.base.rdb seq 1 type b",
                                                 "file appendonly.aof.1.incr.aof seq 1 type i"])
            XCTAssertEqual(try redis.call("BGREWRITEAOF"), .simpleString("Background append only file rewriting started"))
            // the new base holds everything so far, a new incr file takes what follows, and the
            // old pair is gone
            XCTAssertEqual(try manifestLines(), ["file appendonly.aof.2.base.rdb seq 2 type b",
                                                 "file appendonly.aof.2.incr.aof seq 2 type i"])
            XCTAssertEqual(try files(in: aofDirectory),
                           ["appendonly.aof.2.base.rdb", "appendonly.aof.2.incr.aof", "appendonly.aof.manifest"])
            XCTAssertEqual(try files(in: dataDirectory), ["appendonlydir"], "no temp file left behind")
            XCTAssertEqual(try redis.infoField("aof_rewrite_in_progress", section: "persistence"), 0)
            XCTAssertEqual(try redis.infoText("aof_last_bgrewrite_status"), "ok")
            XCTAssertEqual(try redis.infoField("aof_rewrite_scheduled", section: "persistence"), 0)
            try writeKeys(redis, prefix: "after", count: 300)
            try redis.call("RPUSH", "list", "w")
            written = try redis.digest()
            // a second rewrite in a transaction is scheduled, then done by the cron
            try redis.call("MULTI")
            try redis.call("BGREWRITEAOF")
            XCTAssertEqual(try redis.call("EXEC"), .array([.simpleString("Background append only file rewriting scheduled")]))
            try redis.tick()
            XCTAssertEqual(try manifestLines(), ["file appendonly.aof.3.base.rdb seq 3 type b",
                                                 "file appendonly.aof.3.incr.aof seq 3 type i"])
            try redis.call("SET", "last", "write")
            written = try redis.digest()
        }
        // dropped without SAVE or SHUTDOWN: the base and incr files have it all
        XCTAssertFalse(FileManager.default.fileExists(atPath: dumpFile.path))
        let reopened = try startPersistentRedis(appendOnly)
        XCTAssertEqual(try reopened.digest(), written)
        XCTAssertEqual(try reopened.call("DBSIZE"), .integer(6 + 499 + 300 + 1))
        XCTAssertEqual(try reopened.call("GET", "before:7"), .null)
        XCTAssertEqual(try reopened.call("LRANGE", "list", 0, -1), .array(["x", "y", "z", "w"].map(bulk)))
    }

    func testTheCronRewritesAGrownAOF() throws {
        let autoRewrite = appendOnly + [RedisConfigDirective("auto-aof-rewrite-percentage", "100"),
                                        RedisConfigDirective("auto-aof-rewrite-min-size", "4kb")]
        var written = ""
        do {
            let redis = try startPersistentRedis(autoRewrite)
            try writeKeys(redis, prefix: "k", count: 10)
            try redis.tick()
            XCTAssertEqual(try manifestLines().first, "file appendonly.aof.1.base.rdb seq 1 type b", "under 4 kB: no rewrite")
            try writeKeys(redis, prefix: "k", count: 200)
            try redis.tick()
            XCTAssertEqual(try manifestLines(), ["file appendonly.aof.2.base.rdb seq 2 type b",
                                                 "file appendonly.aof.2.incr.aof seq 2 type i"])
            XCTAssertEqual(try redis.infoField("aof_rewrites", section: "persistence"), 1)
            try redis.call("SET", "after", "rewrite")
            written = try redis.digest()
        }
        let reopened = try startPersistentRedis(appendOnly)
        XCTAssertEqual(try reopened.digest(), written)
        XCTAssertEqual(try reopened.call("DBSIZE"), .integer(201))
    }

    func testAppendonlyTurnedOnAtRunTimeWritesTheAOF() throws {
        var written = ""
        do {
            let redis = try startPersistentRedis()
            try writeSomeTypes(redis)
            try writeKeys(redis, prefix: "before", count: 200)
            XCTAssertEqual(try redis.call("CONFIG", "SET", "appendonly", "yes"), .simpleString("OK"))
            XCTAssertEqual(try redis.infoField("aof_enabled", section: "persistence"), 1)
            XCTAssertEqual(try redis.infoField("aof_rewrite_scheduled", section: "persistence"), 0)
            XCTAssertEqual(try manifestLines(), ["file appendonly.aof.1.base.rdb seq 1 type b",
                                                 "file appendonly.aof.1.incr.aof seq 1 type i"])
            XCTAssertEqual(try files(in: aofDirectory),
                           ["appendonly.aof.1.base.rdb", "appendonly.aof.1.incr.aof", "appendonly.aof.manifest"],
                           "the temporary incr file became the first incr file")
            XCTAssertEqual(try files(in: dataDirectory), ["appendonlydir"])
            try writeKeys(redis, prefix: "after", count: 200)
            written = try redis.digest()
        }
        let reopened = try startPersistentRedis(appendOnly)
        XCTAssertEqual(try reopened.digest(), written)
        XCTAssertEqual(try reopened.call("DBSIZE"), .integer(6 + 400))
        // and off again: Redis stops appending, the files stay
        XCTAssertEqual(try reopened.call("CONFIG", "SET", "appendonly", "no"), .simpleString("OK"))
        XCTAssertEqual(try reopened.infoField("aof_enabled", section: "persistence"), 0)
        XCTAssertEqual(try files(in: aofDirectory).count, 3)
    }
}
