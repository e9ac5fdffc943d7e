// Execution of the vector instructions that access memory (§4.4.7) or lanes (§4.4.3
// extract_lane, replace_lane, i8x16.shuffle), out of line like the rest of the vector
// families (`VectorExecution.swift`). Memory accesses follow the scalar rule: the effective
// address is the i32 address (unsigned) + the memarg offset, computed in 64 bits; the whole
// access must lie below the memory's size, else "out of bounds memory access"; any alignment.

import WasmCore

extension VectorExecution {
    /// The checked byte offset of an access of `width` bytes at the i32 in `address` + `offset`.
    @inline(__always)
    static func effectiveAddress(_ fp: UnsafeMutablePointer<UInt64>, address: Slot, offset: UInt32, width: UInt64,
                                 memorySize: UInt64) throws(TrapReason) -> Int {
        let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
        guard ea &+ width <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
        return Int(ea)
    }

    /// §4.4.7 v128.load and its extend, splat and zero forms (the address may be in `result`).
    static func load(_ op: SIMDLoadOperator, _ fp: UnsafeMutablePointer<UInt64>, result: Slot, address: Slot,
                     offset: UInt32, memoryBase: UnsafeMutableRawPointer, memorySize: UInt64) throws(TrapReason) {
        let ea = try effectiveAddress(fp, address: address, offset: offset, width: UInt64(op.byteWidth),
                                      memorySize: memorySize)
        func read<T: FixedWidthInteger>(_: T.Type) -> T { memoryBase.loadUnaligned(fromByteOffset: ea, as: T.self) }
        let value: V128
        switch op {
        case .v128Load: value = V128(low: read(UInt64.self), high: memoryBase.loadUnaligned(fromByteOffset: ea + 8, as: UInt64.self))
        case .v128Load8x8S: value = V128.v128Load8x8S(read(UInt64.self))
        case .v128Load8x8U: value = V128.v128Load8x8U(read(UInt64.self))
        case .v128Load16x4S: value = V128.v128Load16x4S(read(UInt64.self))
        case .v128Load16x4U: value = V128.v128Load16x4U(read(UInt64.self))
        case .v128Load32x2S: value = V128.v128Load32x2S(read(UInt64.self))
        case .v128Load32x2U: value = V128.v128Load32x2U(read(UInt64.self))
        case .v128Load8Splat: value = V128.v128Load8Splat(read(UInt8.self))
        case .v128Load16Splat: value = V128.v128Load16Splat(read(UInt16.self))
        case .v128Load32Splat: value = V128.v128Load32Splat(read(UInt32.self))
        case .v128Load64Splat: value = V128.v128Load64Splat(read(UInt64.self))
        case .v128Load32Zero: value = V128.v128Load32Zero(read(UInt32.self))
        case .v128Load64Zero: value = V128.v128Load64Zero(read(UInt64.self))
        }
        fp[v128: result] = value
    }

    /// §4.4.7 v128.store: the two halves, low half at the lower address.
    static func store(_ fp: UnsafeMutablePointer<UInt64>, address: Slot, value: Slot, offset: UInt32,
                      memoryBase: UnsafeMutableRawPointer, memorySize: UInt64) throws(TrapReason) {
        let ea = try effectiveAddress(fp, address: address, offset: offset, width: 16, memorySize: memorySize)
        let vector = fp[v128: value]
        memoryBase.storeBytes(of: vector.low, toByteOffset: ea, as: UInt64.self)
        memoryBase.storeBytes(of: vector.high, toByteOffset: ea + 8, as: UInt64.self)
    }

