// The execution stack (spec §4.2.13 "stack"), split in two preallocated parts (DESIGN.md,
// "Value stack and frames"): one contiguous value stack of 8-byte slots shared by every
// frame's locals and operands, and a stack of suspended callers. Nothing is allocated per call,
// and a WebAssembly call never recurses on the native stack.

/// A suspended caller (§4.2.13.3 activation frame): where to continue when the callee returns.
struct Frame {
    /// The last word of the caller's call instruction (a `callMoving`'s `callMoves`);
    /// execution continues after it.
    var returnPC: UnsafePointer<EncodedInstruction>
    var base: UnsafeMutablePointer<UInt64>
    var function: FunctionAddress
    /// The caller belongs to another instance than the callee: the return switches memories.
    var returnSwitchesInstance: Bool
}

/// What the interpreter loop of one activation keeps in memory rather than in its local
/// variables (DESIGN.md, "Dispatch"): the frame-stack top and the executing function change
/// only at calls and returns, and as loop variables they cost register copies at every
/// dispatch.
struct ActivationState {
    /// Where the next suspended caller goes.
    var frames: UnsafeMutablePointer<Frame>
    /// The function executing now.
    var function: FunctionAddress
}

/// The store's stacks. `frameTop` and `valueTop` mark where a new activation (a call from the
/// host, possibly re-entrant from a host function) starts.
struct ExecutionStack {
    let values: UnsafeMutablePointer<UInt64>
    let valuesEnd: UnsafeMutablePointer<UInt64>
    let frames: UnsafeMutablePointer<Frame>
    let framesEnd: UnsafeMutablePointer<Frame>
    var valueTop: UnsafeMutablePointer<UInt64>
    var frameTop: UnsafeMutablePointer<Frame>
    /// Activations (host → WebAssembly entries) currently running, nested through host calls.
    var activationDepth = 0
    /// One `ActivationState` per nesting depth, so none is allocated per activation.
    let activations: UnsafeMutablePointer<ActivationState>

    /// Slots allocated past `valuesEnd`, which a call's fixed-size zeroing of its locals may write.
    static let zeroingMargin = 4

    init(valueSlots: Int, frameCount: Int, nestedActivations: Int) {
        // Left uninitialised (slots are plain integers): a large allocation comes straight
        // from the system, and pages the program never reaches are never touched.
        // `zeroingMargin` more slots past the end: a call zeroes a few locals with fixed-size
        // stores that may reach past its frame (`Store.enter`).
        values = UnsafeMutablePointer<UInt64>.allocate(capacity: valueSlots + Self.zeroingMargin)
        valuesEnd = values + valueSlots
        frames = UnsafeMutablePointer<Frame>.allocate(capacity: frameCount)
        framesEnd = frames + frameCount
        valueTop = values
        frameTop = frames
        activations = UnsafeMutablePointer<ActivationState>.allocate(capacity: nestedActivations)
    }

    func release() {
        values.deallocate()
        frames.deallocate()
        activations.deallocate()
    }
}
