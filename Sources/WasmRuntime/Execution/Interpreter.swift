// Execution of internal code (spec §4.4 instructions, §4.4.10 function calls): one loop with
// one `switch`, holding the program counter, the frame base, the memory's base and size and the
// float and integer accumulators in local variables (DESIGN.md, "Dispatch"). WebAssembly calls push a `Frame` on the store's frame
// stack and continue in the same loop; only host functions are called natively.

extension Store {
    /// Runs the WebAssembly function `entry`, whose arguments are at `base` on the value stack;
    /// its results are left at `base`. Traps are thrown as `Trap`; errors thrown by host
    /// functions pass through unchanged.
    func execute(_ entry: FunctionAddress, base: UnsafeMutablePointer<UInt64>) throws {
        guard let profile else { return try run(entry, base: base, monitor: Unmonitored()) }
        let depth = profile.depth
        defer { profile.unwind(to: depth) }
        try run(entry, base: base, monitor: ProfilingMonitor(profile: Unmanaged.passUnretained(profile)))
    }

    /// The loop itself, reporting to `monitor` (compiled once per kind of monitor).
    private func run<Monitor: ExecutionMonitor>(_ entry: FunctionAddress, base: UnsafeMutablePointer<UInt64>,
                                                 monitor: Monitor) throws {
        let activationFrames = stack.frameTop
        let activation = stack.activations + (stack.activationDepth - 1)
        activation.initialize(to: ActivationState(frames: activationFrames, function: entry))
        var fp = base
        /// The float accumulator: the result of the last f64 arithmetic instruction, read by the
        /// `Acc` forms that follow it directly (FloatAccumulator.swift).
        var freg: Double = 0
        /// The integer accumulator: the i32 result of the last load, addition or mask that
        /// writes it, read by the integer `Acc` forms that follow it directly (IntegerAccumulator.swift).
        var ireg: UInt32 = 0
        var (memoryBase, memorySize) = Self.memoryView(of: entry.owningInstance)
        do {
            var pc = try enterFirst(entry, base: base, valuesEnd: stack.valuesEnd)
            monitor.entered(entry)
            while true {
                // `pc` stays on the instruction being executed (`i`) until the end of the loop
                // body moves it to the next one; branch offsets count from that next one.
                let i = pc
                monitor.instruction(i.opcode)
                switch i.opcode {
                // MARK: Control (§4.4.8)
                case .unreachable:
                    throw TrapReason.unreachable
                case .br:
                    let offset = i.a
                    pc += Int(offset)
                case .brIf:
                    let condition = i.a, offset = i.b
                    if fp[i32: condition] != 0 { pc += Int(offset) }
                case .brIfNot:
                    let condition = i.a, offset = i.b
                    if fp[i32: condition] == 0 { pc += Int(offset) }
                case .copyBr:
                    fp[Int(i.a)] = fp[Int(i.b)]
                    pc += Int(i.c)
                case .const32Br:
                    fp[i32: i.a] = i.ub
                    pc += Int(i.c)
                case .brTable:
                    let index = i.a, count = i.ub
                    // The selected entry is a `.br`: take its offset without dispatching it.
                    let entry = Int(min(fp[i32: index], count))
                    let target = pc[1 + entry]
                    guard target.opcode == .br else { preconditionFailure("br_table entry is not a br") }
                    pc += entry + 1 + Int(target.a)
                case .call:
                    let callee = i.callee, frame = i.a, switchesInstance = i.short != 0
                    try enter(callee, base: fp + Int(frame), pc: &pc, fp: &fp, activation: activation,
                              switchesInstance: switchesInstance)
                    monitor.entered(callee)
                    if switchesInstance { (memoryBase, memorySize) = Self.memoryView(of: callee.owningInstance) }
                case .callMoving:
                    // The moves in the next word first; the callee returns to that word. (Sharing
                    // `call`'s code by `fallthrough` measured 2–3 % slower on the kernels.)
                    let moves = pc + 1
                    let callee = i.callee, frame = i.a, switchesInstance = i.short != 0
                    moveArguments(moves, to: fp + Int(frame), fp: fp)
                    pc = moves
                    try enter(callee, base: fp + Int(frame), pc: &pc, fp: &fp, activation: activation,
                              switchesInstance: switchesInstance)
                    monitor.entered(callee)
                    if switchesInstance { (memoryBase, memorySize) = Self.memoryView(of: callee.owningInstance) }
                case .callMoves:
                    preconditionFailure("the moves of a callMoving are not executed")
                case .callHost:
                    let callee = i.callee, frame = i.a
                    monitor.entered(callee)
                    try callHost(callee, base: fp + Int(frame), pc: pc, fp: fp, activation: activation)
                    monitor.left()
                    (memoryBase, memorySize) = Self.memoryView(of: activation.pointee.function.owningInstance)
                case .callIndirect:
                    let typeID = i.ua, tableIndex = i.ub, index = i.c
                    // §4.4.8 call_indirect: the element must exist, be non-null and have the type.
                    let table = activation.pointee.function.owningInstance.pointee.tables[Int(tableIndex)].pointee
                    let element = Int(fp[i32: index])
                    guard element < table.count else { throw TrapReason.undefinedElement }
                    let reference = table.elements[element]
                    guard reference != 0 else { throw TrapReason.uninitializedElement }
                    let callee = FunctionEntity.address(of: reference)
                    guard callee.pointee.typeID == typeID else { throw TrapReason.indirectCallTypeMismatch }
                    let calleeBase = fp + Int(index) - Int(callee.pointee.parameterSlots)
                    if callee.pointee.kind == .host {
                        monitor.entered(callee)
                        try callHost(callee, base: calleeBase, pc: pc, fp: fp, activation: activation)
                        monitor.left()
                        (memoryBase, memorySize) = Self.memoryView(of: activation.pointee.function.owningInstance)
                    } else {
                        let switchesInstance = callee.owningInstance != activation.pointee.function.owningInstance
                        try enter(callee, base: calleeBase, pc: &pc, fp: &fp, activation: activation,
                                  switchesInstance: switchesInstance)
                        monitor.entered(callee)
                        if switchesInstance { (memoryBase, memorySize) = Self.memoryView(of: callee.owningInstance) }
                    }
                case .returnMany:
                    let source = i.a, count = i.b
                    copySlots(to: fp, from: fp + Int(source), count: Int(count))
                    fallthrough
                case .returnNone:
                    monitor.left()
                    if activation.pointee.frames == activationFrames { return }
                    if leave(pc: &pc, fp: &fp, activation: activation) {
                        (memoryBase, memorySize) = Self.memoryView(of: activation.pointee.function.owningInstance)
                    }
                case .returnOne:
                    let source = i.a
                    fp[0] = fp[Int(source)]
                    monitor.left()
                    if activation.pointee.frames == activationFrames { return }
                    if leave(pc: &pc, fp: &fp, activation: activation) {
                        (memoryBase, memorySize) = Self.memoryView(of: activation.pointee.function.owningInstance)
                    }
                case .copy:
                    let destination = i.a, source = i.b
                    let value = fp[Int(source)]
                    fp[Int(destination)] = value
                    ireg = UInt32(truncatingIfNeeded: value)
                case .copyTwo:
                    let destination = i.a, first = i.b, second = i.c
                    fp[Int(destination)] = fp[Int(first)]
                    fp[Int(destination) + 1] = fp[Int(second)]
                case .copyPair:
                    fp[Int(i.a)] = fp[Int(i.b)]
                    fp[Int(i.c)] = fp[Int(i.short)]
                case .copyMany:
                    let destination = i.a, source = i.b, count = i.c
                    copySlots(to: fp + Int(destination), from: fp + Int(source), count: Int(count))
                case .selectFrom:
                    fp[Int(i.short)] = fp[i32: i.c] != 0 ? fp[Int(i.a)] : fp[Int(i.b)]
                case .selectSlotOrImm:
                    fp[Int(i.short)] = fp[i32: i.c] != 0 ? fp[Int(i.a)] : UInt64(i.ub)
                case .selectImmOrSlot:
                    fp[Int(i.short)] = fp[i32: i.c] != 0 ? UInt64(i.ub) : fp[Int(i.a)]
                case .select:
                    let result = i.a, other = i.b, condition = i.c
                    if fp[i32: condition] == 0 { fp[Int(result)] = fp[Int(other)] }

                // MARK: Fused i32 comparison and branch
                case .brIfI32Eq: if fp[i32: i.a] == fp[i32: i.b] { pc += Int(i.c) }
                case .brIfI32Ne: if fp[i32: i.a] != fp[i32: i.b] { pc += Int(i.c) }
                case .brIfI32LtS: if fp[s32: i.a] < fp[s32: i.b] { pc += Int(i.c) }
                case .brIfI32LtU: if fp[i32: i.a] < fp[i32: i.b] { pc += Int(i.c) }
                case .brIfI32GtS: if fp[s32: i.a] > fp[s32: i.b] { pc += Int(i.c) }
                case .brIfI32GtU: if fp[i32: i.a] > fp[i32: i.b] { pc += Int(i.c) }
                case .brIfI32LeS: if fp[s32: i.a] <= fp[s32: i.b] { pc += Int(i.c) }
                case .brIfI32LeU: if fp[i32: i.a] <= fp[i32: i.b] { pc += Int(i.c) }
                case .brIfI32GeS: if fp[s32: i.a] >= fp[s32: i.b] { pc += Int(i.c) }
                case .brIfI32GeU: if fp[i32: i.a] >= fp[i32: i.b] { pc += Int(i.c) }
                case .brIfI32EqImm: if fp[i32: i.a] == i.ub { pc += Int(i.c) }
                case .brIfI32NeImm: if fp[i32: i.a] != i.ub { pc += Int(i.c) }
                case .brIfI32MaskedEqImm: if fp[i32: i.a] & UInt32(UInt16(bitPattern: i.short)) == i.ub { pc += Int(i.c) }
                case .brIfI32MaskedNeImm: if fp[i32: i.a] & UInt32(UInt16(bitPattern: i.short)) != i.ub { pc += Int(i.c) }
                case .brIfI32MaskedEq: if fp[i32: i.a] & UInt32(UInt16(bitPattern: i.short)) == fp[i32: i.b] { pc += Int(i.c) }
                case .brIfI32MaskedNe: if fp[i32: i.a] & UInt32(UInt16(bitPattern: i.short)) != fp[i32: i.b] { pc += Int(i.c) }
                case .brIfI32LtSImm: if fp[s32: i.a] < i.b { pc += Int(i.c) }
                case .brIfI32LtUImm: if fp[i32: i.a] < i.ub { pc += Int(i.c) }
                case .brIfI32GtSImm: if fp[s32: i.a] > i.b { pc += Int(i.c) }
                case .brIfI32GtUImm: if fp[i32: i.a] > i.ub { pc += Int(i.c) }
                case .brIfI32LeSImm: if fp[s32: i.a] <= i.b { pc += Int(i.c) }
                case .brIfI32LeUImm: if fp[i32: i.a] <= i.ub { pc += Int(i.c) }
                case .brIfI32GeSImm: if fp[s32: i.a] >= i.b { pc += Int(i.c) }
                case .brIfI32GeUImm: if fp[i32: i.a] >= i.ub { pc += Int(i.c) }

                case .brIfF64Eq: if fp[f64: i.a] == fp[f64: i.b] { pc += Int(i.c) }
                case .brIfF64Ne: if fp[f64: i.a] != fp[f64: i.b] { pc += Int(i.c) }
                case .brIfF64Lt: if fp[f64: i.a] < fp[f64: i.b] { pc += Int(i.c) }
                case .brIfF64Gt: if fp[f64: i.a] > fp[f64: i.b] { pc += Int(i.c) }
                case .brIfF64Le: if fp[f64: i.a] <= fp[f64: i.b] { pc += Int(i.c) }
                case .brIfF64Ge: if fp[f64: i.a] >= fp[f64: i.b] { pc += Int(i.c) }
                case .brIfNotF64Lt: if !(fp[f64: i.a] < fp[f64: i.b]) { pc += Int(i.c) }
                case .brIfNotF64Gt: if !(fp[f64: i.a] > fp[f64: i.b]) { pc += Int(i.c) }
                case .brIfNotF64Le: if !(fp[f64: i.a] <= fp[f64: i.b]) { pc += Int(i.c) }
                case .brIfNotF64Ge: if !(fp[f64: i.a] >= fp[f64: i.b]) { pc += Int(i.c) }
                case .brIfI64Zero: if fp[i64: i.a] == 0 { pc += Int(i.b) }
                case .brIfI64NonZero: if fp[i64: i.a] != 0 { pc += Int(i.b) }
                case .brIfLoad32NonZero:
                    let ea = UInt64(fp[i32: i.a]) &+ UInt64(i.ub)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    if memoryBase.read(UInt32.self, at: Int(ea)) != 0 { pc += Int(i.c) }
                case .brIfLoad32Zero:
                    let ea = UInt64(fp[i32: i.a]) &+ UInt64(i.ub)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    if memoryBase.read(UInt32.self, at: Int(ea)) == 0 { pc += Int(i.c) }
                case .brIfLoad8NonZero:
                    let ea = UInt64(fp[i32: i.a]) &+ UInt64(i.ub)
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    if memoryBase.read(UInt8.self, at: Int(ea)) != 0 { pc += Int(i.c) }
                case .brIfLoad8Zero:
                    let ea = UInt64(fp[i32: i.a]) &+ UInt64(i.ub)
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    if memoryBase.read(UInt8.self, at: Int(ea)) == 0 { pc += Int(i.c) }
                case .brIfLoad32AtNonZero:
                    guard i.wide &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    if memoryBase.read(UInt32.self, at: Int(i.wide)) != 0 { pc += Int(i.a) }
                case .brIfLoad32AtZero:
                    guard i.wide &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    if memoryBase.read(UInt32.self, at: Int(i.wide)) == 0 { pc += Int(i.a) }
                case .brIfI32AndImm: if fp[i32: i.a] & i.ub != 0 { pc += Int(i.c) }
                case .brIfNotI32AndImm: if fp[i32: i.a] & i.ub == 0 { pc += Int(i.c) }
                case .brIfI64AndImm: if fp[i64: i.a] & UInt64(bitPattern: Int64(i.b)) != 0 { pc += Int(i.c) }
                case .brIfNotI64AndImm: if fp[i64: i.a] & UInt64(bitPattern: Int64(i.b)) == 0 { pc += Int(i.c) }

                // MARK: Constants and variables (§4.4.1.1, §4.4.5)
                case .const32:
                    let result = i.a, value = i.ub
                    fp[i32: result] = value
                case .const64:
                    let value = i.wide, result = i.a
                    fp[i64: result] = value
                case .globalGet:
                    let cell = i.cell, result = i.a
                    fp[Int(result)] = cell[0]
                case .globalSet:
                    let cell = i.cell, source = i.a
                    cell[0] = fp[Int(source)]
                case .globalAddImmTee:
                    let cell = i.cell, local = i.short, adjustment = i.a
                    let value = UInt32(truncatingIfNeeded: cell[0]) &+ UInt32(bitPattern: Int32(adjustment))
                    cell[0] = UInt64(value)
                    fp[Int(local)] = UInt64(value)
                case .globalSetAddImm:
                    let cell = i.cell, source = i.short, adjustment = i.a
                    cell[0] = UInt64(fp[i32: Int32(source)] &+ UInt32(bitPattern: Int32(adjustment)))
                case .globalGetWide:
                    let cell = i.cell, result = i.a
                    fp[Int(result)] = cell[0]
                    fp[Int(result) + 1] = cell[1]
                case .globalSetWide:
                    let cell = i.cell, source = i.a
                    cell[0] = fp[Int(source)]
                    cell[1] = fp[Int(source) + 1]

                // MARK: Memory (§4.4.7): one bounds check per access, any alignment
                case .load8S:
                    let result = i.a, address = i.b, offset = i.uc
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    let value = Int64(memoryBase.read(Int8.self, at: Int(ea)))
                    fp[s64: result] = value
                    ireg = UInt32(truncatingIfNeeded: value)
                case .load8U:
                    let result = i.a, address = i.b, offset = i.uc
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    let value = memoryBase.read(UInt8.self, at: Int(ea))
                    fp[i64: result] = UInt64(value)
                    ireg = UInt32(value)
                case .load16S:
                    let result = i.a, address = i.b, offset = i.uc
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 2 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[s64: result] = Int64(memoryBase.read(Int16.self, at: Int(ea)))
                case .load16U:
                    let result = i.a, address = i.b, offset = i.uc
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 2 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = UInt64(memoryBase.read(UInt16.self, at: Int(ea)))
                case .load32S:
                    let result = i.a, address = i.b, offset = i.uc
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[s64: result] = Int64(memoryBase.read(Int32.self, at: Int(ea)))
                case .load32U:
                    let result = i.a, address = i.b, offset = i.uc
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    let value = memoryBase.read(UInt32.self, at: Int(ea))
                    fp[i64: result] = UInt64(value)
                    ireg = value
                case .load32UAcc:
                    let result = i.a, offset = i.uc
                    let ea = UInt64(ireg) &+ UInt64(offset)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    let value = memoryBase.read(UInt32.self, at: Int(ea))
                    fp[i64: result] = UInt64(value)
                    ireg = value
                case .load8UAcc:
                    let result = i.a, offset = i.uc
                    let ea = UInt64(ireg) &+ UInt64(offset)
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    let value = memoryBase.read(UInt8.self, at: Int(ea))
                    fp[i64: result] = UInt64(value)
                    ireg = UInt32(value)
                case .load64:
                    let result = i.a, address = i.b, offset = i.uc
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = memoryBase.read(UInt64.self, at: Int(ea))
                case .store8:
                    let address = i.a, value = i.b, offset = i.uc
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(UInt8(truncatingIfNeeded: fp[Int(value)]), at: Int(ea))
                case .store16:
                    let address = i.a, value = i.b, offset = i.uc
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 2 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(UInt16(truncatingIfNeeded: fp[Int(value)]), at: Int(ea))
                case .store32:
                    let address = i.a, value = i.b, offset = i.uc
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(UInt32(truncatingIfNeeded: fp[Int(value)]), at: Int(ea))
                case .store64:
                    let address = i.a, value = i.b, offset = i.uc
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(fp[Int(value)], at: Int(ea))
                case .load8UAt:
                    let address = i.wide, result = i.a
                    guard address &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = UInt64(memoryBase.read(UInt8.self, at: Int(address)))
                case .load32UAt:
                    let address = i.wide, result = i.a
                    guard address &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    let value = memoryBase.read(UInt32.self, at: Int(address))
                    fp[i64: result] = UInt64(value)
                    ireg = value
                case .load64At:
                    let address = i.wide, result = i.a
                    guard address &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = memoryBase.read(UInt64.self, at: Int(address))
                case .store8At:
                    let address = i.wide, value = i.a
                    guard address &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(UInt8(truncatingIfNeeded: fp[Int(value)]), at: Int(address))
                case .store32At:
                    let address = i.wide, value = i.a
                    guard address &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(UInt32(truncatingIfNeeded: fp[Int(value)]), at: Int(address))
                case .store64At:
                    let address = i.wide, value = i.a
                    guard address &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(fp[Int(value)], at: Int(address))
                case .load8UDisplaced:
                    let result = i.a, base = i.b, displacement = i.uc
                    let ea = UInt64(fp[i32: base] &+ displacement)
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    let value = memoryBase.read(UInt8.self, at: Int(ea))
                    fp[i64: result] = UInt64(value)
                    ireg = UInt32(value)
                case .load8UOrDisplaced:
                    let result = i.a, base = i.b, mask = UInt32(UInt16(bitPattern: i.short)), displacement = i.uc
                    let ea = UInt64((fp[i32: base] | mask) &+ displacement)
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = UInt64(memoryBase.read(UInt8.self, at: Int(ea)))
                case .load32UDisplaced:
                    let result = i.a, base = i.b, displacement = i.uc
                    let ea = UInt64(fp[i32: base] &+ displacement)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    let value = memoryBase.read(UInt32.self, at: Int(ea))
                    fp[i64: result] = UInt64(value)
                    ireg = value
                case .load64Displaced:
                    let result = i.a, base = i.b, displacement = i.uc
                    let ea = UInt64(fp[i32: base] &+ displacement)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = memoryBase.read(UInt64.self, at: Int(ea))
                case .load8UIndexed:
                    let result = i.a, base = i.b, index = i.c
                    let ea = UInt64(fp[i32: base] &+ fp[i32: index] &<< UInt32(i.short))
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = UInt64(memoryBase.read(UInt8.self, at: Int(ea)))
                case .load32UIndexed:
                    let result = i.a, base = i.b, index = i.c
                    let ea = UInt64(fp[i32: base] &+ fp[i32: index] &<< UInt32(i.short))
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = UInt64(memoryBase.read(UInt32.self, at: Int(ea)))
                case .load32UScaled:
                    let result = i.a, index = i.b, displacement = i.uc
                    let ea = UInt64(fp[i32: index] &<< UInt32(i.short) &+ displacement)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = UInt64(memoryBase.read(UInt32.self, at: Int(ea)))
                case .load32UScaledKeeping:
                    let slots = i.a
                    let address = fp[i32: i.b] &<< UInt32(i.short) &+ i.uc
                    fp[i32: slots &>> 16] = address
                    guard UInt64(address) &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: slots & 0xFFFF] = UInt64(memoryBase.read(UInt32.self, at: Int(address)))
                case .load64Indexed:
                    let result = i.a, base = i.b, index = i.c
                    let ea = UInt64(fp[i32: base] &+ fp[i32: index] &<< UInt32(i.short))
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = memoryBase.read(UInt64.self, at: Int(ea))
                case .store8Displaced:
                    let ea = UInt64(fp[i32: i.a] &+ i.uc)
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(UInt8(truncatingIfNeeded: fp[Int(i.b)]), at: Int(ea))
                case .store32Displaced:
                    let ea = UInt64(fp[i32: i.a] &+ i.uc)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(UInt32(truncatingIfNeeded: fp[Int(i.b)]), at: Int(ea))
                case .store64Displaced:
                    let ea = UInt64(fp[i32: i.a] &+ i.uc)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(fp[Int(i.b)], at: Int(ea))
                case .store8Indexed:
                    let ea = UInt64(fp[i32: i.a] &+ fp[i32: i.b] &<< UInt32(i.short))
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(UInt8(truncatingIfNeeded: fp[Int(i.c)]), at: Int(ea))
                case .store32Indexed:
                    let ea = UInt64(fp[i32: i.a] &+ fp[i32: i.b] &<< UInt32(i.short))
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(UInt32(truncatingIfNeeded: fp[Int(i.c)]), at: Int(ea))
                case .store64Indexed:
                    let ea = UInt64(fp[i32: i.a] &+ fp[i32: i.b] &<< UInt32(i.short))
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(fp[Int(i.c)], at: Int(ea))
                case .move8:
                    let from = UInt64(fp[i32: i.b]) &+ UInt64(i.uc)
                    guard from &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    let to = UInt64(fp[i32: i.a]) &+ UInt64(UInt16(bitPattern: i.short))
                    guard to &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(memoryBase.read(UInt8.self, at: Int(from)), at: Int(to))
                case .move32:
                    let from = UInt64(fp[i32: i.b]) &+ UInt64(i.uc)
                    guard from &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    let to = UInt64(fp[i32: i.a]) &+ UInt64(UInt16(bitPattern: i.short))
                    guard to &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(memoryBase.read(UInt32.self, at: Int(from)), at: Int(to))
                case .move32Run:
                    let slots = i.a, count = Int(i.b)
                    let from = UInt64(fp[i32: slots &>> 16]) &+ UInt64(i.uc)
                    let to = UInt64(fp[i32: slots & 0xFFFF]) &+ UInt64(UInt16(bitPattern: i.short))
                    let length = UInt64(count &* 4)
                    guard from &+ length <= memorySize, to &+ length <= memorySize else {
                        throw Self.moveWordsUntilOutOfBounds(from: from, to: to, count: count,
                                                             memoryBase: memoryBase, memorySize: memorySize)
                    }
                    for word in 0 ..< count {
                        memoryBase.write(memoryBase.read(UInt32.self, at: Int(from) &+ 4 &* word), at: Int(to) &+ 4 &* word)
                    }
                case .move64:
                    let from = UInt64(fp[i32: i.b]) &+ UInt64(i.uc)
                    guard from &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    let to = UInt64(fp[i32: i.a]) &+ UInt64(UInt16(bitPattern: i.short))
                    guard to &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(memoryBase.read(UInt64.self, at: Int(from)), at: Int(to))
                case .f64AddStore:
                    let ea = UInt64(fp[i32: i.a]) &+ UInt64(i.uc)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write((fp[f64: i.short] + fp[f64: i.b]).bitPattern, at: Int(ea))
                case .f64AddToMemory:
                    let ea = UInt64(fp[i32: i.a]) &+ UInt64(i.uc)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    let stored = Double(bitPattern: memoryBase.read(UInt64.self, at: Int(ea)))
                    memoryBase.write((fp[f64: i.b] + stored).bitPattern, at: Int(ea))
                case .f64SubFromMemory:
                    let ea = UInt64(fp[i32: i.a]) &+ UInt64(i.uc)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    let stored = Double(bitPattern: memoryBase.read(UInt64.self, at: Int(ea)))
                    memoryBase.write((stored - fp[f64: i.b]).bitPattern, at: Int(ea))
                case .f64SubStore:
                    let ea = UInt64(fp[i32: i.a]) &+ UInt64(i.uc)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write((fp[f64: i.short] - fp[f64: i.b]).bitPattern, at: Int(ea))
                case .f64MulStore:
                    let ea = UInt64(fp[i32: i.a]) &+ UInt64(i.uc)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write((fp[f64: i.short] * fp[f64: i.b]).bitPattern, at: Int(ea))
                case .store8Imm:
                    let address = i.a, value = i.ub, offset = i.uc
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(UInt8(truncatingIfNeeded: value), at: Int(ea))
                case .store32Imm:
                    let address = i.a, value = i.ub, offset = i.uc
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(value, at: Int(ea))
                case .store64Imm:
                    let address = i.a, value = i.ub, offset = i.uc
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(Int64(Int32(bitPattern: value)), at: Int(ea))
                case .memorySize:
                    let result = i.a
                    fp[i32: result] = UInt32(memorySize / UInt64(MemoryEntity.pageSize))
                case .memoryGrow:
                    let result = i.a, delta = i.b
                    fp[i32: result] = Self.growMemory(of: activation.pointee.function.owningInstance, by: fp[i32: delta])
                    (memoryBase, memorySize) = Self.memoryView(of: activation.pointee.function.owningInstance)
                case .memoryFill:
                    let destination = i.a, value = i.b, count = i.c
                    // §4.4.7 memory.fill: the whole range is checked before any byte is written.
                    let d = UInt64(fp[i32: destination]), n = UInt64(fp[i32: count])
                    guard d &+ n <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    (memoryBase + Int(d)).initializeMemory(as: UInt8.self, repeating: UInt8(truncatingIfNeeded: fp[Int(value)]), count: Int(n))
                case .memoryCopy:
                    let destination = i.a, source = i.b, count = i.c
                    // §4.4.7 memory.copy: both ranges checked first; overlapping ranges allowed.
                    let d = UInt64(fp[i32: destination]), s = UInt64(fp[i32: source]), n = UInt64(fp[i32: count])
                    guard d &+ n <= memorySize, s &+ n <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    (memoryBase + Int(d)).copyMemory(from: memoryBase + Int(s), byteCount: Int(n))
                case .memoryInit:
                    let data = i.ua, operands = i.b
                    try Self.initializeMemory(of: activation.pointee.function.owningInstance, data: data, operands: fp + Int(operands))
                case .dataDrop:
                    let data = i.ua
                    activation.pointee.function.owningInstance.pointee.datas[Int(data)].drop()

                // MARK: Tables (§4.4.6)
                case .tableGet:
                    let table = i.ua, result = i.b, index = i.c
                    let entity = activation.pointee.function.owningInstance.pointee.tables[Int(table)].pointee
                    let element = Int(fp[i32: index])
                    guard element < entity.count else { throw TrapReason.outOfBoundsTableAccess }
                    fp[i64: result] = entity.elements[element]
                case .tableSet:
                    let table = i.ua, index = i.b, value = i.c
                    let entity = activation.pointee.function.owningInstance.pointee.tables[Int(table)].pointee
                    let element = Int(fp[i32: index])
                    guard element < entity.count else { throw TrapReason.outOfBoundsTableAccess }
                    entity.elements[element] = fp[i64: value]
                case .tableSize:
                    let table = i.ua, result = i.b
                    fp[i32: result] = UInt32(activation.pointee.function.owningInstance.pointee.tables[Int(table)].pointee.count)
                case .tableGrow:
                    let table = i.ua, operands = i.b
                    Self.growTable(activation.pointee.function.owningInstance.pointee.tables[Int(table)], operands: fp + Int(operands))
                case .tableFill:
                    let table = i.ua, operands = i.b
                    try Self.fillTable(activation.pointee.function.owningInstance.pointee.tables[Int(table)], operands: fp + Int(operands))
                case .tableCopy:
                    let destination = i.ua, source = i.ub, operands = i.c
                    try Self.copyTable(activation.pointee.function.owningInstance.pointee.tables[Int(destination)], from: activation.pointee.function.owningInstance.pointee.tables[Int(source)],
                                       operands: fp + Int(operands))
                case .tableInit:
                    let element = i.ua, table = i.ub, operands = i.c
                    try Self.initializeTable(activation.pointee.function.owningInstance.pointee.tables[Int(table)], from: &activation.pointee.function.owningInstance.pointee.elements[Int(element)],
                                             operands: fp + Int(operands))
                case .elemDrop:
                    let element = i.ua
                    activation.pointee.function.owningInstance.pointee.elements[Int(element)].drop()

                // MARK: i32 (§4.4.1, §4.3.2)
                case .i32Eqz: fp[bool: i.a] = fp[i32: i.b] == 0
                case .i32Eq: fp[bool: i.a] = fp[i32: i.b] == fp[i32: i.c]
                case .i32Ne: fp[bool: i.a] = fp[i32: i.b] != fp[i32: i.c]
                case .i32LtS: fp[bool: i.a] = fp[s32: i.b] < fp[s32: i.c]
                case .i32LtU: fp[bool: i.a] = fp[i32: i.b] < fp[i32: i.c]
                case .i32GtS: fp[bool: i.a] = fp[s32: i.b] > fp[s32: i.c]
                case .i32GtU: fp[bool: i.a] = fp[i32: i.b] > fp[i32: i.c]
                case .i32LeS: fp[bool: i.a] = fp[s32: i.b] <= fp[s32: i.c]
                case .i32LeU: fp[bool: i.a] = fp[i32: i.b] <= fp[i32: i.c]
                case .i32GeS: fp[bool: i.a] = fp[s32: i.b] >= fp[s32: i.c]
                case .i32GeU: fp[bool: i.a] = fp[i32: i.b] >= fp[i32: i.c]
                case .i32Clz: fp[i32: i.a] = UInt32(fp[i32: i.b].leadingZeroBitCount)
                case .i32Ctz: fp[i32: i.a] = UInt32(fp[i32: i.b].trailingZeroBitCount)
                case .i32Popcnt: fp[i32: i.a] = UInt32(fp[i32: i.b].nonzeroBitCount)
                case .i32Add:
                    ireg = fp[i32: i.b] &+ fp[i32: i.c]
                    fp[i32: i.a] = ireg
                case .i32Sub:
                    ireg = fp[i32: i.b] &- fp[i32: i.c]
                    fp[i32: i.a] = ireg
                case .i32Mul: fp[i32: i.a] = fp[i32: i.b] &* fp[i32: i.c]
                case .i32DivS: fp[s32: i.a] = try divS(fp[s32: i.b], fp[s32: i.c])
                case .i32DivU: fp[i32: i.a] = try divU(fp[i32: i.b], fp[i32: i.c])
                case .i32RemS: fp[s32: i.a] = try remS(fp[s32: i.b], fp[s32: i.c])
                case .i32RemU: fp[i32: i.a] = try remU(fp[i32: i.b], fp[i32: i.c])
                case .i32And: fp[i32: i.a] = fp[i32: i.b] & fp[i32: i.c]
                case .i32Or:
                    ireg = fp[i32: i.b] | fp[i32: i.c]
                    fp[i32: i.a] = ireg
                case .i32Xor:
                    ireg = fp[i32: i.b] ^ fp[i32: i.c]
                    fp[i32: i.a] = ireg
                case .i32Shl: fp[i32: i.a] = fp[i32: i.b] &<< fp[i32: i.c]
                case .i32ShrS: fp[s32: i.a] = fp[s32: i.b] &>> fp[s32: i.c]
                case .i32ShrU: fp[i32: i.a] = fp[i32: i.b] &>> fp[i32: i.c]
                case .i32Rotl: fp[i32: i.a] = rotateLeft(fp[i32: i.b], fp[i32: i.c])
                case .i32Rotr: fp[i32: i.a] = rotateRight(fp[i32: i.b], fp[i32: i.c])

                // MARK: i64 (§4.4.1, §4.3.2)
                case .i64Eqz: fp[bool: i.a] = fp[i64: i.b] == 0
                case .i64Eq: fp[bool: i.a] = fp[i64: i.b] == fp[i64: i.c]
                case .i64Ne: fp[bool: i.a] = fp[i64: i.b] != fp[i64: i.c]
                case .i64LtS: fp[bool: i.a] = fp[s64: i.b] < fp[s64: i.c]
                case .i64LtU: fp[bool: i.a] = fp[i64: i.b] < fp[i64: i.c]
                case .i64GtS: fp[bool: i.a] = fp[s64: i.b] > fp[s64: i.c]
                case .i64GtU: fp[bool: i.a] = fp[i64: i.b] > fp[i64: i.c]
                case .i64LeS: fp[bool: i.a] = fp[s64: i.b] <= fp[s64: i.c]
                case .i64LeU: fp[bool: i.a] = fp[i64: i.b] <= fp[i64: i.c]
                case .i64GeS: fp[bool: i.a] = fp[s64: i.b] >= fp[s64: i.c]
                case .i64GeU: fp[bool: i.a] = fp[i64: i.b] >= fp[i64: i.c]
                case .i64Clz: fp[i64: i.a] = UInt64(fp[i64: i.b].leadingZeroBitCount)
                case .i64Ctz: fp[i64: i.a] = UInt64(fp[i64: i.b].trailingZeroBitCount)
                case .i64Popcnt: fp[i64: i.a] = UInt64(fp[i64: i.b].nonzeroBitCount)
                case .i64Add: fp[i64: i.a] = fp[i64: i.b] &+ fp[i64: i.c]
                case .i64Sub: fp[i64: i.a] = fp[i64: i.b] &- fp[i64: i.c]
                case .i64Mul: fp[i64: i.a] = fp[i64: i.b] &* fp[i64: i.c]
                case .i64DivS: fp[s64: i.a] = try divS(fp[s64: i.b], fp[s64: i.c])
                case .i64DivU: fp[i64: i.a] = try divU(fp[i64: i.b], fp[i64: i.c])
                case .i64RemS: fp[s64: i.a] = try remS(fp[s64: i.b], fp[s64: i.c])
                case .i64RemU: fp[i64: i.a] = try remU(fp[i64: i.b], fp[i64: i.c])
                case .i64And: fp[i64: i.a] = fp[i64: i.b] & fp[i64: i.c]
                case .i64Or: fp[i64: i.a] = fp[i64: i.b] | fp[i64: i.c]
                case .i64Xor: fp[i64: i.a] = fp[i64: i.b] ^ fp[i64: i.c]
                case .i64Shl: fp[i64: i.a] = fp[i64: i.b] &<< fp[i64: i.c]
                case .i64ShrS: fp[s64: i.a] = fp[s64: i.b] &>> fp[s64: i.c]
                case .i64ShrU: fp[i64: i.a] = fp[i64: i.b] &>> fp[i64: i.c]
                case .i64Rotl: fp[i64: i.a] = rotateLeft(fp[i64: i.b], fp[i64: i.c])
                case .i64Rotr: fp[i64: i.a] = rotateRight(fp[i64: i.b], fp[i64: i.c])

                // MARK: f32 (§4.4.1, §4.3.3); abs, neg and copysign act on the sign bit only
                case .f32Eq: fp[bool: i.a] = fp[f32: i.b] == fp[f32: i.c]
                case .f32Ne: fp[bool: i.a] = fp[f32: i.b] != fp[f32: i.c]
                case .f32Lt: fp[bool: i.a] = fp[f32: i.b] < fp[f32: i.c]
                case .f32Gt: fp[bool: i.a] = fp[f32: i.b] > fp[f32: i.c]
                case .f32Le: fp[bool: i.a] = fp[f32: i.b] <= fp[f32: i.c]
                case .f32Ge: fp[bool: i.a] = fp[f32: i.b] >= fp[f32: i.c]
                case .f32Abs: fp[i32: i.a] = fp[i32: i.b] & 0x7FFF_FFFF
                case .f32Neg: fp[i32: i.a] = fp[i32: i.b] ^ 0x8000_0000
                case .f32Ceil: fp[f32: i.a] = fp[f32: i.b].rounded(.up)
                case .f32Floor: fp[f32: i.a] = fp[f32: i.b].rounded(.down)
                case .f32Trunc: fp[f32: i.a] = fp[f32: i.b].rounded(.towardZero)
                case .f32Nearest: fp[f32: i.a] = fp[f32: i.b].rounded(.toNearestOrEven)
                case .f32Sqrt: fp[f32: i.a] = fp[f32: i.b].squareRoot()
                case .f32Add: fp[f32: i.a] = fp[f32: i.b] + fp[f32: i.c]
                case .f32Sub: fp[f32: i.a] = fp[f32: i.b] - fp[f32: i.c]
                case .f32Mul: fp[f32: i.a] = fp[f32: i.b] * fp[f32: i.c]
                case .f32Div: fp[f32: i.a] = fp[f32: i.b] / fp[f32: i.c]
                case .f32Min: fp[f32: i.a] = wasmMinimum(fp[f32: i.b], fp[f32: i.c])
                case .f32Max: fp[f32: i.a] = wasmMaximum(fp[f32: i.b], fp[f32: i.c])
                case .f32Copysign:
                    let r = i.a, a = i.b, b = i.c
                    fp[i32: r] = (fp[i32: a] & 0x7FFF_FFFF) | (fp[i32: b] & 0x8000_0000)

                // MARK: f64 (§4.4.1, §4.3.3)
                case .f64Eq: fp[bool: i.a] = fp[f64: i.b] == fp[f64: i.c]
                case .f64Ne: fp[bool: i.a] = fp[f64: i.b] != fp[f64: i.c]
                case .f64Lt: fp[bool: i.a] = fp[f64: i.b] < fp[f64: i.c]
                case .f64Gt: fp[bool: i.a] = fp[f64: i.b] > fp[f64: i.c]
                case .f64Le: fp[bool: i.a] = fp[f64: i.b] <= fp[f64: i.c]
                case .f64Ge: fp[bool: i.a] = fp[f64: i.b] >= fp[f64: i.c]
                case .f64Abs: fp[i64: i.a] = fp[i64: i.b] & 0x7FFF_FFFF_FFFF_FFFF
                case .f64Neg: fp[i64: i.a] = fp[i64: i.b] ^ 0x8000_0000_0000_0000
                case .f64Ceil: fp[f64: i.a] = fp[f64: i.b].rounded(.up)
                case .f64Floor: fp[f64: i.a] = fp[f64: i.b].rounded(.down)
                case .f64Trunc: fp[f64: i.a] = fp[f64: i.b].rounded(.towardZero)
                case .f64Nearest: fp[f64: i.a] = fp[f64: i.b].rounded(.toNearestOrEven)
                case .f64Sqrt: fp[f64: i.a] = fp[f64: i.b].squareRoot()
                case .f64Add:
                    freg = fp[f64: i.b] + fp[f64: i.c]
                    fp[f64: i.a] = freg
                case .f64Sub:
                    freg = fp[f64: i.b] - fp[f64: i.c]
                    fp[f64: i.a] = freg
                case .f64Mul:
                    freg = fp[f64: i.b] * fp[f64: i.c]
                    fp[f64: i.a] = freg
                case .f64Div:
                    freg = fp[f64: i.b] / fp[f64: i.c]
                    fp[f64: i.a] = freg
                case .f64Min: fp[f64: i.a] = wasmMinimum(fp[f64: i.b], fp[f64: i.c])
                case .f64Max: fp[f64: i.a] = wasmMaximum(fp[f64: i.b], fp[f64: i.c])
                case .f64Copysign:
                    let r = i.a, a = i.b, b = i.c
                    fp[i64: r] = (fp[i64: a] & 0x7FFF_FFFF_FFFF_FFFF) | (fp[i64: b] & 0x8000_0000_0000_0000)

                // MARK: Two dependent f64 operations (FloatFusion.swift)
                case .f64AddAdd:
                    freg = (fp[f64: i.a] + fp[f64: i.b]) + fp[f64: i.c]
                    fp[f64: i.short] = freg
                case .f64AddSub:
                    freg = (fp[f64: i.a] + fp[f64: i.b]) - fp[f64: i.c]
                    fp[f64: i.short] = freg
                case .f64AddSubFrom:
                    freg = fp[f64: i.c] - (fp[f64: i.a] + fp[f64: i.b])
                    fp[f64: i.short] = freg
                case .f64AddMul:
                    freg = (fp[f64: i.a] + fp[f64: i.b]) * fp[f64: i.c]
                    fp[f64: i.short] = freg
                case .f64SubAdd:
                    freg = (fp[f64: i.a] - fp[f64: i.b]) + fp[f64: i.c]
                    fp[f64: i.short] = freg
                case .f64SubSub:
                    freg = (fp[f64: i.a] - fp[f64: i.b]) - fp[f64: i.c]
                    fp[f64: i.short] = freg
                case .f64SubSubFrom:
                    freg = fp[f64: i.c] - (fp[f64: i.a] - fp[f64: i.b])
                    fp[f64: i.short] = freg
                case .f64SubMul:
                    freg = (fp[f64: i.a] - fp[f64: i.b]) * fp[f64: i.c]
                    fp[f64: i.short] = freg
                case .f64MulAdd:
                    freg = (fp[f64: i.a] * fp[f64: i.b]) + fp[f64: i.c]
                    fp[f64: i.short] = freg
                case .f64MulSub:
                    freg = (fp[f64: i.a] * fp[f64: i.b]) - fp[f64: i.c]
                    fp[f64: i.short] = freg
                case .f64MulSubFrom:
                    freg = fp[f64: i.c] - (fp[f64: i.a] * fp[f64: i.b])
                    fp[f64: i.short] = freg
                case .f64MulMul:
                    freg = (fp[f64: i.a] * fp[f64: i.b]) * fp[f64: i.c]
                    fp[f64: i.short] = freg

                // MARK: f64 arithmetic with a loaded operand (FloatLoadFusion.swift)
                case .f64AddDisplaced:
                    let ea = UInt64(fp[i32: i.b] &+ i.uc)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    freg = fp[f64: i.a] + Double(bitPattern: memoryBase.read(UInt64.self, at: Int(ea)))
                    fp[f64: i.short] = freg
                case .f64SubDisplaced:
                    let ea = UInt64(fp[i32: i.b] &+ i.uc)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    freg = fp[f64: i.a] - Double(bitPattern: memoryBase.read(UInt64.self, at: Int(ea)))
                    fp[f64: i.short] = freg
                case .f64MulDisplaced:
                    let ea = UInt64(fp[i32: i.b] &+ i.uc)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    freg = fp[f64: i.a] * Double(bitPattern: memoryBase.read(UInt64.self, at: Int(ea)))
                    fp[f64: i.short] = freg
                case .f64AddAt:
                    let address = i.wide
                    guard address &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    freg = fp[f64: i.a] + Double(bitPattern: memoryBase.read(UInt64.self, at: Int(address)))
                    fp[f64: i.short] = freg
                case .f64SubAt:
                    let address = i.wide
                    guard address &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    freg = fp[f64: i.a] - Double(bitPattern: memoryBase.read(UInt64.self, at: Int(address)))
                    fp[f64: i.short] = freg
                case .f64MulAt:
                    let address = i.wide
                    guard address &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    freg = fp[f64: i.a] * Double(bitPattern: memoryBase.read(UInt64.self, at: Int(address)))
                    fp[f64: i.short] = freg

                // MARK: The float accumulator (FloatAccumulator.swift)
                case .f64AddAcc:
                    freg = freg + fp[f64: i.b]
                    fp[f64: i.a] = freg
                case .f64SubAcc:
                    freg = freg - fp[f64: i.b]
                    fp[f64: i.a] = freg
                case .f64SubFromAcc:
                    freg = fp[f64: i.b] - freg
                    fp[f64: i.a] = freg
                case .f64MulAcc:
                    freg = freg * fp[f64: i.b]
                    fp[f64: i.a] = freg
                case .f64SquareAcc:
                    freg = freg * freg
                    fp[f64: i.a] = freg
                case .f64DivAcc:
                    freg = freg / fp[f64: i.b]
                    fp[f64: i.a] = freg
                case .f64DivFromAcc:
                    freg = fp[f64: i.b] / freg
                    fp[f64: i.a] = freg
                case .brIfF64LtAcc: if freg < fp[f64: i.a] { pc += Int(i.b) }
                case .brIfF64GtAcc: if freg > fp[f64: i.a] { pc += Int(i.b) }
                case .brIfF64LeAcc: if freg <= fp[f64: i.a] { pc += Int(i.b) }
                case .brIfF64GeAcc: if freg >= fp[f64: i.a] { pc += Int(i.b) }
                case .brIfNotF64LtAcc: if !(freg < fp[f64: i.a]) { pc += Int(i.b) }
                case .brIfNotF64GtAcc: if !(freg > fp[f64: i.a]) { pc += Int(i.b) }
                case .brIfNotF64LeAcc: if !(freg <= fp[f64: i.a]) { pc += Int(i.b) }
                case .brIfNotF64GeAcc: if !(freg >= fp[f64: i.a]) { pc += Int(i.b) }
                case .brIfAcc: if ireg != 0 { pc += Int(i.c) }
                case .brIfNotAcc: if ireg == 0 { pc += Int(i.c) }
                case .brIfI32EqImmAcc: if ireg == i.ub { pc += Int(i.c) }
                case .brIfI32NeImmAcc: if ireg != i.ub { pc += Int(i.c) }
                case .brIfI32LtUImmAcc: if ireg < i.ub { pc += Int(i.c) }
                case .brIfI32AndImmAcc: if ireg & i.ub != 0 { pc += Int(i.c) }
                case .brIfNotI32AndImmAcc: if ireg & i.ub == 0 { pc += Int(i.c) }
                case .brIfI32LtSAcc: if Int32(bitPattern: ireg) < fp[s32: i.a] { pc += Int(i.c) }
                case .brIfI32GtSAcc: if Int32(bitPattern: ireg) > fp[s32: i.a] { pc += Int(i.c) }
                case .brIfI32LeUAcc: if ireg <= fp[i32: i.a] { pc += Int(i.c) }
                case .brIfI32GeUAcc: if ireg >= fp[i32: i.a] { pc += Int(i.c) }
                case .brIfI32GeSImmAcc: if Int32(bitPattern: ireg) >= i.b { pc += Int(i.c) }
                case .brTableAcc:
                    let count = i.ub
                    let entry = Int(min(ireg, count))
                    let target = pc[1 + entry]
                    guard target.opcode == .br else { preconditionFailure("br_table entry is not a br") }
                    pc += entry + 1 + Int(target.a)
                case .store32Acc:
                    let address = i.a, offset = i.uc
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.write(ireg, at: Int(ea))
                case .i32AddImmAcc:
                    ireg = ireg &+ i.uc
                    fp[i32: i.a] = ireg
                case .i32AddAcc:
                    ireg = ireg &+ fp[i32: i.b]
                    fp[i32: i.a] = ireg
                case .i32SubAcc:
                    ireg = ireg &- fp[i32: i.b]
                    fp[i32: i.a] = ireg
                case .i32SubFromAcc:
                    ireg = fp[i32: i.b] &- ireg
                    fp[i32: i.a] = ireg

                // MARK: Numeric with an immediate right operand (i64 forms sign-extend it)
                case .i32AddImm:
                    ireg = fp[i32: i.b] &+ i.uc
                    fp[i32: i.a] = ireg
                case .i32AddImmPair:
                    let first = i.a, second = i.b
                    fp[i32: first & 0xFFFF] = fp[i32: first &>> 16] &+ i.uc
                    fp[i32: second & 0xFFFF] = fp[i32: second &>> 16] &+ UInt32(bitPattern: Int32(i.short))
                case .i32AddShifted: fp[i32: i.a] = fp[i32: i.b] &+ fp[i32: i.c] &<< UInt32(i.short)
                case .i64MulRemU: fp[i64: Slot(i.short)] = try remU(fp[i64: i.a] &* fp[i64: i.b], fp[i64: i.c])
                case .i64MulRemS: fp[s64: Slot(i.short)] = try remS(fp[s64: i.a] &* fp[s64: i.b], fp[s64: i.c])
                case .i64MulDivU: fp[i64: Slot(i.short)] = try divU(fp[i64: i.a] &* fp[i64: i.b], fp[i64: i.c])
                case .i64MulDivS: fp[s64: Slot(i.short)] = try divS(fp[s64: i.a] &* fp[s64: i.b], fp[s64: i.c])
                case .i32XorMulImm: fp[i32: Slot(i.short)] = (fp[i32: i.a] ^ fp[i32: i.b]) &* i.uc
                case .i32ShlAddImm: fp[i32: i.a] = fp[i32: i.b] &<< UInt32(i.short) &+ i.uc
                case .i32MulImm: fp[i32: i.a] = fp[i32: i.b] &* i.uc
                case .i32AndImm:
                    ireg = fp[i32: i.b] & i.uc
                    fp[i32: i.a] = ireg
                case .i32OrImm: fp[i32: i.a] = fp[i32: i.b] | i.uc
                case .i32XorImm: fp[i32: i.a] = fp[i32: i.b] ^ i.uc
                case .i32ShlImm: fp[i32: i.a] = fp[i32: i.b] &<< i.uc
                case .i32ShrSImm: fp[s32: i.a] = fp[s32: i.b] &>> i.c
                case .i32ShrUImm: fp[i32: i.a] = fp[i32: i.b] &>> i.uc
                case .i32RotlImm: fp[i32: i.a] = rotateLeft(fp[i32: i.b], i.uc)
                case .i32SubFromImm:
                    ireg = i.uc &- fp[i32: i.b]
                    fp[i32: i.a] = ireg
                case .i32EqImm: fp[bool: i.a] = fp[i32: i.b] == i.uc
                case .i32NeImm: fp[bool: i.a] = fp[i32: i.b] != i.uc
                case .i32LtSImm: fp[bool: i.a] = fp[s32: i.b] < i.c
                case .i32LtUImm: fp[bool: i.a] = fp[i32: i.b] < i.uc
                case .i32GtSImm: fp[bool: i.a] = fp[s32: i.b] > i.c
                case .i32GtUImm: fp[bool: i.a] = fp[i32: i.b] > i.uc
                case .i32LeSImm: fp[bool: i.a] = fp[s32: i.b] <= i.c
                case .i32LeUImm: fp[bool: i.a] = fp[i32: i.b] <= i.uc
                case .i32GeSImm: fp[bool: i.a] = fp[s32: i.b] >= i.c
                case .i32GeUImm: fp[bool: i.a] = fp[i32: i.b] >= i.uc
                case .i64AddImm: fp[i64: i.a] = fp[i64: i.b] &+ UInt64(bitPattern: Int64(i.c))
                case .i64SubImm: fp[i64: i.a] = fp[i64: i.b] &- UInt64(bitPattern: Int64(i.c))
                case .i64MulImm: fp[i64: i.a] = fp[i64: i.b] &* UInt64(bitPattern: Int64(i.c))
                case .i64AndImm: fp[i64: i.a] = fp[i64: i.b] & UInt64(bitPattern: Int64(i.c))
                case .i64OrImm: fp[i64: i.a] = fp[i64: i.b] | UInt64(bitPattern: Int64(i.c))
                case .i64XorImm: fp[i64: i.a] = fp[i64: i.b] ^ UInt64(bitPattern: Int64(i.c))
                case .i64ShlImm: fp[i64: i.a] = fp[i64: i.b] &<< UInt64(i.uc)
                case .i64ShrSImm: fp[s64: i.a] = fp[s64: i.b] &>> Int64(i.uc)
                case .i64ShrUImm: fp[i64: i.a] = fp[i64: i.b] &>> UInt64(i.uc)
                case .i64RotlImm: fp[i64: i.a] = rotateLeft(fp[i64: i.b], UInt64(i.uc))
                case .i64SubFromImm: fp[i64: i.a] = UInt64(bitPattern: Int64(i.c)) &- fp[i64: i.b]
                case .i64EqImm: fp[bool: i.a] = fp[i64: i.b] == UInt64(bitPattern: Int64(i.c))
                case .i64NeImm: fp[bool: i.a] = fp[i64: i.b] != UInt64(bitPattern: Int64(i.c))
                case .i64LtSImm: fp[bool: i.a] = fp[s64: i.b] < Int64(i.c)
                case .i64LtUImm: fp[bool: i.a] = fp[i64: i.b] < UInt64(bitPattern: Int64(i.c))
                case .i64GtSImm: fp[bool: i.a] = fp[s64: i.b] > Int64(i.c)
                case .i64GtUImm: fp[bool: i.a] = fp[i64: i.b] > UInt64(bitPattern: Int64(i.c))
                case .i64LeSImm: fp[bool: i.a] = fp[s64: i.b] <= Int64(i.c)
                case .i64LeUImm: fp[bool: i.a] = fp[i64: i.b] <= UInt64(bitPattern: Int64(i.c))
                case .i64GeSImm: fp[bool: i.a] = fp[s64: i.b] >= Int64(i.c)
                case .i64GeUImm: fp[bool: i.a] = fp[i64: i.b] >= UInt64(bitPattern: Int64(i.c))

                // MARK: Conversions (§4.4.1, §4.3.4)
                case .i32TruncF32S:
                    let r = i.a, a = i.b
                    fp[s32: r] = try truncate(fp[f32: a], exclusiveLower: TruncationBounds.i32LowerF32,
                                              exclusiveUpper: TruncationBounds.i32Upper, to: Int32.self)
                case .i32TruncF32U:
                    let r = i.a, a = i.b
                    fp[i32: r] = try truncate(fp[f32: a], exclusiveLower: -1, exclusiveUpper: TruncationBounds.u32UpperF32, to: UInt32.self)
                case .i32TruncF64S:
                    let r = i.a, a = i.b
                    fp[s32: r] = try truncate(fp[f64: a], exclusiveLower: TruncationBounds.i32LowerF64,
                                              exclusiveUpper: TruncationBounds.i32UpperF64, to: Int32.self)
                case .i32TruncF64U:
                    let r = i.a, a = i.b
                    fp[i32: r] = try truncate(fp[f64: a], exclusiveLower: -1, exclusiveUpper: TruncationBounds.u32UpperF64, to: UInt32.self)
                case .i64TruncF32S:
                    let r = i.a, a = i.b
                    fp[s64: r] = try truncate(fp[f32: a], exclusiveLower: TruncationBounds.i64LowerF32,
                                              exclusiveUpper: TruncationBounds.i64UpperF32, to: Int64.self)
                case .i64TruncF32U:
                    let r = i.a, a = i.b
                    fp[i64: r] = try truncate(fp[f32: a], exclusiveLower: -1, exclusiveUpper: TruncationBounds.u64UpperF32, to: UInt64.self)
                case .i64TruncF64S:
                    let r = i.a, a = i.b
                    fp[s64: r] = try truncate(fp[f64: a], exclusiveLower: TruncationBounds.i64LowerF64,
                                              exclusiveUpper: TruncationBounds.i64UpperF64, to: Int64.self)
                case .i64TruncF64U:
                    let r = i.a, a = i.b
                    fp[i64: r] = try truncate(fp[f64: a], exclusiveLower: -1, exclusiveUpper: TruncationBounds.u64UpperF64, to: UInt64.self)
                case .i32TruncSatF32S: fp[s32: i.a] = truncateSaturating(fp[f32: i.b], to: Int32.self)
                case .i32TruncSatF32U: fp[i32: i.a] = truncateSaturating(fp[f32: i.b], to: UInt32.self)
                case .i32TruncSatF64S: fp[s32: i.a] = truncateSaturating(fp[f64: i.b], to: Int32.self)
                case .i32TruncSatF64U: fp[i32: i.a] = truncateSaturating(fp[f64: i.b], to: UInt32.self)
                case .i64TruncSatF32S: fp[s64: i.a] = truncateSaturating(fp[f32: i.b], to: Int64.self)
                case .i64TruncSatF32U: fp[i64: i.a] = truncateSaturating(fp[f32: i.b], to: UInt64.self)
                case .i64TruncSatF64S: fp[s64: i.a] = truncateSaturating(fp[f64: i.b], to: Int64.self)
                case .i64TruncSatF64U: fp[i64: i.a] = truncateSaturating(fp[f64: i.b], to: UInt64.self)
                case .i64ExtendI32U: fp[i64: i.a] = UInt64(fp[i32: i.b])
                case .extend8S: fp[s64: i.a] = Int64(Int8(truncatingIfNeeded: fp[i64: i.b]))
                case .extend16S: fp[s64: i.a] = Int64(Int16(truncatingIfNeeded: fp[i64: i.b]))
                case .extend32S: fp[s64: i.a] = Int64(fp[s32: i.b])
                case .f32ConvertI32S: fp[f32: i.a] = Float(fp[s32: i.b])
                case .f32ConvertI32U: fp[f32: i.a] = Float(fp[i32: i.b])
                case .f32ConvertI64S: fp[f32: i.a] = Float(fp[s64: i.b])
                case .f32ConvertI64U: fp[f32: i.a] = Float(fp[i64: i.b])
                case .f32DemoteF64: fp[f32: i.a] = Float(fp[f64: i.b])
                case .f64ConvertI32S: fp[f64: i.a] = Double(fp[s32: i.b])
                case .f64ConvertI32U: fp[f64: i.a] = Double(fp[i32: i.b])
                case .f64ConvertI64S: fp[f64: i.a] = Double(fp[s64: i.b])
                case .f64ConvertI64U: fp[f64: i.a] = Double(fp[i64: i.b])
                case .f64PromoteF32: fp[f64: i.a] = Double(fp[f32: i.b])

                // MARK: Vectors (§4.4.3, §4.4.7): all in one case, executed out of line
                case .vectorUnary, .vectorBinary, .vectorBitselect, .vectorShift, .vectorSplat, .vectorTest,
                     .selectWide, .vectorLoad, .vectorLoadOther, .vectorStore, .vectorLane, .vectorMemoryLane,
                     .vectorShuffle, .vectorShuffleLanes:
                    pc += try VectorExecution.execute(pc, fp, memoryBase: memoryBase, memorySize: memorySize)
                }
                pc += 1
            }
        } catch let reason as TrapReason {
            throw Trap(reason, backtrace: backtrace(innermost: activation.pointee.function, frames: activation.pointee.frames))
        }
    }
}
