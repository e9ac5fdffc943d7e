// Counting the outcomes of spec test commands: per command type, per skip reason, with the
// failures and the error-message mismatches listed by source location.

/// The outcome of one command.
enum SpecOutcome: Equatable {
    case passed
    case failed(String)
    case skipped(String)
}

/// Why commands are skipped; the texts appear in the report's skip summary.
enum SkipReason {
    static let textFormat = "text format"
    static let needsInterpreter = "needs the interpreter (issue 3)"
}

/// A command that failed: where (`.wast` file and line), and why.
struct SpecFailure: CustomStringConvertible {
    var location: String
    var reason: String
    var description: String { "\(location): \(reason)" }
}

/// A command that failed as expected but with an error message that does not contain the
/// script's expected text. Not a failure: the messages are matched in intent only.
struct SpecMessageMismatch: CustomStringConvertible {
    var location: String
    var expected: String
    var actual: String
    var description: String { "\(location): expected \"\(expected)\", got \"\(actual)\"" }
}

/// Passed, failed and skipped counts.
struct SpecCounts: Equatable {
    var passed = 0
    var failed = 0
    var skipped = 0

    var total: Int { passed + failed + skipped }

    mutating func add(_ other: SpecCounts) {
        passed += other.passed
        failed += other.failed
        skipped += other.skipped
    }
}

/// The outcomes of one script, or of several added together.
struct SpecTally {
    var counts = SpecCounts()
    /// Counts per command type (`module`, `assert_invalid`, …).
    var countsByCommand: [String: SpecCounts] = [:]
    /// Skipped commands per reason.
    var skipsByReason: [String: Int] = [:]
    var failures: [SpecFailure] = []
    var messageMismatches: [SpecMessageMismatch] = []

    mutating func record(_ outcome: SpecOutcome, command: String, location: String) {
        var delta = SpecCounts()
        switch outcome {
        case .passed:
            delta.passed = 1
        case .failed(let reason):
            delta.failed = 1
            failures.append(SpecFailure(location: location, reason: reason))
        case .skipped(let reason):
            delta.skipped = 1
            skipsByReason[reason, default: 0] += 1
        }
        counts.add(delta)
        countsByCommand[command, default: SpecCounts()].add(delta)
    }

    mutating func add(_ other: SpecTally) {
        counts.add(other.counts)
        for (command, counts) in other.countsByCommand { countsByCommand[command, default: SpecCounts()].add(counts) }
        for (reason, count) in other.skipsByReason { skipsByReason[reason, default: 0] += count }
        failures += other.failures
        messageMismatches += other.messageMismatches
    }
}
