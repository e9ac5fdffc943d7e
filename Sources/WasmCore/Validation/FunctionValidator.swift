// Validation › Functions (spec §3.4.1) and the validation algorithm of the appendix
// ("Validation Algorithm"): a function body is checked one instruction at a time against an
// operand stack (whose entries may be Unknown below an unconditional branch) and a control
// stack of frames, one per enclosing block, loop, if or the function itself.

/// The kind of construct a control frame belongs to (the appendix's `opcode` field).
public enum ControlFrameKind: UInt8, Hashable, Sendable {
    case function, block, loop, `if`, `else`
}

/// A control frame (appendix: `ctrl_frame`): one enclosing structured instruction.
public struct ControlFrame: Hashable, Sendable {
    public var kind: ControlFrameKind
    /// The block's parameters (pushed on entry).
    public var startTypes: TypeSpan
    /// The block's results (left on exit).
    public var endTypes: TypeSpan
    /// The operand stack height when the frame was entered, below its parameters.
    public var height: Int
    /// Whether the rest of the block is unreachable (after br, br_table, return, unreachable).
    public var unreachable: Bool

    /// The types a branch to this frame's label carries: a loop's parameters, otherwise its results.
    public var labelTypes: TypeSpan { kind == .loop ? startTypes : endTypes }
}

/// Validates one function body instruction by instruction (§3.3, appendix algorithm).
/// Feed every instruction of the body, including the final `end`, to `validate(_:at:brTableLabels:)`,
/// then call `finish(at:)`. A validator can be reused for the next function with `reset`,
/// keeping its stacks' storage.
public struct FunctionValidator {
    /// The module's context C.
    public let context: ValidationContext
    /// The function being validated, in the function index space.
    public private(set) var functionIndex: UInt32
    /// C.locals: the function's parameters followed by its declared locals.
    public private(set) var localTypes: [ValueType] = []
    /// C.return: the function's results.
    public private(set) var returnTypes: TypeSpan = .empty
    /// The operand stack (appendix `vals`); nil stands for Unknown.
    var operands: [ValueType?] = []
    /// The control stack (appendix `ctrls`); the innermost frame is last.
    var frames: [ControlFrame] = []
    /// Byte offset of the instruction being validated, for errors.
    var offset = 0

    /// The most locals (parameters included) a function may have: an implementation limit
    /// (spec appendix "Implementation Limitations"), shared with common engines.
    public static let maximumLocalCount = 50_000

    /// Starts validating the body of function `functionIndex` (which must be defined by the module).
    public init(context: ValidationContext, functionIndex: UInt32, body: FunctionBody) throws {
        self.context = context
        self.functionIndex = functionIndex
        try reset(functionIndex: functionIndex, body: body)
    }

    /// Starts validating another function of the same module, reusing the stacks' storage.
    public mutating func reset(functionIndex: UInt32, body: FunctionBody) throws {
        self.functionIndex = functionIndex
        offset = body.code.lowerBound
        operands.removeAll(keepingCapacity: true)
        frames.removeAll(keepingCapacity: true)
        localTypes.removeAll(keepingCapacity: true)
        guard Int(functionIndex) < context.functions.count else {
            throw error("unknown function \(functionIndex)")
        }
        let typeIndex = context.functions[Int(functionIndex)]
        guard Int(typeIndex) < context.types.count else { throw error("unknown type \(typeIndex)") }
        let parameters = context.parameterSpans[Int(typeIndex)]
        returnTypes = context.resultSpans[Int(typeIndex)]

        // §3.4.1: C.locals = parameters followed by the declared locals.
        guard Int(parameters.count) + body.localCount <= Self.maximumLocalCount else {
            throw error("too many locals")
        }
        localTypes.append(contentsOf: context.typeStorage[Int(parameters.start)..<Int(parameters.start + parameters.count)])
        for run in body.locals {
            localTypes.append(contentsOf: repeatElement(run.type, count: Int(run.count)))
        }
        // The function's body is a block whose label and end types are the results.
        frames.append(ControlFrame(kind: .function, startTypes: .empty, endTypes: returnTypes,
                                   height: 0, unreachable: false))
    }

    /// Checks that the body is complete: the final `end` closed the function's frame.
    public mutating func finish(at offset: Int) throws {
        self.offset = offset
        guard frames.isEmpty else {
            throw DecodingError("END opcode expected: function body ends inside a block", at: offset)
        }
    }

    // MARK: State for translators (read-only, cheap)

    /// The current operand stack height, in values (Unknown values included).
    public var operandCount: Int { operands.count }

    /// The type of the operand `depth` places below the top (0 = top); nil means Unknown,
    /// either a polymorphic value or a position below the current frame's height in
    /// unreachable code.
    public func operandType(fromTop depth: Int) -> ValueType? {
        let position = operands.count - 1 - depth
        return position >= 0 ? operands[position] : nil
    }

    /// The number of open control frames, the function's own frame included.
    public var controlDepth: Int { frames.count }

    /// Whether the current frame's remaining code is unreachable.
    public var isUnreachable: Bool { frames.last?.unreachable ?? false }

    /// The frame a branch to label `depth` targets (0 = innermost).
    public func controlFrame(atDepth depth: Int) -> ControlFrame {
        frames[frames.count - 1 - depth]
    }

    /// Builds a validation error at the current instruction.
    func error(_ message: String) -> ValidationError {
        ValidationError(message, at: offset, functionIndex: functionIndex)
    }
}
