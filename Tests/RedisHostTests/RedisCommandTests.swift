// The client API on basic commands: replies, error replies as values and as thrown errors,
// Lua scripts, pipelining, raw protocol bytes, RESP3 and client reconnects.

@testable import RedisHost
import XCTest

final class RedisCommandTests: XCTestCase {
    func testPingSetGetIncr() throws {
        let redis = try startRedis()
        XCTAssertEqual(try redis.call("PING"), .simpleString("PONG"))
        XCTAssertEqual(try redis.call("PING", "hello"), bulk("hello"))
        XCTAssertEqual(try redis.call("SET", "k", "v"), .simpleString("OK"))
        XCTAssertEqual(try redis.call("GET", "k"), bulk("v"))
        XCTAssertEqual(try redis.call("GET", "missing"), .null)
        XCTAssertEqual(try redis.call("INCR", "n"), .integer(1))
        XCTAssertEqual(try redis.call("INCRBY", "n", 41), .integer(42))
        XCTAssertEqual(try redis.call(["DECR", "n"]), .integer(41))
        XCTAssertEqual(try redis.call("DBSIZE"), .integer(2))
    }

    func testErrorRepliesAreValuesAndExecuteThrowsThem() throws {
        let redis = try startRedis()
        let unknown = try redis.call("NOSUCHCOMMAND", "x")
        XCTAssertTrue(unknown.errorMessage?.hasPrefix("ERR unknown command 'NOSUCHCOMMAND'") == true, "\(unknown)")
        try redis.call("SET", "text", "abc")
        XCTAssertEqual(try redis.call("INCR", "text"), .error("ERR value is not an integer or out of range"))
        XCTAssertEqual(try redis.call("LPUSH", "text", "x").errorMessage?.hasPrefix("WRONGTYPE"), true)
        XCTAssertEqual(try redis.call("GET").errorMessage, "ERR wrong number of arguments for 'get' command")

        XCTAssertThrowsError(try redis.execute("INCR", "text")) { error in
            guard case RedisError.reply(let message) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(message, "ERR value is not an integer or out of range")
        }
        XCTAssertEqual(try redis.execute("GET", "text"), bulk("abc"))
        XCTAssertThrowsError(try redis.call([])) { XCTAssertEqual("\($0)", "\(RedisError.emptyCommand)") }
        XCTAssertTrue(redis.isUsable, "error replies leave the instance usable")
    }

    func testEvalReturnsArraysIntegersAndRunsCommands() throws {
        let redis = try startRedis()
        XCTAssertEqual(try redis.call("EVAL", "return {1, 2, 'three', {4}}", 0),
                       .array([.integer(1), .integer(2), bulk("three"), .array([.integer(4)])]))
        XCTAssertEqual(try redis.call("EVAL", "return 6 * 7", 0), .integer(42))
        XCTAssertEqual(try redis.call("EVAL", "return redis.call('SET', KEYS[1], ARGV[1])", 1, "lk", "lua-value"),
                       .simpleString("OK"))
        XCTAssertEqual(try redis.call("GET", "lk"), bulk("lua-value"))
        XCTAssertEqual(try redis.call("EVAL", "return redis.call('GET', KEYS[1])", 1, "lk"), bulk("lua-value"))
        XCTAssertEqual(try redis.call("EVAL", "redis.call('INCR', 'c'); redis.call('INCR', 'c'); return redis.call('GET', 'c')", 0),
                       bulk("2"))
        // A script runs from the cache by its SHA1.
        let sha = try XCTUnwrap(try redis.call("SCRIPT", "LOAD", "return ARGV[1] .. ARGV[2]").string)
        XCTAssertEqual(try redis.call("EVALSHA", sha, 0, "a", "b"), bulk("ab"))
    }

    func testPipelineReturnsEveryReplyInOrder() throws {
        let redis = try startRedis()
        var commands: [[any RedisArgument]] = []
        for i in 0..<100 { commands.append(["SET", "p:\(i)", i]) }
        commands.append(["INCR", "p:7"])
        commands.append(["HGET", "p:1", "f"])
        commands.append(["MGET", "p:0", "p:99", "p:none"])
        let replies = try redis.pipeline(commands)
        XCTAssertEqual(replies.count, 103)
        XCTAssertEqual(Array(replies[0..<100]), Array(repeating: .simpleString("OK"), count: 100))
        XCTAssertEqual(replies[100], .integer(8))
        XCTAssertEqual(replies[101].errorMessage?.hasPrefix("WRONGTYPE"), true)
        XCTAssertEqual(replies[102], .array([bulk("0"), bulk("99"), .null]))
    }

