// Function calls and returns (spec §4.4.10 invocation and return): the parts of the
// interpreter loop that push and pop frames, enter host functions and describe the stack.

extension Store {
    /// The base and size of `instance`'s memory, as the interpreter caches them in locals.
    /// They must be reloaded whenever the memory may have grown: after memory.grow, after a
    /// host call (which may grow it or re-enter WebAssembly) and when switching instances.
    @inline(__always)
    static func memoryView(of instance: InstanceAddress) -> (UnsafeMutableRawPointer, UInt64) {
        guard let memory = instance.pointee.memory else {
            // No memory: validation rules out memory instructions, and a size of 0 fails any access.
            return (UnsafeMutableRawPointer(bitPattern: MemoryLayout<UInt64>.alignment)!, 0)
        }
        return (memory.pointee.base, UInt64(memory.pointee.byteCount))
    }

    /// Prepares the frame of an activation's first function, whose arguments are at `base`;
    /// returns its code.
    func enterFirst(_ function: FunctionAddress, base: UnsafeMutablePointer<UInt64>,
                    valuesEnd: UnsafeMutablePointer<UInt64>) throws -> UnsafePointer<EncodedInstruction> {
        let code = try function.pointee.code ?? translate(function)
        let entity = function.pointee
        guard valuesEnd - base >= Int(entity.frameSlots) else { throw TrapReason.callStackExhausted }
        (base + Int(entity.parameterSlots)).update(repeating: 0, count: Int(entity.localSlots - entity.parameterSlots))
        return UnsafePointer(code)
    }

    /// §4.4.10.1 invocation of a WebAssembly function: suspends the caller (pc, fp, function)
    /// on the frame stack and continues with the callee, whose frame starts at `base` where the
    /// caller left the arguments. Its declared locals start as zero.
    @inline(__always)
    func enter(_ callee: FunctionAddress, base: UnsafeMutablePointer<UInt64>,
               pc: inout UnsafePointer<EncodedInstruction>, fp: inout UnsafeMutablePointer<UInt64>,
               activation: UnsafeMutablePointer<ActivationState>, switchesInstance: Bool) throws {
        let code = try callee.pointee.code ?? translate(callee)
        let entity = callee.pointee
        let frames = activation.pointee.frames
        // Pointer comparisons: no subtraction and division by the slot size on every call.
        guard frames < stack.framesEnd, base + Int(entity.frameSlots) <= stack.valuesEnd else {
            throw TrapReason.callStackExhausted
        }
        frames.initialize(to: Frame(returnPC: pc, base: fp, function: activation.pointee.function,
                                    returnSwitchesInstance: switchesInstance))
        activation.pointee.frames = frames + 1
        activation.pointee.function = callee
        // §4.4.10.1: declared locals start at zero. The first `zeroingMargin` slots always, with
        // fixed stores (two vector stores), and `memset` only for the rest of a longer run; slots
        // past the locals are the callee's operands, written before they are read, or the
        // stack's margin. (With a conditional choice between the fixed stores and the full
        // `memset`, LLVM made both one `memset` call of a selected length.)
        let declaredLocals = Int(entity.localSlots &- entity.parameterSlots)
        let locals = base + Int(entity.parameterSlots)
        locals[0] = 0; locals[1] = 0; locals[2] = 0; locals[3] = 0
        if declaredLocals > ExecutionStack.zeroingMargin {
            (locals + ExecutionStack.zeroingMargin).update(repeating: 0, count: declaredLocals - ExecutionStack.zeroingMargin)
        }
        pc = UnsafePointer(code) - 1  // the word before the code: the loop steps to the first instruction
        fp = base
    }

    /// The argument moves of a `callMoving` (its `callMoves` word), to the callee's frame at
    /// `arguments`: all three lanes, without a branch (a lane not needed repeats the first).
    @inline(__always)
    func moveArguments(_ moves: UnsafePointer<EncodedInstruction>, to arguments: UnsafeMutablePointer<UInt64>,
                       fp: UnsafeMutablePointer<UInt64>) {
        let lanes = Int(UInt16(bitPattern: moves.short))
        moveArgument(lane: lanes, moves.ua, to: arguments, fp: fp)
        moveArgument(lane: lanes &>> 5, moves.ub, to: arguments, fp: fp)
        moveArgument(lane: lanes &>> 10, moves.uc, to: arguments, fp: fp)
    }

    /// One lane: the slot `operand` (read as slot 0 for a constant, so the read is always in
    /// the frame) or the constant `operand`, to the argument slot the lane names.
    @inline(__always)
    private func moveArgument(lane: Int, _ operand: UInt32, to arguments: UnsafeMutablePointer<UInt64>,
                              fp: UnsafeMutablePointer<UInt64>) {
        let isConstant = lane & ArgumentMoves.constantBit != 0
        let slotValue = fp[isConstant ? 0 : Int(operand)]
        arguments[lane & ArgumentMoves.offsetMask] = isConstant ? UInt64(operand) : slotValue
    }

    /// §4.4.10.2 returning from a function: resumes the suspended caller. Returns whether the
    /// caller belongs to another instance (its memory must be reloaded).
    @inline(__always)
    func leave(pc: inout UnsafePointer<EncodedInstruction>, fp: inout UnsafeMutablePointer<UInt64>,
               activation: UnsafeMutablePointer<ActivationState>) -> Bool {
        let frames = activation.pointee.frames - 1
        let frame = frames.pointee
        activation.pointee.frames = frames
        activation.pointee.function = frame.function
        pc = frame.returnPC
        fp = frame.base
        return frame.returnSwitchesInstance
    }

    /// §4.4.10.3 host function invocation from WebAssembly. The caller is recorded on the frame
    /// stack (for backtraces and so that re-entrant calls start above it); re-entrant calls use
    /// the value stack above the host function's arguments and results.
    @inline(never)
    func callHost(_ callee: FunctionAddress, base: UnsafeMutablePointer<UInt64>,
                  pc: UnsafePointer<EncodedInstruction>, fp: UnsafeMutablePointer<UInt64>,
                  activation: UnsafeMutablePointer<ActivationState>) throws {
        let frames = activation.pointee.frames, function = activation.pointee.function
        guard frames < stack.framesEnd else { throw TrapReason.callStackExhausted }
        frames.initialize(to: Frame(returnPC: pc, base: fp, function: function, returnSwitchesInstance: false))
        stack.frameTop = frames + 1
        stack.valueTop = base + Int(callee.pointee.frameSlots)
        try callHost(callee, slots: base, caller: function.owningInstance)
    }

    /// The names of the active functions, innermost first: `innermost`, then the suspended
    /// callers on the frame stack (including those of enclosing activations).
    func backtrace(innermost: FunctionAddress, frames top: UnsafeMutablePointer<Frame>) -> [String] {
        var names = [name(of: innermost)]
        var frame = top
        while frame > stack.frames {
            frame -= 1
            names.append(name(of: frame.pointee.function))
        }
        return names
    }

    func name(of function: FunctionAddress) -> String {
        guard let instance = function.pointee.instance else { return "<host function>" }
        return instance.pointee.owner.functionName(function.pointee.index)
    }
}
