// WASI preview1 › directory listing: fd_readdir. The guest passes a buffer and a cookie (0 to
// start, else the `d_next` of the last entry it got); the host fills the buffer with
// `dirent` headers (24 bytes: d_next u64 @0, d_ino u64 @8, d_namlen u32 @16, d_type u8 @20),
// each followed by the name without NUL. The last entry may be cut short at the buffer's end:
// a full buffer tells the guest to call again from its last complete entry.

import Glibc

/// One entry of a directory listing.
struct DirectoryEntry {
    let inode: UInt64
    let type: WASIFileType
    let name: [UInt8]
}

extension WASI {
    static let directoryFunctions: [WASIFunctionDefinition] = [
        // fd_readdir(fd, buf, buf_len, cookie, bufused_ptr)
        .init("fd_readdir", [.i32, .i32, .i32, .i64, .i32]) { wasi, call in
            let output = try call.memory.buffer(at: call.u32(1), count: Int(call.u32(2)))
            _ = try call.memory.buffer(at: call.u32(4), count: 4)
            let cookie = call.u64(3)
            // The listing is read from the host when a listing starts (cookie 0), and kept for
            // the calls that continue it: cookies are positions in it (entry i has d_next i+1).
            try wasi.files.update(call.u32(0)) { file in
                guard file.type == .directory else { throw WASIErrno.notdir }
                if cookie == 0 || file.directoryListing.isEmpty { file.directoryListing = try listDirectory(file.hostFd) }
            }
            let listing = try wasi.files[call.u32(0)].directoryListing
            var used = 0
            var index = Int(clamping: cookie)
            while index < listing.count, used < output.count {
                let entry = listing[index]
                var header = [UInt8](repeating: 0, count: 24)
                header.withUnsafeMutableBytes { bytes in
                    bytes.storeBytes(of: UInt64(index + 1).littleEndian, toByteOffset: 0, as: UInt64.self)
                    bytes.storeBytes(of: entry.inode.littleEndian, toByteOffset: 8, as: UInt64.self)
                    bytes.storeBytes(of: UInt32(entry.name.count).littleEndian, toByteOffset: 16, as: UInt32.self)
                    bytes[20] = entry.type.rawValue
                }
                for part in [header, entry.name] {
                    let count = min(part.count, output.count - used)
                    part.withUnsafeBytes { source in
                        UnsafeMutableRawBufferPointer(rebasing: output[used..<used + count])
                            .copyMemory(from: UnsafeRawBufferPointer(rebasing: source[..<count]))
                    }
                    used += count
                }
                index += 1
            }
            try call.memory.store(UInt32(used), at: call.u32(4))
        },
    ]

    /// The entries of the host directory `directory` (`.` and `..` included, in the host's
    /// order), read through a descriptor of its own so that `directory` stays untouched.
    private static func listDirectory(_ directory: Int32) throws -> [DirectoryEntry] {
        let fd = try hostCall { openat(directory, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard let stream = fdopendir(fd) else {
            close(fd)
            throw WASIErrno.lastHostError
        }
        defer { closedir(stream) }
        var entries: [DirectoryEntry] = []
        errno = 0
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            entries.append(DirectoryEntry(inode: UInt64(entry.pointee.d_ino), type: fileType(direntType: entry.pointee.d_type), name: name))
        }
        if errno != 0 { throw WASIErrno.lastHostError }
        return entries
    }

    /// The WASI type of a host `d_type`.
    private static func fileType(direntType: UInt8) -> WASIFileType {
        switch Int32(direntType) {
        case Int32(DT_BLK): .blockDevice
        case Int32(DT_CHR): .characterDevice
        case Int32(DT_DIR): .directory
        case Int32(DT_REG): .regularFile
        case Int32(DT_SOCK): .socketStream
        case Int32(DT_LNK): .symbolicLink
        default: .unknown
        }
    }
}
