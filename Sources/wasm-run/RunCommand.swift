// `wasm-run [--dir HOST[:GUEST]]... [--env NAME=VALUE]... FILE.wasm [ARGS...]`: runs a WASI
// command (its `_start`) with WASI preview1; the exit status is the program's exit code.
// With `--invoke NAME` it calls an export instead (InvokeCommand.swift).

import Foundation
import WasmCore
import WasmRuntime

enum RunCommand {
    /// Exit status of `wasm-run` when the program trapped (as an aborted process, 128 + SIGABRT).
    static let trapStatus: Int32 = 134
    /// Exit status when the command line or the module is wrong, so nothing ran.
    static let badInputStatus: Int32 = 2

    static func run(_ arguments: [String]) -> Int32 {
        let options: ProgramOptions
        do {
            options = try ProgramOptions(parsing: arguments)
        } catch {
            printError("wasm-run: \(error) (see wasm-run --help)")
            return badInputStatus
        }
        if options.invoke != nil { return InvokeCommand.run(options) }
        var profile: ExecutionProfile?
        defer { if let profile { printError(profile.report()) } }
        return exitStatus {
            // argv[0] is the file as given, like a shell gives a program its own name.
            let program = try LoadedProgram(options, guestArguments: [options.file] + options.arguments)
            profile = program.profile
            return try program.wasi.runCommand(program.instance)
        }
    }

    /// Runs `body` and turns its outcome into `wasm-run`'s exit status: the code it returns or
    /// that the program gave `proc_exit`; a one-line message and `badInputStatus` for input
    /// that cannot run; the trap's message and backtrace and `trapStatus` for a trap.
    static func exitStatus(_ body: () throws -> Int32) -> Int32 {
        do {
            return processStatus(try body())
        } catch let exit as WASIExit {
            return processStatus(exit.code)
        } catch let trap as Trap {
            printError("wasm-run: trap: \(trap)")
            return trapStatus
        } catch {
            printError("wasm-run: \(error)")
            return badInputStatus
        }
    }

    /// A process exit status keeps 8 bits; an exit code that is not 0 stays non-zero.
    static func processStatus(_ code: Int32) -> Int32 {
        let status = code & 0xFF
        return status == 0 && code != 0 ? 1 : status
    }
}

/// A module decoded, validated and instantiated with WASI preview1 as its imports.
struct LoadedProgram {
    let wasi: WASI
    let instance: Instance
    /// The profile being recorded, with `--profile`.
    let profile: ExecutionProfile?

    /// Throws `UsageError` (one line) when the file cannot be read, is not a valid module,
    /// asks for imports WASI does not provide, or a preopen cannot be opened; a `Trap` when
    /// its start function traps.
    init(_ options: ProgramOptions, guestArguments: [String]) throws {
        let path = options.file
        guard FileManager.default.fileExists(atPath: path) else { throw UsageError("\(path): no such file") }
        let module: ValidatedModule
        do {
            module = try ValidatedModule(binary: readBytes(path))
        } catch let error as DecodingError {
            throw UsageError("\(path): \(error)")
        } catch let error as ValidationError {
            throw UsageError("\(path): \(error)")
        } catch {
            throw UsageError("\(path): cannot read: \(error.localizedDescription)")
        }
        do {
            wasi = try WASI(WASIConfiguration(arguments: guestArguments, environment: options.environment,
                                              preopens: options.preopens))
        } catch {
            throw UsageError("\(error)")
        }
        let store = Store()
        profile = options.profile ? ExecutionProfile() : nil
        store.profile = profile
        var imports = Imports()
        wasi.define(in: &imports, store: store)
        do {
            instance = try store.instantiate(module, imports: imports)
        } catch let error as LinkError {
            throw UsageError("\(path): \(error)")
        }
    }
}
