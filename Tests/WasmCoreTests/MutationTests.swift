// Robustness: every binary module of the spec testsuite, corrupted in many deterministic ways,
// must decode and validate to either a module or a typed error (DecodingError /
// ValidationError), never crash, and take well under a second.

import TestSupport
import Foundation
import XCTest
import WasmCore

final class MutationTests: XCTestCase {
    static let seed: UInt64 = 0x5EED_0002_2026
    static let minimumMutants = 100_000
    /// The bound on decode + validate of one mutant.
    static let timeLimit = Duration.seconds(1)
    /// After this long on one mutant the watchdog stops the run and names the mutant.
    static let hangLimit = Duration.seconds(20)

    func testMutantsAreDecodedOrRejectedWithTypedErrors() throws {
        let files = try Self.suiteModules()
        let mutantsPerFile = (Self.minimumMutants + files.count - 1) / files.count
        let watchdog = Watchdog(limit: Self.hangLimit)
        var decoded = 0, malformed = 0, invalid = 0, slowest = Duration.zero
        let started = ContinuousClock.now
        for (fileIndex, file) in files.enumerated() {
            let original = [UInt8](try Data(contentsOf: file))
            for mutantIndex in 0..<mutantsPerFile {
                // Each mutant has its own seed, so a reported one can be rebuilt alone.
                let mutantSeed = Self.seed ^ (UInt64(fileIndex) << 32) ^ UInt64(mutantIndex)
                var rng = SeededGenerator(seed: mutantSeed)
                var mutant = original
                let mutations = MutationGenerator.mutate(&mutant, using: &rng)
                let name = "\(file.lastPathComponent) mutant seed 0x\(String(mutantSeed, radix: 16)) \(mutations)"

                watchdog.begin(name)
                let start = ContinuousClock.now
                let outcome = Self.decodeAndValidate(mutant)
                let elapsed = ContinuousClock.now - start
                watchdog.end()

                slowest = max(slowest, elapsed)
                XCTAssertLessThan(elapsed, Self.timeLimit, name)
                switch outcome {
                case .valid: decoded += 1
                case .malformed: malformed += 1
                case .invalid: invalid += 1
                case .unexpected(let error): XCTFail("\(name): untyped error \(type(of: error)): \(error)")
                }
            }
        }
        let total = decoded + malformed + invalid
        print("MutationTests: \(files.count) modules, \(total) mutants in \(ContinuousClock.now - started): "
            + "\(decoded) valid, \(malformed) malformed, \(invalid) invalid; slowest \(slowest)")
        XCTAssertGreaterThanOrEqual(total, Self.minimumMutants)
        // The mutations must reach past the decoder, or the validator is not being exercised.
        XCTAssertGreaterThan(invalid, total / 100, "too few mutants reach the validator")
        XCTAssertGreaterThan(decoded, 0)
    }

    func testSectionLEBPositionsFollowTheHeaders() {
        // Type section (id 1, size 4: one type [] -> []), then a custom section (id 0, size 2).
        let module: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
                               0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
                               0x00, 0x02, 0x01, 0x61]
        XCTAssertEqual(MutationGenerator.sectionLEBPositions(module), [9, 10, 15, 16])
    }

    func testMutationIsDeterministic() {
        let original = [UInt8](repeating: 0x41, count: 64)
        var first = original, second = original
        var rng1 = SeededGenerator(seed: 42), rng2 = SeededGenerator(seed: 42)
        XCTAssertEqual(MutationGenerator.mutate(&first, using: &rng1), MutationGenerator.mutate(&second, using: &rng2))
        XCTAssertEqual(first, second)
        XCTAssertNotEqual(first, original)
    }

    enum Outcome {
        case valid, malformed, invalid
        case unexpected(any Error)
    }

    /// Decodes and validates; the validator decodes function bodies as it goes, so a
    /// `DecodingError` from either step means malformed.
    static func decodeAndValidate(_ bytes: [UInt8]) -> Outcome {
        do {
            try Module(binary: bytes).validate()
            return .valid
        } catch is DecodingError {
            return .malformed
        } catch is ValidationError {
            return .invalid
        } catch {
            return .unexpected(error)
        }
    }

    /// Every .wasm file in `json/core-2.0` of the spec testsuite folder (`$WASM_TESTSUITE`, else
    /// ../shared/wasm-testsuite next to the package), sorted by path.
    static func suiteModules() throws -> [URL] {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let environment = ProcessInfo.processInfo.environment["WASM_TESTSUITE"] ?? ""
        let testsuite = environment.isEmpty
            ? packageRoot.appendingPathComponent("../shared/wasm-testsuite").standardizedFileURL
            : URL(fileURLWithPath: environment)
        let root = testsuite.appendingPathComponent("json/core-2.0")
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil),
              FileManager.default.fileExists(atPath: root.path) else {
            print("MutationTests: spec testsuite not found at \(root.path); skipping")
            throw XCTSkip("spec testsuite not found at \(root.path)")
        }
        var files: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == "wasm" { files.append(url) }
        return files.sorted { $0.path < $1.path }
    }
}

/// Stops the test process if one mutant takes longer than `limit`, naming the mutant: a hang
/// would otherwise never report. Checked from a background thread every 100 ms.
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var current: (name: String, start: ContinuousClock.Instant)?
    private let limit: Duration

    init(limit: Duration) {
        self.limit = limit
        Thread.detachNewThread { [weak self] in
            while let self {
                self.check()
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    func begin(_ name: String) { lock.withLock { current = (name, .now) } }
    func end() { lock.withLock { current = nil } }

    private func check() {
        lock.withLock {
            if let current, ContinuousClock.now - current.start > limit {
                print("MutationTests: \(current.name) still running after \(limit): hang")
                fatalError("decode + validate hangs on \(current.name)")
            }
        }
    }
}
