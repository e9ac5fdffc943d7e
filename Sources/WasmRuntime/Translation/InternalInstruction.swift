// The interpreter's internal code (DESIGN.md, "Internal code"): what each function body is
// translated to before it first runs, as the translator builds and rewrites it; the
// interpreter runs the same instructions in their fixed-size (16-byte) executable form,
// `EncodedInstruction`, one for one, in a flat contiguous array per function. Operands and results are addressed by `Slot`: an offset
// from the frame base in the value stack, fixed at translation time because operand-stack
// heights are known statically (§3.3 validation guarantees it). Branch targets are resolved to
// code offsets relative to the next instruction. Payloads are trivial (no references), so
// executing an instruction never touches reference counts.

import WasmCore

/// A frame-relative index into the value stack: locals first, then the operand stack.
typealias Slot = Int32

/// One instruction of the internal code. Operands fit the 12 bytes an `EncodedInstruction`
/// has for them: at most one 8-byte operand, one 2-byte operand and three 4-byte ones (or two
/// with the 8-byte one).
///
/// Value representation in a slot: i64, f64 and references use all 64 bits; i32 and f32 use the
/// low 32 bits and the high 32 bits are unspecified (every reader truncates). This lets
/// `i32.wrap_i64`, the reinterpretations and several loads share code with other operators.
enum InternalInstruction: Equatable {
    // MARK: Control (§4.4.8)

    /// Traps with "unreachable".
    case unreachable
    /// Continues at the next instruction + `offset`.
    case br(offset: Int32)
    /// Branches when the i32 in `condition` is non-zero.
    case brIf(condition: Slot, offset: Int32)
    /// Branches when the i32 in `condition` is zero (`if` jumping to its `else` or `end`).
    case brIfNot(condition: Slot, offset: Int32)
    /// A `copy` then a `br` (a branch carrying one value; `Translator.emitBranch`).
    case copyBr(destination: Slot, source: Slot, offset: Int32)
    /// A `const32` then a `br` (a branch carrying a constant, e.g. `return 0` inside a block).
    case const32Br(result: Slot, value: UInt32, offset: Int32)
    /// `br_table`: followed by `count + 1` `.br` instructions, one per label and then the
    /// default; executes the one selected by the i32 in `index` (clamped to the default).
    case brTable(index: Slot, count: UInt32)
    /// Calls a function defined in WebAssembly; its frame starts at `frame`, where the
    /// arguments are and where the results will be. `switchesInstance` when the callee belongs
    /// to another instance (an import), whose memory the call and the return switch to.
    case call(callee: UnsafeMutablePointer<FunctionEntity>, frame: Slot, switchesInstance: Bool)
    /// A `call` that first puts up to three arguments in place: followed by one `callMoves`
    /// word holding those moves, which the call performs first and skips on return.
    case callMoving(callee: UnsafeMutablePointer<FunctionEntity>, frame: Slot, switchesInstance: Bool)
    /// The argument moves of the preceding `callMoving` (never executed): three lanes, each
    /// `first`, `second`, `third` a slot to copy or a 32-bit constant (zero-extended) to write.
    /// `lanes` holds 5 bits per lane, the first lane's lowest: the low 4 the destination's
    /// offset from the call's frame, the fifth set for a constant (ArgumentMoves.swift).
    case callMoves(lanes: Int16, first: UInt32, second: UInt32, third: UInt32)
    /// Calls a host function; arguments and results at `frame` as for `call`.
    case callHost(callee: UnsafeMutablePointer<FunctionEntity>, frame: Slot)
    /// `call_indirect`: the i32 table index is in `index`, the arguments are just below it.
    case callIndirect(typeID: UInt32, table: UInt32, index: Slot)
    /// Returns from a function without results.
    case returnNone
    /// Returns one single-slot result found at `source`.
    case returnOne(source: Slot)
    /// Returns `count` slots of results found at `source` (copied to the frame base).
    case returnMany(source: Slot, count: Int32)
    /// Copies one slot: `local.get`/`local.set`/`local.tee`, branch values.
    case copy(destination: Slot, source: Slot)
    /// Copies two slots to consecutive destinations: `destination` ← `first`, then
    /// `destination + 1` ← `second` (call arguments, branch values).
    case copyTwo(destination: Slot, first: Slot, second: Slot)
    /// Two copies in a row, in their order: `destination` ← `source`, then `secondDestination`
    /// ← `secondSource` (locals renamed at a loop's entry: `h = hay; n = needle`).
    case copyPair(destination: Slot, source: Slot, secondDestination: Slot, secondSource: ShortSlot)
    /// Copies `count` consecutive slots in ascending order.
    case copyMany(destination: Slot, source: Slot, count: Int32)
    /// `select` of single-slot values from any slots: `result` ← `first` when the i32 in
    /// `condition` is non-zero, else `second` (a producer: `local.set` may redirect it).
    case selectFrom(result: ShortSlot, first: Slot, second: Slot, condition: Slot)
    /// `selectFrom` of i32 values, one a constant: `slot` when the condition holds, else
    /// `immediate`; and the reverse.
    case selectSlotOrImm(result: ShortSlot, slot: Slot, immediate: UInt32, condition: Slot)
    case selectImmOrSlot(result: ShortSlot, slot: Slot, immediate: UInt32, condition: Slot)
    /// `select` of single-slot values: the first operand is already in `result`; it is replaced
    /// by `other` when the i32 in `condition` is zero.
    case select(result: Slot, other: Slot, condition: Slot)

