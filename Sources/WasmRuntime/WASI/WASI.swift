// WASI preview1 (`wasi_snapshot_preview1`): the system interface a WebAssembly command or
// library compiled for wasm32-wasi imports. One `WASI` object is the host side for one
// guest: its arguments, environment, clocks and descriptor table. The functions themselves
// are in the files of this folder by area; WASIModule.swift lists them and defines them as
// host functions.

import Glibc
import WasmCore

/// Thrown by `proc_exit`: unwinds every WebAssembly frame up to the host code that called
/// into the guest (`runCommand` turns it into the exit code).
public struct WASIExit: Error, Equatable, CustomStringConvertible {
    /// The guest's exit status.
    public let code: Int32

    public init(code: Int32) { self.code = code }

    public var description: String { "WebAssembly program exited with code \(code)" }
}

/// A failure to set up WASI or to run a command (not the guest's own errors, which are
/// WASI errno results).
public struct WASIError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// The host side of WASI preview1 for one guest. Use it from one thread at a time, like the
/// store it is defined in.
public final class WASI {
    /// `arguments`, each UTF-8 and NUL-terminated, as `args_get` copies them.
    let encodedArguments: [[UInt8]]
    /// `NAME=value` entries, each UTF-8 and NUL-terminated, as `environ_get` copies them.
    let encodedEnvironment: [[UInt8]]
    let files = FileDescriptorTable()

    /// Sets up the descriptor table: 0–2 are the configured standard streams, then each
    /// preopened directory in order (3, 4, …). Throws `WASIError` when a preopen is not a
    /// directory that can be opened.
    public init(_ configuration: WASIConfiguration) throws {
        func encode(_ string: String) -> [UInt8] { Array(string.utf8) + [0] }
        encodedArguments = configuration.arguments.map(encode)
        encodedEnvironment = configuration.environment.map { encode("\($0.0)=\($0.1)") }

        for hostFd in [configuration.stdin, configuration.stdout, configuration.stderr] {
            var status = stat()
            let type = fstat(hostFd, &status) == 0 ? WASIFileType(mode: status.st_mode) : .unknown
            // libc's isatty() takes a character device without seek and tell rights for a
            // terminal, so a terminal is reported without them.
            let rights: WASIRights = isatty(hostFd) == 1 ? WASIRights.file.subtracting([.fdSeek, .fdTell]) : .file
            _ = files.insert(OpenFile(hostFd: hostFd, ownsHostFd: false, type: type, rightsBase: rights,
                                      rightsInheriting: [], preopenName: nil))
        }
        for (hostPath, guestPath) in configuration.preopens {
            let fd = open(hostPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else {
                throw WASIError(message: "cannot open directory \(hostPath): \(String(cString: strerror(errno)))")
            }
            _ = files.insert(OpenFile(hostFd: fd, ownsHostFd: true, type: .directory, rightsBase: .directory,
                                      rightsInheriting: WASIRights.directory.union(.file), preopenName: guestPath))
        }
    }

    /// Runs a WASI command (§ "command" in the WASI application ABI): calls its exported
    /// `_start` and returns the exit code: 0 when `_start` returns, the code given to
    /// `proc_exit` otherwise. Traps and other errors are rethrown.
    public func runCommand(_ instance: Instance) throws -> Int32 {
        guard let start = instance.function("_start") else {
            throw WASIError(message: "the module has no exported function _start (not a WASI command)")
        }
        guard start.type == FuncType(parameters: [], results: []) else {
            throw WASIError(message: "_start has type \(start.type), expected [] -> []")
        }
        do {
            try start.call([])
            return 0
        } catch let exit as WASIExit {
            return exit.code
        }
    }
}
