// wasm-redis's command line: options first, then an optional Redis command whose words are
// all passed on (so `wasm-redis SET k --raw` sets k to "--raw"), as redis-cli reads its own.

import Foundation
import RedisHost

/// What to do, and how.
struct CommandLineOptions {
    enum Mode: Equatable {
        /// Commands typed at a prompt, or read from standard input when it is not a terminal.
        case shell
        /// One command, given on the command line.
        case oneShot([[UInt8]])
        /// A RESP server on `bind`:`port`.
        case serve
        case help
        case version
    }

    var mode: Mode = .shell
    /// Print replies raw (redis-cli --raw) instead of redis-cli's terminal format.
    var raw = false
    /// How to start Redis.
    var redis = RedisOptions()
    /// Where --serve listens.
    var bindAddress = "127.0.0.1"
    var port: UInt16 = 6379

    static let usage = """
        usage: wasm-redis [--dir PATH] [--maxmemory SIZE] [--maxmemory-policy POLICY] [--config FILE] [--wasm PATH] [--raw] [COMMAND [ARG ...]]
               wasm-redis --serve [--bind ADDR] [--port N] [--dir PATH] [--maxmemory SIZE] [--maxmemory-policy POLICY] [--config FILE] [--wasm PATH]
               wasm-redis --version | --help
        """

    static let help = """
        wasm-redis: Redis \(redisVersion) compiled to WebAssembly, running in this process on a pure-Swift
        interpreter.

        \(usage)

        Without a command, wasm-redis reads commands at a `wasm-redis> ` prompt, quoted as in redis-cli
        ("a b\\n", 'c d', \\xHH escapes), or line by line from standard input when it is not a terminal.
        With a command, it runs that command, prints the reply and exits with status 1 on an error reply.

        Without --dir, Redis keeps nothing on disk. With --dir, it keeps dump.rdb and the AOF
        (appendonly yes) in PATH, loads them at start, saves on the save points (those of
        redis-server, 3600 1 300 100 60 10000, unless --config sets some), and when it stops
        (SHUTDOWN, SIGINT, SIGTERM, the shell's end) saves as redis-server does on shutdown:
        dump.rdb when there are save points (not after SHUTDOWN NOSAVE), the AOF when it is on.
        BGSAVE and BGREWRITEAOF do their work before they answer (there is no fork).

          --dir PATH                keep Redis's files (dump.rdb, appendonlydir/) in PATH, an existing
                                    directory; Redis can reach nothing outside it
          --maxmemory SIZE          memory limit, e.g. 64mb, 1gb (default 256mb)
          --maxmemory-policy NAME   noeviction (default), allkeys-lru, allkeys-lfu, allkeys-random,
                                    volatile-lru, volatile-lfu, volatile-random, volatile-ttl
          --config FILE             redis.conf directives (command-line options win over them;
                                    its port and bind are --serve's, its dir is --dir's)
          --wasm PATH               the redis.wasm to run (default: $\(RedisWasmModule.environmentVariable),
                                    else build/redis.wasm of this checkout)
          --raw                     print replies raw, as redis-cli --raw does
          --serve                   serve clients over TCP (redis-cli, redis-benchmark, client libraries)
                                    until SHUTDOWN, SIGINT or SIGTERM
          --bind ADDR               address to listen on with --serve (default 127.0.0.1)
          --port N                  port to listen on with --serve (default 6379; 0 picks a free one)
          --version                 print the version
          --help                    print this help
        """

    /// redis-server's save points when no configuration sets any (server.c, initServerConfig).
    static let defaultSavePoints = ["3600", "1", "300", "100", "60", "10000"]

    /// The Redis version redis.wasm is built from (`make redis-wasm`).
    static let redisVersion = "7.0.15"
    static let version = "wasm-redis 0.1.0 (Redis \(redisVersion))"

