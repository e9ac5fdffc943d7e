// WASI preview1 › poll_oneoff: waits until at least one subscription is ready — a clock
// reaching its timeout, or a descriptor ready to read or write — and reports every ready
// one as an event. Layouts (witx): `subscription` 48 bytes { userdata u64 @0, tag u8 @8,
// clock { id u32 @16, timeout u64 @24, precision u64 @32, flags u16 @40 } or
// fd_readwrite { fd u32 @16 } }; `event` 32 bytes { userdata u64 @0, error u16 @8,
// type u8 @10, fd_readwrite { nbytes u64 @16, flags u16 @24 } }.

import Glibc

/// WASI `eventtype`.
private enum EventType: UInt8 {
    case clock = 0, fdRead, fdWrite
}

/// One subscription of a poll_oneoff call.
private struct Subscription {
    enum Kind {
        /// Ready `delay` nanoseconds after the call started.
        case clock(delay: UInt64)
        /// Ready when the host descriptor is; `isRegularFile` to report the bytes left.
        case descriptor(hostFd: Int32, isRegularFile: Bool)
        /// Reported at once with this error (an unknown clock, a closed descriptor).
        case failed(WASIErrno)
    }
    let userdata: UInt64
    let type: EventType
    let kind: Kind
}

extension WASI {
    private static let subscriptionSize = 48, eventSize = 32
    /// `eventrwflags.fd_readwrite_hangup`.
    private static let hangupFlag: UInt16 = 1
    /// `subclockflags.subscription_clock_abstime`.
    private static let absoluteTimeFlag: UInt16 = 1

    func pollOneoff(subscriptions: UInt32, events: UInt32, count: UInt32, eventCountAt: UInt32, memory: GuestMemory) throws {
        guard count > 0 else { throw WASIErrno.inval }
        _ = try memory.buffer(at: subscriptions, count: Int(count) * Self.subscriptionSize)
        let output = try memory.buffer(at: events, count: Int(count) * Self.eventSize)
        _ = try memory.buffer(at: eventCountAt, count: 4)

        var parsed: [Subscription] = []
        for index in 0..<count {
            parsed.append(try subscription(at: subscriptions + index * UInt32(Self.subscriptionSize), in: memory))
        }

        // Wait for the first clock, or without limit if there is none; not at all if a
        // subscription already failed.
        var pollDescriptors: [pollfd] = []
        var earliestClock: UInt64?
        var anyFailed = false
        for subscription in parsed {
            switch subscription.kind {
            case .clock(let delay): earliestClock = min(earliestClock ?? delay, delay)
            case .descriptor(let hostFd, _):
                pollDescriptors.append(pollfd(fd: hostFd, events: Int16(subscription.type == .fdRead ? POLLIN : POLLOUT), revents: 0))
            case .failed: anyFailed = true
            }
        }
        let start = try WASIClock.monotonic.now()
        let delay = anyFailed ? 0 : earliestClock
        let ready = try Self.wait(for: &pollDescriptors, atMost: delay)
        let elapsed = try WASIClock.monotonic.now() &- start

        // Report every ready subscription; when only the timeout ended the wait, the earliest
        // clock is due even if the host clock's granularity says otherwise.
        output.initializeMemory(as: UInt8.self, repeating: 0)
        var eventCount: UInt32 = 0
        func report(_ subscription: Subscription, error: WASIErrno = .success, bytes: UInt64 = 0, flags: UInt16 = 0) throws {
            let event = events + eventCount * UInt32(Self.eventSize)
            try memory.store(subscription.userdata, at: event)
            try memory.store(error.rawValue, at: event + 8)
            try memory.store(subscription.type.rawValue, at: event + 10)
            try memory.store(bytes, at: event + 16)
            try memory.store(flags, at: event + 24)
            eventCount += 1
        }
        var descriptorIndex = 0
        for subscription in parsed {
            switch subscription.kind {
            case .clock(let delay):
                if elapsed >= delay || (ready == 0 && !anyFailed && delay == earliestClock) { try report(subscription) }
            case .descriptor(let hostFd, let isRegularFile):
                let returned = Int32(pollDescriptors[descriptorIndex].revents)
                descriptorIndex += 1
                if returned & Int32(POLLNVAL) != 0 {
                    try report(subscription, error: .badf)
                } else if returned & Int32(POLLERR) != 0 {
                    try report(subscription, error: .io)
                } else if returned != 0 {
                    let bytes = subscription.type == .fdRead ? Self.bytesReadable(from: hostFd, isRegularFile: isRegularFile) : 0
                    try report(subscription, bytes: bytes, flags: returned & Int32(POLLHUP) != 0 ? Self.hangupFlag : 0)
                }
            case .failed(let error):
                try report(subscription, error: error)
            }
        }
        try memory.store(eventCount, at: eventCountAt)
    }

