// Two copies in a row between locals (`Translator.emitCopy`): one `copyPair`, executed in
// their order, so that the second may read what the first wrote or overwrite its source.

import WasmCore
@testable import WasmRuntime
import XCTest

final class CopyPairTests: XCTestCase {
    /// Both of type (x, y, z) -> x * 100 + y * 10 + z after two assignments:
    /// "rotate": x = z; z = y (the second overwrites nothing the first reads);
    /// "chain": x = y; z = x (the second reads what the first wrote).
    private static func module() -> [UInt8] {
        var builder = ModuleBuilder()
        let type = FuncType([.i32, .i32, .i32], [.i32])
        let digits = Op.localGet(0) + Op.i32Const(100) + Op.i32Mul + Op.localGet(1) + Op.i32Const(10) + Op.i32Mul
            + Op.i32Add + Op.localGet(2) + Op.i32Add
        builder.exportFunction("rotate", builder.function(type,
            Op.localGet(2), Op.localSet(0), Op.localGet(1), Op.localSet(2), digits))
        builder.exportFunction("chain", builder.function(type,
            Op.localGet(1), Op.localSet(0), Op.localGet(0), Op.localSet(2), digits))
        return builder.build()
    }

    func testCopiesHappenInOrder() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        let arguments: [Value] = [.i32(1), .i32(2), .i32(3)]
        XCTAssertEqual(try XCTUnwrap(instance.function("rotate")).call(arguments), [.i32(322)])
        XCTAssertEqual(try XCTUnwrap(instance.function("chain")).call(arguments), [.i32(222)])
    }

    func testTwoCopiesAreOneInstruction() throws {
        let instance = try Store().instantiate(ValidatedModule(binary: Self.module()))
        for function in 0..<2 {
            let code = try instance.translation(ofFunction: function).code
            XCTAssertEqual(code.first?.caseName, "copyPair", "\(code)")
            XCTAssertFalse(code.contains { $0.caseName == "copy" }, "\(code)")
        }
    }
}
