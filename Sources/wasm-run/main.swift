// wasm-run: the command line of the wasm-redis WebAssembly runtime.
// Each subcommand lives in its own file; this one only dispatches.

import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let subcommandArguments = Array(arguments.dropFirst())
let status: Int32
switch arguments.first {
case "spectest": status = SpecTestCommand.run(subcommandArguments)
case "validate": status = ValidateCommand.run(subcommandArguments)
case "bench-decode": status = BenchDecodeCommand.run(subcommandArguments)
case "--help", "-h", "help":
    print(Usage.text)
    status = 0
case let first? where !first.hasPrefix("-") || ["--dir", "--env", "--invoke", "--profile"].contains(first):
    status = RunCommand.run(arguments)
default:
    printError(Usage.text)
    status = 2
}
exit(status)
