// --serve: Redis behind a RESP server on the platform's sockets (RedisHost's RedisServer).

import Foundation
import RedisHost

/// Serves until SHUTDOWN, SIGINT or SIGTERM; the exit status (0 after a clean shutdown).
func serve(_ options: CommandLineOptions) -> Int32 {
    let redis: Redis
    let server: RedisServer
    do {
        redis = try Redis(options.redis)
        server = try RedisServer(redis: redis, host: options.bindAddress, port: options.port)
    } catch {
        FileHandle.standardError.write(Data("wasm-redis: \(error)\n".utf8))
        return 1
    }
    server.routeTerminationSignals()
    // One line for people and scripts (a test starting the server on port 0 reads the port).
    FileHandle.standardOutput.write(Data("wasm-redis: Redis \(CommandLineOptions.redisVersion) ready to accept connections on \(server.address)\n".utf8))
    do {
        switch try server.run() {
        case .stopped: return 0
        case .shutdown(let status):
            if status != 0 { FileHandle.standardError.write(Data("wasm-redis: Redis exited with status \(status)\n".utf8)) }
            return status
        }
    } catch {
        FileHandle.standardError.write(Data("wasm-redis: \(error)\n".utf8))
        return 1
    }
}
