// Runs the commands of spec test scripts (JSON form) against the decoder and validator, and,
// when an execution engine is plugged in, against the engine.
//
// Without an engine: `module` must decode and validate; `assert_malformed` must fail to decode
// (DecodingError); `assert_invalid` must decode and then fail to validate (ValidationError; a
// DecodingError is a failure, the categories are strict); the modules of `assert_unlinkable`
// and `assert_uninstantiable` must decode and validate, and the rest of those assertions, like
// every command that runs code, is skipped. Text-format modules are skipped, except a text
// `module` for which the converter also wrote the binary.

import Foundation
import WasmCore

/// Runs spec test scripts and tallies the outcome of every command.
final class SpecRunner {
    /// The engine for the commands that run code; `nil` skips them.
    let engine: SpecEngine?

    init(engine: SpecEngine? = nil) {
        self.engine = engine
    }

    /// Runs scripts in order; `onScript` receives each script's tally when it is done.
    /// Returns the sum of all tallies.
    func run(_ scripts: [SpecScriptFile], onScript: (SpecScriptFile, SpecTally) -> Void = { _, _ in }) -> SpecTally {
        var total = SpecTally()
        for script in scripts {
            let tally = run(scriptAt: script.url)
            onScript(script, tally)
            total.add(tally)
        }
        return total
    }

    /// Runs one script file. A file that cannot be read counts as one failed command.
    func run(scriptAt url: URL) -> SpecTally {
        var tally = SpecTally()
        let script: SpecScript
        do {
            script = try SpecScript(contentsOf: url)
        } catch {
            tally.record(.failed("cannot read script: \(error)"), command: "script", location: url.path)
            return tally
        }
        engine?.beginScript()
        let directory = url.deletingLastPathComponent()
        for command in script.commands {
            let location = "\(script.sourceFilename):\(command.line)"
            let outcome = execute(command, in: directory, location: location, tally: &tally)
            tally.record(outcome, command: command.type, location: location)
        }
        return tally
    }

    private func execute(_ command: SpecCommand, in directory: URL, location: String, tally: inout SpecTally) -> SpecOutcome {
        func expectMessage(_ actual: String) {
            if let expected = command.text, !actual.contains(expected) {
                tally.messageMismatches.append(SpecMessageMismatch(location: location, expected: expected, actual: actual))
            }
        }
        switch command.type {
        case "module":
            return runModule(command, in: directory)
        case "assert_malformed":
            guard let bytes = binary(of: command, in: directory) else { return skippedOrMissing(command) }
            switch ModuleCheck(bytes) {
            case .malformed(let error):
                expectMessage(error.message)
                return .passed
            case .invalid(let error): return .failed("expected malformed, but it decodes (and is invalid: \(error))")
            case .valid: return .failed("expected malformed, but it decodes and validates")
            case .unexpected(let error): return .failed("unexpected error type: \(error)")
            }
        case "assert_invalid":
            guard let bytes = binary(of: command, in: directory) else { return skippedOrMissing(command) }
            switch ModuleCheck(bytes) {
            case .invalid(let error):
                expectMessage(error.message)
                return .passed
            case .malformed(let error): return .failed("expected invalid, but it does not decode: \(error)")
            case .valid: return .failed("expected invalid, but it validates")
            case .unexpected(let error): return .failed("unexpected error type: \(error)")
            }
        case "assert_unlinkable", "assert_uninstantiable":
            guard let bytes = binary(of: command, in: directory) else { return skippedOrMissing(command) }
            let module: Module
            switch ModuleCheck(bytes) {
            case .valid(let valid): module = valid
            case .malformed(let error as Error), .invalid(let error as Error), .unexpected(let error):
                return .failed("expected a valid module, got \(error)")
            }
            guard let engine else { return .skipped(SkipReason.needsInterpreter) }
            let expectsLinkFailure = command.type == "assert_unlinkable"
            do {
                try engine.instantiate(module, name: nil)
                return .failed("instantiation succeeded, expected \(expectsLinkFailure ? "a link failure" : "a trap")")
            } catch .unlinkable(let message) where expectsLinkFailure {
                expectMessage(message)
                return .passed
            } catch .trap(let message) where !expectsLinkFailure {
                expectMessage(message)
                return .passed
            } catch {
                return .failed("expected \(expectsLinkFailure ? "a link failure" : "a trap"), got \(error)")
            }
        case "register":
            guard let engine else { return .skipped(SkipReason.needsInterpreter) }
            guard let alias = command.as else { return .failed("register without a name") }
            do {
                try engine.register(name: command.name, as: alias)
                return .passed
            } catch {
                return .failed("register failed: \(error)")
            }
        case "action", "assert_return", "assert_trap", "assert_exhaustion":
            guard let action = command.action else { return .failed("\(command.type) without an action") }
            guard let engine else { return .skipped(SkipReason.needsInterpreter) }
            return runAction(action, of: command, on: engine, expectMessage: expectMessage)
        default:
            return .skipped("unsupported command \(command.type)")
        }
    }

