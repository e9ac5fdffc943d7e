// WASI preview1 › path resolution. A path argument is relative to a directory descriptor and
// may only name things inside that directory: WASI descriptors are capabilities. Paths are
// therefore resolved here, one component at a time, with openat-style calls on host
// directory descriptors (never by handing a joined path to the host):
//   - an absolute path, or `..` above the starting directory, is refused with `notcapable`;
//   - every directory on the way is opened with O_NOFOLLOW, and symbolic links are read and
//     expanded here, under the same rules (an absolute target or one climbing out is refused);
//   - the operation on the last component never follows a link itself (O_NOFOLLOW,
//     AT_SYMLINK_NOFOLLOW, or calls that do not follow), so a link swapped in meanwhile
//     cannot lead the host outside either.

import Glibc

/// A path resolved inside a directory descriptor: the host directory holding its last
/// component, and that component's name. Closes the directories it opened when released.
final class ResolvedPath {
    /// Host descriptor of the directory that holds `name`.
    let directory: Int32
    /// The last component: a name without `/`, or `.` for `directory` itself.
    let name: String
    /// The path ended in `/`: what it names must be a directory.
    let mustBeDirectory: Bool
    /// `directory` was opened during resolution (it is not the starting descriptor).
    private let ownsDirectory: Bool

    fileprivate init(directory: Int32, ownsDirectory: Bool, name: String, mustBeDirectory: Bool) {
        self.directory = directory
        self.ownsDirectory = ownsDirectory
        self.name = name
        self.mustBeDirectory = mustBeDirectory
    }

    deinit {
        if ownsDirectory { close(directory) }
    }

    /// Host metadata of what the path names, without following a final symbolic link.
    func status() throws -> stat {
        var result = stat()
        try hostCall { fstatat(directory, name, &result, AT_SYMLINK_NOFOLLOW) }
        return result
    }

    /// Throws `notdir` when the path ended in `/` but does not name a directory.
    func checkDirectorySuffix() throws {
        if mustBeDirectory, WASIFileType(mode: try status().st_mode) != .directory { throw WASIErrno.notdir }
    }
}

/// Resolves paths relative to a host directory descriptor, confined to that directory.
enum PathResolver {
    /// Symbolic links expanded in one resolution before giving up with `loop` (Linux's limit).
    static let maxSymbolicLinks = 40

    /// Resolves `path` inside the directory `base` (a host descriptor owned by the caller).
    /// A symbolic link as the last component is expanded only if `followFinalLink` is set or
    /// the path ends in `/`.
    static func resolve(_ path: String, in base: Int32, followFinalLink: Bool) throws -> ResolvedPath {
        guard !path.isEmpty else { throw WASIErrno.noent }
        guard !path.hasPrefix("/") else { throw WASIErrno.notcapable }
        var trimmed = Substring(path)
        var mustBeDirectory = false
        while trimmed.hasSuffix("/") {
            trimmed = trimmed.dropLast()
            mustBeDirectory = true
        }
        // Components still to walk, the next one last.
        var pending = Array(trimmed.split(separator: "/", omittingEmptySubsequences: true).reversed())
        if pending.isEmpty { pending = ["."] }
        // Directories opened below `base`, the current one last; closed unless handed out.
        var opened: [Int32] = []
        var handedOut = false
        defer {
            for fd in opened.dropLast(handedOut ? 1 : 0) { close(fd) }
        }
        func result(_ name: Substring) -> ResolvedPath {
            handedOut = !opened.isEmpty
            return ResolvedPath(directory: opened.last ?? base, ownsDirectory: handedOut, name: String(name),
                                mustBeDirectory: mustBeDirectory)
        }
        var linksFollowed = 0

        // Every step either returns at the last component or leaves components to walk.
        while true {
            let component = pending.removeLast()
            let isLast = pending.isEmpty
            let current = opened.last ?? base
            if component == "." {
                if isLast { return result(".") }
                continue
            }
            if component == ".." {
                guard let parent = opened.popLast() else { throw WASIErrno.notcapable }
                close(parent)
                if isLast { return result(".") }
                continue
            }
            if !isLast || followFinalLink || mustBeDirectory, let target = try readLink(component, in: current) {
                linksFollowed += 1
                guard linksFollowed <= maxSymbolicLinks else { throw WASIErrno.loop }
                guard !target.isEmpty else { throw WASIErrno.noent }
                guard !target.hasPrefix("/") else { throw WASIErrno.notcapable }
                if isLast && target.hasSuffix("/") { mustBeDirectory = true }
                pending += target.split(separator: "/", omittingEmptySubsequences: true).reversed()
                continue
            }
            if isLast { return result(component) }
            opened.append(try hostCall { openat(current, String(component), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) })
        }
    }

    /// The target of `name` in `directory` if it is a symbolic link, else nil (also when it
    /// does not exist: the operation that follows reports that).
    private static func readLink(_ name: Substring, in directory: Int32) throws -> String? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX))
        let count = readlinkat(directory, String(name), &buffer, buffer.count)
        guard count >= 0 else { return nil }
        guard count < buffer.count else { throw WASIErrno.nametoolong }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }
}
