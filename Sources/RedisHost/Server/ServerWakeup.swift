// Waking the server's event loop from outside it: `RedisServer.stop()` from another thread,
// and SIGINT / SIGTERM from a signal handler, which may only make async-signal-safe calls
// (write(2)). Both write one byte to a pipe the loop polls: 0 to stop, else the signal.

import Glibc

/// A non-blocking pipe whose read end the event loop polls.
final class ServerWakeup: @unchecked Sendable {
    /// The byte `stop()` writes.
    static let stopByte: UInt8 = 0

    /// The end the loop polls and drains.
    let readFD: Int32
    /// The end `stop()` and the signal handler write to.
    let writeFD: Int32

    init() throws(RedisServerError) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw .system(call: "pipe", errno: errno) }
        readFD = ends[0]
        writeFD = ends[1]
        makeNonBlockingAndCloseOnExec(readFD)
        makeNonBlockingAndCloseOnExec(writeFD)
    }

    deinit {
        if ServerWakeup.signalTarget == writeFD {
            ServerWakeup.signalTarget = -1
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        close(readFD)
        close(writeFD)
    }

    /// Asks the loop to stop (thread-safe).
    func requestStop() {
        var byte = Self.stopByte
        _ = write(writeFD, &byte, 1)
    }

    /// The bytes written since the last call: `stopByte`s and signal numbers.
    func drain() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readFD, &buffer, buffer.count)
            guard count > 0 else { return bytes }
            bytes += buffer[..<count]
        }
    }

    // MARK: Signals

    /// The pipe SIGINT and SIGTERM are written to; -1 for none. Written only by
    /// `routeTerminationSignals` and `deinit`, read by the handler.
    nonisolated(unsafe) private static var signalTarget: Int32 = -1

    /// From now on SIGINT and SIGTERM write their number to this pipe instead of ending the
    /// process (until this pipe is released: then they end it again).
    func routeTerminationSignals() {
        Self.signalTarget = writeFD
        let handler: @convention(c) (Int32) -> Void = { number in
            var byte = UInt8(truncatingIfNeeded: number)
            let target = ServerWakeup.signalTarget
            if target >= 0 { _ = write(target, &byte, 1) }
        }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
    }
}
