// SIGINT and SIGTERM in the shell with a data directory: instead of killing the process (and
// the data written since the last save with it), they end the shell as the end of its input
// does, so that it saves first (Shell.saveAtEnd), as redis-server saves when it gets them.
// Command lines are read with read(2) (InputLines) because the standard library's readLine
// retries a read that a signal interrupted.

import Glibc

/// The signal received (SIGINT or SIGTERM), 0 for none. Written only by the handler.
nonisolated(unsafe) private var receivedSignal: sig_atomic_t = 0

enum ShellSignals {
    /// Installs the handlers. Without SA_RESTART, a signal interrupts the read of the next
    /// command line, which then ends like end of input.
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in receivedSignal = signal }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
    }

    /// Whether SIGINT or SIGTERM arrived.
    static var received: Bool { receivedSignal != 0 }
}

/// The lines of standard input, read with read(2): each without its "\n" (or "\r\n"), the
/// last one also without. Invalid UTF-8 is repaired as `readLine` does.
struct InputLines {
    private var buffer: [UInt8] = []
    private var atEnd = false

    /// The next line; nil at end of input, on a read error, or once a signal routed by
    /// `ShellSignals` arrived.
    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffer[..<newline]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                defer { buffer.removeSubrange(...newline) }
                return String(decoding: line, as: UTF8.self)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = [] }
                return String(decoding: buffer, as: UTF8.self)
            }
            readMore()
            if ShellSignals.received { return nil }
        }
    }

    private mutating func readMore() {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer += chunk[..<count]
        } else if count == 0 || errno != EINTR {
            atEnd = true
        }
    }
}
