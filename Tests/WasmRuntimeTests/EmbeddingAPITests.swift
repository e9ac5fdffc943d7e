// The embedding API: calling exports, host functions and their caller context, memories,
// globals, tables and store limits.

import WasmCore
import WasmRuntime
import XCTest

final class EmbeddingAPITests: XCTestCase {
    func testCallsAnExportWithTypedValues() throws {
        var builder = ModuleBuilder()
        let add = builder.function(FuncType([.i64, .i64], [.i64]), Op.localGet(0), Op.localGet(1), Op.i64Add)
        builder.exportFunction("add", add)
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        let function = try XCTUnwrap(instance.function("add"))
        XCTAssertEqual(function.type, FuncType([.i64, .i64], [.i64]))
        XCTAssertEqual(try function.call([Value(Int64(40)), Value(Int64(2))]), [.i64(42)])
        XCTAssertEqual(try function(.i64(UInt64.max), .i64(2)), [.i64(1)], "wraps around")
    }

    func testRejectsArgumentsOfTheWrongTypeOrNumber() throws {
        var builder = ModuleBuilder()
        builder.exportFunction("id", builder.function(FuncType([.i32], [.i32]), Op.localGet(0)))
        let function = try XCTUnwrap(try Store().instantiate(ValidatedModule(binary: builder.build())).function("id"))
        XCTAssertThrowsError(try function.call([.i64(1)])) { XCTAssertTrue($0 is EmbeddingError) }
        XCTAssertThrowsError(try function.call([])) { XCTAssertTrue($0 is EmbeddingError) }
        XCTAssertEqual(try function.call([.i32(7)]), [.i32(7)], "still usable afterwards")
    }

    func testHostFunctionReceivesArgumentsAndCallerMemory() throws {
        // The module writes "hello" into its (unexported) memory and passes pointer and length.
        var builder = ModuleBuilder()
        let log = builder.importFunction("env", "log", FuncType([.i32, .i32], [.i32]))
        builder.memory(min: 1)
        builder.data(offset: 16, Array("hello".utf8))
        builder.exportFunction("run", builder.function(FuncType([], [.i32]),
            Op.i32Const(16), Op.i32Const(5), Op.call(log), Op.i32Const(1), Op.i32Add))
        let store = Store()
        var received: [String] = []
        let host = Function(store: store, type: FuncType([.i32, .i32], [.i32])) { caller, arguments in
            let memory = try XCTUnwrap(caller.memory)
            let bytes = try memory.read(at: Int(arguments[0].int32!), count: Int(arguments[1].int32!))
            received.append(String(decoding: bytes, as: UTF8.self))
            return [.i32(UInt32(bytes.count) * 10)]
        }
        var imports = Imports()
        imports.define(module: "env", name: "log", .function(host))
        let instance = try store.instantiate(ValidatedModule(binary: builder.build()), imports: imports)
        XCTAssertEqual(try instance.function("run")!.call([]), [.i32(51)])
        XCTAssertEqual(received, ["hello"])
    }

    func testHostFunctionReturningWrongResultsIsAnError() throws {
        var builder = ModuleBuilder()
        let host = builder.importFunction("env", "f", FuncType([], [.i32]))
        builder.exportFunction("run", builder.function(FuncType([], [.i32]), Op.call(host)))
        let store = Store()
        var imports = Imports()
        imports.define(module: "env", name: "f", .function(Function(store: store, type: FuncType([], [.i32])) { _, _ in [.i64(1)] }))
        let instance = try store.instantiate(ValidatedModule(binary: builder.build()), imports: imports)
        XCTAssertThrowsError(try instance.function("run")!.call([])) { XCTAssertTrue($0 is EmbeddingError, "\($0)") }
    }

    func testMemoryReadWriteAndGrowth() throws {
        var builder = ModuleBuilder()
        builder.memory(min: 1, max: 3)
        builder.exportMemory("memory")
        builder.exportFunction("load", builder.function(FuncType([.i32], [.i32]), Op.localGet(0), Op.i32Load()))
        builder.exportFunction("grow", builder.function(FuncType([.i32], [.i32]), Op.localGet(0), Op.memoryGrow))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        let memory = try XCTUnwrap(instance.memory("memory"))
        XCTAssertEqual(memory.pageCount, 1)
        try memory.write([0x78, 0x56, 0x34, 0x12], at: 65532)
        XCTAssertEqual(try instance.function("load")!(.i32(65532)), [.i32(0x1234_5678)])
        XCTAssertThrowsError(try memory.write([1, 2], at: 65535)) { XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess) }
        XCTAssertThrowsError(try instance.function("load")!(.i32(65533))) { XCTAssertEqual(($0 as? Trap)?.reason, .outOfBoundsMemoryAccess) }

