// The official SIMD scripts (json/core-2.0/simd of the spec testsuite), as far as they can be
// checked without the interpreter: most of their functions are a single vector instruction on
// the parameters, `(local.get 0) … (local.get n-1) op`. Each such function is found by decoding
// the script's module, and every `assert_return` that invokes one is evaluated with the code
// under test and compared with the expected lanes, NaN patterns included.

@testable import WasmRuntime
import Foundation
import WasmCore
import XCTest

final class SIMDSpecVectorTests: XCTestCase {
    func testSingleInstructionFunctionsOfTheSIMDScripts() throws {
        let root = ProcessInfo.processInfo.environment["WASM_TESTSUITE"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("../shared/wasm-testsuite").standardizedFileURL.path
        let simdFolder = URL(fileURLWithPath: root).appendingPathComponent("json/core-2.0/simd")
        guard let scripts = try? FileManager.default.contentsOfDirectory(atPath: simdFolder.path) else {
            throw XCTSkip("SIMD scripts not found at \(simdFolder.path) (set WASM_TESTSUITE)")
        }
        var checked = 0, operatorsSeen = Set<String>()
        for script in scripts.sorted() {
            let folder = simdFolder.appendingPathComponent(script)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("\(script).json")))
            guard let commands = (json as? [String: Any])?["commands"] as? [[String: Any]] else { continue }
            var functions: [String: SingleInstructionFunction] = [:]
            for command in commands {
                switch command["type"] as? String {
                case "module":
                    let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(command["filename"] as! String)))
                    functions = try singleInstructionFunctions(Module(binary: bytes))
                case "assert_return":
                    let action = command["action"] as! [String: Any]
                    guard action["type"] as? String == "invoke", action["module"] == nil,
                          let function = functions[action["field"] as! String] else { continue }
                    let arguments = try (action["args"] as! [[String: Any]]).map(SpecOperand.init(json:))
                    let expected = try (command["expected"] as! [[String: Any]]).map(SpecOperand.init(json:))
                    guard expected.count == 1 else { continue }
                    let actual = function.evaluate(arguments)
                    let context = "\(script) line \(command["line"] ?? "?"): \(action["field"]!)"
                    XCTAssertTrue(expected[0].matches(actual), "\(context): expected \(expected[0]), got \(actual)")
                    checked += 1
                    operatorsSeen.insert(function.instructionName)
                default:
                    continue
                }
            }
        }
        // 2.0's scripts hold 22,800 such assertions, and they use every vector operator, every
        // lane operator and the shuffle; fewer means the pattern stopped matching.
        XCTAssertGreaterThanOrEqual(checked, 22800)
        XCTAssertEqual(operatorsSeen.count, SIMDOperator.allCases.count + SIMDLaneOperator.allCases.count + 1)
    }

    /// The exported functions of `module` whose body is `local.get 0 … local.get n-1`, one vector
    /// instruction, `end`.
    private func singleInstructionFunctions(_ module: Module) throws -> [String: SingleInstructionFunction] {
        var result: [String: SingleInstructionFunction] = [:]
        let importedCount = module.importedFunctionCount
        for export in module.exports {
            guard case .function(let index) = export.descriptor, Int(index) >= importedCount else { continue }
            let defined = Int(index) - importedCount
            let parameterCount = module.types[Int(module.functions[defined])].parameters.count
            var decoder = InstructionDecoder(bytes: module.bytes, range: module.codes[defined].code)
            var instructions: [Instruction] = []
            while !decoder.isAtEnd { instructions.append(try decoder.next()) }
            guard instructions.count == parameterCount + 2, instructions.last == .end,
                  instructions.prefix(parameterCount).enumerated().allSatisfy({ $0.element == .localGet(UInt32($0.offset)) })
            else { continue }
            switch instructions[parameterCount] {
            case .simd, .simdLane, .i8x16Shuffle: result[export.name] = SingleInstructionFunction(instruction: instructions[parameterCount])
            default: continue
            }
        }
        return result
    }
}

/// A function whose body is one vector instruction applied to its parameters.
private struct SingleInstructionFunction {
    var instruction: Instruction

    var instructionName: String {
        switch instruction {
        case .simd(let op): "\(op)"
        case .simdLane(let op, _): "\(op)"
        default: "i8x16.shuffle"
        }
    }