    /// Parses the arguments after the program name.
    static func parse(_ arguments: [String]) throws(UsageError) -> CommandLineOptions {
        var options = CommandLineOptions()
        var configDirectives: [RedisConfigDirective] = []
        var dataDirectory: String?
        var flagDirectives: [RedisConfigDirective] = []
        var serve = false
        var bind: String?
        var port: UInt16?
        var remaining = arguments[...]

        func value(of option: String, inline: String?) throws(UsageError) -> String {
            if let inline { return inline }
            guard let next = remaining.popFirst() else { throw UsageError("option \(option) needs a value") }
            return next
        }

        while let argument = remaining.first, argument.hasPrefix("--") {
            remaining.removeFirst()
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0]
            let inline = parts.count > 1 ? parts[1] : nil
            switch name {
            case "--maxmemory":
                let size = try value(of: name, inline: inline)
                do { _ = try MemorySize.bytes(size) } catch { throw UsageError(error.description) }
                flagDirectives.append(RedisConfigDirective("maxmemory", size))
            case "--maxmemory-policy":
                let policy = try value(of: name, inline: inline)
                do { _ = try MaxmemoryPolicy.named(policy) } catch { throw UsageError(error.description) }
                flagDirectives.append(RedisConfigDirective("maxmemory-policy", policy))
            case "--config":
                configDirectives += try readConfiguration(try value(of: name, inline: inline))
            case "--dir":
                dataDirectory = try existingDirectory(try value(of: name, inline: inline), named: "--dir")
            case "--wasm":
                options.redis.wasmModulePath = try value(of: name, inline: inline)
            case "--raw" where inline == nil:
                options.raw = true
            case "--serve" where inline == nil:
                serve = true
            case "--bind":
                bind = try value(of: name, inline: inline)
            case "--port":
                let text = try value(of: name, inline: inline)
                guard let number = UInt16(text) else { throw UsageError("invalid port '\(text)': expected 0 to 65535") }
                port = number
            case "--version" where inline == nil:
                return CommandLineOptions(mode: .version)
            case "--help" where inline == nil:
                return CommandLineOptions(mode: .help)
            default:
                throw UsageError("unknown option '\(argument)'")
            }
        }

        // The listening address and the data directory are the host's: from the configuration
        // file unless given here, and never passed to Redis (inside, `port 0`: Redis itself
        // does not listen; its `dir` is the data directory's guest path).
        let hostOwned: Set = ["port", "bind", "dir"]
        if dataDirectory == nil, let path = configDirectives.last(where: { $0.name == "dir" })?.arguments.first {
            dataDirectory = try existingDirectory(path, named: "configuration: dir")
        }
        // With a data directory, redis-server's own save points unless the file sets some (a
        // file's first `save` line would add to them, not replace them).
        let setsSavePoints = configDirectives.contains { $0.name == "save" }
        let savePoints = dataDirectory == nil || setsSavePoints
            ? [] : [RedisConfigDirective(name: "save", arguments: Self.defaultSavePoints)]
        options.redis.dataDirectory = dataDirectory
        options.redis.directives = savePoints + configDirectives.filter { !hostOwned.contains($0.name) } + flagDirectives
        if !serve {
            guard bind == nil && port == nil else { throw UsageError("--bind and --port need --serve") }
            if !remaining.isEmpty { options.mode = .oneShot(remaining.map { Array($0.utf8) }) }
            return options
        }
        guard remaining.isEmpty else { throw UsageError("--serve takes no command") }
        guard !options.raw else { throw UsageError("--raw is for commands, not --serve") }
        for directive in configDirectives {
            if directive.name == "bind", bind == nil, let first = directive.arguments.first { bind = first }
            if directive.name == "port", port == nil, let text = directive.arguments.first {
                guard let number = UInt16(text) else { throw UsageError("configuration: invalid port '\(text)'") }
                port = number
            }
        }
        options.mode = .serve
        options.bindAddress = bind ?? options.bindAddress
        options.port = port ?? options.port
        return options
    }

    /// `path` if it names an existing directory.
    private static func existingDirectory(_ path: String, named what: String) throws(UsageError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError("\(what) \(path): not an existing directory")
        }
        return path
    }

    /// The directives of a redis.conf file.
    private static func readConfiguration(_ path: String) throws(UsageError) -> [RedisConfigDirective] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw UsageError("cannot read configuration file '\(path)': \(error.localizedDescription)")
        }
        do {
            return try RedisConfigDirective.parse(configuration: text)
        } catch {
            throw UsageError("configuration file '\(path)': \(error.description)")
        }
    }
}

/// A command line wasm-redis cannot use: the message, then the usage lines.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
