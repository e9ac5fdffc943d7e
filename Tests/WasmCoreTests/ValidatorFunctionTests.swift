import XCTest
@testable import WasmCore

/// Focused tests of `FunctionValidator`: instructions are fed directly, without a binary.
/// Each instruction's offset is its position in the list.
final class ValidatorFunctionTests: XCTestCase {
    /// A module with one function of `type` (type index 0) plus `extraTypes`, configured by `setUp`.
    private func makeModule(type: FuncType, extraTypes: [FuncType] = [], locals: [LocalRun] = [],
                            setUp: (inout Module) -> Void = { _ in }) -> Module {
        var module = Module(bytes: [])
        module.types = [type] + extraTypes
        module.functions = [0]
        module.codes = [FunctionBody(locals: locals, localCount: locals.reduce(0) { $0 + Int($1.count) }, code: 0..<0)]
        setUp(&module)
        return module
    }

    /// Validates `body` (which must include the final `end`) as the module's only defined function.
    @discardableResult
    private func validate(_ body: [Instruction], type: FuncType = FuncType(parameters: [], results: []),
                          extraTypes: [FuncType] = [], locals: [LocalRun] = [], brTableLabels: [UInt32] = [],
                          setUp: (inout Module) -> Void = { _ in }) throws -> FunctionValidator {
        let module = makeModule(type: type, extraTypes: extraTypes, locals: locals, setUp: setUp)
        var validator = try FunctionValidator(context: ValidationContext(module: module),
                                              functionIndex: UInt32(module.importedFunctionCount),
                                              body: module.codes[0])
        for (offset, instruction) in body.enumerated() {
            try validator.validate(instruction, at: offset, brTableLabels: brTableLabels)
        }
        try validator.finish(at: body.count)
        return validator
    }

