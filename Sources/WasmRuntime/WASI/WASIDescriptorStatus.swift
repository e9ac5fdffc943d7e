// WASI preview1 › descriptor status: fd_fdstat_get, fd_fdstat_set_flags,
// fd_fdstat_set_rights, fd_filestat_get, fd_filestat_set_size, fd_filestat_set_times,
// fd_prestat_get, fd_prestat_dir_name. Layouts (witx): `fdstat` 24 bytes { filetype u8 @0,
// flags u16 @2, rights_base u64 @8, rights_inheriting u64 @16 }; `filestat` 64 bytes
// { dev @0, ino @8, filetype u8 @16, nlink @24, size @32, atim @40, mtim @48, ctim @56 };
// `prestat` 8 bytes { tag u8 @0 (0 = dir), name_len u32 @4 }.

import Glibc

/// WASI `fdflags`.
struct WASIDescriptorFlags: OptionSet {
    let rawValue: UInt16
    init(rawValue: UInt16) { self.rawValue = rawValue }

    static let append = WASIDescriptorFlags(rawValue: 1 << 0)
    static let dsync = WASIDescriptorFlags(rawValue: 1 << 1)
    static let nonblock = WASIDescriptorFlags(rawValue: 1 << 2)
    static let rsync = WASIDescriptorFlags(rawValue: 1 << 3)
    static let sync = WASIDescriptorFlags(rawValue: 1 << 4)

    /// The host open(2) flags for these.
    var hostFlags: Int32 {
        var flags: Int32 = 0
        if contains(.append) { flags |= O_APPEND }
        if contains(.dsync) { flags |= O_DSYNC }
        if contains(.nonblock) { flags |= O_NONBLOCK }
        if contains(.rsync) { flags |= O_RSYNC }
        if contains(.sync) { flags |= O_SYNC }
        return flags
    }

    /// The flags of host status flags `flags` (F_GETFL). On Linux O_RSYNC is O_SYNC, which
    /// includes O_DSYNC: `sync` is reported alone.
    init(hostFlags flags: Int32) {
        self = []
        if flags & O_APPEND != 0 { insert(.append) }
        if flags & O_NONBLOCK != 0 { insert(.nonblock) }
        if flags & O_SYNC == O_SYNC { insert(.sync) } else if flags & O_DSYNC != 0 { insert(.dsync) }
    }
}

