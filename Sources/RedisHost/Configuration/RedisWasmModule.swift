import Foundation

/// Where redis.wasm is found when no path is given.
///
/// In order:
/// 1. the environment variable `WASM_REDIS_WASM`, when set and not empty: that path only
///    (an explicit choice never falls back to another module);
/// 2. `build/redis.wasm` in the current directory (`make redis-wasm` writes it there when
///    run at the package root);
/// 3. `build/redis.wasm` in the package root of the running executable: the nearest
///    directory above the executable that holds a `Package.swift` (so
///    `.build/debug/wasm-redis` and the test bundle find the module of their own checkout
///    from any working directory).
public enum RedisWasmModule {
    /// The environment variable that names the module: `WASM_REDIS_WASM`.
    public static let environmentVariable = "WASM_REDIS_WASM"
    /// Where the build puts the module, relative to the package root: `build/redis.wasm`.
    public static let buildProductPath = "build/redis.wasm"

    /// The paths tried, in order (see the type's documentation), whether or not they exist.
    public static func candidatePaths(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executablePath: String? = currentExecutablePath()
    ) -> [String] {
        if let explicit = environment[environmentVariable], !explicit.isEmpty { return [explicit] }
        var paths = [URL(fileURLWithPath: currentDirectory).appendingPathComponent(buildProductPath).standardizedFileURL.path]
        if let executablePath, let root = packageRoot(above: executablePath) {
            let path = URL(fileURLWithPath: root).appendingPathComponent(buildProductPath).standardizedFileURL.path
            if !paths.contains(path) { paths.append(path) }
        }
        return paths
    }

    /// The first candidate that is an existing file.
    ///
    /// - Throws: ``RedisOptionsError/wasmModuleNotFound(searched:)`` listing the candidates.
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executablePath: String? = currentExecutablePath()
    ) throws(RedisOptionsError) -> String {
        let candidates = candidatePaths(environment: environment, currentDirectory: currentDirectory,
                                        executablePath: executablePath)
        guard let found = candidates.first(where: isFile) else { throw .wasmModuleNotFound(searched: candidates) }
        return found
    }

    /// The running program's file (`/proc/self/exe`, else the first command-line argument).
    public static func currentExecutablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    /// The nearest directory above `path` that contains `Package.swift`.
    static func packageRoot(above path: String) -> String? {
        var directory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        while true {
            if isFile(directory.appendingPathComponent("Package.swift").path) { return directory.path }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
