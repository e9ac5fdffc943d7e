import Foundation
import XCTest
import RedisHost

final class RedisOptionsTests: XCTestCase {
    func testMemorySizesLikeRedis() throws {
        XCTAssertEqual(try MemorySize.bytes("0"), 0)
        XCTAssertEqual(try MemorySize.bytes("4096"), 4096)
        XCTAssertEqual(try MemorySize.bytes("12b"), 12)
        XCTAssertEqual(try MemorySize.bytes("100k"), 100_000)
        XCTAssertEqual(try MemorySize.bytes("100kb"), 102_400)
        XCTAssertEqual(try MemorySize.bytes("128mb"), 134_217_728)
        XCTAssertEqual(try MemorySize.bytes("128MB"), 134_217_728)
        XCTAssertEqual(try MemorySize.bytes("5m"), 5_000_000)
        XCTAssertEqual(try MemorySize.bytes("1gb"), 1_073_741_824)
        XCTAssertEqual(try MemorySize.bytes("1Gb"), 1_073_741_824)
        XCTAssertEqual(try MemorySize.bytes("3g"), 3_000_000_000)
        XCTAssertEqual(try MemorySize.bytes("18446744073709551615"), .max)
        XCTAssertEqual(try MemorySize.bytes("17179869183gb"), 17_179_869_183 << 30)
    }

    func testInvalidMemorySizes() {
        for text in ["", "mb", "-1", "+1", "1.5gb", "1 mb", " 1", "1tb", "1kib", "10x", "1\u{212A}", "18446744073709551616",
                     "17179869184gb"] {
            XCTAssertThrowsError(try MemorySize.bytes(text), text) { error in
                XCTAssertEqual(error as? RedisOptionsError, .invalidMemorySize(text))
            }
        }
    }

    func testPolicies() throws {
        XCTAssertEqual(MaxmemoryPolicy.allCases.map(\.configName), [
            "noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random",
            "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl",
        ])
        for policy in MaxmemoryPolicy.allCases {
            XCTAssertEqual(MaxmemoryPolicy(configName: policy.configName.uppercased()), policy)
        }
        XCTAssertEqual(try MaxmemoryPolicy.named("Volatile-TTL"), .volatileTTL)
        XCTAssertThrowsError(try MaxmemoryPolicy.named("lru")) { error in
            XCTAssertEqual(error as? RedisOptionsError, .unknownMaxmemoryPolicy("lru"))
            XCTAssertTrue("\(error)".contains("allkeys-lru"))
        }
    }

    func testDefaults() {
        let options = RedisOptions()
        XCTAssertEqual(options.maxmemory, 268_435_456)
        XCTAssertEqual(options.maxmemoryPolicy, .noEviction)
        XCTAssertEqual(options.configuration, "maxmemory 268435456\nmaxmemory-policy noeviction\n")
    }

    func testConfigurationRendering() throws {
        let options = try RedisOptions(maxmemory: "1gb", maxmemoryPolicy: .allKeysLFU, directives: [
            RedisConfigDirective("hz", "50"),
            RedisConfigDirective("save", ""),
            RedisConfigDirective("requirepass", "p w\"d\\'x"),
            RedisConfigDirective("client-output-buffer-limit", "pubsub", "32mb", "8mb", "60"),
            RedisConfigDirective(name: "masterauth", arguments: ["a\u{0}b\nc", "é"]),
        ])
        XCTAssertEqual(options.configuration, """
            maxmemory 1073741824
            maxmemory-policy allkeys-lfu
            hz 50
            save ""
            requirepass "p w\\"d\\\\'x"
            client-output-buffer-limit pubsub 32mb 8mb 60
            masterauth "a\\x00b\\nc" "\\xc3\\xa9"

            """)
        XCTAssertFalse(options.configuration.utf8.contains(0))
        // Redis's config parser reads every line back to the same directive.
        XCTAssertEqual(try RedisConfigDirective.parse(configuration: options.configuration),
                       [RedisConfigDirective("maxmemory", "1073741824"),
                        RedisConfigDirective("maxmemory-policy", "allkeys-lfu")] + options.directives)
    }

