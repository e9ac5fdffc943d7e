// The shell's command lines from standard input, read with read(2) so that SIGINT or SIGTERM
// (ShellSignals) can end the wait for the next line.

import Glibc

/// The lines of standard input, read with read(2): each without its "\n" (or "\r\n"), the
/// last one also without. Invalid UTF-8 is repaired as `readLine` does.
struct InputLines {
    /// Bytes read and not yet returned start at `start`.
    private var buffer: [UInt8] = []
    private var start = 0
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    private var atEnd = false

    /// The next line; nil at end of input, on a read error, or once a signal routed by
    /// `ShellSignals` arrived.
    mutating func next() -> String? {
        var searched = start
        while true {
            if let newline = buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffer[start..<newline]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                start = newline + 1
                return String(decoding: line, as: UTF8.self)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                return String(decoding: buffer[start...], as: UTF8.self)
            }
            let scanned = buffer.count - start  // no newline in these; they move to the front
            readMore()
            searched = scanned
            if ShellSignals.received { return nil }
        }
    }

    /// Appends what one read(2) returns, first dropping the bytes already returned.
    private mutating func readMore() {
        buffer.removeFirst(start)
        start = 0
        let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer += chunk[..<count]
        } else if count == 0 || errno != EINTR {
            atEnd = true
        }
    }
}
