/// What Redis does when a write would take memory past `maxmemory`
/// (redis.conf `maxmemory-policy`).
public enum MaxmemoryPolicy: String, CaseIterable, Sendable {
    /// Refuse writes with `-OOM` (reads and deletes still work). Redis's default.
    case noEviction = "noeviction"
    /// Evict any key, least recently used first (approximated).
    case allKeysLRU = "allkeys-lru"
    /// Evict any key, least frequently used first (approximated).
    case allKeysLFU = "allkeys-lfu"
    /// Evict any key at random.
    case allKeysRandom = "allkeys-random"
    /// Evict keys that have an expiry, least recently used first.
    case volatileLRU = "volatile-lru"
    /// Evict keys that have an expiry, least frequently used first.
    case volatileLFU = "volatile-lfu"
    /// Evict keys that have an expiry, at random.
    case volatileRandom = "volatile-random"
    /// Evict keys that have an expiry, nearest expiry first.
    case volatileTTL = "volatile-ttl"

    /// The name redis.conf and `CONFIG SET maxmemory-policy` use (`allkeys-lru`).
    public var configName: String { rawValue }

    /// The policy a redis.conf name stands for, ignoring ASCII case as Redis does; nil for an
    /// unknown name.
    public init?(configName: String) {
        self.init(rawValue: configName.asciiLowercased)
    }
}