    // MARK: Fused comparison and branch (DESIGN.md, "Peepholes"): branch when `lhs` op `rhs`

    case brIfI32Eq(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfI32Ne(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfI32LtS(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfI32LtU(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfI32GtS(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfI32GtU(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfI32LeS(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfI32LeU(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfI32GeS(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfI32GeU(lhs: Slot, rhs: Slot, offset: Int32)

    case brIfI32EqImm(lhs: Slot, immediate: UInt32, offset: Int32)
    case brIfI32NeImm(lhs: Slot, immediate: UInt32, offset: Int32)
    /// Branches when (`source` & `mask`) equals, or differs from, `immediate` or the slot
    /// `other` (BranchFusion.swift, `applyingMask`); the mask is 16 bits, zero-extended.
    case brIfI32MaskedEqImm(source: Slot, mask: Int16, immediate: UInt32, offset: Int32)
    case brIfI32MaskedNeImm(source: Slot, mask: Int16, immediate: UInt32, offset: Int32)
    case brIfI32MaskedEq(source: Slot, mask: Int16, other: Slot, offset: Int32)
    case brIfI32MaskedNe(source: Slot, mask: Int16, other: Slot, offset: Int32)
    case brIfI32LtSImm(lhs: Slot, immediate: UInt32, offset: Int32)
    case brIfI32LtUImm(lhs: Slot, immediate: UInt32, offset: Int32)
    case brIfI32GtSImm(lhs: Slot, immediate: UInt32, offset: Int32)
    case brIfI32GtUImm(lhs: Slot, immediate: UInt32, offset: Int32)
    case brIfI32LeSImm(lhs: Slot, immediate: UInt32, offset: Int32)
    case brIfI32LeUImm(lhs: Slot, immediate: UInt32, offset: Int32)
    case brIfI32GeSImm(lhs: Slot, immediate: UInt32, offset: Int32)
    case brIfI32GeUImm(lhs: Slot, immediate: UInt32, offset: Int32)

    /// f64 comparison and branch; the `brIfNot` forms branch when the comparison is false
    /// (with a NaN operand, `lt`, `gt`, `le` and `ge` are all false: they cannot be negated).
    case brIfF64Eq(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfF64Ne(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfF64Lt(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfF64Gt(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfF64Le(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfF64Ge(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfNotF64Lt(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfNotF64Gt(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfNotF64Le(lhs: Slot, rhs: Slot, offset: Int32)
    case brIfNotF64Ge(lhs: Slot, rhs: Slot, offset: Int32)
    /// Branches when the i64 in `source` is zero (`i64.eqz` + `br_if`) or non-zero.
    case brIfI64Zero(source: Slot, offset: Int32)
    case brIfI64NonZero(source: Slot, offset: Int32)
    /// Branches when the i32 (1 byte, zero-extended) loaded from `address` + `memoryOffset` is
    /// non-zero, or zero (`i32.load` + `br_if`/`if`: `if (p->field)`).
    case brIfLoad32NonZero(address: Slot, memoryOffset: UInt32, offset: Int32)
    case brIfLoad32Zero(address: Slot, memoryOffset: UInt32, offset: Int32)
    case brIfLoad8NonZero(address: Slot, memoryOffset: UInt32, offset: Int32)
    case brIfLoad8Zero(address: Slot, memoryOffset: UInt32, offset: Int32)
    /// The same for a constant effective address (`if (global)`).
    case brIfLoad32AtNonZero(address: UInt64, offset: Int32)
    case brIfLoad32AtZero(address: UInt64, offset: Int32)
    /// Branches when the i32 in `lhs` has any bit of `mask` set (`i32.and` + `br_if`).
    case brIfI32AndImm(lhs: Slot, mask: UInt32, offset: Int32)
    /// Branches when the i32 in `lhs` has no bit of `mask` set (`i32.and` + `if`).
    case brIfNotI32AndImm(lhs: Slot, mask: UInt32, offset: Int32)
    /// Branches when the i64 in `lhs` has any bit of `mask` (sign-extended, as in `i64AndImm`)
    /// set (`i64.and` + `i64.eqz` + `if`: `if (x & 1)`), or none.
    case brIfI64AndImm(lhs: Slot, mask: UInt32, offset: Int32)
    case brIfNotI64AndImm(lhs: Slot, mask: UInt32, offset: Int32)

    // MARK: Constants and variables (§4.4.1, §4.4.5)

    case const32(result: Slot, value: UInt32)
    case const64(value: UInt64, result: Slot)
    case globalGet(cell: UnsafeMutablePointer<UInt64>, result: Slot)
    case globalSet(cell: UnsafeMutablePointer<UInt64>, source: Slot)
    /// Stack-pointer prologue (`GlobalFusion.swift`): the i32 global plus `adjustment`,
    /// written to the global and to `local`.
    case globalAddImmTee(cell: UnsafeMutablePointer<UInt64>, local: ShortSlot, adjustment: Int16)
    /// Stack-pointer epilogue: the global = i32 `source` + `adjustment`.
    case globalSetAddImm(cell: UnsafeMutablePointer<UInt64>, source: ShortSlot, adjustment: Int16)
    /// `global.get` of a v128 global (two slots).
    case globalGetWide(cell: UnsafeMutablePointer<UInt64>, result: Slot)
    /// `global.set` of a v128 global (two slots).
    case globalSetWide(cell: UnsafeMutablePointer<UInt64>, source: Slot)

    // MARK: Memory (§4.4.7); effective address = i32 in `address` + `offset`

    /// Loads 1 byte, sign-extended to 64 bits (`i32.load8_s`, `i64.load8_s`).
    case load8S(result: Slot, address: Slot, offset: UInt32)
    case load8U(result: Slot, address: Slot, offset: UInt32)
    case load16S(result: Slot, address: Slot, offset: UInt32)
    case load16U(result: Slot, address: Slot, offset: UInt32)
    /// `i64.load32_s`.
    case load32S(result: Slot, address: Slot, offset: UInt32)
    /// `i32.load`, `f32.load`, `i64.load32_u`.
    case load32U(result: Slot, address: Slot, offset: UInt32)
    /// `i64.load`, `f64.load`.
    case load64(result: Slot, address: Slot, offset: UInt32)
    /// Stores the low byte (`i32.store8`, `i64.store8`).
    case store8(address: Slot, value: Slot, offset: UInt32)
    case store16(address: Slot, value: Slot, offset: UInt32)
    /// `i32.store`, `f32.store`, `i64.store32`.
    case store32(address: Slot, value: Slot, offset: UInt32)
    /// `i64.store`, `f64.store`.
    case store64(address: Slot, value: Slot, offset: UInt32)
    /// Loads and stores at a constant address (`i32.const` address; C globals): `address`
    /// is the constant plus the memarg offset, below 2^33.
    case load8UAt(address: UInt64, result: Slot)
    case load32UAt(address: UInt64, result: Slot)
    case load64At(address: UInt64, result: Slot)
    case store8At(address: UInt64, value: Slot)
    case store32At(address: UInt64, value: Slot)
    case store64At(address: UInt64, value: Slot)
    /// Loads whose address is computed just before by an `i32.add` (memarg offset 0): the
    /// effective address is the 32-bit wrapping sum of `base` and `displacement` (a constant)
    /// or of `base` and `index` shifted left by `shift` (a slot; the shift is that of an
    /// `i32.shl` by a constant folded into the add, else 0).
    case load8UDisplaced(result: Slot, base: Slot, displacement: UInt32)
    /// `load8UDisplaced` of (`base` | `mask`) + `displacement` (wrapping).
    case load8UOrDisplaced(result: Slot, base: Slot, mask: Int16, displacement: UInt32)
    case load32UDisplaced(result: Slot, base: Slot, displacement: UInt32)
    case load64Displaced(result: Slot, base: Slot, displacement: UInt32)
    case load8UIndexed(result: Slot, base: Slot, index: Slot, shift: UInt8)
    case load32UIndexed(result: Slot, base: Slot, index: Slot, shift: UInt8)
    case load64Indexed(result: Slot, base: Slot, index: Slot, shift: UInt8)
    /// A 4-byte load at the i32 `(index << shift) + displacement` (wrapping; a constant array
    /// indexed by a local: `i32ShlAddImm` + `i32.load`).
    case load32UScaled(result: Slot, index: Slot, shift: UInt8, displacement: UInt32)
    /// `address` ← (`index` << `shift`) + `displacement`, then `result` ← the 4 bytes there
    /// (ScaledLoadKeepingAddress.swift).
    case load32UScaledKeeping(result: ShortSlot, address: ShortSlot, index: Slot, shift: UInt8, displacement: UInt32)
    /// Stores whose address is computed just before by an `i32.add` (memarg offset 0), as for
    /// the loads above.
    case store8Displaced(base: Slot, value: Slot, displacement: UInt32)
    case store32Displaced(base: Slot, value: Slot, displacement: UInt32)
    case store64Displaced(base: Slot, value: Slot, displacement: UInt32)
    case store8Indexed(base: Slot, index: Slot, value: Slot, shift: UInt8)
    case store32Indexed(base: Slot, index: Slot, value: Slot, shift: UInt8)
    case store64Indexed(base: Slot, index: Slot, value: Slot, shift: UInt8)
    /// A load whose value the store of the same width consumed at once: the 1, 4 or 8 bytes at
    /// `source` + `sourceOffset` are copied to `destination` + `destinationOffset` (the load's
    /// bounds are checked first).
    case move8(destination: Slot, destinationOffset: UInt16, source: Slot, sourceOffset: UInt32)
    case move32(destination: Slot, destinationOffset: UInt16, source: Slot, sourceOffset: UInt32)
    /// `count` `move32` in a row between the same address slots, each 4 bytes past the
    /// previous one's (MoveRuns.swift).
    case move32Run(destination: ShortSlot, destinationOffset: UInt16, source: ShortSlot, sourceOffset: UInt32, count: Int32)
    case move64(destination: Slot, destinationOffset: UInt16, source: Slot, sourceOffset: UInt32)
    /// An f64 add, sub or mul whose result goes straight to memory (the `f64.store` that
    /// consumed it followed): the 8 bytes at `address` + `offset` ← `lhs` op `rhs`.
    case f64AddStore(address: Slot, lhs: ShortSlot, rhs: Slot, offset: UInt32)
    /// The f64 at `address` + `offset` updated in place (ReadModifyWrite.swift): `value` +
    /// the f64 there, and the f64 there − `value`.
    case f64AddToMemory(address: Slot, value: Slot, offset: UInt32)
    case f64SubFromMemory(address: Slot, value: Slot, offset: UInt32)
    case f64SubStore(address: Slot, lhs: ShortSlot, rhs: Slot, offset: UInt32)
    case f64MulStore(address: Slot, lhs: ShortSlot, rhs: Slot, offset: UInt32)
    /// Stores of a constant value; `store64Imm` sign-extends it.
    case store8Imm(address: Slot, value: UInt32, offset: UInt32)
    case store32Imm(address: Slot, value: UInt32, offset: UInt32)
    case store64Imm(address: Slot, value: UInt32, offset: UInt32)
    case memorySize(result: Slot)
    /// `memory.grow`: the page delta is in `delta`; the old size or -1 goes to `result`.
    case memoryGrow(result: Slot, delta: Slot)
    case memoryFill(destination: Slot, value: Slot, count: Slot)
    case memoryCopy(destination: Slot, source: Slot, count: Slot)
    /// `memory.init`: destination, source offset and count in three slots from `operands`.
    case memoryInit(data: UInt32, operands: Slot)
    case dataDrop(data: UInt32)

    // MARK: Tables (§4.4.6)

    case tableGet(table: UInt32, result: Slot, index: Slot)
    case tableSet(table: UInt32, index: Slot, value: Slot)
    case tableSize(table: UInt32, result: Slot)
    /// `table.grow`: init value and delta in two slots from `operands`; the result replaces
    /// the init value.
    case tableGrow(table: UInt32, operands: Slot)
    /// `table.fill`: index, value and count in three slots from `operands`.
    case tableFill(table: UInt32, operands: Slot)
    /// `table.copy`: destination, source and count in three slots from `operands`.
    case tableCopy(destination: UInt32, source: UInt32, operands: Slot)
    /// `table.init`: destination, source offset and count in three slots from `operands`.
    case tableInit(element: UInt32, table: UInt32, operands: Slot)
    case elemDrop(element: UInt32)

    // MARK: Numeric (§4.4.1): `result` ← op(`source`) or op(`lhs`, `rhs`)

    case i32Eqz(result: Slot, source: Slot)
    case i32Eq(result: Slot, lhs: Slot, rhs: Slot)
    case i32Ne(result: Slot, lhs: Slot, rhs: Slot)
    case i32LtS(result: Slot, lhs: Slot, rhs: Slot)
    case i32LtU(result: Slot, lhs: Slot, rhs: Slot)
    case i32GtS(result: Slot, lhs: Slot, rhs: Slot)
    case i32GtU(result: Slot, lhs: Slot, rhs: Slot)
    case i32LeS(result: Slot, lhs: Slot, rhs: Slot)
    case i32LeU(result: Slot, lhs: Slot, rhs: Slot)
    case i32GeS(result: Slot, lhs: Slot, rhs: Slot)
    case i32GeU(result: Slot, lhs: Slot, rhs: Slot)
    case i32Clz(result: Slot, source: Slot)
    case i32Ctz(result: Slot, source: Slot)
    case i32Popcnt(result: Slot, source: Slot)
    case i32Add(result: Slot, lhs: Slot, rhs: Slot)
    case i32Sub(result: Slot, lhs: Slot, rhs: Slot)
    case i32Mul(result: Slot, lhs: Slot, rhs: Slot)
    case i32DivS(result: Slot, lhs: Slot, rhs: Slot)
    case i32DivU(result: Slot, lhs: Slot, rhs: Slot)
    case i32RemS(result: Slot, lhs: Slot, rhs: Slot)
    case i32RemU(result: Slot, lhs: Slot, rhs: Slot)
    case i32And(result: Slot, lhs: Slot, rhs: Slot)
    case i32Or(result: Slot, lhs: Slot, rhs: Slot)
    case i32Xor(result: Slot, lhs: Slot, rhs: Slot)
    case i32Shl(result: Slot, lhs: Slot, rhs: Slot)
    case i32ShrS(result: Slot, lhs: Slot, rhs: Slot)
    case i32ShrU(result: Slot, lhs: Slot, rhs: Slot)
    case i32Rotl(result: Slot, lhs: Slot, rhs: Slot)
    case i32Rotr(result: Slot, lhs: Slot, rhs: Slot)

    case i64Eqz(result: Slot, source: Slot)
    case i64Eq(result: Slot, lhs: Slot, rhs: Slot)
    case i64Ne(result: Slot, lhs: Slot, rhs: Slot)
    case i64LtS(result: Slot, lhs: Slot, rhs: Slot)
    case i64LtU(result: Slot, lhs: Slot, rhs: Slot)
    case i64GtS(result: Slot, lhs: Slot, rhs: Slot)
    case i64GtU(result: Slot, lhs: Slot, rhs: Slot)
    case i64LeS(result: Slot, lhs: Slot, rhs: Slot)
    case i64LeU(result: Slot, lhs: Slot, rhs: Slot)
    case i64GeS(result: Slot, lhs: Slot, rhs: Slot)
    case i64GeU(result: Slot, lhs: Slot, rhs: Slot)
    case i64Clz(result: Slot, source: Slot)
    case i64Ctz(result: Slot, source: Slot)
    case i64Popcnt(result: Slot, source: Slot)
    case i64Add(result: Slot, lhs: Slot, rhs: Slot)
    case i64Sub(result: Slot, lhs: Slot, rhs: Slot)
    case i64Mul(result: Slot, lhs: Slot, rhs: Slot)
    case i64DivS(result: Slot, lhs: Slot, rhs: Slot)
    case i64DivU(result: Slot, lhs: Slot, rhs: Slot)
    case i64RemS(result: Slot, lhs: Slot, rhs: Slot)
    case i64RemU(result: Slot, lhs: Slot, rhs: Slot)
    case i64And(result: Slot, lhs: Slot, rhs: Slot)
    case i64Or(result: Slot, lhs: Slot, rhs: Slot)
    case i64Xor(result: Slot, lhs: Slot, rhs: Slot)
    case i64Shl(result: Slot, lhs: Slot, rhs: Slot)
    case i64ShrS(result: Slot, lhs: Slot, rhs: Slot)
    case i64ShrU(result: Slot, lhs: Slot, rhs: Slot)
    case i64Rotl(result: Slot, lhs: Slot, rhs: Slot)
    case i64Rotr(result: Slot, lhs: Slot, rhs: Slot)

    case f32Eq(result: Slot, lhs: Slot, rhs: Slot)
    case f32Ne(result: Slot, lhs: Slot, rhs: Slot)
    case f32Lt(result: Slot, lhs: Slot, rhs: Slot)
    case f32Gt(result: Slot, lhs: Slot, rhs: Slot)
    case f32Le(result: Slot, lhs: Slot, rhs: Slot)
    case f32Ge(result: Slot, lhs: Slot, rhs: Slot)
    case f32Abs(result: Slot, source: Slot)
    case f32Neg(result: Slot, source: Slot)
    case f32Ceil(result: Slot, source: Slot)
    case f32Floor(result: Slot, source: Slot)
    case f32Trunc(result: Slot, source: Slot)
    case f32Nearest(result: Slot, source: Slot)
    case f32Sqrt(result: Slot, source: Slot)
    case f32Add(result: Slot, lhs: Slot, rhs: Slot)
    case f32Sub(result: Slot, lhs: Slot, rhs: Slot)
    case f32Mul(result: Slot, lhs: Slot, rhs: Slot)
    case f32Div(result: Slot, lhs: Slot, rhs: Slot)
    case f32Min(result: Slot, lhs: Slot, rhs: Slot)
    case f32Max(result: Slot, lhs: Slot, rhs: Slot)
    case f32Copysign(result: Slot, lhs: Slot, rhs: Slot)

    case f64Eq(result: Slot, lhs: Slot, rhs: Slot)
    case f64Ne(result: Slot, lhs: Slot, rhs: Slot)
    case f64Lt(result: Slot, lhs: Slot, rhs: Slot)
    case f64Gt(result: Slot, lhs: Slot, rhs: Slot)
    case f64Le(result: Slot, lhs: Slot, rhs: Slot)
    case f64Ge(result: Slot, lhs: Slot, rhs: Slot)
    case f64Abs(result: Slot, source: Slot)
    case f64Neg(result: Slot, source: Slot)
    case f64Ceil(result: Slot, source: Slot)
    case f64Floor(result: Slot, source: Slot)
    case f64Trunc(result: Slot, source: Slot)
    case f64Nearest(result: Slot, source: Slot)
    case f64Sqrt(result: Slot, source: Slot)
    case f64Add(result: Slot, lhs: Slot, rhs: Slot)
    case f64Sub(result: Slot, lhs: Slot, rhs: Slot)
    case f64Mul(result: Slot, lhs: Slot, rhs: Slot)
    case f64Div(result: Slot, lhs: Slot, rhs: Slot)
    case f64Min(result: Slot, lhs: Slot, rhs: Slot)
    case f64Max(result: Slot, lhs: Slot, rhs: Slot)
    case f64Copysign(result: Slot, lhs: Slot, rhs: Slot)

    /// Two dependent f64 operations in one (FloatFusion.swift): the inner `lhs` op `rhs`, then
    /// the outer operation with `other`. `AddMul` is (lhs + rhs) * other; the `SubFrom` forms
    /// compute other - (lhs op rhs). Slots are 16-bit here to fit four in the payload.
    case f64AddAdd(result: ShortSlot, lhs: ShortSlot, rhs: ShortSlot, other: ShortSlot)
    case f64AddSub(result: ShortSlot, lhs: ShortSlot, rhs: ShortSlot, other: ShortSlot)
    case f64AddSubFrom(result: ShortSlot, lhs: ShortSlot, rhs: ShortSlot, other: ShortSlot)
    case f64AddMul(result: ShortSlot, lhs: ShortSlot, rhs: ShortSlot, other: ShortSlot)
    case f64SubAdd(result: ShortSlot, lhs: ShortSlot, rhs: ShortSlot, other: ShortSlot)
    case f64SubSub(result: ShortSlot, lhs: ShortSlot, rhs: ShortSlot, other: ShortSlot)
    case f64SubSubFrom(result: ShortSlot, lhs: ShortSlot, rhs: ShortSlot, other: ShortSlot)
    case f64SubMul(result: ShortSlot, lhs: ShortSlot, rhs: ShortSlot, other: ShortSlot)
    case f64MulAdd(result: ShortSlot, lhs: ShortSlot, rhs: ShortSlot, other: ShortSlot)
    case f64MulSub(result: ShortSlot, lhs: ShortSlot, rhs: ShortSlot, other: ShortSlot)
    case f64MulSubFrom(result: ShortSlot, lhs: ShortSlot, rhs: ShortSlot, other: ShortSlot)
    case f64MulMul(result: ShortSlot, lhs: ShortSlot, rhs: ShortSlot, other: ShortSlot)
    /// `lhs` op the f64 loaded from the i32 `base` + `displacement` (wrapping), in one
    /// (FloatLoadFusion.swift); `Sub` subtracts the loaded value.
    case f64AddDisplaced(result: ShortSlot, lhs: Slot, base: Slot, displacement: UInt32)
    case f64SubDisplaced(result: ShortSlot, lhs: Slot, base: Slot, displacement: UInt32)
    case f64MulDisplaced(result: ShortSlot, lhs: Slot, base: Slot, displacement: UInt32)
    /// The same with the f64 at the constant effective `address` (a C global).
    case f64AddAt(result: ShortSlot, lhs: Slot, address: UInt64)
    case f64SubAt(result: ShortSlot, lhs: Slot, address: UInt64)
    case f64MulAt(result: ShortSlot, lhs: Slot, address: UInt64)

    /// f64 operations taking one operand from the float accumulator, the value the instruction
    /// just before computed (FloatAccumulator.swift). `Acc` is the accumulator on the left,
    /// `FromAcc` on the right of a subtraction or division; `f64SquareAcc` multiplies it by itself.
    case f64AddAcc(result: Slot, operand: Slot)
    case f64SubAcc(result: Slot, rhs: Slot)
    case f64SubFromAcc(result: Slot, lhs: Slot)
    case f64MulAcc(result: Slot, operand: Slot)
    case f64SquareAcc(result: Slot)
    case f64DivAcc(result: Slot, rhs: Slot)
    case f64DivFromAcc(result: Slot, lhs: Slot)
    /// f64 comparisons of the accumulator (left) with a slot, branching.
    case brIfF64LtAcc(rhs: Slot, offset: Int32)
    case brIfF64GtAcc(rhs: Slot, offset: Int32)
    case brIfF64LeAcc(rhs: Slot, offset: Int32)
    case brIfF64GeAcc(rhs: Slot, offset: Int32)
    case brIfNotF64LtAcc(rhs: Slot, offset: Int32)
    case brIfNotF64GtAcc(rhs: Slot, offset: Int32)
    case brIfNotF64LeAcc(rhs: Slot, offset: Int32)
    case brIfNotF64GeAcc(rhs: Slot, offset: Int32)

    /// Integer operations taking one i32 operand from the integer accumulator, the value the
    /// instruction just before computed (IntegerAccumulator.swift).
    case brIfAcc(offset: Int32)
    case brIfNotAcc(offset: Int32)
    case brIfI32EqImmAcc(immediate: UInt32, offset: Int32)
    case brIfI32NeImmAcc(immediate: UInt32, offset: Int32)
    case brIfI32LtUImmAcc(immediate: UInt32, offset: Int32)
    case brIfI32AndImmAcc(mask: UInt32, offset: Int32)
    case brIfNotI32AndImmAcc(mask: UInt32, offset: Int32)
    case load32UAcc(result: Slot, offset: UInt32)
    case load8UAcc(result: Slot, offset: UInt32)
    case store32Acc(address: Slot, offset: UInt32)
    case i32AddImmAcc(result: Slot, immediate: UInt32)
    case i32AddAcc(result: Slot, operand: Slot)
    case i32SubAcc(result: Slot, rhs: Slot)
    case i32SubFromAcc(result: Slot, lhs: Slot)
    case brIfI32LtSAcc(rhs: Slot, offset: Int32)
    case brIfI32GtSAcc(rhs: Slot, offset: Int32)
    case brIfI32LeUAcc(rhs: Slot, offset: Int32)
    case brIfI32GeUAcc(rhs: Slot, offset: Int32)
    case brIfI32GeSImmAcc(immediate: UInt32, offset: Int32)
    case brTableAcc(count: UInt32)

    // MARK: Numeric with a constant right operand (DESIGN.md, "Peepholes"); i64 forms sign-extend it

    case i32AddImm(result: Slot, lhs: Slot, immediate: UInt32)
    /// Two `i32AddImm` in a row, executed in their order (AddImmediatePairs.swift):
    /// `result` ← `lhs` + `immediate`, then `secondResult` ← `secondLhs` + `secondImmediate`
    /// (sign-extended).
    case i32AddImmPair(result: ShortSlot, lhs: ShortSlot, immediate: UInt32,
                       secondResult: ShortSlot, secondLhs: ShortSlot, secondImmediate: Int16)
    /// An `i32.shl` by a constant whose result only an `i32.add` consumes, folded into it
    /// (ShiftFusion.swift): `result` ← `base` + (`index` << `shift`), and
    /// `result` ← (`lhs` << `shift`) + `immediate`.
    case i32AddShifted(result: Slot, base: Slot, index: Slot, shift: UInt8)
    case i32ShlAddImm(result: Slot, lhs: Slot, shift: UInt8, immediate: UInt32)
    /// An `i32.xor` whose result only an `i32.mul` by a constant consumes, folded into it:
    /// `result` ← (`lhs` ^ `rhs`) * `immediate` (the FNV-1a hashing step).
    case i32XorMulImm(result: ShortSlot, lhs: Slot, rhs: Slot, immediate: UInt32)
    /// A product divided (ProductDivision.swift): (lhs × rhs) op divisor, the product wrapping
    /// modulo 2^64, the division trapping as `i64.div_*`/`i64.rem_*` do.
    case i64MulRemU(result: ShortSlot, lhs: Slot, rhs: Slot, divisor: Slot)
    case i64MulRemS(result: ShortSlot, lhs: Slot, rhs: Slot, divisor: Slot)
    case i64MulDivU(result: ShortSlot, lhs: Slot, rhs: Slot, divisor: Slot)
    case i64MulDivS(result: ShortSlot, lhs: Slot, rhs: Slot, divisor: Slot)
    case i32MulImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i32AndImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i32OrImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i32XorImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i32ShlImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i32ShrSImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i32ShrUImm(result: Slot, lhs: Slot, immediate: UInt32)
    /// `rotl` by a constant count (`rotr` by n is `rotl` by width − n).
    case i32RotlImm(result: Slot, lhs: Slot, immediate: UInt32)
    /// The immediate minus the operand (`i32.sub` with a constant left operand).
    case i32SubFromImm(result: Slot, rhs: Slot, immediate: UInt32)
    case i32EqImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i32NeImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i32LtSImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i32LtUImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i32GtSImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i32GtUImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i32LeSImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i32LeUImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i32GeSImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i32GeUImm(result: Slot, lhs: Slot, immediate: UInt32)

    case i64AddImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64SubImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64MulImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64AndImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64OrImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64XorImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64ShlImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64ShrSImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64ShrUImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64RotlImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64SubFromImm(result: Slot, rhs: Slot, immediate: UInt32)
    case i64EqImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64NeImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64LtSImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64LtUImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64GtSImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64GtUImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64LeSImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64LeUImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64GeSImm(result: Slot, lhs: Slot, immediate: UInt32)
    case i64GeUImm(result: Slot, lhs: Slot, immediate: UInt32)

    // MARK: Conversions (§4.4.1.6); wrap and the reinterpretations need no code

    case i32TruncF32S(result: Slot, source: Slot)
    case i32TruncF32U(result: Slot, source: Slot)
    case i32TruncF64S(result: Slot, source: Slot)
    case i32TruncF64U(result: Slot, source: Slot)
    case i64TruncF32S(result: Slot, source: Slot)
    case i64TruncF32U(result: Slot, source: Slot)
    case i64TruncF64S(result: Slot, source: Slot)
    case i64TruncF64U(result: Slot, source: Slot)
    case i32TruncSatF32S(result: Slot, source: Slot)
    case i32TruncSatF32U(result: Slot, source: Slot)
    case i32TruncSatF64S(result: Slot, source: Slot)
    case i32TruncSatF64U(result: Slot, source: Slot)
    case i64TruncSatF32S(result: Slot, source: Slot)
    case i64TruncSatF32U(result: Slot, source: Slot)
    case i64TruncSatF64S(result: Slot, source: Slot)
    case i64TruncSatF64U(result: Slot, source: Slot)
    /// `i64.extend_i32_u`: clears the high 32 bits.
    case i64ExtendI32U(result: Slot, source: Slot)
    /// Sign-extends the low 8 bits to 64 (`i32.extend8_s`, `i64.extend8_s`).
    case extend8S(result: Slot, source: Slot)
    /// Sign-extends the low 16 bits to 64 (`i32.extend16_s`, `i64.extend16_s`).
    case extend16S(result: Slot, source: Slot)
    /// Sign-extends the low 32 bits to 64 (`i64.extend_i32_s`, `i64.extend32_s`).
    case extend32S(result: Slot, source: Slot)
    case f32ConvertI32S(result: Slot, source: Slot)
    case f32ConvertI32U(result: Slot, source: Slot)
    case f32ConvertI64S(result: Slot, source: Slot)
    case f32ConvertI64U(result: Slot, source: Slot)
    case f32DemoteF64(result: Slot, source: Slot)
    case f64ConvertI32S(result: Slot, source: Slot)
    case f64ConvertI32U(result: Slot, source: Slot)
    case f64ConvertI64S(result: Slot, source: Slot)
    case f64ConvertI64U(result: Slot, source: Slot)
    case f64PromoteF32(result: Slot, source: Slot)

    // MARK: Vectors (§4.4.3, §4.4.7): a v128 is two slots, low half first. All executed out of
    // line (`VectorDispatch.swift`). Operands fit the 16-byte encoding like the scalar ones
    // (larger instructions measured 4-11% slower on scalar code), so wider instructions take
    // an operand in place.

    /// `result` ← op(`operand`): [v128] → [v128] operators.
    case vectorUnary(result: Slot, operand: Slot, op: SIMDOperator)
    /// `result` ← op(`result`, `rhs`): [v128 v128] → [v128] operators; the left operand is in
    /// the result's slots.
    case vectorBinary(result: Slot, rhs: Slot, op: SIMDOperator)
    /// `v128.bitselect` of the three vectors at `operands` (6 consecutive slots) into `operands`.
    case vectorBitselect(operands: Slot)
    /// `result` ← op(`result`, i32 `count`): the shifts; the vector is in the result's slots.
    case vectorShift(result: Slot, count: Slot, op: SIMDOperator)
    /// `result` (v128) ← op(scalar `operand`): the splats.
    case vectorSplat(result: Slot, operand: Slot, op: SIMDOperator)
    /// `result` (i32) ← op(vector `operand`): any_true, all_true, bitmask.
    case vectorTest(result: Slot, operand: Slot, op: SIMDOperator)
    /// `select` of two v128 values: the first is already in `result` (two slots).
    case selectWide(result: Slot, other: Slot, condition: Slot)
    /// `v128.load`; effective address = i32 in `address` + `offset`.
    case vectorLoad(result: Slot, address: Slot, offset: UInt32)
    /// The other vector loads (extend, splat, zero): the address is read from `result`.
    case vectorLoadOther(result: Slot, offset: UInt32, op: SIMDLoadOperator)
    /// `v128.store` of the vector at `value`.
    case vectorStore(address: Slot, value: Slot, offset: UInt32)
    /// extract_lane: `result` ← the lane of the vector at `operand`; replace_lane: the vector
    /// in `result` gets the scalar at `operand` in the lane.
    case vectorLane(result: Slot, operand: Slot, op: SIMDLaneOperator, lane: UInt8)
    /// Lane loads and stores: the i32 address at `operands`, the vector at `operands + 1`; a
    /// lane load writes its result at `operands`.
    case vectorMemoryLane(operands: Slot, offset: UInt32, op: SIMDMemoryLaneOperator, lane: UInt8)
    /// `i8x16.shuffle` of `lhs` and `rhs` into `result`; the lane indices are the next two
    /// instructions, `vectorShuffleLanes` (low half, then high half), which the shuffle skips.
    case vectorShuffle(result: Slot, lhs: Slot, rhs: Slot)
    /// Half of the lane indices of the preceding `vectorShuffle` (never executed): byte i is
    /// a lane index.
    case vectorShuffleLanes(UInt64)
}
