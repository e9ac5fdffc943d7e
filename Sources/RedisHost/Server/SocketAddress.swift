// Socket addresses as Redis writes them: "ip:port", IPv6 in brackets ("[::1]:6379"), the
// form of CLIENT LIST's addr and laddr (anetFormatAddr).

import Glibc

enum SocketAddress {
    /// `storage` as "ip:port" / "[ip6]:port"; "?:0" for another family (Redis's text for an
    /// address it cannot read).
    static func format(_ storage: sockaddr_storage) -> String {
        let family = Int32(storage.ss_family)
        switch family {
        case AF_INET:
            let address = withUnsafeBytes(of: storage) { $0.load(as: sockaddr_in.self) }
            let ip = withUnsafeBytes(of: address.sin_addr) { text(family: family, $0) }
            return "\(ip):\(UInt16(bigEndian: address.sin_port))"
        case AF_INET6:
            let address = withUnsafeBytes(of: storage) { $0.load(as: sockaddr_in6.self) }
            let ip = withUnsafeBytes(of: address.sin6_addr) { text(family: family, $0) }
            return "[\(ip)]:\(UInt16(bigEndian: address.sin6_port))"
        default:
            return "?:0"
        }
    }

    /// The port of an IPv4 or IPv6 address (0 for another family).
    static func port(_ storage: sockaddr_storage) -> UInt16 {
        switch Int32(storage.ss_family) {
        case AF_INET: UInt16(bigEndian: withUnsafeBytes(of: storage) { $0.load(as: sockaddr_in.self) }.sin_port)
        case AF_INET6: UInt16(bigEndian: withUnsafeBytes(of: storage) { $0.load(as: sockaddr_in6.self) }.sin6_port)
        default: 0
        }
    }

    /// The peer (`getpeername`) or local (`getsockname`) address of a connected socket.
    static func of(_ fd: Int32, peer: Bool) -> sockaddr_storage {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                peer ? getpeername(fd, $0, &length) : getsockname(fd, $0, &length)
            }
        }
        if status != 0 { storage.ss_family = sa_family_t(AF_UNSPEC) }
        return storage
    }

    /// `inet_ntop` of the address bytes `ip`.
    private static func text(family: Int32, _ ip: UnsafeRawBufferPointer) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(family, ip.baseAddress, &buffer, socklen_t(buffer.count)) != nil else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
