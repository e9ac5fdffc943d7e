// Values of the spec test scripts: the arguments of an action, the values an engine returns,
// and what an `assert_return` expects of them (exact bits, or a NaN pattern).
// JSON literals (PROVENANCE.md, "JSON format notes"): integers are signed decimal strings
// (unsigned ones, as wabt writes them, are accepted too), floats are their bit pattern as an
// unsigned decimal string, references are "null" or a host reference number.

import WasmCore

/// A WebAssembly value (§4.2.1) as the spec runner exchanges it with an execution engine.
/// Floats are kept as bit patterns so that NaN payloads survive.
enum SpecValue: Hashable, CustomStringConvertible {
    case i32(UInt32)
    case i64(UInt64)
    case f32(bits: UInt32)
    case f64(bits: UInt64)
    case v128(V128)
    /// A function reference: `nil` is null, otherwise an identity chosen by the engine.
    case funcref(Int?)
    /// An external reference: `nil` is null, otherwise the script's host reference number.
    case externref(UInt32?)

    /// Parses an argument of an action.
    init(json: SpecJSONValue) throws(SpecValueError) {
        switch (json.type, json.value) {
        case ("i32", .scalar(let text)):
            self = .i32(UInt32(try parseInteger(text, bitWidth: 32)))
        case ("i64", .scalar(let text)):
            self = .i64(try parseInteger(text, bitWidth: 64))
        case ("f32", .scalar(let text)):
            self = .f32(bits: UInt32(try parseBits(text, bitWidth: 32)))
        case ("f64", .scalar(let text)):
            self = .f64(bits: try parseBits(text, bitWidth: 64))
        case ("v128", .lanes(let lanes)):
            let shape = try SpecLaneShape(json.laneType, laneCount: lanes.count)
            var vector = V128(low: 0, high: 0)
            for (index, lane) in lanes.enumerated() {
                shape.setLane(index, of: &vector, to: try shape.parseLane(lane))
            }
            self = .v128(vector)
        case ("externref", .scalar("null")):
            self = .externref(nil)
        case ("externref", .scalar(let text)):
            guard let number = UInt32(text) else { throw SpecValueError("bad externref \(text)") }
            self = .externref(number)
        case ("funcref", .scalar("null")):
            self = .funcref(nil)
        default:
            throw SpecValueError("unsupported value \(json.type) \(String(describing: json.value))")
        }
    }

    var description: String {
        switch self {
        case .i32(let v): "i32:\(Int32(bitPattern: v))"
        case .i64(let v): "i64:\(Int64(bitPattern: v))"
        case .f32(let bits): "f32:\(Float(bitPattern: bits)) (0x\(String(bits, radix: 16)))"
        case .f64(let bits): "f64:\(Double(bitPattern: bits)) (0x\(String(bits, radix: 16)))"
        case .v128(let v): v.description
        case .funcref(let id): id.map { "funcref:\($0)" } ?? "funcref:null"
        case .externref(let n): n.map { "externref:\($0)" } ?? "externref:null"
        }
    }
}

/// A NaN pattern of the spec tests (§4.3.3 NaN propagation): a canonical NaN has only the
/// most significant payload bit set; an arithmetic NaN has at least that bit set. Either sign.
enum NaNPattern: String {
    case canonical = "nan:canonical"
    case arithmetic = "nan:arithmetic"

    /// Whether the float with `bits` (of `bitWidth` 32 or 64) matches the pattern.
    func matches(bits: UInt64, bitWidth: Int) -> Bool {
        let significandBits = bitWidth == 32 ? 23 : 52
        let exponentMask = (bitWidth == 32 ? UInt64(0xFF) : 0x7FF) << significandBits
        let quietBit = UInt64(1) << (significandBits - 1)
        let significand = bits & ((UInt64(1) << significandBits) - 1)
        guard bits & exponentMask == exponentMask else { return false }
        switch self {
        case .canonical: return significand == quietBit
        case .arithmetic: return significand & quietBit != 0
        }
    }
}

/// What an `assert_return` expects of one result.
enum SpecExpectedValue: CustomStringConvertible {
    /// Exactly this value (floats compared bit for bit).
    case exact(SpecValue)
    case f32NaN(NaNPattern)
    case f64NaN(NaNPattern)
    /// A vector, lane by lane: each lane exact bits or (float lanes) a NaN pattern.
    case v128(SpecLaneShape, [SpecExpectedLane])

    init(json: SpecJSONValue) throws(SpecValueError) {
        switch (json.type, json.value) {
        case ("f32", .scalar(let text)) where NaNPattern(rawValue: text) != nil:
            self = .f32NaN(NaNPattern(rawValue: text)!)
        case ("f64", .scalar(let text)) where NaNPattern(rawValue: text) != nil:
            self = .f64NaN(NaNPattern(rawValue: text)!)
        case ("v128", .lanes(let lanes)):
            let shape = try SpecLaneShape(json.laneType, laneCount: lanes.count)
            self = .v128(shape, try lanes.map { (lane) throws(SpecValueError) in
                if let pattern = NaNPattern(rawValue: lane), shape.isFloat { return .nan(pattern) }
                return .bits(try shape.parseLane(lane))
            })
        default:
            self = .exact(try SpecValue(json: json))
        }
    }

