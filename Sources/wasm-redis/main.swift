// wasm-redis: Redis 7.0.15 compiled to WebAssembly, in this process. A redis-cli-like shell
// (prompt, commands from standard input, one command from the command line) or, with
// --serve, a RESP server for redis-cli, redis-benchmark and client libraries.

import Foundation
import Glibc
import RedisHost

/// Prints `message` and the usage lines on standard error; exit status 2.
func usageFailure(_ message: String) -> Int32 {
    FileHandle.standardError.write(Data("wasm-redis: \(message)\n\(CommandLineOptions.usage)\n".utf8))
    return 2
}

func main() -> Int32 {
    let options: CommandLineOptions
    do {
        options = try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst()))
    } catch {
        return usageFailure(error.message)
    }
    switch options.mode {
    case .help:
        print(CommandLineOptions.help)
        return 0
    case .version:
        print(CommandLineOptions.version)
        return 0
    case .serve:
        return serve(options)
    case .shell, .oneShot:
        break
    }

    let redis: Redis
    do {
        redis = try Redis(options.redis)
    } catch {
        FileHandle.standardError.write(Data("wasm-redis: cannot start Redis: \(error)\n".utf8))
        return 1
    }
    let shell = Shell(redis: redis, raw: options.raw)
    if options.redis.dataDirectory != nil { ShellSignals.install() }
    if case .oneShot(let command) = options.mode {
        do {
            return shell.saveAtEnd(status: try shell.run(command) ? 1 : 0)
        } catch {
            return shell.end(error)
        }
    }
    return shell.saveAtEnd(status: shell.readCommands(interactive: isatty(STDIN_FILENO) == 1))
}

exit(main())