    /// `module`: decode, validate and (with an engine) instantiate.
    private func runModule(_ command: SpecCommand, in directory: URL) -> SpecOutcome {
        guard let bytes = binary(of: command, in: directory) else { return skippedOrMissing(command) }
        switch ModuleCheck(bytes) {
        case .valid(let module):
            guard let engine else { return .passed }
            do {
                try engine.instantiate(module, name: command.name)
                return .passed
            } catch {
                return .failed("instantiation failed: \(error)")
            }
        case .malformed(let error as Error), .invalid(let error as Error), .unexpected(let error):
            return .failed("expected a valid module, got \(error)")
        }
    }

    /// `action`, `assert_return`, `assert_trap`, `assert_exhaustion`: perform the action and
    /// compare its results or its failure with the expectation.
    private func runAction(_ action: SpecAction, of command: SpecCommand, on engine: SpecEngine,
                           expectMessage: (String) -> Void) -> SpecOutcome {
        let arguments: [SpecValue]
        let expected: [SpecExpectedValue]
        do {
            arguments = try (action.args ?? []).map { (json) throws(SpecValueError) in try SpecValue(json: json) }
            expected = try (command.expected ?? []).map { (json) throws(SpecValueError) in try SpecExpectedValue(json: json) }
        } catch {
            return .skipped(error.description)
        }
        let results: [SpecValue]
        do {
            switch action.type {
            case "invoke": results = try engine.invoke(module: action.module, field: action.field, arguments: arguments)
            case "get": results = [try engine.get(module: action.module, field: action.field)]
            default: return .skipped("unsupported action \(action.type)")
            }
        } catch .trap(let message) where command.type == "assert_trap" {
            expectMessage(message)
            return .passed
        } catch .exhaustion(let message) where command.type == "assert_exhaustion" {
            expectMessage(message)
            return .passed
        } catch {
            return .failed("\(action.type) \(action.field): \(error)")
        }
        switch command.type {
        case "assert_trap": return .failed("\(action.field) returned \(results), expected a trap")
        case "assert_exhaustion": return .failed("\(action.field) returned \(results), expected exhaustion")
        case "assert_return":
            guard results.count == expected.count, zip(expected, results).allSatisfy({ $0.matches($1) }) else {
                return .failed("\(action.field) returned \(results), expected \(expected)")
            }
            return .passed
        default:
            return .passed
        }
    }

    /// The bytes of the command's binary module, or `nil` if it only has a text module.
    /// A text `module` with a `binary_filename` uses that binary.
    private func binary(of command: SpecCommand, in directory: URL) -> [UInt8]? {
        let filename = command.moduleType == "text" ? command.binaryFilename : command.filename
        guard let filename, filename.hasSuffix(".wasm"),
              let data = try? Data(contentsOf: directory.appendingPathComponent(filename))
        else { return nil }
        return [UInt8](data)
    }

    /// The outcome when `binary(of:in:)` found no module: a text module is skipped, a missing
    /// binary file is a failure.
    private func skippedOrMissing(_ command: SpecCommand) -> SpecOutcome {
        if command.moduleType == "text" || command.filename?.hasSuffix(".wat") == true {
            return .skipped(SkipReason.textFormat)
        }
        return .failed("module file \(command.filename ?? "(none)") missing or unreadable")
    }
}

/// The result of decoding (§5) and validating (§3) a module's bytes. The validator decodes
/// function bodies as it goes, so a `DecodingError` can come from either step: both mean the
/// binary is malformed.
enum ModuleCheck {
    case valid(Module)
    case malformed(DecodingError)
    case invalid(ValidationError)
    /// Any other error: always a bug, decoder and validator throw only the two above.
    case unexpected(any Error)

    init(_ bytes: [UInt8]) {
        do {
            let module = try Module(binary: bytes)
            try module.validate()
            self = .valid(module)
        } catch let error as DecodingError {
            self = .malformed(error)
        } catch let error as ValidationError {
            self = .invalid(error)
        } catch {
            self = .unexpected(error)
        }
    }
}
