// SIGINT and SIGTERM in the shell with a data directory: instead of killing the process (and
// the data written since the last save with it), they end the shell as the end of its input
// does, so that it saves first (Shell.saveAtEnd), as redis-server saves when it gets them.
// Command lines are read with read(2) (InputLines.swift) because the standard library's
// readLine retries a read that a signal interrupted.

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
