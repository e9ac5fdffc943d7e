// Where the spec test scripts are, and which ones a list of paths names.

import Foundation

/// One script to run: a display name and its JSON file.
struct SpecScriptFile {
    /// The script's path below the folder it was found in, without the repeated folder name:
    /// `simd/simd_lane` for `simd/simd_lane/simd_lane.json`.
    var name: String
    var url: URL
}

enum SpecSuite {
    /// The default scripts: `json/core-2.0` in the testsuite folder, which is `$WASM_TESTSUITE`
    /// if set, else `../shared/wasm-testsuite` next to the package root.
    static func defaultRoot(packageRoot: URL) -> URL {
        testsuite(packageRoot: packageRoot).appendingPathComponent("json/core-2.0")
    }

    /// The testsuite folder (as laid out in ../shared/wasm-testsuite/PROVENANCE.md):
    /// `$WASM_TESTSUITE` if set, else `../shared/wasm-testsuite` next to the package root.
    static func testsuite(packageRoot: URL) -> URL {
        if let override = ProcessInfo.processInfo.environment["WASM_TESTSUITE"], !override.isEmpty {
            return URL(fileURLWithPath: override).standardizedFileURL
        }
        return packageRoot.appendingPathComponent("../shared/wasm-testsuite").standardizedFileURL
    }

    /// The nearest folder at or above `start` that holds a `Package.swift`, else `start`.
    static func packageRoot(from start: URL) -> URL {
        var folder = start.standardizedFileURL
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder.deleteLastPathComponent()
        }
        return start
    }

    /// The scripts a path names: a `.json` file itself, or every `.json` file below a folder
    /// (sorted by path). Throws if the path does not exist.
    static func scripts(at path: URL) throws -> [SpecScriptFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
            throw SpecSuiteError("no such file or folder: \(path.path)")
        }
        guard isDirectory.boolValue else {
            return [SpecScriptFile(name: path.deletingPathExtension().lastPathComponent, url: path)]
        }
        let root = path.standardizedFileURL.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw SpecSuiteError("cannot list \(path.path)")
        }
        var files: [SpecScriptFile] = []
        for case let url as URL in enumerator where url.pathExtension == "json" {
            let absolute = url.standardizedFileURL.resolvingSymlinksInPath().path
            var components = absolute.dropFirst(root.path.count).split(separator: "/").map(String.init)
            components[components.count - 1] = (components.last! as NSString).deletingPathExtension
            if components.count >= 2, components[components.count - 1] == components[components.count - 2] {
                components.removeLast()
            }
            files.append(SpecScriptFile(name: components.joined(separator: "/"), url: url))
        }
        return files.sorted { $0.url.path < $1.url.path }
    }
}

struct SpecSuiteError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
