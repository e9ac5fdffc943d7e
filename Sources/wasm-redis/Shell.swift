// The redis-cli-like shell: command lines split with redis-cli's quoting, sent to the
// embedded Redis, replies printed as redis-cli prints them. Used for the prompt, for
// commands read from standard input, and for the one command given on the command line.

import Foundation
import RedisHost

final class Shell {
    private let redis: Redis
    private let raw: Bool
    private let output = FileHandle.standardOutput
    /// The prompt's state, tracked from replies as redis-cli tracks it: the selected database
    /// and whether a MULTI is open.
    private var database = 0
    private var inTransaction = false
    private var input = InputLines()

    init(redis: Redis, raw: Bool) {
        self.redis = redis
        self.raw = raw
    }

    /// redis-cli's prompt for the current state: `wasm-redis> `, `wasm-redis[2]> `,
    /// `wasm-redis(TX)> `.
    var prompt: String {
        "wasm-redis" + (database != 0 ? "[\(database)]" : "") + (inTransaction ? "(TX)" : "") + "> "
    }

    /// Reads command lines until end of input, `quit`/`exit` or a signal routed by
    /// `ShellSignals`, printing a prompt before each when `interactive`. Returns the exit
    /// status: 0, Redis's own after SHUTDOWN, or 1 when Redis failed.
    func readCommands(interactive: Bool) -> Int32 {
        while !ShellSignals.received {
            if interactive { write(prompt) }
            guard let line = input.next() else {
                if interactive { write("\n") }
                return 0
            }
            let arguments: [[UInt8]]
            do {
                arguments = try splitCommandLine(line)
            } catch {
                write("\(error.description)\n")
                continue
            }
            guard let first = arguments.first else { continue }
            switch String(decoding: first, as: UTF8.self).lowercased() {
            case "quit", "exit":
                return 0
            case "help":
                write(ShellHelp.text(for: Array(arguments.dropFirst()), redis: redis))
                continue
            default:
                break
            }
            do {
                _ = try run(arguments)
            } catch {
                return end(error)
            }
        }
        return 0
    }

    /// Runs one command and prints its replies; returns whether one of them was an error.
    func run(_ arguments: [[UInt8]]) throws -> Bool {
        let replies = try RESPParser.parseComplete(try redis.callRaw(RESPRequest.encode(arguments)))
        var failed = false
        for reply in replies {
            write(formatReplyBytes(reply, raw: raw))
            failed = failed || reply.isError
        }
        track(String(decoding: arguments[0], as: UTF8.self).lowercased(), arguments, replies.last)
        return failed
    }

    /// Follows SELECT, MULTI, EXEC and DISCARD for the prompt.
    private func track(_ command: String, _ arguments: [[UInt8]], _ reply: RESPValue?) {
        guard let reply, !reply.isError else {
            // An error ends a transaction only when it answers EXEC or DISCARD.
            if command == "exec" || command == "discard" { inTransaction = false }
            return
        }
        switch command {
        case "select" where arguments.count == 2:
            database = Int(String(decoding: arguments[1], as: UTF8.self)) ?? database
        case "multi": inTransaction = true
        case "exec", "discard": inTransaction = false
        default: break
        }
    }

    /// At the end of the shell (end of input, `quit`, after a one-shot command), with a data
    /// directory: what Redis's shutdown would save, without its log lines — dump.rdb when save
    /// points are set (the AOF, when on, is already written after each command). Returns
    /// `status`, or 1 when saving failed (the error on standard error). Nothing to do when
    /// Redis already stopped (SHUTDOWN).
    func saveAtEnd(status: Int32) -> Int32 {
        guard redis.options.dataDirectory != nil, redis.isUsable else { return status }
        do {
            let savePoints = try redis.call("CONFIG", "GET", "save").array?.last?.string ?? ""
            guard !savePoints.isEmpty else { return status }
            let reply = try redis.call("SAVE")
            guard let message = reply.errorMessage else { return status }
            FileHandle.standardError.write(Data("wasm-redis: saving at exit failed: \(message)\n".utf8))
            return 1
        } catch {
            return end(error)
        }
    }

    /// The exit status after Redis stopped: 0 after SHUTDOWN; else, after printing why on
    /// standard error (a trap with the guest's backtrace, a panic's exit status), Redis's
    /// status or 1.
    func end(_ error: any Error) -> Int32 {
        if case RedisError.exited(let code) = error, code == 0 { return 0 }
        FileHandle.standardError.write(Data("wasm-redis: \(error)\n".utf8))
        if case RedisError.exited(let code) = error { return code }
        return 1
    }

    private func write(_ text: String) {
        output.write(Data(text.utf8))
    }

    private func write(_ bytes: [UInt8]) {
        output.write(Data(bytes))
    }
}
