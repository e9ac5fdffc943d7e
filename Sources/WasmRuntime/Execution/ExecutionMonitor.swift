// What the interpreter loop reports while it runs (DESIGN.md, "Profiling"). The loop is
// generic over an `ExecutionMonitor` and compiled twice: with `Unmonitored`, whose empty
// methods vanish (the normal, unmeasured loop), and with `ProfilingMonitor` when the store
// has an `ExecutionProfile`.

/// Hooks the interpreter calls: before each instruction, after entering a function (wasm or
/// host) and after leaving one.
protocol ExecutionMonitor {
    func instruction(_ opcode: EncodedInstruction.Opcode)
    func entered(_ function: FunctionAddress)
    func left()
}

/// The monitor of normal runs: reports nothing, costs nothing.
struct Unmonitored: ExecutionMonitor {
    @inline(__always) func instruction(_ opcode: EncodedInstruction.Opcode) {}
    @inline(__always) func entered(_ function: FunctionAddress) {}
    @inline(__always) func left() {}
}

/// Records into an `ExecutionProfile` (held without reference counting: the store keeps
/// the profile alive while it runs).
struct ProfilingMonitor: ExecutionMonitor {
    let profile: Unmanaged<ExecutionProfile>

    @inline(__always) func instruction(_ opcode: EncodedInstruction.Opcode) {
        profile._withUnsafeGuaranteedRef { $0.count(opcode) }
    }

    @inline(__always) func entered(_ function: FunctionAddress) {
        profile._withUnsafeGuaranteedRef { $0.enter(function) }
    }

    @inline(__always) func left() {
        profile._withUnsafeGuaranteedRef { $0.leave() }
    }
}
