// Instantiation (spec §4.5.4): import matching, segment initialisation and its traps, start.

import WasmCore
import WasmRuntime
import XCTest

final class InstantiationTests: XCTestCase {
    func testUnknownAndIncompatibleImportsAreLinkErrors() throws {
        var builder = ModuleBuilder()
        builder.importFunction("env", "f", FuncType([.i32], []))
        let module = try ValidatedModule(binary: builder.build())
        let store = Store()
        XCTAssertThrowsError(try store.instantiate(module)) { error in
            XCTAssertEqual(error as? LinkError, LinkError("unknown import", module: "env", name: "f"))
        }
        var imports = Imports()
        imports.define(module: "env", name: "f", .function(Function(store: store, type: FuncType([.i64], [])) { _, _ in [] }))
        XCTAssertThrowsError(try store.instantiate(module, imports: imports)) { error in
            XCTAssertEqual((error as? LinkError)?.message, "incompatible import type")
        }
    }

    func testMemoryImportsFollowLimitsSubtyping() throws {
        var builder = ModuleBuilder()
        builder.importMemory("env", "memory", min: 2, max: 4)
        let module = try ValidatedModule(binary: builder.build())
        let store = Store()
        func link(min: UInt32, max: UInt32?) throws {
            var imports = Imports()
            imports.define(module: "env", name: "memory", .memory(try Memory(store: store, type: MemoryType(limits: Limits(min: min, max: max)))))
            _ = try store.instantiate(module, imports: imports)
        }
        XCTAssertNoThrow(try link(min: 2, max: 4))
        XCTAssertNoThrow(try link(min: 3, max: 3))
        XCTAssertThrowsError(try link(min: 1, max: 4), "too small") { XCTAssertTrue($0 is LinkError) }
        XCTAssertThrowsError(try link(min: 2, max: 5), "maximum too large") { XCTAssertTrue($0 is LinkError) }
        XCTAssertThrowsError(try link(min: 2, max: nil), "no maximum") { XCTAssertTrue($0 is LinkError) }
    }

    func testFailingDataSegmentTrapsAfterEarlierSegmentsWereWritten() throws {
        var builder = ModuleBuilder()
        builder.importMemory("env", "memory", min: 1)
        builder.data(offset: 0, [1, 2, 3])
        builder.data(offset: 65535, [4, 5])
        let store = Store()
        let memory = try Memory(store: store, type: MemoryType(limits: Limits(min: 1)))
        var imports = Imports()
        imports.define(module: "env", name: "memory", .memory(memory))
        XCTAssertThrowsError(try store.instantiate(ValidatedModule(binary: builder.build()), imports: imports)) { error in
            XCTAssertEqual((error as? Trap)?.message, "out of bounds memory access")
        }
        XCTAssertEqual(try memory.read(at: 0, count: 3), [1, 2, 3])
        XCTAssertEqual(try memory.read(at: 65535, count: 1), [0])
    }

    func testStartFunctionRunsDuringInstantiation() throws {
        var builder = ModuleBuilder()
        let flag = builder.global(GlobalType(mutability: .variable, valueType: .i32), initializer: Op.i32Const(0))
        builder.exportGlobal("flag", flag)
        builder.startFunction(builder.function(FuncType([], []), Op.i32Const(7), Op.globalSet(flag)))
        let instance = try Store().instantiate(ValidatedModule(binary: builder.build()))
        XCTAssertEqual(instance.global("flag")?.value, .i32(7))
    }

    func testInstancesLinkThroughExports() throws {
        var provider = ModuleBuilder()
        provider.exportFunction("double", provider.function(FuncType([.i32], [.i32]), Op.localGet(0), Op.i32Const(2), Op.i32Mul))
        provider.memory(min: 1)
        provider.exportMemory("memory")
        var consumer = ModuleBuilder()
        let double = consumer.importFunction("lib", "double", FuncType([.i32], [.i32]))
        consumer.importMemory("lib", "memory", min: 1)
        consumer.exportFunction("quadrupleStored", consumer.function(FuncType([.i32], [.i32]),
            Op.i32Const(0), Op.localGet(0), Op.call(double), Op.call(double), Op.i32Store(),
            Op.i32Const(0), Op.i32Load()))
        let store = Store()
        let lib = try store.instantiate(ValidatedModule(binary: provider.build()))
        var imports = Imports()
        imports.define(module: "lib", exportsOf: lib)
        let app = try store.instantiate(ValidatedModule(binary: consumer.build()), imports: imports)
        XCTAssertEqual(try app.function("quadrupleStored")!(.i32(5)), [.i32(20)])
        XCTAssertEqual(try lib.memory("memory")!.read(at: 0, count: 1), [20])
    }

    func testInvalidModulesAreRejectedBeforeInstantiation() {
        var builder = ModuleBuilder()
        builder.exportFunction("bad", builder.function(FuncType([], [.i32]), Op.i64Const(1)))  // i64 where i32 expected
        XCTAssertThrowsError(try ValidatedModule(binary: builder.build())) { XCTAssertTrue($0 is ValidationError, "\($0)") }
        XCTAssertThrowsError(try ValidatedModule(binary: [0, 0x61, 0x73])) { XCTAssertTrue($0 is DecodingError, "\($0)") }
    }
}