    func evaluate(_ arguments: [SpecOperand]) -> ActualResult {
        let vectors = arguments.map(\.vector)
        func vector(_ i: Int) -> V128 { i < vectors.count ? vectors[i] : V128(low: 0, high: 0) }
        switch instruction {
        case .simd(let op):
            // A splat's operand or a shift's count is the last argument, a scalar.
            let scalar = arguments.last?.scalarBits ?? 0
            return applySIMD(op, vector(0), vector(1), vector(2), scalar: scalar)
        case .simdLane(let op, let lane):
            return applySIMDLane(op, lane: Int(lane), vector(0), scalar: arguments.last?.scalarBits ?? 0)
        case .i8x16Shuffle(let lanes):
            return .vector(V128.i8x16Shuffle(vector(0), vector(1), lanes: lanes))
        default:
            preconditionFailure("not a single vector instruction")
        }
    }
}

/// An argument or expected result of a script command.
private enum SpecOperand: CustomStringConvertible {
    /// A vector: each lane's bits, or a NaN pattern (`nan:canonical` / `nan:arithmetic`) for float lanes.
    case v128(laneBits: Int, isFloat: Bool, lanes: [SpecLane])
    /// A scalar: i32/f32 (`bits` 32) or i64/f64 (64).
    case scalar(bits: Int, isFloat: Bool, SpecLane)

    enum SpecLane {
        case bits(UInt64)
        case canonicalNaN, arithmeticNaN

        init(_ text: String) throws {
            switch text {
            case "nan:canonical": self = .canonicalNaN
            case "nan:arithmetic": self = .arithmeticNaN
            default:
                guard let value = text.hasPrefix("-") ? Int64(text).map({ UInt64(bitPattern: $0) }) : UInt64(text) else {
                    throw SpecOperandError.unreadable(text)
                }
                self = .bits(value)
            }
        }
    }

    enum SpecOperandError: Error { case unreadable(String) }

    init(json: [String: Any]) throws {
        let type = json["type"] as! String
        if type == "v128" {
            let laneType = json["lane_type"] as! String
            let width = Int(laneType.dropFirst())!
            self = .v128(laneBits: width, isFloat: laneType.hasPrefix("f"), lanes: try (json["value"] as! [String]).map(SpecLane.init))
        } else {
            self = .scalar(bits: type.hasSuffix("32") ? 32 : 64, isFloat: type.hasPrefix("f"), try SpecLane(json["value"] as! String))
        }
    }

    /// The vector of a v128 argument (lanes little-endian in lane order).
    var vector: V128 {
        guard case .v128(let width, _, let lanes) = self else { return V128(low: 0, high: 0) }
        var bytes: [UInt8] = []
        for case .bits(let bits) in lanes {
            for i in 0..<(width / 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(8 * i))) }
        }
        return V128(bytes: bytes)
    }

    /// The bits of a scalar argument.
    var scalarBits: UInt64? {
        guard case .scalar(_, _, .bits(let bits)) = self else { return nil }
        return bits
    }

    func matches(_ actual: ActualResult) -> Bool {
        switch (self, actual) {
        case (.v128(let width, _, let lanes), .vector(let vector)):
            let bytes = vector.bytes
            return lanes.enumerated().allSatisfy { index, lane in
                var bits: UInt64 = 0
                for i in 0..<(width / 8) { bits |= UInt64(bytes[index * width / 8 + i]) << UInt64(8 * i) }
                return Self.lane(lane, matches: bits, width: width)
            }
        case (.scalar(32, _, let lane), .i32(let value)):
            return Self.lane(lane, matches: UInt64(value), width: 32)
        case (.scalar(64, _, let lane), .i64(let value)):
            return Self.lane(lane, matches: value, width: 64)
        default:
            return false
        }
    }

    private static func lane(_ lane: SpecLane, matches bits: UInt64, width: Int) -> Bool {
        let mask: UInt64 = width == 64 ? .max : (1 << UInt64(width)) - 1
        switch lane {
        case .bits(let expected): return bits & mask == expected & mask
        case .canonicalNaN: return width == 32 ? Float(bitPattern: UInt32(bits)).isCanonicalNaN : Double(bitPattern: bits).isCanonicalNaN
        case .arithmeticNaN: return width == 32 ? Float(bitPattern: UInt32(bits)).isArithmeticNaN : Double(bitPattern: bits).isArithmeticNaN
        }
    }

    var description: String {
        switch self {
        case .v128(let width, let isFloat, let lanes): "v128 \(isFloat ? "f" : "i")\(width) \(lanes)"
        case .scalar(let width, let isFloat, let lane): "\(isFloat ? "f" : "i")\(width) \(lane)"
        }
    }
}
