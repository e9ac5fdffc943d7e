// A profile of what a store executed (`Store.profile`; `wasm-run --profile`): how many
// internal instructions ran, by opcode, and per function (WebAssembly and host) its calls,
// the internal instructions it executed itself and its self time. Time is read from the
// monotonic clock at every call and return, so a profiled run is slower than a normal one
// and the times are relative, not absolute; the counts are exact.

import Foundation

/// Execution statistics gathered while a store runs with profiling on.
public final class ExecutionProfile {
    /// What one function did.
    public struct FunctionStatistics: Sendable {
        /// Its name: the name section's, else its export name, else `func[i]`; host functions
        /// as `module.name` of their import when known.
        public var name: String
        public var calls: UInt64 = 0
        /// Internal instructions executed in its own body (not in its callees).
        public var instructions: UInt64 = 0
        /// Time spent in its own body, callees excluded, in nanoseconds.
        public var selfNanoseconds: UInt64 = 0
    }

    /// Executed internal instructions by opcode name, most frequent first.
    public var instructionCounts: [(opcode: String, count: UInt64)] {
        (0..<opcodeCount).compactMap { raw in
            guard counts[raw] > 0 else { return nil }
            return (Self.opcodeName(raw), counts[raw])
        }.sorted { $0.count > $1.count }
    }

    /// Pairs of internal instructions executed one right after the other (in the same
    /// function), most frequent first: candidates for fusion into one instruction.
    public var pairCounts: [(first: String, second: String, count: UInt64)] {
        (0..<opcodeCount * opcodeCount).compactMap { index in
            guard pairs[index] > 0 else { return nil }
            return (Self.opcodeName(index / opcodeCount), Self.opcodeName(index % opcodeCount), pairs[index])
        }.sorted { $0.count > $1.count }
    }

    /// Every function that ran, by self time, largest first.
    public var functions: [FunctionStatistics] {
        statistics.values.sorted { $0.selfNanoseconds > $1.selfNanoseconds }
    }

    /// All internal instructions executed.
    public var totalInstructions: UInt64 { (0..<opcodeCount).reduce(0) { $0 + counts[$1] } }

    public init() {
        counts = .allocate(capacity: opcodeCount)
        counts.initialize(repeating: 0, count: opcodeCount)
        pairs = .allocate(capacity: opcodeCount * opcodeCount)
        pairs.initialize(repeating: 0, count: opcodeCount * opcodeCount)
    }

    deinit {
        counts.deallocate()
        pairs.deallocate()
    }

    // MARK: Recording (called by `ProfilingMonitor`)

    private let opcodeCount = EncodedInstruction.Opcode.allCases.count
    private let counts: UnsafeMutablePointer<UInt64>
    /// By `first * opcodeCount + second`.
    private let pairs: UnsafeMutablePointer<UInt64>
    /// The previous instruction's opcode in the running function, or -1 after a call or return.
    private var previous = -1
    /// Instructions executed since the innermost function last resumed (charged to it when
    /// it calls or returns).
    private var pendingInstructions: UInt64 = 0
    private var statistics: [FunctionAddress: FunctionStatistics] = [:]
    /// The functions being executed, innermost last, and when the innermost last resumed.
    private var active: [FunctionAddress] = []
    private var resumed: UInt64 = 0
    /// Names the store gives its functions (set by the store when profiling starts).
    var name: (FunctionAddress) -> String = { _ in "?" }

    func count(_ opcode: EncodedInstruction.Opcode) {
        let raw = Int(opcode.rawValue)
        counts[raw] &+= 1
        if previous >= 0 { pairs[previous * opcodeCount + raw] &+= 1 }
        previous = raw
        pendingInstructions &+= 1
    }

    func enter(_ function: FunctionAddress) {
        let now = Self.now()
        chargeInnermost(until: now)
        if statistics[function] == nil { statistics[function] = FunctionStatistics(name: name(function)) }
        statistics[function]!.calls &+= 1
        active.append(function)
    }

    func leave() {
        let now = Self.now()
        chargeInnermost(until: now)
        _ = active.popLast()
    }

    /// The number of functions being executed; `unwind(to:)` restores it after an error
    /// skipped their returns.
    var depth: Int { active.count }

    func unwind(to depth: Int) {
        let now = Self.now()
        chargeInnermost(until: now)
        active.removeLast(max(0, active.count - depth))
    }

    private func chargeInnermost(until now: UInt64) {
        if let current = active.last {
            statistics[current]?.selfNanoseconds &+= now &- resumed
            statistics[current]?.instructions &+= pendingInstructions
        }
        resumed = now
        pendingInstructions = 0
        previous = -1
    }

    private static func opcodeName(_ raw: Int) -> String {
        EncodedInstruction.Opcode(rawValue: UInt16(raw)).map { "\($0)" } ?? "?"
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

extension ExecutionProfile {
    /// A text report: the `top` most executed opcodes, the `2 × top` most frequent successive
    /// pairs (fusion candidates spread thinner) and the `top` functions by self time.
    public func report(top: Int = 25) -> String {
        let total = totalInstructions
        let functions = self.functions
        let totalTime = functions.reduce(0) { $0 + $1.selfNanoseconds }
        func percent(_ part: UInt64, of whole: UInt64) -> String {
            whole == 0 ? "-" : String(format: "%5.1f%%", Double(part) * 100 / Double(whole))
        }
        var lines = ["profile: \(total) internal instructions, \(functions.count) functions, "
                     + String(format: "%.1f ms", Double(totalTime) / 1e6) + " (profiled time)"]
        lines.append("")
        lines.append("instructions by opcode:")
        for (opcode, count) in instructionCounts.prefix(top) {
            lines.append("  \(percent(count, of: total))  \(pad(count, 14))  \(opcode)")
        }
        lines.append("")
        lines.append("successive pairs:")
        for (first, second, count) in pairCounts.prefix(top * 2) {
            lines.append("  \(percent(count, of: total))  \(pad(count, 14))  \(first) → \(second)")
        }
        lines.append("")
        lines.append("functions by self time:      self ms        calls  instructions  name")
        for function in functions.prefix(top) {
            lines.append("  \(percent(function.selfNanoseconds, of: totalTime))  "
                         + String(format: "%12.2f", Double(function.selfNanoseconds) / 1e6)
                         + "  \(pad(function.calls, 11))  \(pad(function.instructions, 12))  \(function.name)")
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ value: UInt64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

extension Store {
    /// A function's name in a profile: `name(of:)` for WebAssembly functions; for a host
    /// function, the first import it was linked to, as `module.name`.
    func profileName(of function: FunctionAddress) -> String {
        guard function.pointee.kind == .host else { return name(of: function) }
        for instance in instances {
            var functionIndex = 0
            for entry in instance.module.imports {
                guard case .function = entry.descriptor else { continue }
                if instance.functions[functionIndex] == function { return "\(entry.module).\(entry.name)" }
                functionIndex += 1
            }
        }
        return "<host function>"
    }
}