    /// Whether `value` is what was expected.
    func matches(_ value: SpecValue) -> Bool {
        switch (self, value) {
        case (.exact(let expected), _): return expected == value
        case (.f32NaN(let pattern), .f32(let bits)): return pattern.matches(bits: UInt64(bits), bitWidth: 32)
        case (.f64NaN(let pattern), .f64(let bits)): return pattern.matches(bits: bits, bitWidth: 64)
        case (.v128(let shape, let lanes), .v128(let vector)):
            return lanes.enumerated().allSatisfy { index, lane in
                let bits = shape.lane(index, of: vector)
                switch lane {
                case .bits(let expected): return bits == expected
                case .nan(let pattern): return pattern.matches(bits: bits, bitWidth: shape.laneBitWidth)
                }
            }
        default: return false
        }
    }

    var description: String {
        switch self {
        case .exact(let value): value.description
        case .f32NaN(let pattern): "f32:\(pattern.rawValue)"
        case .f64NaN(let pattern): "f64:\(pattern.rawValue)"
        case .v128(let shape, let lanes):
            "v128 \(shape.name)x\(lanes.count) [" + lanes.map { lane in
                switch lane {
                case .bits(let bits): "0x" + String(bits, radix: 16)
                case .nan(let pattern): pattern.rawValue
                }
            }.joined(separator: " ") + "]"
        }
    }
}

/// One expected lane of a vector.
enum SpecExpectedLane {
    case bits(UInt64)
    case nan(NaNPattern)
}

/// The lane interpretation of a `v128` literal (§2.3.2 vector shapes): lane type and width.
struct SpecLaneShape {
    /// `i8`, `i16`, `i32`, `i64`, `f32` or `f64`.
    var name: String
    var laneBitWidth: Int
    var isFloat: Bool { name.hasPrefix("f") }

    init(_ laneType: String?, laneCount: Int) throws(SpecValueError) {
        let widths = ["i8": 8, "i16": 16, "i32": 32, "i64": 64, "f32": 32, "f64": 64]
        guard let laneType, let width = widths[laneType] else {
            throw SpecValueError("unsupported lane type \(laneType ?? "(none)")")
        }
        guard laneCount * width == 128 else { throw SpecValueError("\(laneCount) lanes of \(laneType)") }
        name = laneType
        laneBitWidth = width
    }

    /// Parses one lane literal to its bits.
    func parseLane(_ text: String) throws(SpecValueError) -> UInt64 {
        isFloat ? try parseBits(text, bitWidth: laneBitWidth) : try parseInteger(text, bitWidth: laneBitWidth)
    }

    /// The bits of lane `index` (lane 0 is the lowest-addressed).
    func lane(_ index: Int, of vector: V128) -> UInt64 {
        let bitOffset = index * laneBitWidth
        let half = bitOffset < 64 ? vector.low : vector.high
        let mask = laneBitWidth == 64 ? UInt64.max : (UInt64(1) << laneBitWidth) - 1
        return (half >> UInt64(bitOffset % 64)) & mask
    }

    func setLane(_ index: Int, of vector: inout V128, to bits: UInt64) {
        let bitOffset = index * laneBitWidth
        let shift = UInt64(bitOffset % 64)
        if bitOffset < 64 { vector.low |= bits << shift } else { vector.high |= bits << shift }
    }
}

/// A value literal the runner cannot read.
struct SpecValueError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Parses a signed or unsigned decimal integer of `bitWidth` bits to its two's complement bits.
func parseInteger(_ text: String, bitWidth: Int) throws(SpecValueError) -> UInt64 {
    let mask = bitWidth == 64 ? UInt64.max : (UInt64(1) << bitWidth) - 1
    if text.hasPrefix("-") {
        guard let signed = Int64(text), signed >= Int64.min >> (64 - bitWidth) else {
            throw SpecValueError("bad i\(bitWidth) literal \(text)")
        }
        return UInt64(bitPattern: signed) & mask
    }
    guard let unsigned = UInt64(text), unsigned <= mask else { throw SpecValueError("bad i\(bitWidth) literal \(text)") }
    return unsigned
}

/// Parses a float's bit pattern, written as an unsigned decimal integer.
func parseBits(_ text: String, bitWidth: Int) throws(SpecValueError) -> UInt64 {
    let mask = bitWidth == 64 ? UInt64.max : (UInt64(1) << bitWidth) - 1
    guard let bits = UInt64(text), bits <= mask else { throw SpecValueError("bad f\(bitWidth) bit pattern \(text)") }
    return bits
}
