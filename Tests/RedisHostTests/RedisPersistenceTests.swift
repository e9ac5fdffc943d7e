// Persistence in a host data directory (RedisOptions.dataDirectory): SAVE writes dump.rdb
// there, a new instance on the same directory loads it with every key, value and TTL; the
// guest cannot reach files outside the directory; a damaged dump.rdb stops start-up with an
// error and stays where it is.

import Foundation
@testable import RedisHost
import XCTest

final class RedisPersistenceTests: DataDirectoryTestCase {
    /// A directory next to the data directory that the guest must never touch.
    private var outside: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    }

    /// Every key of databases 0 and 1 with its type, encoding (not for strings), value (DEBUG DIGEST-VALUE: a
    /// digest of the contents that does not depend on the order of a hash table, unlike
    /// DUMP) and PTTL.
    private func snapshot(_ redis: Redis) throws -> [String: (value: String, ttl: Int)] {
        var result: [String: (value: String, ttl: Int)] = [:]
        for db in [0, 1] {
            XCTAssertEqual(try redis.call("SELECT", db), .simpleString("OK"))
            let keys = try XCTUnwrap(try redis.call("KEYS", "*").array).compactMap(\.string)
            for key in keys {
                let type = try XCTUnwrap(try redis.call("TYPE", key).string, "TYPE \(key)")
                let encoding = try XCTUnwrap(try redis.call("OBJECT", "ENCODING", key).string, "OBJECT ENCODING \(key)")
                let digest = try XCTUnwrap(try redis.call("DEBUG", "DIGEST-VALUE", key).array?.first?.string, "DIGEST \(key)")
                let ttl = try XCTUnwrap(try redis.call("PTTL", key).int, "PTTL \(key)")
                // (a short string written as "raw" loads as "embstr", as in Redis)
                result["\(db):\(key)"] = ("\(type) \(type == "string" ? "" : encoding) \(digest)", ttl)
            }
        }
        XCTAssertEqual(try redis.call("SELECT", 0), .simpleString("OK"))
        return result
    }

    private func writeEveryType(_ redis: Redis) throws {
        try redis.call("SET", "string", "hello world")
        try redis.call("SET", "integer", 12345)
        try redis.call("SET", "binary", Data(0...255))
        try redis.call("SET", "expiring", "soon", "PX", 600_000)
        try redis.call("HSET", "hash", "name", "redis", "version", "7")
        try redis.call(["HSET", "bighash"] + (0..<300).flatMap { ["f\($0)", String(repeating: "v", count: $0)] })
        try redis.call("RPUSH", "list", "a", "b", "c", 1, 2, 3)
        try redis.call(["RPUSH", "biglist"] + (0..<2000).map { "item-\($0)" })
        try redis.call("SADD", "intset", 1, 2, 3, 99)
        try redis.call("SADD", "set", "x", "y", "z")
        try redis.call("ZADD", "zset", 1.5, "one", 2, "two", -3, "minus")
        try redis.call(["ZADD", "bigzset"] + (0..<500).flatMap { [String($0), "member\($0)"] })
        try redis.call("XADD", "stream", "1-1", "field", "value")
        try redis.call("XADD", "stream", "2-0", "a", "1", "b", "2")
        try redis.call("XGROUP", "CREATE", "stream", "group", "0")
        try redis.call("XREADGROUP", "GROUP", "group", "consumer", "COUNT", 1, "STREAMS", "stream", ">")
        try redis.call("PFADD", "hll", "a", "b", "c", "d")
        try redis.call("SETBIT", "bitmap", 1000, 1)
        try redis.call("GEOADD", "geo", 13.361389, 38.115556, "Palermo", 15.087269, 37.502669, "Catania")
        try redis.call("EXPIRE", "hash", 3600)
        try redis.call("SELECT", 1)
        try redis.call("SET", "in-db-1", "other database")
        try redis.call("SELECT", 0)
    }

    func testSaveThenANewInstanceLoadsEveryKeyValueAndTTL() throws {
        var written: [String: (value: String, ttl: Int)] = [:]
        do {
            let redis = try startPersistentRedis()
            XCTAssertEqual(try redis.call("CONFIG", "GET", "dir"), .array([bulk("dir"), bulk("/data")]))
            try writeEveryType(redis)
            written = try snapshot(redis)
            XCTAssertEqual(written.count, 17)
            XCTAssertEqual(try redis.call("SAVE"), .simpleString("OK"))
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: dumpFile.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dataDirectory.path)
        XCTAssertEqual(leftovers, ["dump.rdb"], "no temp file left behind")

        let reopened = try startPersistentRedis()
        let loaded = try snapshot(reopened)
        XCTAssertEqual(Set(loaded.keys), Set(written.keys))
        for (key, before) in written {
            guard let after = loaded[key] else { continue }
            XCTAssertEqual(after.value, before.value, "value of \(key)")
            if before.ttl < 0 {
                XCTAssertEqual(after.ttl, before.ttl, "no TTL on \(key)")
            } else {
                XCTAssertLessThanOrEqual(after.ttl, before.ttl, "TTL of \(key)")
                XCTAssertGreaterThan(after.ttl, before.ttl - 60_000, "TTL of \(key)")
            }
        }
        XCTAssertEqual(try reopened.call("GET", "string"), bulk("hello world"))
        XCTAssertEqual(try reopened.call("XPENDING", "stream", "group").array?.first, .integer(1))
    }

    func testWithoutADataDirectorySaveFails() throws {
        let redis = try startRedis()
        try redis.call("SET", "k", "v")
        guard case .error = try redis.call("SAVE") else { return XCTFail("SAVE succeeded without a data directory") }
    }

    func testTheGuestCannotLeaveItsDataDirectory() throws {
        let secret = outside.appendingPathComponent("secret")
        try Data("untouched".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(at: dataDirectory.appendingPathComponent("escape"), withDestinationURL: outside)

        try FileManager.default.createDirectory(at: dataDirectory.appendingPathComponent("inside"), withIntermediateDirectories: false)
        // `dir` is a protected config: allow CONFIG SET on it so the guest's chdir is what refuses.
        let redis = try startPersistentRedis([RedisConfigDirective("enable-protected-configs", "yes")])
        try redis.call("SET", "k", "v")
        XCTAssertEqual(try redis.call("CONFIG", "SET", "dir", "inside"), .simpleString("OK"), "a directory inside is allowed")
        XCTAssertEqual(try redis.call("CONFIG", "GET", "dir"), .array([bulk("dir"), bulk("/data/inside")]))
        XCTAssertEqual(try redis.call("CONFIG", "SET", "dir", ".."), .simpleString("OK"))
        for dir in ["/etc", "/tmp", "/data/../outside", "/data/escape", "/data/escape/", "../outside", "escape", "inside/../../outside"] {
            guard case .error = try redis.call("CONFIG", "SET", "dir", dir) else {
                XCTFail("CONFIG SET dir \(dir) succeeded")
                continue
            }
        }
        for name in ["../x", "/etc/x", "escape/secret"] {
            guard case .error = try redis.call("CONFIG", "SET", "dbfilename", name) else {
                XCTFail("CONFIG SET dbfilename \(name) succeeded")
                continue
            }
        }
        XCTAssertEqual(try redis.call("CONFIG", "GET", "dir"), .array([bulk("dir"), bulk("/data")]))
        // the errno a program expects: nothing outside exists; a link out is not permitted
        XCTAssertTrue(try redis.call("CONFIG", "SET", "dir", "/etc").errorMessage?.hasSuffix("No such file or directory") == true)
        XCTAssertTrue(try redis.call("CONFIG", "SET", "dir", "escape").errorMessage?.hasSuffix("Permission denied") == true)

        // dump.rdb as a link to a host file outside: SAVE replaces the link (rename does not
        // follow it), the file it pointed to stays as it was.
        try FileManager.default.createSymbolicLink(at: dumpFile, withDestinationURL: secret)
        XCTAssertEqual(try redis.call("SAVE"), .simpleString("OK"))
        XCTAssertEqual(try String(contentsOf: secret, encoding: .utf8), "untouched")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), ["secret"])
        let attributes = try FileManager.default.attributesOfItem(atPath: dumpFile.path)
        XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeRegular)
    }

    func testADumpLinkedOutsideIsNotLoaded() throws {
        let secret = outside.appendingPathComponent("secret.rdb")
        try Data("REDIS0009 not for the guest".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(at: dumpFile, withDestinationURL: secret)
        XCTAssertThrowsError(try startPersistentRedis()) { error in
            guard case RedisError.exited(code: 1) = error else { return XCTFail("\(error)") }
        }
    }

    func testATruncatedDumpStopsStartUpAndStaysInPlace() throws {
        do {
            let redis = try startPersistentRedis()
            try writeEveryType(redis)
            XCTAssertEqual(try redis.call("SAVE"), .simpleString("OK"))
        }
        let full = try Data(contentsOf: dumpFile)
        let truncated = full.prefix(full.count / 2)
        try truncated.write(to: dumpFile)

        XCTAssertThrowsError(try startPersistentRedis()) { error in
            guard case RedisError.exited(code: 1) = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try Data(contentsOf: dumpFile), truncated, "the damaged file is left for the user")
    }

    func testAcknowledgedWritesSurviveInTheAppendOnlyFile() throws {
        let aof = [RedisConfigDirective("appendonly", "yes"), RedisConfigDirective("appendfsync", "always")]
        let writes = 10_000
        do {
            let redis = try startPersistentRedis(aof)
            try timed("\(writes) writes, appendfsync always") {
                for i in 0..<writes {
                    XCTAssertEqual(try redis.call("SET", "key:\(i)", "value \(i)"), .simpleString("OK"))
                }
            }
            try redis.call("HSET", "hash", "f", "v")
            try redis.call("EXPIRE", "hash", 3600)
        }
        // dropped without SAVE: only the AOF has the data
        XCTAssertFalse(FileManager.default.fileExists(atPath: dumpFile.path))
        let parts = try FileManager.default.contentsOfDirectory(atPath: aofDirectory.path).sorted()
        XCTAssertEqual(parts, ["appendonly.aof.1.base.rdb", "appendonly.aof.1.incr.aof", "appendonly.aof.manifest"])

        let reopened = try timed("reopen and replay") { try startPersistentRedis(aof) }
        XCTAssertEqual(try reopened.call("DBSIZE"), .integer(Int64(writes + 1)))
        for i in stride(from: 0, to: writes, by: 97) {
            XCTAssertEqual(try reopened.call("GET", "key:\(i)"), bulk("value \(i)"))
        }
        XCTAssertEqual(try reopened.call("GET", "key:\(writes - 1)"), bulk("value \(writes - 1)"))
        let ttl = try XCTUnwrap(try reopened.call("TTL", "hash").int)
        XCTAssertTrue((3500...3600).contains(ttl), "TTL \(ttl)")
    }
}