    func testCallRawReturnsTheProtocolBytes() throws {
        let redis = try startRedis()
        XCTAssertEqual(try redis.callRaw(Array("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\nvv\r\n".utf8)), Array("+OK\r\n".utf8))
        XCTAssertEqual(try redis.callRaw(Array("PING\r\nGET k\r\n".utf8)), Array("+PONG\r\n$2\r\nvv\r\n".utf8))
        // A request split anywhere waits for its rest.
        XCTAssertEqual(try redis.callRaw(Array("*2\r\n$3\r\nGE".utf8)), [])
        XCTAssertEqual(try redis.callRaw(Array("T\r\n$1\r\nk\r\n".utf8)), Array("$2\r\nvv\r\n".utf8))
    }

    func testHello3GivesTypedReplies() throws {
        let redis = try startRedis()
        XCTAssertEqual(try redis.call("HGETALL", "nothing"), .array([]))
        let hello = try redis.call("HELLO", 3)
        let fields = try XCTUnwrap(hello.map, "HELLO 3 answers a map: \(hello)")
        XCTAssertEqual(fields.first { $0.key == bulk("proto") }?.value, .integer(3))
        XCTAssertEqual(fields.first { $0.key == bulk("version") }?.value, bulk("7.0.15"))

        try redis.call("HSET", "h", "a", "1")
        XCTAssertEqual(try redis.call("HGETALL", "h"), .map([RESPPair(key: bulk("a"), value: bulk("1"))]))
        try redis.call("SADD", "s", "x")
        XCTAssertEqual(try redis.call("SMEMBERS", "s"), .set([bulk("x")]))
        try redis.call("ZADD", "z", "1.5", "m")
        XCTAssertEqual(try redis.call("ZSCORE", "z", "m"), .double(1.5))
        XCTAssertEqual(try redis.call("GET", "missing"), .null)
        XCTAssertEqual(try redis.call("DEBUG", "PROTOCOL", "true"), .boolean(true))
        XCTAssertEqual(try redis.call("DEBUG", "PROTOCOL", "false"), .boolean(false))
        XCTAssertEqual(try redis.call("DEBUG", "PROTOCOL", "bignum"), .bigNumber("1234567999999999999999999999999999999"))
        XCTAssertEqual(try redis.call("DEBUG", "PROTOCOL", "verbatim"),
                       .verbatimString(format: "txt", text: Array("This is a verbatim\nstring".utf8)))
        XCTAssertEqual(try redis.call("DEBUG", "PROTOCOL", "double"), .double(3.141))
        XCTAssertEqual(try redis.call("DEBUG", "PROTOCOL", "attrib").withoutAttributes, bulk("Some real reply following the attribute"))
        XCTAssertEqual(try redis.call("DEBUG", "PROTOCOL", "attrib").attributes.first?.key, bulk("key-popularity"))

        // Pub/sub messages to ourselves arrive as pushes next to the reply, out of band.
        XCTAssertEqual(try redis.call("SUBSCRIBE", "news"), .push([bulk("subscribe"), bulk("news"), .integer(1)]))
        XCTAssertEqual(try redis.call("PUBLISH", "news", "hi"), .integer(1))
        XCTAssertEqual(redis.takeMessages(), [.push([bulk("message"), bulk("news"), bulk("hi")])])
        XCTAssertEqual(redis.takeMessages(), [])

        XCTAssertEqual(try redis.call("UNSUBSCRIBE"), .push([bulk("unsubscribe"), bulk("news"), .integer(0)]))
        XCTAssertEqual(try redis.call("HELLO", 2).array?.count, 14)
        XCTAssertEqual(try redis.call("ZSCORE", "z", "m"), bulk("1.5"))
    }

    func testQuitReconnectsAndBlockingCommandsTimeOutAtOnce() throws {
        let redis = try startRedis()
        try redis.call("SELECT", 3)
        try redis.call("SET", "in3", "x")
        XCTAssertEqual(try redis.call("QUIT"), .simpleString("OK"))
        // A fresh client: database 0 again.
        XCTAssertEqual(try redis.call("GET", "in3"), .null)
        try redis.call("SELECT", 3)
        XCTAssertEqual(try redis.call("GET", "in3"), bulk("x"))

        // Nothing else could push to the list: the timeout reply comes without waiting.
        let start = Date()
        XCTAssertEqual(try redis.call("BLPOP", "empty", 0), .null)
        XCTAssertEqual(try redis.call("BLPOP", "empty", 5), .null)
        XCTAssertEqual(try redis.call("BZPOPMIN", "emptyz", 5), .null)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        try redis.call("RPUSH", "full", "a")
        XCTAssertEqual(try redis.call("BLPOP", "full", 0), .array([bulk("full"), bulk("a")]))
        XCTAssertEqual(try redis.call("PING"), .simpleString("PONG"))
    }
}
