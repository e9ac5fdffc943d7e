// WASI preview1 › process: proc_exit ends the command. It does not return: it throws
// `WASIExit`, which unwinds every WebAssembly frame up to the host that called in (for a
// command, `runCommand`, which returns the code).

extension WASI {
    static let processFunctions: [WASIFunctionDefinition] = [
        // proc_exit(rval): no result, not even an errno.
        .init("proc_exit", [.i32], returnsErrno: false) { _, call in
            throw WASIExit(code: Int32(bitPattern: call.u32(0)))
        },
    ]
}
