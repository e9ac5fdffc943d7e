// WASI preview1 › descriptor I/O: fd_read, fd_write, fd_pread, fd_pwrite, fd_seek, fd_tell,
// fd_close, fd_renumber, fd_sync, fd_datasync, fd_advise, fd_allocate. Reads and writes go
// between the host descriptor and guest memory directly (readv/writev on buffers inside the
// memory), without an intermediate copy.

import Glibc

extension WASI {
    static let descriptorIOFunctions: [WASIFunctionDefinition] = [
        // fd_read(fd, iovs, iovs_len, nread_ptr)
        .init("fd_read", [.i32, .i32, .i32, .i32]) { wasi, call in
            let file = try wasi.files[call.u32(0)]
            try wasi.transfer(iovs: call.u32(1), count: call.u32(2), resultAt: call.u32(3), memory: call.memory) { vectors in
                readv(file.hostFd, vectors, Int32(vectors.count))
            }
        },
        // fd_write(fd, iovs, iovs_len, nwritten_ptr)
        .init("fd_write", [.i32, .i32, .i32, .i32]) { wasi, call in
            let file = try wasi.files[call.u32(0)]
            try wasi.transfer(iovs: call.u32(1), count: call.u32(2), resultAt: call.u32(3), memory: call.memory) { vectors in
                writev(file.hostFd, vectors, Int32(vectors.count))
            }
        },
        // fd_pread(fd, iovs, iovs_len, offset, nread_ptr): at an offset, the position unchanged.
        .init("fd_pread", [.i32, .i32, .i32, .i64, .i32]) { wasi, call in
            let file = try wasi.files[call.u32(0)]
            let offset = try WASI.fileOffset(call.u64(3))
            try wasi.transfer(iovs: call.u32(1), count: call.u32(2), resultAt: call.u32(4), memory: call.memory) { vectors in
                preadv(file.hostFd, vectors, Int32(vectors.count), offset)
            }
        },
        // fd_pwrite(fd, iovs, iovs_len, offset, nwritten_ptr)
        .init("fd_pwrite", [.i32, .i32, .i32, .i64, .i32]) { wasi, call in
            let file = try wasi.files[call.u32(0)]
            let offset = try WASI.fileOffset(call.u64(3))
            try wasi.transfer(iovs: call.u32(1), count: call.u32(2), resultAt: call.u32(4), memory: call.memory) { vectors in
                pwritev(file.hostFd, vectors, Int32(vectors.count), offset)
            }
        },
        // fd_seek(fd, offset: filedelta, whence, newoffset_ptr)
        .init("fd_seek", [.i32, .i64, .i32, .i32]) { wasi, call in
            let file = try wasi.files[call.u32(0)]
            let whence: Int32
            switch call.u32(2) {
            case 0: whence = SEEK_SET
            case 1: whence = SEEK_CUR
            case 2: whence = SEEK_END
            default: throw WASIErrno.inval
            }
            _ = try call.memory.buffer(at: call.u32(3), count: 8)
            let position = try hostCall { lseek(file.hostFd, off_t(Int64(bitPattern: call.u64(1))), whence) }
            try call.memory.store(UInt64(position), at: call.u32(3))
        },
        // fd_tell(fd, offset_ptr)
        .init("fd_tell", [.i32, .i32]) { wasi, call in
            let file = try wasi.files[call.u32(0)]
            let position = try hostCall { lseek(file.hostFd, 0, SEEK_CUR) }
            try call.memory.store(UInt64(position), at: call.u32(1))
        },
        // fd_close(fd): the number is free afterwards even if the host reports an error.
        .init("fd_close", [.i32]) { wasi, call in
            let file = try wasi.files.remove(call.u32(0))
            if file.ownsHostFd, close(file.hostFd) != 0, errno != EINTR { throw WASIErrno.lastHostError }
        },
        // fd_renumber(fd, to)
        .init("fd_renumber", [.i32, .i32]) { wasi, call in
            try wasi.files.renumber(call.u32(0), to: call.u32(1))
        },
        .init("fd_sync", [.i32]) { wasi, call in
            let file = try wasi.files[call.u32(0)]
            try hostCall { fsync(file.hostFd) }
        },
        .init("fd_datasync", [.i32]) { wasi, call in
            let file = try wasi.files[call.u32(0)]
            try hostCall { fdatasync(file.hostFd) }
        },
        // fd_advise(fd, offset, len, advice): advice 0–5 are POSIX_FADV_NORMAL…NOREUSE in
        // both numberings.
        .init("fd_advise", [.i32, .i64, .i64, .i32]) { wasi, call in
            let file = try wasi.files[call.u32(0)]
            let (offset, length) = try (WASI.fileOffset(call.u64(1)), WASI.fileOffset(call.u64(2)))
            guard call.u32(3) <= 5 else { throw WASIErrno.inval }
            let result = posix_fadvise(file.hostFd, offset, length, Int32(call.u32(3)))
            if result != 0 { throw WASIErrno(hostErrno: result) }
        },
        // fd_allocate(fd, offset, len)
        .init("fd_allocate", [.i32, .i64, .i64]) { wasi, call in
            let file = try wasi.files[call.u32(0)]
            let (offset, length) = try (WASI.fileOffset(call.u64(1)), WASI.fileOffset(call.u64(2)))
            let result = posix_fallocate(file.hostFd, offset, length)
            if result != 0 { throw WASIErrno(hostErrno: result) }
        },
    ]

    /// Runs one vectored read or write over the guest's iovec array and stores the byte
    /// count it returns (a u32) at `resultAt`.
    private func transfer(iovs: UInt32, count: UInt32, resultAt: UInt32, memory: GuestMemory,
                          _ operation: ([iovec]) -> Int) throws {
        _ = try memory.buffer(at: resultAt, count: 4)
        let vectors = try memory.ioVectors(at: iovs, count: count)
        let transferred = try hostCall { operation(vectors) }
        try memory.store(UInt32(truncatingIfNeeded: transferred), at: resultAt)
    }

    /// A file offset or length argument as the host's off_t; `inval` beyond its range.
    private static func fileOffset(_ value: UInt64) throws -> off_t {
        guard value <= UInt64(off_t.max) else { throw WASIErrno.inval }
        return off_t(value)
    }
}
