// The resident memory of this process, from Linux's /proc/self/status and /proc/self/smaps.

import Foundation

/// This process's resident set: the totals the kernel reports, and where the resident pages
/// are, by kind of mapping.
struct ProcessMemory {
    /// `VmRSS`: resident now, in KiB.
    var residentKiB = 0
    /// `VmHWM`: the most ever resident, in KiB.
    var peakResidentKiB = 0
    /// Resident KiB of the guest's linear memory: the accessible start of its address-space
    /// reservation (see `linearMemoryKiB(in:)`).
    var linearMemoryKiB = 0
    /// Size of the linear memory in KiB (resident or not): the accessible part of the
    /// reservation, i.e. the pages the guest has grown its memory to.
    var linearMemorySizeKiB = 0
    /// Resident KiB of the other anonymous mappings: the Swift heap (decoded module,
    /// translated code, objects), the value and frame stacks, thread stacks.
    var otherAnonymousKiB = 0
    /// Resident KiB of file mappings: this executable and the shared libraries (Swift
    /// runtime, Foundation, ICU data, glibc).
    var fileKiB = 0

    /// Reads the current figures; zeros where /proc is unavailable.
    static func current() -> ProcessMemory {
        var memory = ProcessMemory()
        for line in lines(of: "/proc/self/status") {
            if line.hasPrefix("VmRSS:") { memory.residentKiB = kibibytes(line) }
            if line.hasPrefix("VmHWM:") { memory.peakResidentKiB = kibibytes(line) }
        }
        let mappings = mappings(in: lines(of: "/proc/self/smaps"))
        let linear = linearMemoryIndex(in: mappings)
        for (index, mapping) in mappings.enumerated() {
            if index == linear {
                memory.linearMemoryKiB = mapping.residentKiB
                memory.linearMemorySizeKiB = Int((mapping.end - mapping.start) >> 10)
            } else if mapping.isFile {
                memory.fileKiB += mapping.residentKiB
            } else {
                memory.otherAnonymousKiB += mapping.residentKiB
            }
        }
        return memory
    }

    /// One line of /proc/self/maps with its `Rss:` from smaps.
    struct Mapping {
        var start: UInt64, end: UInt64
        var permissions: Substring
        var isFile: Bool
        var residentKiB = 0
    }

    /// The mappings of smaps text: a header line (`start-end perms offset dev inode [path]`)
    /// followed by `Field: value kB` lines.
    static func mappings(in lines: [Substring]) -> [Mapping] {
        var mappings: [Mapping] = []
        for line in lines {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 5, let dash = fields[0].firstIndex(of: "-"),
               let start = UInt64(fields[0][..<dash], radix: 16),
               let end = UInt64(fields[0][fields[0].index(after: dash)...], radix: 16) {
                // Inode 0: anonymous ([heap], [stack] and unnamed mappings).
                mappings.append(Mapping(start: start, end: end, permissions: fields[1], isFile: fields[4] != "0"))
            } else if line.hasPrefix("Rss:"), !mappings.isEmpty {
                mappings[mappings.count - 1].residentKiB = kibibytes(line)
            }
        }
        return mappings
    }

    /// The linear memory is a reservation of 4 GiB of address space (WasmRuntime's
    /// MemoryEntity: mmap PROT_NONE, then mprotect read-write as it grows), so it shows as an
    /// anonymous read-write mapping directly followed by an inaccessible one, the two
    /// together at least 1 GiB. Nothing else in this process is that large.
    static func linearMemoryIndex(in mappings: [Mapping]) -> Int? {
        mappings.indices.dropLast().first { index in
            let accessible = mappings[index], rest = mappings[index + 1]
            return !accessible.isFile && accessible.permissions.hasPrefix("rw") && !rest.isFile
                && rest.permissions.hasPrefix("---") && rest.start == accessible.end
                && rest.end - accessible.start >= 1 << 30
        }
    }

    /// The lines of a /proc file, read to its end (Foundation's file reading stops after the
    /// first chunk of these files, whose size is reported as 0).
    private static func lines(of path: String) -> [Substring] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n")
    }

    /// The number in a `Name:   1234 kB` line.
    private static func kibibytes(_ line: Substring) -> Int {
        line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) } ?? 0
    }
}