    private func assertInvalid(_ body: [Instruction], _ message: String, at offset: Int,
                               type: FuncType = FuncType(parameters: [], results: []),
                               extraTypes: [FuncType] = [], brTableLabels: [UInt32] = [],
                               setUp: (inout Module) -> Void = { _ in },
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try validate(body, type: type, extraTypes: extraTypes, brTableLabels: brTableLabels,
                                          setUp: setUp), file: file, line: line) { error in
            guard let error = error as? ValidationError else {
                return XCTFail("expected a ValidationError, got \(error)", file: file, line: line)
            }
            XCTAssertTrue(error.message.hasPrefix(message), "message \"\(error.message)\"", file: file, line: line)
            XCTAssertEqual(error.offset, offset, file: file, line: line)
            XCTAssertEqual(error.functionIndex, 0, file: file, line: line)
        }
    }

    private let i32ToI32 = FuncType(parameters: [.i32], results: [.i32])
    private let toI32 = FuncType(parameters: [], results: [.i32])

    // MARK: Control instructions

    func testIfElseWithResult() throws {
        try validate([.i32Const(1), .if(.value(.i32)), .i32Const(2), .else, .i32Const(3), .end, .end], type: toI32)
        assertInvalid([.i32Const(1), .if(.value(.i32)), .i32Const(2), .else, .i64Const(3), .end, .end],
                      "type mismatch", at: 5, type: toI32)
    }

    func testIfWithoutElseNeedsEqualParametersAndResults() throws {
        // (if (param i32) (result i32)) without else passes its parameter through: valid.
        try validate([.i32Const(7), .i32Const(1), .if(.typeIndex(1)), .end, .end], type: toI32, extraTypes: [i32ToI32])
        assertInvalid([.i32Const(1), .if(.value(.i32)), .i32Const(2), .end, .end], "type mismatch", at: 3, type: toI32)
    }

    func testBlockParametersComeFromTheStack() throws {
        try validate([.i32Const(1), .block(.typeIndex(1)), .i32Const(1), .numeric(.i32Add), .end, .end],
                     type: toI32, extraTypes: [i32ToI32])
        assertInvalid([.block(.typeIndex(1)), .end, .end], "type mismatch", at: 0, type: toI32, extraTypes: [i32ToI32])
        assertInvalid([.block(.typeIndex(9)), .end, .end], "unknown type", at: 0)
    }

    func testLoopLabelTakesParameters() throws {
        // A branch to a loop goes back to its start, carrying the loop's parameters ([i32]),
        // not its results ([]).
        let consumesI32 = FuncType(parameters: [.i32], results: [])
        try validate([.i32Const(0), .loop(.typeIndex(1)), .br(labelIndex: 0), .end, .end], extraTypes: [consumesI32])
        assertInvalid([.i32Const(0), .loop(.typeIndex(1)), .drop, .br(labelIndex: 0), .end, .end],
                      "type mismatch", at: 3, extraTypes: [consumesI32])
    }

    func testUnknownLabel() {
        assertInvalid([.block(.empty), .br(labelIndex: 2), .end, .end], "unknown label", at: 1)
    }

    func testBrTableArityAndTypes() throws {
        // (block (result i32) (block (result i32) i32.const 1 i32.const 0 br_table 0 1 1))
        try validate([.block(.value(.i32)), .block(.value(.i32)), .i32Const(1), .i32Const(0),
                      .brTable(labelCount: 1, defaultLabel: 1), .end, .end, .end],
                     type: toI32, brTableLabels: [0])
        // The default label (the function, [i32]) and label 0 (a block, []) differ in arity.
        assertInvalid([.block(.empty), .i32Const(1), .i32Const(0), .brTable(labelCount: 1, defaultLabel: 1), .end, .end],
                      "type mismatch", at: 3, type: toI32, brTableLabels: [0])
        // Same arity, different types.
        assertInvalid([.block(.value(.f32)), .f32Const(0), .i32Const(0), .brTable(labelCount: 1, defaultLabel: 1),
                       .end, .drop, .i32Const(0), .end],
                      "type mismatch", at: 3, type: toI32, brTableLabels: [0])
    }

    func testBrTableInUnreachableCodeUsesUnknownOperands() throws {
        // After `unreachable`, br_table to labels of [i32] and [f32] is valid: the operand is Unknown.
        try validate([.block(.value(.f32)), .unreachable, .i32Const(0), .brTable(labelCount: 1, defaultLabel: 1),
                      .end, .drop, .i32Const(0), .end],
                     type: toI32, brTableLabels: [0])
    }

    func testBrIfLeavesLabelTypes() throws {
        try validate([.block(.value(.i32)), .i32Const(1), .i32Const(0), .brIf(labelIndex: 0), .end, .end], type: toI32)
        assertInvalid([.block(.value(.i32)), .i32Const(0), .brIf(labelIndex: 0), .i32Const(1), .end, .end],
                      "type mismatch", at: 2, type: toI32)
    }

    func testReturnAndFinalEnd() throws {
        try validate([.i32Const(1), .return, .end], type: toI32)
        assertInvalid([.i64Const(1), .end], "type mismatch", at: 1, type: toI32)
        assertInvalid([.i32Const(1), .i32Const(2), .end], "type mismatch", at: 2, type: toI32)
    }

    func testCallAndCallIndirect() throws {
        let funcrefTable: (inout Module) -> Void = { $0.tables = [TableType(elementType: .funcref, limits: Limits(min: 1))] }
        try validate([.i32Const(1), .call(functionIndex: 0), .end], type: i32ToI32.withoutParameters(), setUp: { module in
            module.types.append(self.i32ToI32)
            module.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 1))]
        })
        try validate([.i32Const(5), .i32Const(0), .callIndirect(typeIndex: 1, tableIndex: 0), .end],
                     type: toI32, extraTypes: [i32ToI32], setUp: funcrefTable)
        assertInvalid([.call(functionIndex: 3), .end], "unknown function 3", at: 0)
        assertInvalid([.i32Const(0), .callIndirect(typeIndex: 0, tableIndex: 0), .end], "unknown table 0", at: 1)
        assertInvalid([.i32Const(0), .callIndirect(typeIndex: 0, tableIndex: 0), .end], "type mismatch", at: 1) {
            $0.tables = [TableType(elementType: .externref, limits: Limits(min: 1))]
        }
        assertInvalid([.i32Const(0), .callIndirect(typeIndex: 7, tableIndex: 0), .end], "unknown type", at: 1,
                      setUp: funcrefTable)
    }

    // MARK: Parametric, variable and reference instructions

    func testSelect() throws {
        try validate([.i32Const(1), .i32Const(2), .i32Const(0), .select, .end], type: toI32)
        try validate([.v128Const(V128(low: 0, high: 0)), .v128Const(V128(low: 1, high: 0)), .i32Const(0), .select, .drop, .end])
        assertInvalid([.refNull(.funcref), .refNull(.funcref), .i32Const(0), .select, .drop, .end], "type mismatch", at: 3)
        assertInvalid([.i32Const(1), .i64Const(2), .i32Const(0), .select, .drop, .end], "type mismatch", at: 3)
        try validate([.refNull(.funcref), .refNull(.funcref), .i32Const(0), .selectTyped(.funcref), .drop, .end])
        assertInvalid([.unreachable, .selectTypedInvalidArity(typeCount: 2), .end], "invalid result arity", at: 1)
    }

    func testSelectInUnreachableCodeIsPolymorphic() throws {
        var validator = try FunctionValidator(context: ValidationContext(module: makeModule(type: toI32)),
                                              functionIndex: 0, body: makeModule(type: toI32).codes[0])
        try validator.validate(.unreachable, at: 0, brTableLabels: [])
        XCTAssertTrue(validator.isUnreachable)
        try validator.validate(.select, at: 1, brTableLabels: [])
        XCTAssertEqual(validator.operandCount, 1)
        XCTAssertNil(validator.operandType(fromTop: 0), "select of Unknown operands is Unknown")
        try validator.validate(.numeric(.f64Neg), at: 2, brTableLabels: [])
        XCTAssertEqual(validator.operandType(fromTop: 0), .f64)
        XCTAssertThrowsError(try validator.validate(.end, at: 3, brTableLabels: []))
    }

    func testLocalsAndGlobals() throws {
        let validator = try validate([.localGet(0), .localSet(2), .localGet(1), .localTee(1), .drop, .end],
                                     type: FuncType(parameters: [.i32], results: []),
                                     locals: [LocalRun(count: 1, type: .f64), LocalRun(count: 1, type: .i32)])
        XCTAssertEqual(validator.localTypes, [.i32, .f64, .i32])
        assertInvalid([.localGet(1), .drop, .end], "unknown local 1", at: 0)
        let globals: (inout Module) -> Void = { module in
            module.imports = [Import(module: "m", name: "g", descriptor: .global(GlobalType(mutability: .constant, valueType: .i32)))]
            module.globals = [Global(type: GlobalType(mutability: .variable, valueType: .i64),
                                     initializer: ConstantExpression(instructions: [.i64Const(0)], offset: 0))]
        }
        try validate([.globalGet(0), .drop, .i64Const(1), .globalSet(1), .end], setUp: globals)
        assertInvalid([.i32Const(1), .globalSet(0), .end], "global is immutable", at: 1, setUp: globals)
        assertInvalid([.globalGet(2), .drop, .end], "unknown global 2", at: 0, setUp: globals)
    }

    func testRefFuncNeedsADeclaration() throws {
        assertInvalid([.refFunc(functionIndex: 0), .drop, .end], "undeclared function reference", at: 0)
        assertInvalid([.refFunc(functionIndex: 1), .drop, .end], "unknown function 1", at: 0)
        try validate([.refFunc(functionIndex: 0), .refIsNull, .drop, .end]) {
            $0.exports = [Export(name: "f", descriptor: .function(0))]
        }
        try validate([.refFunc(functionIndex: 0), .drop, .end]) {
            $0.elements = [ElementSegment(type: .funcref,
                                          initializers: [ConstantExpression(instructions: [.refFunc(functionIndex: 0)], offset: 0)],
                                          mode: .declarative, offset: 0)]
        }
        assertInvalid([.i32Const(0), .refIsNull, .drop, .end], "type mismatch", at: 1)
    }

    // MARK: Table instructions

    func testTableInstructions() throws {
        let tables: (inout Module) -> Void = { module in
            module.tables = [TableType(elementType: .funcref, limits: Limits(min: 1)),
                             TableType(elementType: .externref, limits: Limits(min: 1))]
            module.elements = [ElementSegment(type: .externref, initializers: [], mode: .passive, offset: 0)]
        }
        try validate([.i32Const(0), .tableGet(tableIndex: 1), .refIsNull, .drop,
                      .i32Const(0), .refNull(.funcref), .tableSet(tableIndex: 0),
                      .refNull(.externref), .i32Const(2), .tableGrow(tableIndex: 1), .drop,
                      .i32Const(0), .refNull(.externref), .i32Const(1), .tableFill(tableIndex: 1),
                      .tableSize(tableIndex: 0), .drop,
                      .i32Const(0), .i32Const(0), .i32Const(0), .tableInit(elementIndex: 0, tableIndex: 1),
                      .elemDrop(elementIndex: 0), .end], setUp: tables)
        assertInvalid([.i32Const(0), .refNull(.externref), .tableSet(tableIndex: 0), .end], "type mismatch", at: 2,
                      setUp: tables)
        assertInvalid([.i32Const(0), .i32Const(0), .i32Const(0), .tableCopy(destination: 0, source: 1), .end],
                      "type mismatch", at: 3, setUp: tables)
        assertInvalid([.i32Const(0), .i32Const(0), .i32Const(0), .tableInit(elementIndex: 0, tableIndex: 0), .end],
                      "type mismatch", at: 3, setUp: tables)
        assertInvalid([.elemDrop(elementIndex: 1), .end], "unknown elem segment 1", at: 0, setUp: tables)
        assertInvalid([.tableSize(tableIndex: 2), .drop, .end], "unknown table 2", at: 0, setUp: tables)
    }

    // MARK: Memory instructions

    func testMemoryInstructionsNeedAMemory() throws {
        let memory: (inout Module) -> Void = { $0.memories = [MemoryType(limits: Limits(min: 1))]; $0.dataCount = 1 }
        try validate([.i32Const(0), .load(.i64Load32U, MemArg(align: 4, offset: 0)), .drop,
                      .i32Const(0), .f64Const(0), .store(.f64Store, MemArg(align: 8, offset: 0)),
                      .memorySize, .memoryGrow, .drop,
                      .i32Const(0), .i32Const(0), .i32Const(0), .memoryInit(dataIndex: 0), .dataDrop(dataIndex: 0),
                      .end], setUp: memory)
        assertInvalid([.memorySize, .drop, .end], "unknown memory 0", at: 0)
        assertInvalid([.i32Const(0), .load(.i32Load8U, MemArg(align: 2, offset: 0)), .drop, .end],
                      "alignment must not be larger than natural", at: 1, setUp: memory)
        assertInvalid([.dataDrop(dataIndex: 1), .end], "unknown data segment 1", at: 0, setUp: memory)
        assertInvalid([.i32Const(0), .i64Const(0), .store(.i32Store, MemArg(align: 4, offset: 0)), .end],
                      "type mismatch", at: 2, setUp: memory)
    }

    // MARK: Vector instructions

    func testVectorInstructions() throws {
        let memory: (inout Module) -> Void = { $0.memories = [MemoryType(limits: Limits(min: 1))] }
        let zero = V128(low: 0, high: 0)
        try validate([.v128Const(zero), .simdLane(.i16x8ExtractLaneS, lane: 7), .drop,
                      .v128Const(zero), .f64Const(0), .simdLane(.f64x2ReplaceLane, lane: 1),
                      .v128Const(zero), .i8x16Shuffle(V128(low: 0x1F1F_1F1F_1F1F_1F1F, high: 0)),
                      .i32Const(3), .simd(.i32x4Shl), .simd(.i8x16Bitmask), .simd(.i32x4Splat),
                      .i32Const(0), .simdLoad(.v128Load32Splat, MemArg(align: 4, offset: 0)),
                      .v128Const(zero), .simd(.v128Bitselect), .drop, .end], setUp: memory)
        assertInvalid([.v128Const(zero), .simdLane(.i32x4ExtractLane, lane: 4), .drop, .end], "invalid lane index", at: 1)
        assertInvalid([.v128Const(zero), .v128Const(zero), .i8x16Shuffle(V128(low: 0, high: 0x20 << 56)), .drop, .end],
                      "invalid lane index", at: 2)
        assertInvalid([.i32Const(0), .v128Const(zero), .simdMemoryLane(.v128Load16Lane, MemArg(align: 2, offset: 0), lane: 8),
                       .drop, .end], "invalid lane index", at: 2, setUp: memory)
        assertInvalid([.i32Const(0), .simdLoad(.v128Load, MemArg(align: 32, offset: 0)), .drop, .end],
                      "alignment must not be larger than natural", at: 1, setUp: memory)
        assertInvalid([.i32Const(0), .v128Const(zero), .v128Store(MemArg(align: 16, offset: 0)), .end],
                      "unknown memory 0", at: 2)
        assertInvalid([.i64Const(0), .simd(.i8x16Splat), .drop, .end], "type mismatch", at: 1)
    }

    // MARK: Translator state and reuse

    func testStackStateForTranslators() throws {
        let module = makeModule(type: FuncType(parameters: [.f32], results: [.i64]), extraTypes: [i32ToI32])
        var validator = try FunctionValidator(context: ValidationContext(module: module), functionIndex: 0, body: module.codes[0])
        XCTAssertEqual(validator.controlDepth, 1)
        XCTAssertEqual(validator.controlFrame(atDepth: 0).kind, .function)
        try validator.validate(.i32Const(1), at: 0, brTableLabels: [])
        try validator.validate(.block(.typeIndex(1)), at: 1, brTableLabels: [])
        XCTAssertEqual(validator.controlDepth, 2)
        let frame = validator.controlFrame(atDepth: 0)
        XCTAssertEqual(frame.kind, .block)
        XCTAssertEqual(frame.height, 0, "the block's parameter sits above its height")
        XCTAssertEqual(validator.context.types(of: frame.labelTypes), [.i32])
        XCTAssertEqual(validator.operandCount, 1)
        XCTAssertEqual(validator.operandType(fromTop: 0), .i32)
        try validator.validate(.localGet(0), at: 2, brTableLabels: [])
        XCTAssertEqual(validator.operandType(fromTop: 0), .f32)
        XCTAssertEqual(validator.operandType(fromTop: 1), .i32)
        XCTAssertFalse(validator.isUnreachable)
        try validator.validate(.drop, at: 3, brTableLabels: [])
        try validator.validate(.br(labelIndex: 0), at: 4, brTableLabels: [])
        XCTAssertTrue(validator.isUnreachable)
        XCTAssertEqual(validator.operandCount, 0)
    }

    func testValidatorIsReusableAcrossFunctions() throws {
        var module = makeModule(type: toI32)
        module.types.append(FuncType(parameters: [.f64], results: []))
        module.functions = [0, 1]
        module.codes.append(FunctionBody(locals: [LocalRun(count: 2, type: .i64)], localCount: 2, code: 0..<0))
        var validator = try FunctionValidator(context: ValidationContext(module: module), functionIndex: 0, body: module.codes[0])
        try validator.validate(.i32Const(0), at: 0, brTableLabels: [])
        try validator.validate(.end, at: 1, brTableLabels: [])
        try validator.finish(at: 2)
        try validator.reset(functionIndex: 1, body: module.codes[1])
        XCTAssertEqual(validator.functionIndex, 1)
        XCTAssertEqual(validator.localTypes, [.f64, .i64, .i64])
        XCTAssertEqual(validator.operandCount, 0)
        XCTAssertEqual(validator.controlDepth, 1)
        try validator.validate(.end, at: 10, brTableLabels: [])
        try validator.finish(at: 11)
    }

    func testUnfinishedBodyAndTrailingInstructionsAreMalformed() throws {
        let module = makeModule(type: FuncType(parameters: [], results: []))
        var validator = try FunctionValidator(context: ValidationContext(module: module), functionIndex: 0, body: module.codes[0])
        try validator.validate(.block(.empty), at: 0, brTableLabels: [])
        XCTAssertThrowsError(try validator.finish(at: 2)) { XCTAssertTrue($0 is DecodingError) }
        try validator.validate(.end, at: 2, brTableLabels: [])
        try validator.validate(.end, at: 3, brTableLabels: [])
        XCTAssertThrowsError(try validator.validate(.nop, at: 4, brTableLabels: [])) { XCTAssertTrue($0 is DecodingError) }
    }

    func testTooManyLocals() {
        let module = makeModule(type: toI32, locals: [LocalRun(count: 4_000_000_000, type: .i32)])
        XCTAssertThrowsError(try FunctionValidator(context: ValidationContext(module: module), functionIndex: 0,
                                                   body: module.codes[0])) { error in
            XCTAssertEqual((error as? ValidationError)?.message, "too many locals")
        }
    }
}

extension FuncType {
    fileprivate func withoutParameters() -> FuncType { FuncType(parameters: [], results: results) }
}
