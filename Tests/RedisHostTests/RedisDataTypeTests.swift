// Every Redis data type through the client API: strings, hashes, lists, sets, sorted sets,
// streams, HyperLogLog, bitmaps and geo.

@testable import RedisHost
import XCTest

final class RedisDataTypeTests: XCTestCase {
    private var redis: Redis!

    override func setUpWithError() throws {
        redis = try startRedis()
    }

    private func strings(_ value: RESPValue) -> [String]? { value.array?.compactMap(\.string) }

    func testStrings() throws {
        XCTAssertEqual(try redis.call("SET", "s", "hello"), .simpleString("OK"))
        XCTAssertEqual(try redis.call("APPEND", "s", " world"), .integer(11))
        XCTAssertEqual(try redis.call("GETRANGE", "s", 0, 4), bulk("hello"))
        XCTAssertEqual(try redis.call("SETRANGE", "s", 6, "WORLD"), .integer(11))
        XCTAssertEqual(try redis.call("GET", "s"), bulk("hello WORLD"))
        XCTAssertEqual(try redis.call("STRLEN", "s"), .integer(11))
        XCTAssertEqual(try redis.call("MSET", "a", "1", "b", "2"), .simpleString("OK"))
        XCTAssertEqual(try redis.call("MGET", "a", "b", "nope"), .array([bulk("1"), bulk("2"), .null]))
        XCTAssertEqual(try redis.call("INCRBYFLOAT", "a", "0.5"), bulk("1.5"))
        XCTAssertEqual(try redis.call("SETNX", "a", "x"), .integer(0))
        XCTAssertEqual(try redis.call("GETDEL", "b"), bulk("2"))
        XCTAssertEqual(try redis.call("EXISTS", "a", "b"), .integer(1))
        XCTAssertEqual(try redis.call("TYPE", "a"), .simpleString("string"))
        XCTAssertEqual(try redis.call("OBJECT", "ENCODING", "s"), bulk("raw"))
        XCTAssertEqual(try redis.call("SET", "i", 12345), .simpleString("OK"))
        XCTAssertEqual(try redis.call("OBJECT", "ENCODING", "i"), bulk("int"))
    }

    func testHashes() throws {
        XCTAssertEqual(try redis.call("HSET", "h", "name", "redis", "version", "7", "n", "1"), .integer(3))
        XCTAssertEqual(try redis.call("HGET", "h", "name"), bulk("redis"))
        XCTAssertEqual(try redis.call("HINCRBY", "h", "n", 9), .integer(10))
        XCTAssertEqual(try redis.call("HLEN", "h"), .integer(3))
        XCTAssertEqual(try redis.call("HDEL", "h", "version"), .integer(1))
        XCTAssertEqual(try redis.call("HGETALL", "h"), .array([bulk("name"), bulk("redis"), bulk("n"), bulk("10")]))
        // Big enough to leave the listpack encoding.
        for i in 0..<600 { try redis.call("HSET", "big", "field\(i)", i) }
        XCTAssertEqual(try redis.call("OBJECT", "ENCODING", "big"), bulk("hashtable"))
        XCTAssertEqual(try redis.call("HGET", "big", "field599"), bulk("599"))
        XCTAssertEqual(try redis.call("HLEN", "big"), .integer(600))
    }

    func testLists() throws {
        XCTAssertEqual(try redis.call("RPUSH", "l", "b", "c"), .integer(2))
        XCTAssertEqual(try redis.call("LPUSH", "l", "a"), .integer(3))
        XCTAssertEqual(strings(try redis.call("LRANGE", "l", 0, -1)), ["a", "b", "c"])
        XCTAssertEqual(try redis.call("LINSERT", "l", "BEFORE", "c", "bc"), .integer(4))
        XCTAssertEqual(try redis.call("LINDEX", "l", 2), bulk("bc"))
        XCTAssertEqual(try redis.call("LPOP", "l"), bulk("a"))
        XCTAssertEqual(try redis.call("RPOP", "l", 2), .array([bulk("c"), bulk("bc")]))
        XCTAssertEqual(try redis.call("LMOVE", "l", "l2", "LEFT", "RIGHT"), bulk("b"))
        XCTAssertEqual(try redis.call("EXISTS", "l"), .integer(0))
        for i in 0..<1000 { try redis.call("RPUSH", "long", i) }
        XCTAssertEqual(try redis.call("LLEN", "long"), .integer(1000))
        XCTAssertEqual(try redis.call("LINDEX", "long", 777), bulk("777"))
        XCTAssertEqual(try redis.call("OBJECT", "ENCODING", "long"), bulk("quicklist"))
    }

    func testSets() throws {
        XCTAssertEqual(try redis.call("SADD", "s1", "a", "b", "c"), .integer(3))
        XCTAssertEqual(try redis.call("SADD", "s2", "b", "c", "d"), .integer(3))
        XCTAssertEqual(strings(try redis.call("SINTER", "s1", "s2"))?.sorted(), ["b", "c"])
        XCTAssertEqual(strings(try redis.call("SUNION", "s1", "s2"))?.sorted(), ["a", "b", "c", "d"])
        XCTAssertEqual(strings(try redis.call("SDIFF", "s1", "s2")), ["a"])
        XCTAssertEqual(try redis.call("SISMEMBER", "s1", "a"), .integer(1))
        XCTAssertEqual(try redis.call("SCARD", "s2"), .integer(3))
        XCTAssertEqual(try redis.call("SREM", "s2", "d"), .integer(1))
        for i in 0..<600 { try redis.call("SADD", "ints", i) }
        XCTAssertEqual(try redis.call("OBJECT", "ENCODING", "ints"), bulk("hashtable"))
        XCTAssertEqual(try redis.call("SCARD", "ints"), .integer(600))
    }

