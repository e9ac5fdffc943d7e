// The JSON form of a spec test script, as written by `wasm-tools json-from-wast` (and by wabt's
// `wast2json`, whose format it follows; see ../shared/wasm-testsuite/PROVENANCE.md).
// Only the fields that core-2.0 uses are modelled; unknown fields are ignored.

import Foundation

/// One converted `.wast` script: its source name and its commands, in order.
struct SpecScript: Decodable {
    /// The `.wast` file the script was converted from, e.g. `core-2.0/address.wast`.
    var sourceFilename: String
    var commands: [SpecCommand]

    /// Reads a script from its JSON file.
    init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        self = try decoder.decode(SpecScript.self, from: data)
    }
}

/// One command of a script. Which fields are present depends on `type`.
struct SpecCommand: Decodable {
    /// `module`, `register`, `action`, `assert_return`, `assert_trap`, `assert_exhaustion`,
    /// `assert_invalid`, `assert_malformed`, `assert_unlinkable` or `assert_uninstantiable`.
    var type: String
    /// Line of the command in the `.wast` source.
    var line: Int
    /// The module's name (`module`), or the module whose exports are registered (`register`).
    var name: String?
    /// The module file, relative to the JSON file (commands that carry a module).
    var filename: String?
    /// `binary` or `text` (commands that carry a module).
    var moduleType: String?
    /// For a text `module`, the binary the converter also produced from it.
    var binaryFilename: String?
    /// The expected error message (assertions that expect a failure).
    var text: String?
    /// The registered name (`register`).
    var `as`: String?
    /// The action to perform (`action`, `assert_return`, `assert_trap`, `assert_exhaustion`).
    var action: SpecAction?
    /// The expected results (`assert_return`).
    var expected: [SpecJSONValue]?
}

/// An action (`invoke` a function or `get` a global) on a module's exports.
struct SpecAction: Decodable {
    /// `invoke` or `get`.
    var type: String
    /// The module's name; absent for the current (most recent) module.
    var module: String?
    var field: String
    /// The arguments of an `invoke`.
    var args: [SpecJSONValue]?
}

/// A value as written in the JSON: its type, and a literal string or (for `v128`) lane strings.
struct SpecJSONValue: Decodable {
    var type: String
    /// The lane type of a `v128`: `i8`, `i16`, `i32`, `i64`, `f32` or `f64`.
    var laneType: String?
    var value: Literal?

    enum Literal: Decodable {
        case scalar(String)
        case lanes([String])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let lanes = try? container.decode([String].self) {
                self = .lanes(lanes)
            } else {
                self = .scalar(try container.decode(String.self))
            }
        }
    }
}
