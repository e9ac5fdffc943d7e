// Decoded and validated redis.wasm modules, kept per file so that every instance after the
// first skips decoding and validation (most of the start-up work besides redis_init).

import Foundation
import WasmRuntime

/// A process-wide cache of validated modules, keyed by the file's canonical path. An entry is
/// reused only while the file's size and modification time are unchanged, so a rebuilt
/// redis.wasm (`make redis-wasm`) is picked up by the next instance.
enum RedisModuleCache {
    private struct Entry {
        let size: Int
        let modified: Date
        let module: ValidatedModule
    }

    private static let lock = NSLock()
    // Only read and written with `lock` held.
    nonisolated(unsafe) private static var entries: [String: Entry] = [:]

    /// The validated module of the file at `path`: from the cache, or read, decoded and
    /// validated now. Throws `RedisOptionsError.wasmModuleNotFound` when the file cannot be read,
    /// `DecodingError` / `ValidationError` when it is not a valid module.
    static func module(atPath path: String) throws -> ValidatedModule {
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let key = url.path
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: key)
        } catch {
            throw RedisOptionsError.wasmModuleNotFound(searched: [path])
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
        let modified = attributes[.modificationDate] as? Date ?? .distantPast

        lock.lock()
        let cached = entries[key]
        lock.unlock()
        if let cached, cached.size == size, cached.modified == modified { return cached.module }

        guard let data = FileManager.default.contents(atPath: key) else { throw RedisOptionsError.wasmModuleNotFound(searched: [path]) }
        let module = try ValidatedModule(binary: [UInt8](data))
        lock.lock()
        entries[key] = Entry(size: size, modified: modified, module: module)
        lock.unlock()
        return module
    }
}
