// The server's access to a `Redis`: the running instance, under the same lock as every
// other use of it (an embedder may call `Redis.call` while the server runs).

extension Redis {
    /// Runs `body` with the running instance, serialised with every other use. A trap or an
    /// exit inside makes the instance unusable and is thrown as `RedisError.trapped` /
    /// `.exited` (SHUTDOWN, and a shutdown after a signal, exit with status 0).
    func withRunningInstance<R>(_ body: (RedisInstance) throws -> R) throws -> R {
        try lock.withLock { try withInstance(body) }
    }
}
