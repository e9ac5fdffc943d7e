// Validation › Instructions › Memory instructions (spec §3.3.7), including the vector loads
// and stores of §3.3.3. Every one needs memory 0 (C.mems[0]); a memory immediate's alignment
// may not exceed the access's natural alignment.

extension FunctionValidator {
    /// C.mems[0] must exist.
    @inline(__always)
    func requireMemory() throws {
        guard !context.memories.isEmpty else { throw error("unknown memory 0") }
    }

    /// C.datas[x] must exist.
    func requireDataSegment(_ index: UInt32) throws {
        guard index < context.dataCount else { throw error("unknown data segment \(index)") }
    }

    /// Memory 0 exists and the alignment (in bytes) is at most the access width.
    @inline(__always)
    func checkMemoryAccess(_ memArg: MemArg, byteWidth: Int) throws {
        try requireMemory()
        guard Int(memArg.align) <= byteWidth else {
            throw error("alignment must not be larger than natural")
        }
    }

    /// t.load memarg and t.loadN_sx memarg: [i32] -> [t]
    mutating func validateLoad(_ op: LoadOperator, _ memArg: MemArg) throws {
        try checkMemoryAccess(memArg, byteWidth: op.byteWidth)
        try popOperand(.i32)
        push(op.valueType)
    }

    /// t.store memarg and t.storeN memarg: [i32 t] -> []
    mutating func validateStore(_ op: StoreOperator, _ memArg: MemArg) throws {
        try checkMemoryAccess(memArg, byteWidth: op.byteWidth)
        try popOperand(op.valueType)
        try popOperand(.i32)
    }

    /// memory.init x: [i32 i32 i32] -> []
    mutating func validateMemoryInit(_ data: UInt32) throws {
        try requireMemory()
        try requireDataSegment(data)
        try popOperands(.i32, count: 3)
    }

    // MARK: Vector memory instructions (§3.3.3)

    /// v128.load*, v128.loadN_splat, v128.loadN_zero: [i32] -> [v128]
    mutating func validateVectorLoad(_ op: SIMDLoadOperator, _ memArg: MemArg) throws {
        try checkMemoryAccess(memArg, byteWidth: op.byteWidth)
        try popOperand(.i32)
        push(.v128)
    }

    /// v128.store: [i32 v128] -> []
    mutating func validateVectorStore(_ memArg: MemArg) throws {
        try checkMemoryAccess(memArg, byteWidth: 16)
        try popOperand(.v128)
        try popOperand(.i32)
    }

    /// v128.loadN_lane: [i32 v128] -> [v128]; v128.storeN_lane: [i32 v128] -> [].
    mutating func validateVectorMemoryLane(_ op: SIMDMemoryLaneOperator, _ memArg: MemArg, lane: UInt8) throws {
        try checkMemoryAccess(memArg, byteWidth: op.byteWidth)
        guard Int(lane) < op.laneCount else { throw error("invalid lane index \(lane)") }
        try popOperand(.v128)
        try popOperand(.i32)
        if !op.isStore { push(.v128) }
    }
}
