// WASI preview1 › errno (wasi_snapshot_preview1.witx, `typename $errno`): the error numbers
// every WASI function returns, and how the host's POSIX errno values map onto them.

import Glibc

/// A WASI preview1 error number. Every `wasi_snapshot_preview1` function except `proc_exit`
/// returns one (0 for success); the implementation throws it to end a call with that result.
/// Case names are the witx names (`2big` is `tooBig`).
public enum WASIErrno: UInt16, Error, Sendable {
    case success = 0
    case tooBig, acces, addrinuse, addrnotavail, afnosupport, again, already, badf, badmsg, busy
    case canceled, child, connaborted, connrefused, connreset, deadlk, destaddrreq, dom, dquot
    case exist, fault, fbig, hostunreach, idrm, ilseq, inprogress, intr, inval, io, isconn, isdir
    case loop, mfile, mlink, msgsize, multihop, nametoolong, netdown, netreset, netunreach, nfile
    case nobufs, nodev, noent, noexec, nolck, nolink, nomem, nomsg, noprotoopt, nospc, nosys
    case notconn, notdir, notempty, notrecoverable, notsock, notsup, notty, nxio, overflow
    case ownerdead, perm, pipe, proto, protonosupport, prototype, range, rofs, spipe, srch, stale
    case timedout, txtbsy, xdev
    /// The guest lacks the capability: e.g. a path that leads outside its preopened directory.
    case notcapable

    /// The WASI error for a host (Linux) errno value; `io` for a value WASI has no name for.
    init(hostErrno: Int32) {
        switch hostErrno {
        case E2BIG: self = .tooBig
        case EACCES: self = .acces
        case EADDRINUSE: self = .addrinuse
        case EADDRNOTAVAIL: self = .addrnotavail
        case EAFNOSUPPORT: self = .afnosupport
        case EAGAIN: self = .again
        case EALREADY: self = .already
        case EBADF: self = .badf
        case EBADMSG: self = .badmsg
        case EBUSY: self = .busy
        case ECANCELED: self = .canceled
        case ECHILD: self = .child
        case ECONNABORTED: self = .connaborted
        case ECONNREFUSED: self = .connrefused
        case ECONNRESET: self = .connreset
        case EDEADLK: self = .deadlk
        case EDESTADDRREQ: self = .destaddrreq
        case EDOM: self = .dom
        case EDQUOT: self = .dquot
        case EEXIST: self = .exist
        case EFAULT: self = .fault
        case EFBIG: self = .fbig
        case EHOSTUNREACH: self = .hostunreach
        case EIDRM: self = .idrm
        case EILSEQ: self = .ilseq
        case EINPROGRESS: self = .inprogress
        case EINTR: self = .intr
        case EINVAL: self = .inval
        case EIO: self = .io
        case EISCONN: self = .isconn
        case EISDIR: self = .isdir
        case ELOOP: self = .loop
        case EMFILE: self = .mfile
        case EMLINK: self = .mlink
        case EMSGSIZE: self = .msgsize
        case EMULTIHOP: self = .multihop
        case ENAMETOOLONG: self = .nametoolong
        case ENETDOWN: self = .netdown
        case ENETRESET: self = .netreset
        case ENETUNREACH: self = .netunreach
        case ENFILE: self = .nfile
        case ENOBUFS: self = .nobufs
        case ENODEV: self = .nodev
        case ENOENT: self = .noent
        case ENOEXEC: self = .noexec
        case ENOLCK: self = .nolck
        case ENOLINK: self = .nolink
        case ENOMEM: self = .nomem
        case ENOMSG: self = .nomsg
        case ENOPROTOOPT: self = .noprotoopt
        case ENOSPC: self = .nospc
        case ENOSYS: self = .nosys
        case ENOTCONN: self = .notconn
        case ENOTDIR: self = .notdir
        case ENOTEMPTY: self = .notempty
        case ENOTRECOVERABLE: self = .notrecoverable
        case ENOTSOCK: self = .notsock
        case ENOTSUP: self = .notsup  // == EOPNOTSUPP on Linux
        case ENOTTY: self = .notty
        case ENXIO: self = .nxio
        case EOVERFLOW: self = .overflow
        case EOWNERDEAD: self = .ownerdead
        case EPERM: self = .perm
        case EPIPE: self = .pipe
        case EPROTO: self = .proto
        case EPROTONOSUPPORT: self = .protonosupport
        case EPROTOTYPE: self = .prototype
        case ERANGE: self = .range
        case EROFS: self = .rofs
        case ESPIPE: self = .spipe
        case ESRCH: self = .srch
        case ESTALE: self = .stale
        case ETIMEDOUT: self = .timedout
        case ETXTBSY: self = .txtbsy
        case EXDEV: self = .xdev
        default: self = .io
        }
    }

    /// The WASI error for the host's current `errno`, after a failed system call.
    static var lastHostError: WASIErrno { WASIErrno(hostErrno: errno) }
}

/// Runs a host system call that returns -1 and sets `errno` on failure, retrying when a signal
/// interrupted it; throws the WASI form of the error.
@discardableResult
func hostCall<T: FixedWidthInteger>(_ call: () -> T) throws -> T {
    while true {
        let result = call()
        if result != -1 { return result }
        if errno != EINTR { throw WASIErrno.lastHostError }
    }
}
