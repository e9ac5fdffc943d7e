// WASI preview1 › paths: path_open, path_filestat_get, path_filestat_set_times,
// path_create_directory, path_remove_directory, path_unlink_file, path_rename, path_link,
// path_symlink, path_readlink. Every path is relative to a directory descriptor and confined
// to it by PathResolver (PathResolution.swift); the host call then works on the resolved
// directory and last component, never following a symbolic link itself.

import Glibc

/// WASI `oflags` of path_open.
private struct OpenFlags: OptionSet {
    let rawValue: UInt32
    static let create = OpenFlags(rawValue: 1 << 0)
    static let directory = OpenFlags(rawValue: 1 << 1)
    static let exclusive = OpenFlags(rawValue: 1 << 2)
    static let truncate = OpenFlags(rawValue: 1 << 3)
}

/// WASI `lookupflags.symlink_follow`: a symbolic link as last component is followed.
private let followSymbolicLinks: UInt32 = 1

extension WASI {
    static let pathFunctions: [WASIFunctionDefinition] = [
        // path_open(fd, dirflags, path, path_len, oflags, rights_base, rights_inheriting,
        //           fdflags, fd_ptr)
        .init("path_open", [.i32, .i32, .i32, .i32, .i32, .i64, .i64, .i32, .i32]) { wasi, call in
            _ = try call.memory.buffer(at: call.u32(8), count: 4)
            let path = try wasi.resolve(call, directory: 0, path: 2, follow: call.u32(1) & followSymbolicLinks != 0)
            let fd = try wasi.open(path, flags: OpenFlags(rawValue: call.u32(4)),
                                   rights: WASIRights(rawValue: call.u64(5)), inheriting: WASIRights(rawValue: call.u64(6)),
                                   descriptorFlags: WASIDescriptorFlags(rawValue: UInt16(truncatingIfNeeded: call.u32(7))))
            try call.memory.store(fd, at: call.u32(8))
        },
        // path_filestat_get(fd, flags, path, path_len, filestat_ptr)
        .init("path_filestat_get", [.i32, .i32, .i32, .i32, .i32]) { wasi, call in
            let path = try wasi.resolve(call, directory: 0, path: 2, follow: call.u32(1) & followSymbolicLinks != 0)
            try path.checkDirectorySuffix()
            try storeFilestat(path.status(), at: call.u32(4), in: call.memory)
        },
        // path_filestat_set_times(fd, flags, path, path_len, atim, mtim, fst_flags)
        .init("path_filestat_set_times", [.i32, .i32, .i32, .i32, .i64, .i64, .i32]) { wasi, call in
            let path = try wasi.resolve(call, directory: 0, path: 2, follow: call.u32(1) & followSymbolicLinks != 0)
            var times = try hostTimes(access: call.u64(4), modification: call.u64(5), flags: call.u32(6))
            try path.checkDirectorySuffix()
            try hostCall { utimensat(path.directory, path.name, &times, AT_SYMLINK_NOFOLLOW) }
        },
        // path_create_directory(fd, path, path_len)
        .init("path_create_directory", [.i32, .i32, .i32]) { wasi, call in
            let path = try wasi.resolve(call, directory: 0, path: 1, follow: false)
            try hostCall { mkdirat(path.directory, path.name, 0o777) }
        },
        // path_remove_directory(fd, path, path_len)
        .init("path_remove_directory", [.i32, .i32, .i32]) { wasi, call in
            let path = try wasi.resolve(call, directory: 0, path: 1, follow: false)
            try hostCall { unlinkat(path.directory, path.name, AT_REMOVEDIR) }
        },
        // path_unlink_file(fd, path, path_len)
        .init("path_unlink_file", [.i32, .i32, .i32]) { wasi, call in
            let path = try wasi.resolve(call, directory: 0, path: 1, follow: false)
            try path.checkDirectorySuffix()
            try hostCall { unlinkat(path.directory, path.name, 0) }
        },
        // path_rename(fd, old_path, old_path_len, new_fd, new_path, new_path_len)
        .init("path_rename", [.i32, .i32, .i32, .i32, .i32, .i32]) { wasi, call in
            let old = try wasi.resolve(call, directory: 0, path: 1, follow: false)
            let new = try wasi.resolve(call, directory: 3, path: 4, follow: false)
            try old.checkDirectorySuffix()
            if new.mustBeDirectory, WASIFileType(mode: try old.status().st_mode) != .directory { throw WASIErrno.notdir }
            try hostCall { renameat(old.directory, old.name, new.directory, new.name) }
        },
        // path_link(old_fd, old_flags, old_path, old_path_len, new_fd, new_path, new_path_len)
        .init("path_link", [.i32, .i32, .i32, .i32, .i32, .i32, .i32]) { wasi, call in
            let old = try wasi.resolve(call, directory: 0, path: 2, follow: call.u32(1) & followSymbolicLinks != 0)
            let new = try wasi.resolve(call, directory: 4, path: 5, follow: false)
            try hostCall { linkat(old.directory, old.name, new.directory, new.name, 0) }
        },
        // path_symlink(old_path, old_path_len, fd, new_path, new_path_len): the link's text is
        // stored as given; following it later is confined like any path.
        .init("path_symlink", [.i32, .i32, .i32, .i32, .i32]) { wasi, call in
            let target = try call.memory.string(at: call.u32(0), count: call.u32(1))
            let link = try wasi.resolve(call, directory: 2, path: 3, follow: false)
            try hostCall { symlinkat(target, link.directory, link.name) }
        },
        // path_readlink(fd, path, path_len, buf, buf_len, bufused_ptr): the link's text,
        // truncated to the buffer, without NUL.
        .init("path_readlink", [.i32, .i32, .i32, .i32, .i32, .i32]) { wasi, call in
            let link = try wasi.resolve(call, directory: 0, path: 1, follow: false)
            let output = try call.memory.buffer(at: call.u32(3), count: Int(call.u32(4)))
            _ = try call.memory.buffer(at: call.u32(5), count: 4)
            var target = [UInt8](repeating: 0, count: Int(PATH_MAX))
            let length = try hostCall { readlinkat(link.directory, link.name, &target, target.count) }
            let copied = min(length, output.count)
            target.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: output[..<copied]).copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[..<copied])) }
            try call.memory.store(UInt32(copied), at: call.u32(5))
        },
    ]

    /// Resolves the path given by arguments `path` (pointer) and `path + 1` (length) inside
    /// the directory descriptor given by argument `directory`.
    private func resolve(_ call: WASICall, directory: Int, path: Int, follow: Bool) throws -> ResolvedPath {
        let base = try files[call.u32(directory)]
        let text = try call.memory.string(at: call.u32(path), count: call.u32(path + 1))
        guard base.type == .directory else { throw WASIErrno.notdir }
        return try PathResolver.resolve(text, in: base.hostFd, followFinalLink: follow)
    }

    /// Opens a resolved path and returns the new guest descriptor. The host access mode
    /// follows the rights asked for: any reading right → read, any writing right → write.
    private func open(_ path: ResolvedPath, flags: OpenFlags, rights: WASIRights, inheriting: WASIRights,
                      descriptorFlags: WASIDescriptorFlags) throws -> UInt32 {
        var hostFlags = O_CLOEXEC | O_NOFOLLOW | descriptorFlags.hostFlags
        if flags.contains(.create) { hostFlags |= O_CREAT }
        if flags.contains(.directory) || path.mustBeDirectory { hostFlags |= O_DIRECTORY }
        if flags.contains(.exclusive) { hostFlags |= O_EXCL }
        if flags.contains(.truncate) { hostFlags |= O_TRUNC }
        let reads = !rights.isDisjoint(with: .reading), writes = !rights.isDisjoint(with: .writing)
        if writes && !flags.contains(.directory) {
            hostFlags |= reads ? O_RDWR : O_WRONLY
        } else {
            hostFlags |= O_RDONLY
        }
        let hostFd = try hostCall { openat(path.directory, path.name, hostFlags, 0o666) }
        var status = stat()
        guard fstat(hostFd, &status) == 0 else {
            let error = WASIErrno.lastHostError
            close(hostFd)
            throw error
        }
        let type = WASIFileType(mode: status.st_mode)
        let applicable: WASIRights = type == .directory ? .directory : .file
        return files.insert(OpenFile(hostFd: hostFd, ownsHostFd: true, type: type,
                                     rightsBase: rights.intersection(applicable), rightsInheriting: inheriting,
                                     preopenName: nil))
    }
}
