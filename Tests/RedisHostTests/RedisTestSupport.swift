// Helpers shared by the Redis tests: starting instances and reading INFO fields.

import Foundation
@testable import RedisHost
import XCTest

extension XCTestCase {
    /// A new embedded Redis from the default redis.wasm (`make redis-wasm`), with
    /// `enable-debug-command yes` so tests can use DEBUG, plus `directives`.
    func startRedis(maxmemory: String = "256mb", policy: MaxmemoryPolicy = .noEviction,
                    directives: [RedisConfigDirective] = []) throws -> Redis {
        let options = try RedisOptions(maxmemory: maxmemory, maxmemoryPolicy: policy,
                                       directives: [RedisConfigDirective("enable-debug-command", "yes")] + directives)
        return try Redis(options)
    }
}

extension Redis {
    /// A numeric field of `INFO <section>` (`used_memory`, `expired_keys`...).
    func infoField(_ name: String, section: String = "everything") throws -> Int {
        let text = try XCTUnwrap(try call("INFO", section).string, "INFO did not answer text")
        for line in text.split(separator: "\r\n") where line.hasPrefix(name + ":") {
            return try XCTUnwrap(Int(line.dropFirst(name.count + 1)), "INFO field \(name) is not an integer: \(line)")
        }
        throw RedisError.reply("INFO has no field \(name)")
    }

    /// INFO's `used_memory`: the bytes Redis's allocator has handed out.
    func usedMemory() throws -> Int { try infoField("used_memory", section: "memory") }
}

/// A RESP bulk string reply holding `text`.
func bulk(_ text: String) -> RESPValue { .bulkString(Array(text.utf8)) }

/// Seconds taken by `body`, for the timings the tests print.
func timed<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    let start = Date()
    defer { print(String(format: "  %@: %.2f s", label, Date().timeIntervalSince(start))) }
    return try body()
}