    func testParsingARedisConfFile() throws {
        let text = """
            # comment
               maxmemory 100mb\r
            \tMAXMEMORY-POLICY allkeys-lru

              # indented comment
            notify-keyspace-events "KEA"
            rename-command CONFIG ''
            """
        XCTAssertEqual(try RedisConfigDirective.parse(configuration: text), [
            RedisConfigDirective("maxmemory", "100mb"),
            RedisConfigDirective("maxmemory-policy", "allkeys-lru"),
            RedisConfigDirective("notify-keyspace-events", "KEA"),
            RedisConfigDirective("rename-command", "CONFIG", ""),
        ])
        XCTAssertThrowsError(try RedisConfigDirective.parse(configuration: "hz 10\nrequirepass \"abc\n")) { error in
            XCTAssertEqual(error as? RedisOptionsError, .unbalancedQuotes(line: 2, text: "requirepass \"abc"))
        }
        XCTAssertThrowsError(try RedisConfigDirective.parse(configuration: "requirepass \"\\xff\"")) { error in
            XCTAssertEqual(error as? RedisOptionsError, .invalidUTF8(line: 1))
        }
    }

    func testWasmModuleCandidates() throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("resp-options-\(UUID().uuidString)").standardizedFileURL.path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let package = root + "/checkout"
        let executable = package + "/.build/x86_64-unknown-linux-gnu/debug/wasm-redis"
        let elsewhere = root + "/elsewhere"
        for directory in [package + "/build", package + "/.build/x86_64-unknown-linux-gnu/debug", elsewhere + "/build"] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        _ = FileManager.default.createFile(atPath: package + "/Package.swift", contents: Data())
        _ = FileManager.default.createFile(atPath: executable, contents: Data())

        // The environment variable is the only candidate when set.
        XCTAssertEqual(RedisWasmModule.candidatePaths(environment: ["WASM_REDIS_WASM": "/x/r.wasm"],
                                                      currentDirectory: elsewhere, executablePath: executable),
                       ["/x/r.wasm"])
        XCTAssertThrowsError(try RedisWasmModule.locate(environment: ["WASM_REDIS_WASM": "/x/r.wasm"],
                                                        currentDirectory: elsewhere, executablePath: executable)) { error in
            XCTAssertEqual(error as? RedisOptionsError, .wasmModuleNotFound(searched: ["/x/r.wasm"]))
        }
        // Then the working directory, then the executable's package root.
        let candidates = RedisWasmModule.candidatePaths(environment: ["WASM_REDIS_WASM": ""],
                                                        currentDirectory: elsewhere, executablePath: executable)
        XCTAssertEqual(candidates, [elsewhere + "/build/redis.wasm", package + "/build/redis.wasm"])
        XCTAssertThrowsError(try RedisWasmModule.locate(environment: [:], currentDirectory: elsewhere, executablePath: executable))

        _ = FileManager.default.createFile(atPath: package + "/build/redis.wasm", contents: Data([0]))
        XCTAssertEqual(try RedisWasmModule.locate(environment: [:], currentDirectory: elsewhere, executablePath: executable),
                       package + "/build/redis.wasm")
        _ = FileManager.default.createFile(atPath: elsewhere + "/build/redis.wasm", contents: Data([0]))
        XCTAssertEqual(try RedisWasmModule.locate(environment: [:], currentDirectory: elsewhere, executablePath: executable),
                       elsewhere + "/build/redis.wasm")
        // No package root above the executable: only the working directory.
        XCTAssertEqual(RedisWasmModule.candidatePaths(environment: [:], currentDirectory: package, executablePath: "/usr/bin/true"),
                       [package + "/build/redis.wasm"])
    }

    func testExplicitWasmModulePath() throws {
        let missing = RedisOptions(wasmModulePath: "/nonexistent/redis.wasm")
        XCTAssertThrowsError(try missing.resolvedWasmModulePath()) { error in
            XCTAssertEqual(error as? RedisOptionsError, .wasmModuleNotFound(searched: ["/nonexistent/redis.wasm"]))
            XCTAssertTrue("\(error)".contains("make redis-wasm"))
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("resp-\(UUID().uuidString).wasm").path
        _ = FileManager.default.createFile(atPath: file, contents: Data([0]))
        defer { try? FileManager.default.removeItem(atPath: file) }
        XCTAssertEqual(try RedisOptions(wasmModulePath: file).resolvedWasmModulePath(), file)
    }
}
