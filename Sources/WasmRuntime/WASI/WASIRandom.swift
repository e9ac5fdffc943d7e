// WASI preview1 › random_get: fills a guest buffer with random bytes from the host's
// cryptographically secure source, straight into guest memory. getentropy(3) (getrandom(2)
// underneath) gives at most 256 bytes per call.

import Glibc

extension WASI {
    static let randomFunctions: [WASIFunctionDefinition] = [
        // random_get(buf, buf_len)
        .init("random_get", [.i32, .i32]) { _, call in
            let buffer = try call.memory.buffer(at: call.u32(0), count: Int(call.u32(1)))
            var filled = 0
            while filled < buffer.count {
                let chunk = min(256, buffer.count - filled)
                try hostCall { getentropy(buffer.baseAddress! + filled, chunk) }
                filled += chunk
            }
        },
    ]
}
