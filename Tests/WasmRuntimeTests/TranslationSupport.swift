// Reading the translator's output in tests: the internal code of one function of an
// instance's module, translated afresh, and an instruction's case name.

@testable import WasmRuntime

extension Instance {
    /// The internal code `Translator` produces for function `index` (in the function index
    /// space, imports first) of this instance's module.
    func translation(ofFunction index: Int) throws -> TranslatedFunction {
        let owner = moduleInstance
        var translator = Translator(module: owner.module, instance: owner.entity.pointee,
                                    functionTypeIndices: owner.functionTypeIndices, functionIndex: index)
        return try translator.translate()
    }
}

extension InternalInstruction {
    /// The case name, e.g. "i32Add" for `.i32Add(result: 2, lhs: 2, rhs: 1)`.
    var caseName: String { String("\(self)".prefix { $0 != "(" }) }
}