    /// §4.4.7 v128.load{N}_lane (the result replaces the address at `address`) and
    /// v128.store{N}_lane; the vector is at `address + 1`.
    static func memoryLane(_ op: SIMDMemoryLaneOperator, lane: UInt8, _ fp: UnsafeMutablePointer<UInt64>,
                           address: Slot, offset: UInt32,
                           memoryBase: UnsafeMutableRawPointer, memorySize: UInt64) throws(TrapReason) {
        let ea = try effectiveAddress(fp, address: address, offset: offset, width: UInt64(op.byteWidth),
                                      memorySize: memorySize)
        let a = fp[v128: address + 1], lane = Int(lane)
        switch op {
        case .v128Load8Lane:
            fp[v128: address] = V128.v128Load8Lane(a, lane, memoryBase.load(fromByteOffset: ea, as: UInt8.self))
        case .v128Load16Lane:
            fp[v128: address] = V128.v128Load16Lane(a, lane, memoryBase.loadUnaligned(fromByteOffset: ea, as: UInt16.self))
        case .v128Load32Lane:
            fp[v128: address] = V128.v128Load32Lane(a, lane, memoryBase.loadUnaligned(fromByteOffset: ea, as: UInt32.self))
        case .v128Load64Lane:
            fp[v128: address] = V128.v128Load64Lane(a, lane, memoryBase.loadUnaligned(fromByteOffset: ea, as: UInt64.self))
        case .v128Store8Lane:
            memoryBase.storeBytes(of: V128.v128Store8Lane(a, lane), toByteOffset: ea, as: UInt8.self)
        case .v128Store16Lane:
            memoryBase.storeBytes(of: V128.v128Store16Lane(a, lane), toByteOffset: ea, as: UInt16.self)
        case .v128Store32Lane:
            memoryBase.storeBytes(of: V128.v128Store32Lane(a, lane), toByteOffset: ea, as: UInt32.self)
        case .v128Store64Lane:
            memoryBase.storeBytes(of: V128.v128Store64Lane(a, lane), toByteOffset: ea, as: UInt64.self)
        }
    }

    /// §4.4.3 extract_lane (a scalar from the vector at `operand` into `result`) and
    /// replace_lane (the vector at `result` with the lane set to the scalar at `operand`).
    static func lane(_ op: SIMDLaneOperator, lane: UInt8, _ fp: UnsafeMutablePointer<UInt64>, result: Slot,
                     operand: Slot) {
        let a = fp[v128: op.isReplace ? result : operand], lane = Int(lane), scalar = operand
        switch op {
        case .i8x16ExtractLaneS: fp[i32: result] = V128.i8x16ExtractLaneS(a, lane)
        case .i8x16ExtractLaneU: fp[i32: result] = V128.i8x16ExtractLaneU(a, lane)
        case .i8x16ReplaceLane: fp[v128: result] = V128.i8x16ReplaceLane(a, lane, fp[i32: scalar])
        case .i16x8ExtractLaneS: fp[i32: result] = V128.i16x8ExtractLaneS(a, lane)
        case .i16x8ExtractLaneU: fp[i32: result] = V128.i16x8ExtractLaneU(a, lane)
        case .i16x8ReplaceLane: fp[v128: result] = V128.i16x8ReplaceLane(a, lane, fp[i32: scalar])
        case .i32x4ExtractLane: fp[i32: result] = V128.i32x4ExtractLane(a, lane)
        case .i32x4ReplaceLane: fp[v128: result] = V128.i32x4ReplaceLane(a, lane, fp[i32: scalar])
        case .i64x2ExtractLane: fp[i64: result] = V128.i64x2ExtractLane(a, lane)
        case .i64x2ReplaceLane: fp[v128: result] = V128.i64x2ReplaceLane(a, lane, fp[i64: scalar])
        case .f32x4ExtractLane: fp[f32: result] = V128.f32x4ExtractLane(a, lane)
        case .f32x4ReplaceLane: fp[v128: result] = V128.f32x4ReplaceLane(a, lane, fp[f32: scalar])
        case .f64x2ExtractLane: fp[f64: result] = V128.f64x2ExtractLane(a, lane)
        case .f64x2ReplaceLane: fp[v128: result] = V128.f64x2ReplaceLane(a, lane, fp[f64: scalar])
        }
    }

    /// §4.4.3 i8x16.shuffle; `lanes` points at the two `vectorShuffleLanes` that follow it.
    static func shuffle(_ fp: UnsafeMutablePointer<UInt64>, result: Slot, lhs: Slot, rhs: Slot,
                        lanes: UnsafePointer<EncodedInstruction>) {
        guard lanes[0].opcode == .vectorShuffleLanes, lanes[1].opcode == .vectorShuffleLanes else {
            preconditionFailure("i8x16.shuffle without its lane indices")
        }
        fp[v128: result] = V128.i8x16Shuffle(fp[v128: lhs], fp[v128: rhs],
                                             lanes: V128(low: lanes[0].wide, high: lanes[1].wide))
    }
}
