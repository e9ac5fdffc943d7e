// Execution of internal code (spec §4.4 instructions, §4.4.10 function calls): one loop with
// one `switch`, holding the program counter, the frame base and the memory's base and size in
// local variables (DESIGN.md, "Dispatch"). WebAssembly calls push a `Frame` on the store's frame
// stack and continue in the same loop; only host functions are called natively.

extension Store {
    /// Runs the WebAssembly function `entry`, whose arguments are at `base` on the value stack;
    /// its results are left at `base`. Traps are thrown as `Trap`; errors thrown by host
    /// functions pass through unchanged.
    func execute(_ entry: FunctionAddress, base: UnsafeMutablePointer<UInt64>) throws {
        let activationFrames = stack.frameTop
        var frames = activationFrames
        var function = entry
        var fp = base
        var (memoryBase, memorySize) = Self.memoryView(of: entry.owningInstance)
        do {
            var pc = try enterFirst(entry, base: base, valuesEnd: stack.valuesEnd)
            while true {
                let instruction = pc.pointee
                pc += 1
                switch instruction {
                // MARK: Control (§4.4.8)
                case .unreachable:
                    throw TrapReason.unreachable
                case .br(let offset):
                    pc += Int(offset)
                case .brIf(let condition, let offset):
                    if fp[i32: condition] != 0 { pc += Int(offset) }
                case .brIfNot(let condition, let offset):
                    if fp[i32: condition] == 0 { pc += Int(offset) }
                case .brTable(let index, let count):
                    // The selected entry is a `.br`: take its offset without dispatching it.
                    let entry = Int(min(fp[i32: index], count))
                    guard case .br(let offset) = pc[entry] else { preconditionFailure("br_table entry is not a br") }
                    pc += entry + 1 + Int(offset)
                case .call(let callee, let frame):
                    let switchesInstance = callee.owningInstance != function.owningInstance
                    try enter(callee, base: fp + Int(frame), pc: &pc, fp: &fp, frames: &frames,
                              function: &function)
                    if switchesInstance { (memoryBase, memorySize) = Self.memoryView(of: callee.owningInstance) }
                case .callHost(let callee, let frame):
                    try callHost(callee, base: fp + Int(frame), pc: pc, fp: fp, frames: frames, function: function)
                    (memoryBase, memorySize) = Self.memoryView(of: function.owningInstance)
                case .callIndirect(let typeID, let tableIndex, let index):
                    // §4.4.8 call_indirect: the element must exist, be non-null and have the type.
                    let table = function.owningInstance.pointee.tables[Int(tableIndex)].pointee
                    let element = Int(fp[i32: index])
                    guard element < table.count else { throw TrapReason.undefinedElement }
                    let reference = table.elements[element]
                    guard reference != 0 else { throw TrapReason.uninitializedElement }
                    let callee = FunctionEntity.address(of: reference)
                    guard callee.pointee.typeID == typeID else { throw TrapReason.indirectCallTypeMismatch }
                    let calleeBase = fp + Int(index) - Int(callee.pointee.parameterSlots)
                    if callee.pointee.kind == .host {
                        try callHost(callee, base: calleeBase, pc: pc, fp: fp, frames: frames, function: function)
                        (memoryBase, memorySize) = Self.memoryView(of: function.owningInstance)
                    } else {
                        let switchesInstance = callee.owningInstance != function.owningInstance
                        try enter(callee, base: calleeBase, pc: &pc, fp: &fp, frames: &frames,
                                  function: &function)
                        if switchesInstance { (memoryBase, memorySize) = Self.memoryView(of: callee.owningInstance) }
                    }
                case .returnMany(let source, let count):
                    fp.update(from: fp + Int(source), count: Int(count))
                    fallthrough
                case .returnNone:
                    if frames == activationFrames { return }
                    let calleeInstance = function.owningInstance
                    leave(pc: &pc, fp: &fp, frames: &frames, function: &function)
                    if function.owningInstance != calleeInstance {
                        (memoryBase, memorySize) = Self.memoryView(of: function.owningInstance)
                    }
                case .returnOne(let source):
                    fp[0] = fp[Int(source)]
                    if frames == activationFrames { return }
                    let calleeInstance = function.owningInstance
                    leave(pc: &pc, fp: &fp, frames: &frames, function: &function)
                    if function.owningInstance != calleeInstance {
                        (memoryBase, memorySize) = Self.memoryView(of: function.owningInstance)
                    }
                case .copy(let destination, let source):
                    fp[Int(destination)] = fp[Int(source)]
                case .copyTwo(let destination, let first, let second):
                    fp[Int(destination)] = fp[Int(first)]
                    fp[Int(destination) + 1] = fp[Int(second)]
                case .copyMany(let destination, let source, let count):
                    (fp + Int(destination)).update(from: fp + Int(source), count: Int(count))
                case .select(let result, let other, let condition):
                    if fp[i32: condition] == 0 { fp[Int(result)] = fp[Int(other)] }

                // MARK: Fused i32 comparison and branch
                case .brIfI32Eq(let a, let b, let offset): if fp[i32: a] == fp[i32: b] { pc += Int(offset) }
                case .brIfI32Ne(let a, let b, let offset): if fp[i32: a] != fp[i32: b] { pc += Int(offset) }
                case .brIfI32LtS(let a, let b, let offset): if fp[s32: a] < fp[s32: b] { pc += Int(offset) }
                case .brIfI32LtU(let a, let b, let offset): if fp[i32: a] < fp[i32: b] { pc += Int(offset) }
                case .brIfI32GtS(let a, let b, let offset): if fp[s32: a] > fp[s32: b] { pc += Int(offset) }
                case .brIfI32GtU(let a, let b, let offset): if fp[i32: a] > fp[i32: b] { pc += Int(offset) }
                case .brIfI32LeS(let a, let b, let offset): if fp[s32: a] <= fp[s32: b] { pc += Int(offset) }
                case .brIfI32LeU(let a, let b, let offset): if fp[i32: a] <= fp[i32: b] { pc += Int(offset) }
                case .brIfI32GeS(let a, let b, let offset): if fp[s32: a] >= fp[s32: b] { pc += Int(offset) }
                case .brIfI32GeU(let a, let b, let offset): if fp[i32: a] >= fp[i32: b] { pc += Int(offset) }
                case .brIfI32EqImm(let a, let b, let offset): if fp[i32: a] == b { pc += Int(offset) }
                case .brIfI32NeImm(let a, let b, let offset): if fp[i32: a] != b { pc += Int(offset) }
                case .brIfI32LtSImm(let a, let b, let offset): if fp[s32: a] < Int32(bitPattern: b) { pc += Int(offset) }
                case .brIfI32LtUImm(let a, let b, let offset): if fp[i32: a] < b { pc += Int(offset) }
                case .brIfI32GtSImm(let a, let b, let offset): if fp[s32: a] > Int32(bitPattern: b) { pc += Int(offset) }
                case .brIfI32GtUImm(let a, let b, let offset): if fp[i32: a] > b { pc += Int(offset) }
                case .brIfI32LeSImm(let a, let b, let offset): if fp[s32: a] <= Int32(bitPattern: b) { pc += Int(offset) }
                case .brIfI32LeUImm(let a, let b, let offset): if fp[i32: a] <= b { pc += Int(offset) }
                case .brIfI32GeSImm(let a, let b, let offset): if fp[s32: a] >= Int32(bitPattern: b) { pc += Int(offset) }
                case .brIfI32GeUImm(let a, let b, let offset): if fp[i32: a] >= b { pc += Int(offset) }

                case .brIfF64Eq(let a, let b, let offset): if fp[f64: a] == fp[f64: b] { pc += Int(offset) }
                case .brIfF64Ne(let a, let b, let offset): if fp[f64: a] != fp[f64: b] { pc += Int(offset) }
                case .brIfF64Lt(let a, let b, let offset): if fp[f64: a] < fp[f64: b] { pc += Int(offset) }
                case .brIfF64Gt(let a, let b, let offset): if fp[f64: a] > fp[f64: b] { pc += Int(offset) }
                case .brIfF64Le(let a, let b, let offset): if fp[f64: a] <= fp[f64: b] { pc += Int(offset) }
                case .brIfF64Ge(let a, let b, let offset): if fp[f64: a] >= fp[f64: b] { pc += Int(offset) }
                case .brIfNotF64Lt(let a, let b, let offset): if !(fp[f64: a] < fp[f64: b]) { pc += Int(offset) }
                case .brIfNotF64Gt(let a, let b, let offset): if !(fp[f64: a] > fp[f64: b]) { pc += Int(offset) }
                case .brIfNotF64Le(let a, let b, let offset): if !(fp[f64: a] <= fp[f64: b]) { pc += Int(offset) }
                case .brIfNotF64Ge(let a, let b, let offset): if !(fp[f64: a] >= fp[f64: b]) { pc += Int(offset) }
                case .brIfI64Zero(let a, let offset): if fp[i64: a] == 0 { pc += Int(offset) }
                case .brIfI64NonZero(let a, let offset): if fp[i64: a] != 0 { pc += Int(offset) }
                case .brIfI32AndImm(let a, let mask, let offset): if fp[i32: a] & mask != 0 { pc += Int(offset) }
                case .brIfNotI32AndImm(let a, let mask, let offset): if fp[i32: a] & mask == 0 { pc += Int(offset) }

                // MARK: Constants and variables (§4.4.1.1, §4.4.5)
                case .const32(let result, let value):
                    fp[i32: result] = value
                case .const64(let value, let result):
                    fp[i64: result] = value
                case .globalGet(let cell, let result):
                    fp[Int(result)] = cell[0]
                case .globalSet(let cell, let source):
                    cell[0] = fp[Int(source)]
                case .globalAddImmTee(let cell, let local, let adjustment):
                    let value = UInt32(truncatingIfNeeded: cell[0]) &+ UInt32(bitPattern: Int32(adjustment))
                    cell[0] = UInt64(value)
                    fp[Int(local)] = UInt64(value)
                case .globalSetAddImm(let cell, let source, let adjustment):
                    cell[0] = UInt64(fp[i32: Int32(source)] &+ UInt32(bitPattern: Int32(adjustment)))
                case .globalGetWide(let cell, let result):
                    (fp + Int(result)).update(from: cell, count: 2)
                case .globalSetWide(let cell, let source):
                    cell.update(from: fp + Int(source), count: 2)

                // MARK: Memory (§4.4.7): one bounds check per access, any alignment
                case .load8S(let result, let address, let offset):
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[s64: result] = Int64(memoryBase.load(fromByteOffset: Int(ea), as: Int8.self))
                case .load8U(let result, let address, let offset):
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = UInt64(memoryBase.load(fromByteOffset: Int(ea), as: UInt8.self))
                case .load16S(let result, let address, let offset):
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 2 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[s64: result] = Int64(memoryBase.loadUnaligned(fromByteOffset: Int(ea), as: Int16.self))
                case .load16U(let result, let address, let offset):
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 2 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = UInt64(memoryBase.loadUnaligned(fromByteOffset: Int(ea), as: UInt16.self))
                case .load32S(let result, let address, let offset):
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[s64: result] = Int64(memoryBase.loadUnaligned(fromByteOffset: Int(ea), as: Int32.self))
                case .load32U(let result, let address, let offset):
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = UInt64(memoryBase.loadUnaligned(fromByteOffset: Int(ea), as: UInt32.self))
                case .load64(let result, let address, let offset):
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = memoryBase.loadUnaligned(fromByteOffset: Int(ea), as: UInt64.self)
                case .store8(let address, let value, let offset):
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.storeBytes(of: UInt8(truncatingIfNeeded: fp[Int(value)]), toByteOffset: Int(ea), as: UInt8.self)
                case .store16(let address, let value, let offset):
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 2 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.storeBytes(of: UInt16(truncatingIfNeeded: fp[Int(value)]), toByteOffset: Int(ea), as: UInt16.self)
                case .store32(let address, let value, let offset):
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.storeBytes(of: UInt32(truncatingIfNeeded: fp[Int(value)]), toByteOffset: Int(ea), as: UInt32.self)
                case .store64(let address, let value, let offset):
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.storeBytes(of: fp[Int(value)], toByteOffset: Int(ea), as: UInt64.self)
                case .load8UAt(let address, let result):
                    guard address &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = UInt64(memoryBase.load(fromByteOffset: Int(address), as: UInt8.self))
                case .load32UAt(let address, let result):
                    guard address &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = UInt64(memoryBase.loadUnaligned(fromByteOffset: Int(address), as: UInt32.self))
                case .load64At(let address, let result):
                    guard address &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = memoryBase.loadUnaligned(fromByteOffset: Int(address), as: UInt64.self)
                case .store8At(let address, let value):
                    guard address &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.storeBytes(of: UInt8(truncatingIfNeeded: fp[Int(value)]), toByteOffset: Int(address), as: UInt8.self)
                case .store32At(let address, let value):
                    guard address &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.storeBytes(of: UInt32(truncatingIfNeeded: fp[Int(value)]), toByteOffset: Int(address), as: UInt32.self)
                case .store64At(let address, let value):
                    guard address &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.storeBytes(of: fp[Int(value)], toByteOffset: Int(address), as: UInt64.self)
                case .load8UDisplaced(let result, let base, let displacement):
                    let ea = UInt64(fp[i32: base] &+ displacement)
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = UInt64(memoryBase.load(fromByteOffset: Int(ea), as: UInt8.self))
                case .load32UDisplaced(let result, let base, let displacement):
                    let ea = UInt64(fp[i32: base] &+ displacement)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = UInt64(memoryBase.loadUnaligned(fromByteOffset: Int(ea), as: UInt32.self))
                case .load64Displaced(let result, let base, let displacement):
                    let ea = UInt64(fp[i32: base] &+ displacement)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = memoryBase.loadUnaligned(fromByteOffset: Int(ea), as: UInt64.self)
                case .load8UIndexed(let result, let base, let index):
                    let ea = UInt64(fp[i32: base] &+ fp[i32: index])
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = UInt64(memoryBase.load(fromByteOffset: Int(ea), as: UInt8.self))
                case .load32UIndexed(let result, let base, let index):
                    let ea = UInt64(fp[i32: base] &+ fp[i32: index])
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = UInt64(memoryBase.loadUnaligned(fromByteOffset: Int(ea), as: UInt32.self))
                case .load64Indexed(let result, let base, let index):
                    let ea = UInt64(fp[i32: base] &+ fp[i32: index])
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    fp[i64: result] = memoryBase.loadUnaligned(fromByteOffset: Int(ea), as: UInt64.self)
                case .store8Imm(let address, let value, let offset):
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 1 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: Int(ea), as: UInt8.self)
                case .store32Imm(let address, let value, let offset):
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 4 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.storeBytes(of: value, toByteOffset: Int(ea), as: UInt32.self)
                case .store64Imm(let address, let value, let offset):
                    let ea = UInt64(fp[i32: address]) &+ UInt64(offset)
                    guard ea &+ 8 <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    memoryBase.storeBytes(of: Int64(Int32(bitPattern: value)), toByteOffset: Int(ea), as: Int64.self)
                case .memorySize(let result):
                    fp[i32: result] = UInt32(memorySize / UInt64(MemoryEntity.pageSize))
                case .memoryGrow(let result, let delta):
                    fp[i32: result] = Self.growMemory(of: function.owningInstance, by: fp[i32: delta])
                    (memoryBase, memorySize) = Self.memoryView(of: function.owningInstance)
                case .memoryFill(let destination, let value, let count):
                    // §4.4.7 memory.fill: the whole range is checked before any byte is written.
                    let d = UInt64(fp[i32: destination]), n = UInt64(fp[i32: count])
                    guard d &+ n <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    (memoryBase + Int(d)).initializeMemory(as: UInt8.self, repeating: UInt8(truncatingIfNeeded: fp[Int(value)]), count: Int(n))
                case .memoryCopy(let destination, let source, let count):
                    // §4.4.7 memory.copy: both ranges checked first; overlapping ranges allowed.
                    let d = UInt64(fp[i32: destination]), s = UInt64(fp[i32: source]), n = UInt64(fp[i32: count])
                    guard d &+ n <= memorySize, s &+ n <= memorySize else { throw TrapReason.outOfBoundsMemoryAccess }
                    (memoryBase + Int(d)).copyMemory(from: memoryBase + Int(s), byteCount: Int(n))
                case .memoryInit(let data, let operands):
                    try Self.initializeMemory(of: function.owningInstance, data: data, operands: fp + Int(operands))
                case .dataDrop(let data):
                    function.owningInstance.pointee.datas[Int(data)].drop()

                // MARK: Tables (§4.4.6)
                case .tableGet(let table, let result, let index):
                    let entity = function.owningInstance.pointee.tables[Int(table)].pointee
                    let i = Int(fp[i32: index])
                    guard i < entity.count else { throw TrapReason.outOfBoundsTableAccess }
                    fp[i64: result] = entity.elements[i]
                case .tableSet(let table, let index, let value):
                    let entity = function.owningInstance.pointee.tables[Int(table)].pointee
                    let i = Int(fp[i32: index])
                    guard i < entity.count else { throw TrapReason.outOfBoundsTableAccess }
                    entity.elements[i] = fp[i64: value]
                case .tableSize(let table, let result):
                    fp[i32: result] = UInt32(function.owningInstance.pointee.tables[Int(table)].pointee.count)
                case .tableGrow(let table, let operands):
                    Self.growTable(function.owningInstance.pointee.tables[Int(table)], operands: fp + Int(operands))
                case .tableFill(let table, let operands):
                    try Self.fillTable(function.owningInstance.pointee.tables[Int(table)], operands: fp + Int(operands))
                case .tableCopy(let destination, let source, let operands):
                    try Self.copyTable(function.owningInstance.pointee.tables[Int(destination)], from: function.owningInstance.pointee.tables[Int(source)],
                                       operands: fp + Int(operands))
                case .tableInit(let element, let table, let operands):
                    try Self.initializeTable(function.owningInstance.pointee.tables[Int(table)], from: &function.owningInstance.pointee.elements[Int(element)],
                                             operands: fp + Int(operands))
                case .elemDrop(let element):
                    function.owningInstance.pointee.elements[Int(element)].drop()

                // MARK: i32 (§4.4.1, §4.3.2)
                case .i32Eqz(let r, let a): fp[bool: r] = fp[i32: a] == 0
                case .i32Eq(let r, let a, let b): fp[bool: r] = fp[i32: a] == fp[i32: b]
                case .i32Ne(let r, let a, let b): fp[bool: r] = fp[i32: a] != fp[i32: b]
                case .i32LtS(let r, let a, let b): fp[bool: r] = fp[s32: a] < fp[s32: b]
                case .i32LtU(let r, let a, let b): fp[bool: r] = fp[i32: a] < fp[i32: b]
                case .i32GtS(let r, let a, let b): fp[bool: r] = fp[s32: a] > fp[s32: b]
                case .i32GtU(let r, let a, let b): fp[bool: r] = fp[i32: a] > fp[i32: b]
                case .i32LeS(let r, let a, let b): fp[bool: r] = fp[s32: a] <= fp[s32: b]
                case .i32LeU(let r, let a, let b): fp[bool: r] = fp[i32: a] <= fp[i32: b]
                case .i32GeS(let r, let a, let b): fp[bool: r] = fp[s32: a] >= fp[s32: b]
                case .i32GeU(let r, let a, let b): fp[bool: r] = fp[i32: a] >= fp[i32: b]
                case .i32Clz(let r, let a): fp[i32: r] = UInt32(fp[i32: a].leadingZeroBitCount)
                case .i32Ctz(let r, let a): fp[i32: r] = UInt32(fp[i32: a].trailingZeroBitCount)
                case .i32Popcnt(let r, let a): fp[i32: r] = UInt32(fp[i32: a].nonzeroBitCount)
                case .i32Add(let r, let a, let b): fp[i32: r] = fp[i32: a] &+ fp[i32: b]
                case .i32Sub(let r, let a, let b): fp[i32: r] = fp[i32: a] &- fp[i32: b]
                case .i32Mul(let r, let a, let b): fp[i32: r] = fp[i32: a] &* fp[i32: b]
                case .i32DivS(let r, let a, let b): fp[s32: r] = try divS(fp[s32: a], fp[s32: b])
                case .i32DivU(let r, let a, let b): fp[i32: r] = try divU(fp[i32: a], fp[i32: b])
                case .i32RemS(let r, let a, let b): fp[s32: r] = try remS(fp[s32: a], fp[s32: b])
                case .i32RemU(let r, let a, let b): fp[i32: r] = try remU(fp[i32: a], fp[i32: b])
                case .i32And(let r, let a, let b): fp[i32: r] = fp[i32: a] & fp[i32: b]
                case .i32Or(let r, let a, let b): fp[i32: r] = fp[i32: a] | fp[i32: b]
                case .i32Xor(let r, let a, let b): fp[i32: r] = fp[i32: a] ^ fp[i32: b]
                case .i32Shl(let r, let a, let b): fp[i32: r] = fp[i32: a] &<< fp[i32: b]
                case .i32ShrS(let r, let a, let b): fp[s32: r] = fp[s32: a] &>> fp[s32: b]
                case .i32ShrU(let r, let a, let b): fp[i32: r] = fp[i32: a] &>> fp[i32: b]
                case .i32Rotl(let r, let a, let b): fp[i32: r] = rotateLeft(fp[i32: a], fp[i32: b])
                case .i32Rotr(let r, let a, let b): fp[i32: r] = rotateRight(fp[i32: a], fp[i32: b])

                // MARK: i64 (§4.4.1, §4.3.2)
                case .i64Eqz(let r, let a): fp[bool: r] = fp[i64: a] == 0
                case .i64Eq(let r, let a, let b): fp[bool: r] = fp[i64: a] == fp[i64: b]
                case .i64Ne(let r, let a, let b): fp[bool: r] = fp[i64: a] != fp[i64: b]
                case .i64LtS(let r, let a, let b): fp[bool: r] = fp[s64: a] < fp[s64: b]
                case .i64LtU(let r, let a, let b): fp[bool: r] = fp[i64: a] < fp[i64: b]
                case .i64GtS(let r, let a, let b): fp[bool: r] = fp[s64: a] > fp[s64: b]
                case .i64GtU(let r, let a, let b): fp[bool: r] = fp[i64: a] > fp[i64: b]
                case .i64LeS(let r, let a, let b): fp[bool: r] = fp[s64: a] <= fp[s64: b]
                case .i64LeU(let r, let a, let b): fp[bool: r] = fp[i64: a] <= fp[i64: b]
                case .i64GeS(let r, let a, let b): fp[bool: r] = fp[s64: a] >= fp[s64: b]
                case .i64GeU(let r, let a, let b): fp[bool: r] = fp[i64: a] >= fp[i64: b]
                case .i64Clz(let r, let a): fp[i64: r] = UInt64(fp[i64: a].leadingZeroBitCount)
                case .i64Ctz(let r, let a): fp[i64: r] = UInt64(fp[i64: a].trailingZeroBitCount)
                case .i64Popcnt(let r, let a): fp[i64: r] = UInt64(fp[i64: a].nonzeroBitCount)
                case .i64Add(let r, let a, let b): fp[i64: r] = fp[i64: a] &+ fp[i64: b]
                case .i64Sub(let r, let a, let b): fp[i64: r] = fp[i64: a] &- fp[i64: b]
                case .i64Mul(let r, let a, let b): fp[i64: r] = fp[i64: a] &* fp[i64: b]
                case .i64DivS(let r, let a, let b): fp[s64: r] = try divS(fp[s64: a], fp[s64: b])
                case .i64DivU(let r, let a, let b): fp[i64: r] = try divU(fp[i64: a], fp[i64: b])
                case .i64RemS(let r, let a, let b): fp[s64: r] = try remS(fp[s64: a], fp[s64: b])
                case .i64RemU(let r, let a, let b): fp[i64: r] = try remU(fp[i64: a], fp[i64: b])
                case .i64And(let r, let a, let b): fp[i64: r] = fp[i64: a] & fp[i64: b]
                case .i64Or(let r, let a, let b): fp[i64: r] = fp[i64: a] | fp[i64: b]
                case .i64Xor(let r, let a, let b): fp[i64: r] = fp[i64: a] ^ fp[i64: b]
                case .i64Shl(let r, let a, let b): fp[i64: r] = fp[i64: a] &<< fp[i64: b]
                case .i64ShrS(let r, let a, let b): fp[s64: r] = fp[s64: a] &>> fp[s64: b]
                case .i64ShrU(let r, let a, let b): fp[i64: r] = fp[i64: a] &>> fp[i64: b]
                case .i64Rotl(let r, let a, let b): fp[i64: r] = rotateLeft(fp[i64: a], fp[i64: b])
                case .i64Rotr(let r, let a, let b): fp[i64: r] = rotateRight(fp[i64: a], fp[i64: b])

                // MARK: f32 (§4.4.1, §4.3.3); abs, neg and copysign act on the sign bit only
                case .f32Eq(let r, let a, let b): fp[bool: r] = fp[f32: a] == fp[f32: b]
                case .f32Ne(let r, let a, let b): fp[bool: r] = fp[f32: a] != fp[f32: b]
                case .f32Lt(let r, let a, let b): fp[bool: r] = fp[f32: a] < fp[f32: b]
                case .f32Gt(let r, let a, let b): fp[bool: r] = fp[f32: a] > fp[f32: b]
                case .f32Le(let r, let a, let b): fp[bool: r] = fp[f32: a] <= fp[f32: b]
                case .f32Ge(let r, let a, let b): fp[bool: r] = fp[f32: a] >= fp[f32: b]
                case .f32Abs(let r, let a): fp[i32: r] = fp[i32: a] & 0x7FFF_FFFF
                case .f32Neg(let r, let a): fp[i32: r] = fp[i32: a] ^ 0x8000_0000
                case .f32Ceil(let r, let a): fp[f32: r] = fp[f32: a].rounded(.up)
                case .f32Floor(let r, let a): fp[f32: r] = fp[f32: a].rounded(.down)
                case .f32Trunc(let r, let a): fp[f32: r] = fp[f32: a].rounded(.towardZero)
                case .f32Nearest(let r, let a): fp[f32: r] = fp[f32: a].rounded(.toNearestOrEven)
                case .f32Sqrt(let r, let a): fp[f32: r] = fp[f32: a].squareRoot()
                case .f32Add(let r, let a, let b): fp[f32: r] = fp[f32: a] + fp[f32: b]
                case .f32Sub(let r, let a, let b): fp[f32: r] = fp[f32: a] - fp[f32: b]
                case .f32Mul(let r, let a, let b): fp[f32: r] = fp[f32: a] * fp[f32: b]
                case .f32Div(let r, let a, let b): fp[f32: r] = fp[f32: a] / fp[f32: b]
                case .f32Min(let r, let a, let b): fp[f32: r] = wasmMinimum(fp[f32: a], fp[f32: b])
                case .f32Max(let r, let a, let b): fp[f32: r] = wasmMaximum(fp[f32: a], fp[f32: b])
                case .f32Copysign(let r, let a, let b):
                    fp[i32: r] = (fp[i32: a] & 0x7FFF_FFFF) | (fp[i32: b] & 0x8000_0000)

                // MARK: f64 (§4.4.1, §4.3.3)
                case .f64Eq(let r, let a, let b): fp[bool: r] = fp[f64: a] == fp[f64: b]
                case .f64Ne(let r, let a, let b): fp[bool: r] = fp[f64: a] != fp[f64: b]
                case .f64Lt(let r, let a, let b): fp[bool: r] = fp[f64: a] < fp[f64: b]
                case .f64Gt(let r, let a, let b): fp[bool: r] = fp[f64: a] > fp[f64: b]
                case .f64Le(let r, let a, let b): fp[bool: r] = fp[f64: a] <= fp[f64: b]
                case .f64Ge(let r, let a, let b): fp[bool: r] = fp[f64: a] >= fp[f64: b]
                case .f64Abs(let r, let a): fp[i64: r] = fp[i64: a] & 0x7FFF_FFFF_FFFF_FFFF
                case .f64Neg(let r, let a): fp[i64: r] = fp[i64: a] ^ 0x8000_0000_0000_0000
                case .f64Ceil(let r, let a): fp[f64: r] = fp[f64: a].rounded(.up)
                case .f64Floor(let r, let a): fp[f64: r] = fp[f64: a].rounded(.down)
                case .f64Trunc(let r, let a): fp[f64: r] = fp[f64: a].rounded(.towardZero)
                case .f64Nearest(let r, let a): fp[f64: r] = fp[f64: a].rounded(.toNearestOrEven)
                case .f64Sqrt(let r, let a): fp[f64: r] = fp[f64: a].squareRoot()
                case .f64Add(let r, let a, let b): fp[f64: r] = fp[f64: a] + fp[f64: b]
                case .f64Sub(let r, let a, let b): fp[f64: r] = fp[f64: a] - fp[f64: b]
                case .f64Mul(let r, let a, let b): fp[f64: r] = fp[f64: a] * fp[f64: b]
                case .f64Div(let r, let a, let b): fp[f64: r] = fp[f64: a] / fp[f64: b]
                case .f64Min(let r, let a, let b): fp[f64: r] = wasmMinimum(fp[f64: a], fp[f64: b])
                case .f64Max(let r, let a, let b): fp[f64: r] = wasmMaximum(fp[f64: a], fp[f64: b])
                case .f64Copysign(let r, let a, let b):
                    fp[i64: r] = (fp[i64: a] & 0x7FFF_FFFF_FFFF_FFFF) | (fp[i64: b] & 0x8000_0000_0000_0000)

                // MARK: Two dependent f64 operations (FloatFusion.swift)
                case .f64AddAdd(let r, let a, let b, let c): fp[f64: r] = (fp[f64: a] + fp[f64: b]) + fp[f64: c]
                case .f64AddSub(let r, let a, let b, let c): fp[f64: r] = (fp[f64: a] + fp[f64: b]) - fp[f64: c]
                case .f64AddSubFrom(let r, let a, let b, let c): fp[f64: r] = fp[f64: c] - (fp[f64: a] + fp[f64: b])
                case .f64AddMul(let r, let a, let b, let c): fp[f64: r] = (fp[f64: a] + fp[f64: b]) * fp[f64: c]
                case .f64SubAdd(let r, let a, let b, let c): fp[f64: r] = (fp[f64: a] - fp[f64: b]) + fp[f64: c]
                case .f64SubSub(let r, let a, let b, let c): fp[f64: r] = (fp[f64: a] - fp[f64: b]) - fp[f64: c]
                case .f64SubSubFrom(let r, let a, let b, let c): fp[f64: r] = fp[f64: c] - (fp[f64: a] - fp[f64: b])
                case .f64SubMul(let r, let a, let b, let c): fp[f64: r] = (fp[f64: a] - fp[f64: b]) * fp[f64: c]
                case .f64MulAdd(let r, let a, let b, let c): fp[f64: r] = (fp[f64: a] * fp[f64: b]) + fp[f64: c]
                case .f64MulSub(let r, let a, let b, let c): fp[f64: r] = (fp[f64: a] * fp[f64: b]) - fp[f64: c]
                case .f64MulSubFrom(let r, let a, let b, let c): fp[f64: r] = fp[f64: c] - (fp[f64: a] * fp[f64: b])
                case .f64MulMul(let r, let a, let b, let c): fp[f64: r] = (fp[f64: a] * fp[f64: b]) * fp[f64: c]

                // MARK: Numeric with an immediate right operand (i64 forms sign-extend it)
                case .i32AddImm(let r, let a, let b): fp[i32: r] = fp[i32: a] &+ b
                case .i32SubImm(let r, let a, let b): fp[i32: r] = fp[i32: a] &- b
                case .i32MulImm(let r, let a, let b): fp[i32: r] = fp[i32: a] &* b
                case .i32AndImm(let r, let a, let b): fp[i32: r] = fp[i32: a] & b
                case .i32OrImm(let r, let a, let b): fp[i32: r] = fp[i32: a] | b
                case .i32XorImm(let r, let a, let b): fp[i32: r] = fp[i32: a] ^ b
                case .i32ShlImm(let r, let a, let b): fp[i32: r] = fp[i32: a] &<< b
                case .i32ShrSImm(let r, let a, let b): fp[s32: r] = fp[s32: a] &>> Int32(bitPattern: b)
                case .i32ShrUImm(let r, let a, let b): fp[i32: r] = fp[i32: a] &>> b
                case .i32EqImm(let r, let a, let b): fp[bool: r] = fp[i32: a] == b
                case .i32NeImm(let r, let a, let b): fp[bool: r] = fp[i32: a] != b
                case .i32LtSImm(let r, let a, let b): fp[bool: r] = fp[s32: a] < Int32(bitPattern: b)
                case .i32LtUImm(let r, let a, let b): fp[bool: r] = fp[i32: a] < b
                case .i32GtSImm(let r, let a, let b): fp[bool: r] = fp[s32: a] > Int32(bitPattern: b)
                case .i32GtUImm(let r, let a, let b): fp[bool: r] = fp[i32: a] > b
                case .i32LeSImm(let r, let a, let b): fp[bool: r] = fp[s32: a] <= Int32(bitPattern: b)
                case .i32LeUImm(let r, let a, let b): fp[bool: r] = fp[i32: a] <= b
                case .i32GeSImm(let r, let a, let b): fp[bool: r] = fp[s32: a] >= Int32(bitPattern: b)
                case .i32GeUImm(let r, let a, let b): fp[bool: r] = fp[i32: a] >= b
                case .i64AddImm(let r, let a, let b): fp[i64: r] = fp[i64: a] &+ UInt64(bitPattern: Int64(Int32(bitPattern: b)))
                case .i64SubImm(let r, let a, let b): fp[i64: r] = fp[i64: a] &- UInt64(bitPattern: Int64(Int32(bitPattern: b)))
                case .i64MulImm(let r, let a, let b): fp[i64: r] = fp[i64: a] &* UInt64(bitPattern: Int64(Int32(bitPattern: b)))
                case .i64AndImm(let r, let a, let b): fp[i64: r] = fp[i64: a] & UInt64(bitPattern: Int64(Int32(bitPattern: b)))
                case .i64OrImm(let r, let a, let b): fp[i64: r] = fp[i64: a] | UInt64(bitPattern: Int64(Int32(bitPattern: b)))
                case .i64XorImm(let r, let a, let b): fp[i64: r] = fp[i64: a] ^ UInt64(bitPattern: Int64(Int32(bitPattern: b)))
                case .i64ShlImm(let r, let a, let b): fp[i64: r] = fp[i64: a] &<< UInt64(b)
                case .i64ShrSImm(let r, let a, let b): fp[s64: r] = fp[s64: a] &>> Int64(b)
                case .i64ShrUImm(let r, let a, let b): fp[i64: r] = fp[i64: a] &>> UInt64(b)
                case .i64EqImm(let r, let a, let b): fp[bool: r] = fp[i64: a] == UInt64(bitPattern: Int64(Int32(bitPattern: b)))
                case .i64NeImm(let r, let a, let b): fp[bool: r] = fp[i64: a] != UInt64(bitPattern: Int64(Int32(bitPattern: b)))
                case .i64LtSImm(let r, let a, let b): fp[bool: r] = fp[s64: a] < Int64(Int32(bitPattern: b))
                case .i64LtUImm(let r, let a, let b): fp[bool: r] = fp[i64: a] < UInt64(bitPattern: Int64(Int32(bitPattern: b)))
                case .i64GtSImm(let r, let a, let b): fp[bool: r] = fp[s64: a] > Int64(Int32(bitPattern: b))
                case .i64GtUImm(let r, let a, let b): fp[bool: r] = fp[i64: a] > UInt64(bitPattern: Int64(Int32(bitPattern: b)))
                case .i64LeSImm(let r, let a, let b): fp[bool: r] = fp[s64: a] <= Int64(Int32(bitPattern: b))
                case .i64LeUImm(let r, let a, let b): fp[bool: r] = fp[i64: a] <= UInt64(bitPattern: Int64(Int32(bitPattern: b)))
                case .i64GeSImm(let r, let a, let b): fp[bool: r] = fp[s64: a] >= Int64(Int32(bitPattern: b))
                case .i64GeUImm(let r, let a, let b): fp[bool: r] = fp[i64: a] >= UInt64(bitPattern: Int64(Int32(bitPattern: b)))

                // MARK: Conversions (§4.4.1, §4.3.4)
                case .i32TruncF32S(let r, let a):
                    fp[s32: r] = try truncate(fp[f32: a], exclusiveLower: TruncationBounds.i32LowerF32,
                                              exclusiveUpper: TruncationBounds.i32Upper, to: Int32.self)
                case .i32TruncF32U(let r, let a):
                    fp[i32: r] = try truncate(fp[f32: a], exclusiveLower: -1, exclusiveUpper: TruncationBounds.u32UpperF32, to: UInt32.self)
                case .i32TruncF64S(let r, let a):
                    fp[s32: r] = try truncate(fp[f64: a], exclusiveLower: TruncationBounds.i32LowerF64,
                                              exclusiveUpper: TruncationBounds.i32UpperF64, to: Int32.self)
                case .i32TruncF64U(let r, let a):
                    fp[i32: r] = try truncate(fp[f64: a], exclusiveLower: -1, exclusiveUpper: TruncationBounds.u32UpperF64, to: UInt32.self)
                case .i64TruncF32S(let r, let a):
                    fp[s64: r] = try truncate(fp[f32: a], exclusiveLower: TruncationBounds.i64LowerF32,
                                              exclusiveUpper: TruncationBounds.i64UpperF32, to: Int64.self)
                case .i64TruncF32U(let r, let a):
                    fp[i64: r] = try truncate(fp[f32: a], exclusiveLower: -1, exclusiveUpper: TruncationBounds.u64UpperF32, to: UInt64.self)
                case .i64TruncF64S(let r, let a):
                    fp[s64: r] = try truncate(fp[f64: a], exclusiveLower: TruncationBounds.i64LowerF64,
                                              exclusiveUpper: TruncationBounds.i64UpperF64, to: Int64.self)
                case .i64TruncF64U(let r, let a):
                    fp[i64: r] = try truncate(fp[f64: a], exclusiveLower: -1, exclusiveUpper: TruncationBounds.u64UpperF64, to: UInt64.self)
                case .i32TruncSatF32S(let r, let a): fp[s32: r] = truncateSaturating(fp[f32: a], to: Int32.self)
                case .i32TruncSatF32U(let r, let a): fp[i32: r] = truncateSaturating(fp[f32: a], to: UInt32.self)
                case .i32TruncSatF64S(let r, let a): fp[s32: r] = truncateSaturating(fp[f64: a], to: Int32.self)
                case .i32TruncSatF64U(let r, let a): fp[i32: r] = truncateSaturating(fp[f64: a], to: UInt32.self)
                case .i64TruncSatF32S(let r, let a): fp[s64: r] = truncateSaturating(fp[f32: a], to: Int64.self)
                case .i64TruncSatF32U(let r, let a): fp[i64: r] = truncateSaturating(fp[f32: a], to: UInt64.self)
                case .i64TruncSatF64S(let r, let a): fp[s64: r] = truncateSaturating(fp[f64: a], to: Int64.self)
                case .i64TruncSatF64U(let r, let a): fp[i64: r] = truncateSaturating(fp[f64: a], to: UInt64.self)
                case .i64ExtendI32U(let r, let a): fp[i64: r] = UInt64(fp[i32: a])
                case .extend8S(let r, let a): fp[s64: r] = Int64(Int8(truncatingIfNeeded: fp[i64: a]))
                case .extend16S(let r, let a): fp[s64: r] = Int64(Int16(truncatingIfNeeded: fp[i64: a]))
                case .extend32S(let r, let a): fp[s64: r] = Int64(fp[s32: a])
                case .f32ConvertI32S(let r, let a): fp[f32: r] = Float(fp[s32: a])
                case .f32ConvertI32U(let r, let a): fp[f32: r] = Float(fp[i32: a])
                case .f32ConvertI64S(let r, let a): fp[f32: r] = Float(fp[s64: a])
                case .f32ConvertI64U(let r, let a): fp[f32: r] = Float(fp[i64: a])
                case .f32DemoteF64(let r, let a): fp[f32: r] = Float(fp[f64: a])
                case .f64ConvertI32S(let r, let a): fp[f64: r] = Double(fp[s32: a])
                case .f64ConvertI32U(let r, let a): fp[f64: r] = Double(fp[i32: a])
                case .f64ConvertI64S(let r, let a): fp[f64: r] = Double(fp[s64: a])
                case .f64ConvertI64U(let r, let a): fp[f64: r] = Double(fp[i64: a])
                case .f64PromoteF32(let r, let a): fp[f64: r] = Double(fp[f32: a])

                // MARK: Vectors (§4.4.3, §4.4.7): all in one case, executed out of line
                case .vectorUnary, .vectorBinary, .vectorBitselect, .vectorShift, .vectorSplat, .vectorTest,
                     .selectWide, .vectorLoad, .vectorLoadOther, .vectorStore, .vectorLane, .vectorMemoryLane,
                     .vectorShuffle, .vectorShuffleLanes:
                    pc += try VectorExecution.execute(pc - 1, fp, memoryBase: memoryBase, memorySize: memorySize)
                }
            }
        } catch let reason as TrapReason {
            throw Trap(reason, backtrace: backtrace(innermost: function, frames: frames))
        }
    }
}