        // Growth from WebAssembly is visible to the host and the other way round.
        XCTAssertEqual(try instance.function("grow")!(.i32(1)), [.i32(1)])
        XCTAssertEqual(memory.byteCount, 2 * 65536)
        XCTAssertEqual(try memory.read(at: 65536, count: 4), [0, 0, 0, 0], "new pages are zero")
        XCTAssertEqual(memory.grow(by: 1), 2)
        try memory.write([9, 0, 0, 0], at: 3 * 65536 - 4)
        XCTAssertEqual(try instance.function("load")!(.i32(3 * 65536 - 4)), [.i32(9)])
        XCTAssertNil(memory.grow(by: 1), "declared maximum is 3 pages")
        XCTAssertEqual(try instance.function("grow")!(.i32(1)), [.i32(UInt32.max)], "memory.grow gives -1")
        XCTAssertEqual(try memory.read(at: 65532, count: 4), [0x78, 0x56, 0x34, 0x12], "contents kept")
    }

    func testStorePageLimitBoundsGrowth() throws {
        var limits = StoreLimits()
        limits.maxMemoryPages = 2
        var builder = ModuleBuilder()
        builder.memory(min: 1)
        builder.exportFunction("grow", builder.function(FuncType([.i32], [.i32]), Op.localGet(0), Op.memoryGrow))
        let instance = try Store(limits: limits).instantiate(ValidatedModule(binary: builder.build()))
        XCTAssertEqual(try instance.function("grow")!(.i32(2)), [.i32(UInt32.max)])
        XCTAssertEqual(try instance.function("grow")!(.i32(1)), [.i32(1)])
        XCTAssertEqual(try instance.function("grow")!(.i32(1)), [.i32(UInt32.max)])
    }

    func testGlobalsReadAndWrite() throws {
        var builder = ModuleBuilder()
        let counter = builder.global(GlobalType(mutability: .variable, valueType: .i32), initializer: Op.i32Const(5))
        let constant = builder.global(GlobalType(mutability: .constant, valueType: .i64), initializer: Op.i64Const(-1))
        builder.exportGlobal("counter", counter)
        builder.exportGlobal("constant", constant)
        builder.exportFunction("bump", builder.function(FuncType([], [.i32]),
            Op.globalGet(counter), Op.i32Const(1), Op.i32Add, Op.globalSet(counter), Op.globalGet(counter)))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        let global = try XCTUnwrap(instance.global("counter"))
        XCTAssertEqual(global.value, .i32(5))
        XCTAssertEqual(try instance.function("bump")!(), [.i32(6)])
        try global.set(.i32(100))
        XCTAssertEqual(try instance.function("bump")!(), [.i32(101)])
        XCTAssertEqual(global.value, .i32(101))
        XCTAssertEqual(instance.global("constant")?.value, .i64(UInt64.max))
        XCTAssertThrowsError(try instance.global("constant")!.set(.i64(0))) { XCTAssertTrue($0 is EmbeddingError) }
        XCTAssertThrowsError(try global.set(.i64(0))) { XCTAssertTrue($0 is EmbeddingError) }
    }

    func testTablesHoldFunctionsCallableFromTheHost() throws {
        var builder = ModuleBuilder()
        builder.table(min: 2, max: 4)
        let seven = builder.function(FuncType([], [.i32]), Op.i32Const(7))
        builder.elements(offset: 1, [seven])
        builder.exportTable("table", 0)
        builder.exportFunction("callSlot", builder.function(FuncType([.i32], [.i32]),
            Op.localGet(0), Op.callIndirect(builder.typeIndex(FuncType([], [.i32])))))
        let store = Store()
        let instance = try store.instantiate(ValidatedModule(binary: builder.build()))
        let table = try XCTUnwrap(instance.table("table"))
        XCTAssertEqual(table.count, 2)
        XCTAssertEqual(try table.get(0), .funcref(nil))
        guard case .funcref(let function?) = try table.get(1) else { return XCTFail("expected a function") }
        XCTAssertEqual(try function.call([]), [.i32(7)])

        // A host function put in the table is called by call_indirect.
        let host = Function(store: store, type: FuncType([], [.i32])) { _, _ in [.i32(99)] }
        XCTAssertEqual(try table.grow(by: 1, initial: .funcref(host)), 2)
        XCTAssertEqual(try instance.function("callSlot")!(.i32(2)), [.i32(99)])
        XCTAssertThrowsError(try instance.function("callSlot")!(.i32(0))) { XCTAssertEqual(($0 as? Trap)?.reason, .uninitializedElement) }
        XCTAssertThrowsError(try instance.function("callSlot")!(.i32(3))) { XCTAssertEqual(($0 as? Trap)?.reason, .undefinedElement) }
        let wrongType = Function(store: store, type: FuncType([], [.i64])) { _, _ in [.i64(0)] }
        try table.set(0, to: .funcref(wrongType))
        XCTAssertThrowsError(try instance.function("callSlot")!(.i32(0))) { XCTAssertEqual(($0 as? Trap)?.reason, .indirectCallTypeMismatch) }
    }

    func testExternRefsRoundTrip() throws {
        var builder = ModuleBuilder()
        builder.exportFunction("id", builder.function(FuncType([.externref], [.externref]), Op.localGet(0)))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        XCTAssertEqual(try instance.function("id")!(.externref(ExternRef(0))), [.externref(ExternRef(0))])
        XCTAssertEqual(try instance.function("id")!(.externref(nil)), [.externref(nil)])
    }
}
