// The usage text of wasm-run, and output helpers shared by the subcommands.

import Foundation

enum Usage {
    static let text = """
        usage: wasm-run <command> [arguments]
               wasm-run [--dir HOST[:GUEST]]... [--env NAME=VALUE]... [--profile] FILE.wasm [ARGS...]
               wasm-run [--dir ...] [--env ...] [--profile] --invoke NAME FILE.wasm [ARGS...]

        Runs a WASI command (its _start) with WASI preview1: --dir makes a host directory
        available under GUEST (default: HOST), --env sets a variable; exit status = the
        program's exit code, 134 after a trap (message and backtrace on stderr), 2 for a
        command line or module that cannot run. --invoke calls the export NAME with ARGS
        (i32/i64/f32/f64 in decimal) and prints its results, one per line. --profile runs an
        instrumented interpreter and prints on stderr, at the end, the executed internal
        instructions by opcode and each function's calls, instructions and self time.

        commands:
          spectest [-v] [PATH...]   run the WebAssembly spec tests (JSON form). PATH is a .json script
                                    or a folder of them; default: json/core-2.0 in $WASM_TESTSUITE,
                                    else in ../shared/wasm-testsuite next to the package root.
                                    -v lists error messages that differ from the expected text.
          validate FILE.wasm        decode and validate a module; print its summary or the error
          bench-decode [-n N] PATH  decode + validate every valid .wasm under PATH, N passes per run
                                    (default 100), 5 runs; print MB and the median MB/s
          --help                    this text
        """
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Reads a whole file as bytes.
func readBytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}
