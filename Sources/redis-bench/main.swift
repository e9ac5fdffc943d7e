// redis-bench: the in-process SET/GET benchmark of bench/redis_bench.c, through the Swift API.
//
//   redis-bench [-n COMMANDS] [-r RUNS] [WASM]
//   redis-bench --memory [-k KEYS] [WASM]
//
// Starts Redis (RedisOptions defaults, so maxmemory 256mb and noeviction) from WASM (default:
// found as RedisWasmModule describes), then sends COMMANDS (200,000) commands alternating
// `SET key:i val` / `GET key:i` with `Redis.call`, checking every reply, RUNS (3) times on a
// fresh instance each, and prints the median. Start-up is timed twice: the first instance
// reads, decodes and validates the module; later ones reuse it from the module cache.
//
// With --memory: loads KEYS (1,000,000) small keys into one instance and prints the
// process's resident memory and Redis's used_memory (MemoryBenchmark.swift).

import Foundation
import RedisHost

struct Usage: Error, CustomStringConvertible {
    var description: String { "usage: redis-bench [-n COMMANDS] [-r RUNS] [WASM]\n       redis-bench --memory [-k KEYS] [WASM]" }
}

struct Arguments {
    var commands = 200_000, runs = 3
    /// Keys to load with --memory; nil for the SET/GET benchmark.
    var memoryKeys: Int?
    var wasm: String?
}

func parseArguments() throws -> Arguments {
    var parsed = Arguments()
    var keys: Int?, memory = false
    var arguments = CommandLine.arguments.dropFirst()
    func count() throws -> Int {
        guard let value = arguments.popFirst().flatMap(Int.init), value > 0 else { throw Usage() }
        return value
    }
    while let argument = arguments.popFirst() {
        switch argument {
        case "-n": parsed.commands = try count()
        case "-r": parsed.runs = try count()
        case "-k": keys = try count()
        case "--memory": memory = true
        default: guard parsed.wasm == nil, !argument.hasPrefix("-") else { throw Usage() }; parsed.wasm = argument
        }
    }
    guard memory || keys == nil else { throw Usage() }
    if memory { parsed.memoryKeys = keys ?? 1_000_000 }
    return parsed
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// One run: SET/GET alternating; returns ops/s.
func run(_ redis: Redis, commands: Int) throws -> Double {
    let ok = RESPValue.simpleString("OK"), value = RESPValue.bulkString(Array("val".utf8))
    let clock = ContinuousClock()
    let start = clock.now
    for i in 0..<commands {
        let key = "key:\(i / 2)"
        let isSet = i % 2 == 0
        let reply = isSet ? try redis.call("SET", key, "val") : try redis.call("GET", key)
        guard reply == (isSet ? ok : value) else {
            throw RedisError.reply("unexpected reply to \(isSet ? "SET" : "GET") \(key): \(reply)")
        }
    }
    return Double(commands) / (milliseconds(clock.now - start) / 1e3)
}

do {
    let arguments = try parseArguments()
    let (commands, runs) = (arguments.commands, arguments.runs)
    let options = RedisOptions(wasmModulePath: arguments.wasm)
    if let keys = arguments.memoryKeys {
        try MemoryBenchmark.run(options: options, keys: keys)
        exit(0)
    }
    var startups: [Double] = [], rates: [Double] = []
    var firstStartup = 0.0
    for index in 0..<runs {
        let redis = try Redis(options)
        if index == 0 { firstStartup = milliseconds(redis.startupDuration) } else { startups.append(milliseconds(redis.startupDuration)) }
        rates.append(try run(redis, commands: commands))
    }
    print(String(format: "startup (read + decode + validate + instantiate + _initialize + redis_init): %.1f ms", firstStartup))
    if !startups.isEmpty {
        print(String(format: "startup with the module cached (instantiate + _initialize + redis_init): %.1f ms", median(startups)))
    }
    print(String(format: "%d commands (SET/GET alternating) through Redis.call: %.0f ops/s (median of %d runs: %@)",
                 commands, median(rates), runs, rates.map { String(format: "%.0f", $0) }.joined(separator: ", ")))
} catch {
    FileHandle.standardError.write(Data("redis-bench: \(error)\n".utf8))
    exit(1)
}
