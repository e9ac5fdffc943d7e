// The text report of a spec test run: one line per script with its failures under it, then a
// skip summary, the message mismatches (all of them with verbose output), and a single final
// line `spectest: N passed, N failed, N skipped`.

/// Formats the lines of a spec test report.
enum SpecReport {
    /// The line of one script, followed by one line per failure.
    static func fileLines(name: String, tally: SpecTally) -> [String] {
        let c = tally.counts
        return ["\(name): \(c.passed) passed, \(c.failed) failed, \(c.skipped) skipped"]
            + tally.failures.map { "  FAIL \($0)" }
    }

    /// The summary after all scripts; its last line is the `spectest:` total.
    static func summaryLines(total: SpecTally, verbose: Bool) -> [String] {
        var lines: [String] = []
        if !total.countsByCommand.isEmpty {
            lines.append("by command:")
            for (command, c) in total.countsByCommand.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(command): \(c.passed) passed, \(c.failed) failed, \(c.skipped) skipped")
            }
        }
        if !total.skipsByReason.isEmpty {
            lines.append("skipped by reason:")
            for (reason, count) in total.skipsByReason.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                lines.append("  \(count) \(reason)")
            }
        }
        let mismatches = total.messageMismatches
        if !mismatches.isEmpty {
            lines.append("error messages that differ from the expected text: \(mismatches.count)"
                + (verbose ? "" : " (-v lists them)"))
            if verbose { lines += mismatches.map { "  \($0)" } }
        }
        let c = total.counts
        lines.append("spectest: \(c.passed) passed, \(c.failed) failed, \(c.skipped) skipped")
        return lines
    }
}