    /// Waits until a descriptor is ready or `delay` nanoseconds passed (no limit when nil);
    /// returns the number of ready descriptors. poll(2) counts in milliseconds, so its timeout
    /// is rounded up; without descriptors, nanosleep(2) waits to the nanosecond.
    private static func wait(for descriptors: inout [pollfd], atMost delay: UInt64?) throws -> Int32 {
        if descriptors.isEmpty {
            guard let delay else { throw WASIErrno.inval }  // nothing could ever become ready
            var request = timespec(nanoseconds: delay), remaining = timespec()
            while nanosleep(&request, &remaining) != 0 {
                guard errno == EINTR else { throw WASIErrno.lastHostError }
                request = remaining
            }
            return 0
        }
        let milliseconds = delay.map { Int32(clamping: $0 / 1_000_000 + ($0 % 1_000_000 == 0 ? 0 : 1)) } ?? -1
        return try hostCall { poll(&descriptors, nfds_t(descriptors.count), milliseconds) }
    }

    private func subscription(at address: UInt32, in memory: GuestMemory) throws -> Subscription {
        let userdata = try memory.load(UInt64.self, at: address)
        guard let type = EventType(rawValue: try memory.load(UInt8.self, at: address + 8)) else { throw WASIErrno.inval }
        switch type {
        case .clock:
            let timeout = try memory.load(UInt64.self, at: address + 24)
            let flags = try memory.load(UInt16.self, at: address + 40)
            guard let clock = WASIClock(rawValue: try memory.load(UInt32.self, at: address + 16)) else {
                return Subscription(userdata: userdata, type: type, kind: .failed(.inval))
            }
            var delay = timeout
            if flags & Self.absoluteTimeFlag != 0 {
                let now = try clock.now()
                delay = timeout > now ? timeout - now : 0
            }
            return Subscription(userdata: userdata, type: type, kind: .clock(delay: delay))
        case .fdRead, .fdWrite:
            let fd = try memory.load(UInt32.self, at: address + 16)
            guard let file = try? files[fd] else {
                return Subscription(userdata: userdata, type: type, kind: .failed(.badf))
            }
            return Subscription(userdata: userdata, type: type,
                                kind: .descriptor(hostFd: file.hostFd, isRegularFile: file.type == .regularFile))
        }
    }

    /// Bytes that can be read without blocking: what is left of a regular file, what a pipe or
    /// socket holds (0 when the host cannot tell).
    private static func bytesReadable(from hostFd: Int32, isRegularFile: Bool) -> UInt64 {
        if isRegularFile {
            var status = stat()
            let position = lseek(hostFd, 0, SEEK_CUR)
            guard fstat(hostFd, &status) == 0, position >= 0, status.st_size > position else { return 0 }
            return UInt64(status.st_size - position)
        }
        var available: Int32 = 0
        return ioctl(hostFd, UInt(FIONREAD), &available) == 0 && available > 0 ? UInt64(available) : 0
    }
}
