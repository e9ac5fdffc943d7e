// WASI preview1 › file descriptors: the guest's descriptor numbers and the host descriptors
// behind them, with each one's `filetype` and `rights` (witx `$fd`, `$filetype`, `$rights`).

import Glibc

/// WASI `filetype`.
enum WASIFileType: UInt8 {
    case unknown = 0, blockDevice, characterDevice, directory, regularFile, socketDgram, socketStream
    case symbolicLink

    /// The type of a host file of mode `mode` (a FIFO has no WASI type: `unknown`).
    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFBLK: self = .blockDevice
        case S_IFCHR: self = .characterDevice
        case S_IFDIR: self = .directory
        case S_IFREG: self = .regularFile
        case S_IFSOCK: self = .socketStream
        case S_IFLNK: self = .symbolicLink
        default: self = .unknown
        }
    }
}

/// WASI `rights`: what a descriptor may be used for. This implementation reports them in
/// `fd_fdstat_get` (libc derives O_RDONLY/O_WRONLY/O_RDWR from them) and uses the rights asked
/// for in `path_open` to choose the host access mode; the host's own checks do the rest.
struct WASIRights: OptionSet {
    let rawValue: UInt64

    static let fdDatasync = WASIRights(rawValue: 1 << 0)
    static let fdRead = WASIRights(rawValue: 1 << 1)
    static let fdSeek = WASIRights(rawValue: 1 << 2)
    static let fdFdstatSetFlags = WASIRights(rawValue: 1 << 3)
    static let fdSync = WASIRights(rawValue: 1 << 4)
    static let fdTell = WASIRights(rawValue: 1 << 5)
    static let fdWrite = WASIRights(rawValue: 1 << 6)
    static let fdAdvise = WASIRights(rawValue: 1 << 7)
    static let fdAllocate = WASIRights(rawValue: 1 << 8)
    static let pathCreateDirectory = WASIRights(rawValue: 1 << 9)
    static let pathCreateFile = WASIRights(rawValue: 1 << 10)
    static let pathLinkSource = WASIRights(rawValue: 1 << 11)
    static let pathLinkTarget = WASIRights(rawValue: 1 << 12)
    static let pathOpen = WASIRights(rawValue: 1 << 13)
    static let fdReaddir = WASIRights(rawValue: 1 << 14)
    static let pathReadlink = WASIRights(rawValue: 1 << 15)
    static let pathRenameSource = WASIRights(rawValue: 1 << 16)
    static let pathRenameTarget = WASIRights(rawValue: 1 << 17)
    static let pathFilestatGet = WASIRights(rawValue: 1 << 18)
    static let pathFilestatSetSize = WASIRights(rawValue: 1 << 19)
    static let pathFilestatSetTimes = WASIRights(rawValue: 1 << 20)
    static let fdFilestatGet = WASIRights(rawValue: 1 << 21)
    static let fdFilestatSetSize = WASIRights(rawValue: 1 << 22)
    static let fdFilestatSetTimes = WASIRights(rawValue: 1 << 23)
    static let pathSymlink = WASIRights(rawValue: 1 << 24)
    static let pathRemoveDirectory = WASIRights(rawValue: 1 << 25)
    static let pathUnlinkFile = WASIRights(rawValue: 1 << 26)
    static let pollFdReadwrite = WASIRights(rawValue: 1 << 27)
    static let sockShutdown = WASIRights(rawValue: 1 << 28)

    /// Rights that make sense for a non-directory (file, device, stream).
    static let file: WASIRights = [
        .fdDatasync, .fdRead, .fdSeek, .fdFdstatSetFlags, .fdSync, .fdTell, .fdWrite, .fdAdvise,
        .fdAllocate, .fdFilestatGet, .fdFilestatSetSize, .fdFilestatSetTimes, .pollFdReadwrite,
    ]
    /// Rights that make sense for a directory.
    static let directory: WASIRights = [
        .fdFdstatSetFlags, .fdSync, .fdDatasync, .pathCreateDirectory, .pathCreateFile,
        .pathLinkSource, .pathLinkTarget, .pathOpen, .fdReaddir, .pathReadlink,
        .pathRenameSource, .pathRenameTarget, .pathFilestatGet, .pathFilestatSetSize,
        .pathFilestatSetTimes, .fdFilestatGet, .fdFilestatSetTimes, .pathSymlink,
        .pathRemoveDirectory, .pathUnlinkFile,
    ]
    /// Rights that let a descriptor write.
    static let writing: WASIRights = [.fdWrite, .fdDatasync, .fdAllocate, .fdFilestatSetSize]
    /// Rights that let a descriptor read.
    static let reading: WASIRights = [.fdRead, .fdReaddir]
}

/// One guest descriptor: the host descriptor behind it and what WASI reports about it.
struct OpenFile {
    let hostFd: Int32
    /// False for the standard streams: closing the guest's descriptor leaves the host's open.
    let ownsHostFd: Bool
    let type: WASIFileType
    var rightsBase: WASIRights
    var rightsInheriting: WASIRights
    /// For a preopened directory: the name the guest sees it under (`fd_prestat_dir_name`).
    let preopenName: String?
    /// The entries `fd_readdir` hands out, read from the host when it starts at cookie 0.
    var directoryListing: [DirectoryEntry] = []
}

/// The guest's descriptor table. A new descriptor gets the lowest free number.
final class FileDescriptorTable {
    private var files: [OpenFile?] = []

    deinit {
        for case let file? in files where file.ownsHostFd { close(file.hostFd) }
    }

    /// The open file behind guest descriptor `fd`; `badf` when there is none.
    subscript(fd: UInt32) -> OpenFile {
        get throws {
            guard Int(fd) < files.count, let file = files[Int(fd)] else { throw WASIErrno.badf }
            return file
        }
    }

    /// Changes what the table records about `fd` (which must be open).
    func update(_ fd: UInt32, _ change: (inout OpenFile) throws -> Void) throws {
        guard Int(fd) < files.count, files[Int(fd)] != nil else { throw WASIErrno.badf }
        try change(&files[Int(fd)]!)
    }

    /// Adds `file` under the lowest free descriptor number and returns it.
    func insert(_ file: OpenFile) -> UInt32 {
        if let free = files.firstIndex(where: { $0 == nil }) {
            files[free] = file
            return UInt32(free)
        }
        files.append(file)
        return UInt32(files.count - 1)
    }

    /// Removes `fd` from the table and returns what it referred to; the caller closes it.
    func remove(_ fd: UInt32) throws -> OpenFile {
        let file = try self[fd]
        files[Int(fd)] = nil
        while files.last.map({ $0 == nil }) == true { files.removeLast() }
        return file
    }

    /// Makes `to` refer to what `from` refers to, closing what `to` referred to
    /// (`fd_renumber`); `from` is then free.
    func renumber(_ from: UInt32, to: UInt32) throws {
        let file = try self[from]
        let replaced = try self[to]
        if from == to { return }
        if replaced.ownsHostFd { close(replaced.hostFd) }
        files[Int(to)] = file
        files[Int(from)] = nil
    }
}
