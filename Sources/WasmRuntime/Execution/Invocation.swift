// Entering WebAssembly from the host (spec §4.5.5 invocation, §7.1.5 func_invoke), and lazy
// translation of function bodies on their first call.

import WasmCore

extension Store {
    /// Calls `function` with `arguments` as a new activation on top of the current stacks
    /// (which are not empty when a host function re-enters WebAssembly). On return or error the
    /// stacks are back as before.
    func invoke(_ function: FunctionAddress, arguments: [Value]) throws -> [Value] {
        let type = self.type(ofFunction: function)
        guard arguments.count == type.parameters.count else {
            throw EmbeddingError("function of type \(type) called with \(arguments.count) arguments")
        }
        let base = stack.valueTop
        let slots = Int(max(type.parameters.slotCount, type.results.slotCount))
        guard stack.activationDepth < limits.maxNestedActivations, stack.valuesEnd - base >= slots else {
            throw Trap(.callStackExhausted, backtrace: [])
        }
        var slot = base
        for (argument, parameterType) in zip(arguments, type.parameters) {
            try argument.store(into: slot, as: parameterType, in: self)
            slot += Int(parameterType.slotCount)
        }
        let savedFrameTop = stack.frameTop
        stack.activationDepth += 1
        defer {
            stack.frameTop = savedFrameTop
            stack.valueTop = base
            stack.activationDepth -= 1
        }
        switch function.pointee.kind {
        case .host:
            stack.valueTop = base + slots
            try callHost(function, slots: base, caller: nil)
        case .wasm:
            try execute(function, base: base)
        }
        var results: [Value] = []
        results.reserveCapacity(type.results.count)
        slot = base
        for resultType in type.results {
            results.append(Value(loading: resultType, from: slot, in: self))
            slot += Int(resultType.slotCount)
        }
        return results
    }

    /// Translates the body of `function` (first call) and records its code and frame size.
    @inline(never)
    func translate(_ function: FunctionAddress) throws -> UnsafeMutablePointer<EncodedInstruction> {
        let owner = function.pointee.instance.unsafelyUnwrapped.pointee.owner
        var translator = Translator(
            module: owner.module, instance: owner.entity.pointee,
            functionTypeIndices: owner.functionTypeIndices, functionIndex: Int(function.pointee.index))
        let translated = try translator.translate()
        // One word before the code, never executed: a call sets the program counter there and
        // the loop's step to the next instruction reaches the first one (Calls.swift, `enter`).
        let buffer = UnsafeMutableBufferPointer<EncodedInstruction>.allocate(capacity: translated.code.count + 1)
        buffer[0] = InternalInstruction.unreachable.encoded
        _ = UnsafeMutableBufferPointer(rebasing: buffer[1...]).initialize(from: translated.code.lazy.map(\.encoded))
        owner.adopt(code: buffer)
        let code = buffer.baseAddress! + 1
        function.pointee.code = code
        function.pointee.frameSlots = translated.frameSlots
        return code
    }
}
