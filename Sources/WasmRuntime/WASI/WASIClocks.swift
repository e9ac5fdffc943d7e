// WASI preview1 › clocks and waiting: clock_res_get, clock_time_get, poll_oneoff,
// sched_yield. Timestamps are u64 nanoseconds; clock ids are witx `$clockid`.

import Glibc

/// WASI `clockid`.
enum WASIClock: UInt32 {
    case realtime = 0, monotonic, processCPUTime, threadCPUTime

    /// The host clock behind it.
    var hostClock: clockid_t {
        switch self {
        case .realtime: CLOCK_REALTIME
        case .monotonic: CLOCK_MONOTONIC
        case .processCPUTime: CLOCK_PROCESS_CPUTIME_ID
        case .threadCPUTime: CLOCK_THREAD_CPUTIME_ID
        }
    }

    /// The clock with id `id`; `inval` for an unknown id.
    init(id: UInt32) throws {
        guard let clock = WASIClock(rawValue: id) else { throw WASIErrno.inval }
        self = clock
    }

    /// The current time in nanoseconds.
    func now() throws -> UInt64 {
        var time = timespec()
        try hostCall { clock_gettime(hostClock, &time) }
        return time.nanoseconds
    }

    /// The resolution in nanoseconds.
    func resolution() throws -> UInt64 {
        var time = timespec()
        try hostCall { clock_getres(hostClock, &time) }
        return time.nanoseconds
    }
}

extension timespec {
    /// The time in nanoseconds (negative times, before 1970, become 0).
    var nanoseconds: UInt64 {
        tv_sec < 0 ? 0 : UInt64(tv_sec) &* 1_000_000_000 &+ UInt64(tv_nsec)
    }

    init(nanoseconds: UInt64) {
        self.init(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
    }
}

extension WASI {
    static let clockFunctions: [WASIFunctionDefinition] = [
        .init("clock_res_get", [.i32, .i32]) { _, call in
            try call.memory.store(WASIClock(id: call.u32(0)).resolution(), at: call.u32(1))
        },
        // The precision argument (1) is a hint the host may ignore.
        .init("clock_time_get", [.i32, .i64, .i32]) { _, call in
            try call.memory.store(WASIClock(id: call.u32(0)).now(), at: call.u32(2))
        },
        .init("poll_oneoff", [.i32, .i32, .i32, .i32]) { wasi, call in
            try wasi.pollOneoff(subscriptions: call.u32(0), events: call.u32(1), count: call.u32(2),
                                eventCountAt: call.u32(3), memory: call.memory)
        },
        .init("sched_yield", []) { _, _ in
            try hostCall { sched_yield() }
        },
    ]
}
