// The server's listening TCP socket: resolved with getaddrinfo, SO_REUSEADDR and IPv6-only
// for IPv6 addresses (as redis-server sets them), non-blocking, close-on-exec.

import Glibc

/// A non-blocking TCP socket listening on one address.
struct ListeningSocket {
    /// The socket descriptor.
    let fd: Int32
    /// The address it listens on, "ip:port" with the actual port (when 0 was asked for).
    let address: String
    /// The actual port.
    let port: UInt16

    /// Listens on `host` (an IPv4 or IPv6 address, or a name that resolves to one) and
    /// `port` (0: a free port the system picks).
    init(host: String, port: UInt16, backlog: Int32) throws(RedisServerError) {
        let requested = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &found)
        guard status == 0, let info = found else {
            throw .invalidBindAddress(address: host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(found) }

        let family = info.pointee.ai_family
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
                        info.pointee.ai_protocol)
        guard fd >= 0 else { throw .cannotListen(address: requested, operation: "socket", errno: errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if family == AF_INET6 {
            setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &yes, socklen_t(MemoryLayout<Int32>.size))
        }
        if bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) != 0 {
            let code = errno
            Glibc.close(fd)
            throw .cannotListen(address: requested, operation: "bind", errno: code)
        }
        if listen(fd, backlog) != 0 {
            let code = errno
            Glibc.close(fd)
            throw .cannotListen(address: requested, operation: "listen", errno: code)
        }
        let local = SocketAddress.of(fd, peer: false)
        self.fd = fd
        self.port = SocketAddress.port(local)
        self.address = SocketAddress.format(local)
    }

    /// One pending connection, non-blocking and close-on-exec, with TCP_NODELAY (as Redis
    /// sets on its clients); nil when none is pending. Throws the `errno` of another failure
    /// (EMFILE when out of descriptors...).
    func accept() throws(RedisServerError) -> AcceptedConnection? {
        var peer = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let client = withUnsafeMutablePointer(to: &peer) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.accept(fd, $0, &length)
            }
        }
        guard client >= 0 else {
            let code = errno
            if code == EAGAIN || code == EWOULDBLOCK || code == EINTR || code == ECONNABORTED { return nil }
            throw .system(call: "accept", errno: code)
        }
        makeNonBlockingAndCloseOnExec(client)
        var yes: Int32 = 1
        setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        return AcceptedConnection(fd: client, peer: SocketAddress.format(peer),
                                  local: SocketAddress.format(SocketAddress.of(client, peer: false)))
    }

    func close() {
        Glibc.close(fd)
    }
}

/// A connection taken from the listening socket.
struct AcceptedConnection {
    let fd: Int32
    /// "ip:port" of the client and of our end.
    let peer: String
    let local: String
}

/// Sets O_NONBLOCK and FD_CLOEXEC on `fd` (what accept4 and pipe2 flags would do; the Glibc
/// module does not declare those two).
func makeNonBlockingAndCloseOnExec(_ fd: Int32) {
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
}
