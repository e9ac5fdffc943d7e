// WASI preview1 › command-line arguments and environment variables: args_sizes_get,
// args_get, environ_sizes_get, environ_get. The guest asks for the sizes, allocates, then
// has the strings (NUL-terminated) and an array of pointers to them written.

extension WASI {
    static let argumentAndEnvironmentFunctions: [WASIFunctionDefinition] = [
        .init("args_sizes_get", [.i32, .i32]) { wasi, call in
            try wasi.writeSizes(of: wasi.encodedArguments, countAt: call.u32(0), bufferSizeAt: call.u32(1), in: call.memory)
        },
        .init("args_get", [.i32, .i32]) { wasi, call in
            try wasi.writeStrings(wasi.encodedArguments, pointersAt: call.u32(0), bufferAt: call.u32(1), in: call.memory)
        },
        .init("environ_sizes_get", [.i32, .i32]) { wasi, call in
            try wasi.writeSizes(of: wasi.encodedEnvironment, countAt: call.u32(0), bufferSizeAt: call.u32(1), in: call.memory)
        },
        .init("environ_get", [.i32, .i32]) { wasi, call in
            try wasi.writeStrings(wasi.encodedEnvironment, pointersAt: call.u32(0), bufferAt: call.u32(1), in: call.memory)
        },
    ]

    /// Stores the number of strings and their total size in bytes (NULs included).
    private func writeSizes(of strings: [[UInt8]], countAt: UInt32, bufferSizeAt: UInt32, in memory: GuestMemory) throws {
        let total = strings.reduce(0) { $0 + $1.count }
        guard total <= UInt32.max else { throw WASIErrno.overflow }
        try memory.store(UInt32(strings.count), at: countAt)
        try memory.store(UInt32(total), at: bufferSizeAt)
    }

    /// Copies the strings one after another to `bufferAt` and their addresses to the array
    /// of u32 at `pointersAt`. Both areas are checked whole before anything is written.
    private func writeStrings(_ strings: [[UInt8]], pointersAt: UInt32, bufferAt: UInt32, in memory: GuestMemory) throws {
        let total = strings.reduce(0) { $0 + $1.count }
        guard total <= UInt32.max, strings.count <= UInt32.max / 4 else { throw WASIErrno.overflow }
        _ = try memory.buffer(at: pointersAt, count: strings.count * 4)
        _ = try memory.buffer(at: bufferAt, count: total)
        var pointer = pointersAt, offset = bufferAt
        for string in strings {
            try memory.store(offset, at: pointer)
            try string.withUnsafeBytes { try memory.write($0, at: offset) }
            pointer &+= 4
            offset &+= UInt32(string.count)
        }
    }
}
