import XCTest
@testable import WasmCore

/// §5.2.2 integers: LEB128 with a length limit of ceil(N/7) bytes and constrained unused bits.
final class DecoderLEB128Tests: XCTestCase {
    private func reader(_ bytes: [UInt8]) -> ByteReader {
        ByteReader(bytes: bytes, offset: 0, limit: bytes.count)
    }

    private func u32(_ bytes: [UInt8]) throws(DecodingError) -> UInt32 {
        var r = reader(bytes)
        let value = try r.readU32()
        XCTAssertEqual(r.offset, bytes.count, "whole encoding consumed")
        return value
    }

    private func s32(_ bytes: [UInt8]) throws(DecodingError) -> Int32 {
        var r = reader(bytes)
        let value = try r.readS32()
        XCTAssertEqual(r.offset, bytes.count, "whole encoding consumed")
        return value
    }

    private func s64(_ bytes: [UInt8]) throws(DecodingError) -> Int64 {
        var r = reader(bytes)
        let value = try r.readS64()
        XCTAssertEqual(r.offset, bytes.count, "whole encoding consumed")
        return value
    }

    private func assertError(_ message: String, at offset: Int, _ body: () throws(DecodingError) -> Void,
                             file: StaticString = #filePath, line: UInt = #line) {
        do {
            try body()
            XCTFail("no error, expected \"\(message)\"", file: file, line: line)
        } catch {
            XCTAssertEqual(error.message, message, file: file, line: line)
            XCTAssertEqual(error.offset, offset, file: file, line: line)
        }
    }

    func testUnsigned32() throws {
        XCTAssertEqual(try u32([0x00]), 0)
        XCTAssertEqual(try u32([0x7F]), 127)
        XCTAssertEqual(try u32([0x80, 0x01]), 128)
        XCTAssertEqual(try u32([0xE5, 0x8E, 0x26]), 624_485)
        XCTAssertEqual(try u32([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]), UInt32.max)
        // Padded (non-minimal) encodings are allowed within the length limit.
        XCTAssertEqual(try u32([0x80, 0x80, 0x80, 0x80, 0x00]), 0)
        XCTAssertEqual(try u32([0x83, 0x80, 0x00]), 3)
    }

    func testUnsigned32Malformed() {
        // The fifth byte may only use its low 4 bits.
        assertError("integer too large", at: 4) { () throws(DecodingError) in _ = try self.u32([0xFF, 0xFF, 0xFF, 0xFF, 0x1F]) }
        assertError("integer too large", at: 4) { () throws(DecodingError) in _ = try self.u32([0x80, 0x80, 0x80, 0x80, 0x70]) }
        // A sixth byte is too long, even when it would add nothing.
        assertError("integer representation too long", at: 5) { () throws(DecodingError) in
            _ = try self.u32([0x80, 0x80, 0x80, 0x80, 0x80, 0x00])
        }
        assertError("unexpected end of section or function", at: 1) { () throws(DecodingError) in _ = try self.u32([0x80]) }
        assertError("unexpected end of section or function", at: 0) { () throws(DecodingError) in _ = try self.u32([]) }
    }

    func testOneBitUnsigned() throws {
        // Limits flags are u1 in the reference interpreter: one byte, value 0 or 1.
        var r = reader([0x01])
        XCTAssertEqual(try r.readUnsigned(bits: 1), 1)
        assertError("integer too large", at: 0) { () throws(DecodingError) in
            var r = self.reader([0x02])
            _ = try r.readUnsigned(bits: 1)
        }
        assertError("integer representation too long", at: 1) { () throws(DecodingError) in
            var r = self.reader([0x81, 0x00])
            _ = try r.readUnsigned(bits: 1)
        }
    }

    func testSigned32() throws {
        XCTAssertEqual(try s32([0x00]), 0)
        XCTAssertEqual(try s32([0x7F]), -1)
        XCTAssertEqual(try s32([0x3F]), 63)
        XCTAssertEqual(try s32([0x40]), -64)
        XCTAssertEqual(try s32([0xC0, 0x00]), 64)
        XCTAssertEqual(try s32([0x80, 0x7F]), -128)
        XCTAssertEqual(try s32([0xFF, 0xFF, 0xFF, 0xFF, 0x07]), Int32.max)
        XCTAssertEqual(try s32([0x80, 0x80, 0x80, 0x80, 0x78]), Int32.min)
        XCTAssertEqual(try s32([0xFF, 0xFF, 0xFF, 0xFF, 0x7F]), -1)
    }

    func testSigned32Malformed() {
        // In the fifth byte, bits 4–6 must repeat the sign bit (bit 3).
        assertError("integer too large", at: 4) { () throws(DecodingError) in _ = try self.s32([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) }
        assertError("integer too large", at: 4) { () throws(DecodingError) in _ = try self.s32([0x80, 0x80, 0x80, 0x80, 0x70]) }
        assertError("integer representation too long", at: 5) { () throws(DecodingError) in
            _ = try self.s32([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
        }
    }

    func testSigned64() throws {
        XCTAssertEqual(try s64([0x7F]), -1)
        XCTAssertEqual(try s64([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00]), Int64.max)
        XCTAssertEqual(try s64([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F]), Int64.min)
        XCTAssertEqual(try s64([0x80, 0x80, 0x80, 0x80, 0x08]), 0x8000_0000)
        // The tenth byte holds only the sign bit; its unused bits must repeat it.
        assertError("integer too large", at: 9) { () throws(DecodingError) in
            _ = try self.s64([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
        }
        assertError("integer too large", at: 9) { () throws(DecodingError) in
            _ = try self.s64([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7E])
        }
        assertError("integer representation too long", at: 10) { () throws(DecodingError) in
            _ = try self.s64([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00])
        }
    }

    func testSigned33BlockTypeIndex() throws {
        var r = reader([0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        XCTAssertEqual(try r.readBlockType(), .typeIndex(UInt32.max))
        r = reader([0x40])
        XCTAssertEqual(try r.readBlockType(), .empty)
        r = reader([0x7B])
        XCTAssertEqual(try r.readBlockType(), .value(.v128))
        // 2^32 needs 33 bits as a positive number: too large for s33's fifth byte pattern.
        assertError("integer too large", at: 4) { () throws(DecodingError) in
            var r = self.reader([0x80, 0x80, 0x80, 0x80, 0x10])
            _ = try r.readBlockType()
        }
        // Negative indices are malformed; so are one-byte negatives that are not value types.
        assertError("malformed block type", at: 0) { () throws(DecodingError) in
            var r = self.reader([0xFF, 0x7F])
            _ = try r.readBlockType()
        }
        assertError("malformed value type", at: 0) { () throws(DecodingError) in
            var r = self.reader([0x50])
            _ = try r.readBlockType()
        }
    }

    func testFloatsAreBitPatterns() throws {
        // A NaN with payload must come through unchanged.
        var r = reader([0x01, 0x00, 0xC0, 0x7F, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF8, 0xFF])
        XCTAssertEqual(try r.readLittleEndian32(), 0x7FC0_0001)
        XCTAssertEqual(try r.readLittleEndian64(), 0xFFF8_0000_0000_0001)
    }
}
