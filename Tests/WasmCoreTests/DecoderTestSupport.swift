import TestSupport
import XCTest
@testable import WasmCore

/// Helpers to write small binary modules by hand in decoder tests.
enum WasmBytes {
    static let preamble: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]

    /// Unsigned LEB128, shortest form.
    static func u32(_ value: UInt32) -> [UInt8] { leb(value) }

    static func name(_ text: String) -> [UInt8] { u32(UInt32(text.utf8.count)) + Array(text.utf8) }

    /// A section: id, size, contents.
    static func section(_ id: UInt8, _ contents: [UInt8]) -> [UInt8] {
        [id] + u32(UInt32(contents.count)) + contents
    }

    /// A vector: count, then the elements' bytes.
    static func vector(_ elements: [[UInt8]]) -> [UInt8] { u32(UInt32(elements.count)) + elements.flatMap { $0 } }

    /// A module of the preamble and the given sections.
    static func module(_ sections: [UInt8]...) -> [UInt8] { preamble + sections.flatMap { $0 } }

    /// A code section entry: size, then vec(locals) and the body (which must end with 0x0B).
    static func code(locals: [(UInt32, UInt8)] = [], _ body: [UInt8]) -> [UInt8] {
        let function = vector(locals.map { u32($0.0) + [$0.1] }) + body
        return u32(UInt32(function.count)) + function
    }

    /// A module with one function of type [] -> [] and the given body.
    static func function(locals: [(UInt32, UInt8)] = [], _ body: [UInt8], extraSections: [UInt8] = []) -> [UInt8] {
        module(section(1, vector([[0x60, 0x00, 0x00]])),
               section(3, vector([[0x00]])),
               extraSections,
               section(10, vector([code(locals: locals, body)])))
    }
}

/// Asserts that decoding throws a `DecodingError` whose message starts with `message`.
func assertMalformed(_ bytes: [UInt8], _ message: String, at offset: Int? = nil,
                     file: StaticString = #filePath, line: UInt = #line) {
    do {
        _ = try Module(binary: bytes)
        XCTFail("decoded, expected \"\(message)\"", file: file, line: line)
    } catch {
        XCTAssert(error.message.hasPrefix(message), "got \"\(error.message)\", expected \"\(message)\"", file: file, line: line)
        if let offset { XCTAssertEqual(error.offset, offset, "offset", file: file, line: line) }
    }
}