extension WASI {
    static let descriptorStatusFunctions: [WASIFunctionDefinition] = [
        // fd_fdstat_get(fd, fdstat_ptr)
        .init("fd_fdstat_get", [.i32, .i32]) { wasi, call in
            let file = try wasi.files[call.u32(0)]
            let status = try call.memory.buffer(at: call.u32(1), count: 24)
            let flags = try hostCall { fcntl(file.hostFd, F_GETFL) }
            status.initializeMemory(as: UInt8.self, repeating: 0)
            try call.memory.store(file.type.rawValue, at: call.u32(1))
            try call.memory.store(WASIDescriptorFlags(hostFlags: flags).rawValue, at: call.u32(1) + 2)
            try call.memory.store(file.rightsBase.rawValue, at: call.u32(1) + 8)
            try call.memory.store(file.rightsInheriting.rawValue, at: call.u32(1) + 16)
        },
        // fd_fdstat_set_flags(fd, flags): append and nonblock can change; Linux cannot change
        // the sync flags of an open descriptor (`notsup`).
        .init("fd_fdstat_set_flags", [.i32, .i32]) { wasi, call in
            let file = try wasi.files[call.u32(0)]
            let requested = WASIDescriptorFlags(rawValue: UInt16(truncatingIfNeeded: call.u32(1)))
            guard requested.isSubset(of: [.append, .nonblock]) else { throw WASIErrno.notsup }
            let current = try hostCall { fcntl(file.hostFd, F_GETFL) }
            try hostCall { fcntl(file.hostFd, F_SETFL, current & ~(O_APPEND | O_NONBLOCK) | requested.hostFlags) }
        },
        // fd_fdstat_set_rights(fd, base, inheriting): rights can only be dropped.
        .init("fd_fdstat_set_rights", [.i32, .i64, .i64]) { wasi, call in
            let base = WASIRights(rawValue: call.u64(1)), inheriting = WASIRights(rawValue: call.u64(2))
            try wasi.files.update(call.u32(0)) { file in
                guard base.isSubset(of: file.rightsBase), inheriting.isSubset(of: file.rightsInheriting) else {
                    throw WASIErrno.notcapable
                }
                file.rightsBase = base
                file.rightsInheriting = inheriting
            }
        },
        // fd_filestat_get(fd, filestat_ptr)
        .init("fd_filestat_get", [.i32, .i32]) { wasi, call in
            let file = try wasi.files[call.u32(0)]
            var status = stat()
            try hostCall { fstat(file.hostFd, &status) }
            try storeFilestat(status, at: call.u32(1), in: call.memory)
        },
        // fd_filestat_set_size(fd, size)
        .init("fd_filestat_set_size", [.i32, .i64]) { wasi, call in
            let file = try wasi.files[call.u32(0)]
            guard call.u64(1) <= UInt64(off_t.max) else { throw WASIErrno.inval }
            try hostCall { ftruncate(file.hostFd, off_t(call.u64(1))) }
        },
        // fd_filestat_set_times(fd, atim, mtim, fst_flags)
        .init("fd_filestat_set_times", [.i32, .i64, .i64, .i32]) { wasi, call in
            let file = try wasi.files[call.u32(0)]
            var times = try hostTimes(access: call.u64(1), modification: call.u64(2), flags: call.u32(3))
            try hostCall { futimens(file.hostFd, &times) }
        },
        // fd_prestat_get(fd, prestat_ptr): `badf` for a descriptor that is not a preopen, which
        // is how libc finds the end of the preopens.
        .init("fd_prestat_get", [.i32, .i32]) { wasi, call in
            guard let name = try wasi.files[call.u32(0)].preopenName else { throw WASIErrno.badf }
            _ = try call.memory.buffer(at: call.u32(1), count: 8)
            try call.memory.store(UInt32(0), at: call.u32(1))  // tag `dir`, padding
            try call.memory.store(UInt32(name.utf8.count), at: call.u32(1) + 4)
        },
        // fd_prestat_dir_name(fd, path, path_len): the name, without NUL.
        .init("fd_prestat_dir_name", [.i32, .i32, .i32]) { wasi, call in
            guard let name = try wasi.files[call.u32(0)].preopenName else { throw WASIErrno.badf }
            let bytes = Array(name.utf8)
            guard bytes.count <= call.u32(2) else { throw WASIErrno.nametoolong }
            try bytes.withUnsafeBytes { try call.memory.write($0, at: call.u32(1)) }
        },
    ]

    /// Writes a `filestat` for host metadata `status`.
    static func storeFilestat(_ status: stat, at address: UInt32, in memory: GuestMemory) throws {
        let buffer = try memory.buffer(at: address, count: 64)
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        try memory.store(UInt64(status.st_dev), at: address)
        try memory.store(UInt64(status.st_ino), at: address + 8)
        try memory.store(WASIFileType(mode: status.st_mode).rawValue, at: address + 16)
        try memory.store(UInt64(status.st_nlink), at: address + 24)
        try memory.store(UInt64(max(status.st_size, 0)), at: address + 32)
        try memory.store(status.st_atim.nanoseconds, at: address + 40)
        try memory.store(status.st_mtim.nanoseconds, at: address + 48)
        try memory.store(status.st_ctim.nanoseconds, at: address + 56)
    }

    /// The host's (access, modification) times for utimensat/futimens from WASI `fstflags`:
    /// bit 0 set access time, 1 access time now, 2 set modification time, 3 modification
    /// time now; a time neither set nor "now" is left alone. Both bits of one time: `inval`.
    static func hostTimes(access: UInt64, modification: UInt64, flags: UInt32) throws -> [timespec] {
        // Linux's UTIME_NOW and UTIME_OMIT (macros Swift does not import).
        let now = (1 << 30) - 1, omit = (1 << 30) - 2
        func time(_ value: UInt64, set: UInt32, setNow: UInt32) throws -> timespec {
            switch (flags & set != 0, flags & setNow != 0) {
            case (true, true): throw WASIErrno.inval
            case (true, false): return timespec(nanoseconds: value)
            case (false, true): return timespec(tv_sec: 0, tv_nsec: now)
            case (false, false): return timespec(tv_sec: 0, tv_nsec: omit)
            }
        }
        guard flags & ~0xF == 0 else { throw WASIErrno.inval }
        return [try time(access, set: 1, setNow: 2), try time(modification, set: 4, setNow: 8)]
    }
}
