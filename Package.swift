// swift-tools-version:6.0
// wasm-redis: a pure-Swift WebAssembly runtime that runs Redis in-process.
// No package dependencies and no C targets: only the Swift toolchain.
import PackageDescription

let package = Package(
    name: "wasm-redis",
    products: [
        .library(name: "WasmCore", targets: ["WasmCore"]),
        .library(name: "WasmRuntime", targets: ["WasmRuntime"]),
        .library(name: "RedisHost", targets: ["RedisHost"]),
        .executable(name: "wasm-run", targets: ["wasm-run"]),
        .executable(name: "wasm-redis", targets: ["wasm-redis"]),
    ],
    targets: [
        .target(name: "WasmCore"),
        .target(name: "WasmRuntime", dependencies: ["WasmCore"]),
        .target(name: "RedisHost", dependencies: ["WasmRuntime"]),
        .executableTarget(name: "wasm-run", dependencies: ["WasmCore", "WasmRuntime"]),
        .executableTarget(name: "wasm-redis", dependencies: ["RedisHost"]),
        .executableTarget(name: "redis-bench", dependencies: ["RedisHost"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "WasmCoreTests", dependencies: ["WasmCore", "TestSupport"]),
        .testTarget(name: "WasmRuntimeTests", dependencies: ["WasmRuntime", "WasmCore", "TestSupport"]),
        .testTarget(name: "RedisHostTests", dependencies: ["RedisHost", "WasmRuntime", "WasmCore", "TestSupport"]),
        .testTarget(name: "SpecTests", dependencies: ["wasm-run", "WasmCore", "WasmRuntime"]),
    ]
)
