// The command line of `wasm-run` running a program (RunCommand) or one of its exports
// (InvokeCommand):
//   wasm-run [--dir HOST[:GUEST]]... [--env NAME=VALUE]... [--profile] [--invoke NAME] FILE.wasm [ARGS...]
// Options come before FILE; everything after FILE belongs to the program.

/// The parsed options of a run.
struct ProgramOptions {
    /// Host directories to preopen, and the names the guest sees them under.
    var preopens: [(hostPath: String, guestPath: String)] = []
    var environment: [(String, String)] = []
    /// The export to call instead of running `_start`.
    var invoke: String?
    /// Profile the run (`Store.profile`) and print the report at the end.
    var profile = false
    var file = ""
    /// The program's arguments (for `--invoke`: the export's arguments).
    var arguments: [String] = []

    /// Parses `arguments` (without the program name); throws a one-line message.
    init(parsing arguments: [String]) throws {
        var remaining = arguments[...]
        func value(of option: String) throws -> String {
            guard let value = remaining.popFirst() else { throw UsageError("\(option) needs a value") }
            return value
        }
        while let option = remaining.first, option.hasPrefix("-") {
            remaining.removeFirst()
            switch option {
            case "--dir":
                let spec = try value(of: option)
                if let colon = spec.firstIndex(of: ":") {
                    preopens.append((String(spec[..<colon]), String(spec[spec.index(after: colon)...])))
                } else {
                    preopens.append((spec, spec))
                }
            case "--env":
                let spec = try value(of: option)
                guard let equals = spec.firstIndex(of: "="), equals != spec.startIndex else {
                    throw UsageError("--env needs NAME=VALUE, got '\(spec)'")
                }
                environment.append((String(spec[..<equals]), String(spec[spec.index(after: equals)...])))
            case "--invoke":
                invoke = try value(of: option)
            case "--profile":
                profile = true
            default:
                throw UsageError("unknown option \(option)")
            }
        }
        guard let file = remaining.popFirst() else { throw UsageError("no FILE.wasm given") }
        self.file = file
        self.arguments = Array(remaining)
    }
}

/// A wrong command line, or input that cannot be run: reported as one line.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
