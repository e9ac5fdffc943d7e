// redis-bench --memory: the resident memory of an embedded Redis holding many small keys.
//
// Measures this process three times: before Redis starts (the Swift runtime alone), once
// Redis has started with no keys, and after loading `keys` keys `key:<i>` with 16-byte
// values (`<i>` zero-padded to 16 digits), SET in pipelined batches of `batchSize`. Reports
// VmRSS and VmHWM, where the resident pages are (ProcessMemory) and Redis's own account
// (INFO memory used_memory). mk/bench-memory.sh loads the same keys into native redis-server.

import Foundation
import RedisHost

enum MemoryBenchmark {
    /// SET commands per `Redis.pipeline` request (about 40 KB: fits the request buffer the
    /// host keeps in guest memory).
    static let batchSize = 1000

    /// Starts Redis with `options`, loads `keys` keys, prints the figures.
    static func run(options: RedisOptions, keys: Int) throws {
        let beforeStart = ProcessMemory.current()
        let redis = try Redis(options)
        let empty = ProcessMemory.current()
        let emptyUsed = try usedMemory(redis)
        let clock = ContinuousClock()
        let start = clock.now
        try load(keys: keys, into: redis)
        let loadDuration = clock.now - start
        let loaded = ProcessMemory.current()
        let loadedUsed = try usedMemory(redis)
        let count = try redis.execute("DBSIZE").int ?? -1
        guard count == keys else { throw RedisError.reply("DBSIZE is \(count) after loading \(keys) keys") }

        print("""
            before start: rss \(mib(beforeStart.residentKiB)) (anonymous \(mib(beforeStart.otherAnonymousKiB)), \
            files \(mib(beforeStart.fileKiB)))
            0 keys: rss \(mib(empty.residentKiB)) (linear memory \(mib(empty.linearMemoryKiB)) of \
            \(mib(empty.linearMemorySizeKiB)), other anonymous \(mib(empty.otherAnonymousKiB)), \
            files \(mib(empty.fileKiB))), used_memory \(mib(emptyUsed / 1024))
            \(keys) keys (loaded in \(String(format: "%.1f", seconds(loadDuration))) s): \
            rss \(mib(loaded.residentKiB)), peak \(mib(loaded.peakResidentKiB)) \
            (linear memory \(mib(loaded.linearMemoryKiB)) of \(mib(loaded.linearMemorySizeKiB)), \
            other anonymous \(mib(loaded.otherAnonymousKiB)), files \(mib(loaded.fileKiB))), \
            used_memory \(mib(loadedUsed / 1024))
            """)
        // One line of key=value pairs for mk/bench-memory.sh (sizes in KiB, used_memory in bytes).
        print("memory: keys=\(keys) rss_kib=\(loaded.residentKiB) hwm_kib=\(loaded.peakResidentKiB)"
              + " used_memory=\(loadedUsed) linear_rss_kib=\(loaded.linearMemoryKiB)"
              + " linear_size_kib=\(loaded.linearMemorySizeKiB) anon_rss_kib=\(loaded.otherAnonymousKiB)"
              + " file_rss_kib=\(loaded.fileKiB) empty_rss_kib=\(empty.residentKiB)"
              + " empty_used_memory=\(emptyUsed) empty_linear_rss_kib=\(empty.linearMemoryKiB)"
              + " empty_anon_rss_kib=\(empty.otherAnonymousKiB) empty_file_rss_kib=\(empty.fileKiB)"
              + " start_rss_kib=\(beforeStart.residentKiB) start_anon_rss_kib=\(beforeStart.otherAnonymousKiB)"
              + " start_file_rss_kib=\(beforeStart.fileKiB)")
    }

    /// SET key:<i> <16 digits> for i in 0..<keys, `batchSize` commands per request; every
    /// reply must be OK.
    static func load(keys: Int, into redis: Redis) throws {
        let ok = RESPValue.simpleString("OK")
        var first = 0
        while first < keys {
            let range = first..<min(first + batchSize, keys)
            let commands: [[any RedisArgument]] = range.map { ["SET", "key:\($0)", value($0)] }
            let replies = try redis.pipeline(commands)
            guard replies.count == range.count, replies.allSatisfy({ $0 == ok }) else {
                throw RedisError.reply("unexpected replies to SET key:\(range.lowerBound)...: \(replies.first { $0 != ok } ?? .null)")
            }
            first = range.upperBound
        }
    }

    /// `i` in 16 decimal digits, zero-padded (as printf's `%016d`).
    static func value(_ i: Int) -> [UInt8] {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: 16)
        var rest = i, position = digits.count - 1
        while rest > 0, position >= 0 {
            digits[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            position -= 1
        }
        return digits
    }

    /// INFO memory's used_memory: the bytes Redis's allocator wrapper counts as allocated.
    static func usedMemory(_ redis: Redis) throws -> Int {
        let info = try redis.execute("INFO", "memory").string ?? ""
        let line = info.split(whereSeparator: \.isNewline).first { $0.hasPrefix("used_memory:") }
        guard let value = line.flatMap({ Int($0.dropFirst("used_memory:".count)) }) else {
            throw RedisError.reply("no used_memory in INFO memory")
        }
        return value
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func mib(_ kib: Int) -> String {
        String(format: "%.1f MiB", Double(kib) / 1024)
    }
}