    func testSortedSets() throws {
        XCTAssertEqual(try redis.call("ZADD", "z", 3, "c", 1, "a", 2, "b"), .integer(3))
        XCTAssertEqual(strings(try redis.call("ZRANGE", "z", 0, -1)), ["a", "b", "c"])
        XCTAssertEqual(strings(try redis.call("ZRANGE", "z", 0, 0, "WITHSCORES")), ["a", "1"])
        XCTAssertEqual(try redis.call("ZINCRBY", "z", 10, "a"), bulk("11"))
        XCTAssertEqual(try redis.call("ZRANK", "z", "a"), .integer(2))
        XCTAssertEqual(try redis.call("ZSCORE", "z", "b"), bulk("2"))
        XCTAssertEqual(strings(try redis.call("ZRANGEBYSCORE", "z", "(2", "+inf")), ["c", "a"])
        XCTAssertEqual(try redis.call("ZPOPMIN", "z"), .array([bulk("b"), bulk("2")]))
        for i in 0..<200 { try redis.call("ZADD", "big", Double(i) / 2, "m\(i)") }
        XCTAssertEqual(try redis.call("OBJECT", "ENCODING", "big"), bulk("skiplist"))
        XCTAssertEqual(try redis.call("ZCOUNT", "big", 10, 20), .integer(21))
    }

    func testStreams() throws {
        XCTAssertEqual(try redis.call("XADD", "st", "1-1", "temp", "20"), bulk("1-1"))
        XCTAssertEqual(try redis.call("XADD", "st", "2-0", "temp", "21"), bulk("2-0"))
        let generated = try XCTUnwrap(try redis.call("XADD", "st", "*", "temp", "22").string)
        XCTAssertTrue(generated.contains("-"))
        XCTAssertEqual(try redis.call("XLEN", "st"), .integer(3))
        XCTAssertEqual(try redis.call("XRANGE", "st", "-", "2-0"),
                       .array([.array([bulk("1-1"), .array([bulk("temp"), bulk("20")])]),
                               .array([bulk("2-0"), .array([bulk("temp"), bulk("21")])])]))
        XCTAssertEqual(try redis.call("XGROUP", "CREATE", "st", "g", "0"), .simpleString("OK"))
        let read = try redis.call("XREADGROUP", "GROUP", "g", "consumer", "COUNT", 2, "STREAMS", "st", ">")
        XCTAssertEqual(read.array?.first?.array?.last?.array?.count, 2)
        XCTAssertEqual(try redis.call("XACK", "st", "g", "1-1", "2-0"), .integer(2))
        XCTAssertEqual(try redis.call("XTRIM", "st", "MAXLEN", 1), .integer(2))
        XCTAssertEqual(try redis.call("XLEN", "st"), .integer(1))
    }

    func testHyperLogLog() throws {
        for chunk in 0..<10 {
            try redis.call(["PFADD", "hll"] + (0..<1000).map { "item-\(chunk * 1000 + $0)" })
        }
        let estimate = try XCTUnwrap(try redis.call("PFCOUNT", "hll").int)
        XCTAssertEqual(Double(estimate), 10_000, accuracy: 10_000 * 0.03, "HyperLogLog's standard error is 0.81 %")
        try redis.call("PFADD", "other", "item-1", "new")
        try redis.call("PFMERGE", "merged", "hll", "other")
        XCTAssertEqual(try redis.call("PFCOUNT", "merged").int.map { abs($0 - estimate) <= 2 }, true)
    }

    func testBitmaps() throws {
        XCTAssertEqual(try redis.call("SETBIT", "bits", 7, 1), .integer(0))
        XCTAssertEqual(try redis.call("SETBIT", "bits", 100, 1), .integer(0))
        XCTAssertEqual(try redis.call("GETBIT", "bits", 7), .integer(1))
        XCTAssertEqual(try redis.call("BITCOUNT", "bits"), .integer(2))
        XCTAssertEqual(try redis.call("BITPOS", "bits", 1), .integer(7))
        XCTAssertEqual(try redis.call("GETRANGE", "bits", 0, 0), .bulkString([0x01]))
        try redis.call("SET", "x", "\u{0F}")
        try redis.call("SET", "y", "\u{3C}")
        XCTAssertEqual(try redis.call("BITOP", "AND", "and", "x", "y"), .integer(1))
        XCTAssertEqual(try redis.call("GET", "and"), .bulkString([0x0C]))
        XCTAssertEqual(try redis.call("BITFIELD", "bf", "SET", "u8", 0, 200, "INCRBY", "u8", 0, 100),
                       .array([.integer(0), .integer(44)]))
    }

    func testGeo() throws {
        XCTAssertEqual(try redis.call("GEOADD", "sicily", "13.361389", "38.115556", "Palermo",
                                      "15.087269", "37.502669", "Catania"), .integer(2))
        let distance = try XCTUnwrap(try redis.call("GEODIST", "sicily", "Palermo", "Catania", "km").string.flatMap(Double.init))
        XCTAssertEqual(distance, 166.2742, accuracy: 0.001)
        XCTAssertEqual(strings(try redis.call("GEOSEARCH", "sicily", "FROMLONLAT", 15, 37, "BYRADIUS", 100, "km", "ASC")),
                       ["Catania"])
        XCTAssertEqual(strings(try redis.call("GEOSEARCH", "sicily", "FROMLONLAT", 15, 37, "BYRADIUS", 200, "km", "ASC")),
                       ["Catania", "Palermo"])
        let hash = try redis.call("GEOHASH", "sicily", "Palermo")
        XCTAssertEqual(hash, .array([bulk("sqc8b49rny0")]))
    }
}
