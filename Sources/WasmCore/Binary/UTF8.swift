// Binary › Names (spec §5.2.4): names are UTF-8 encoded; any other byte sequence is malformed.

/// Whether `bytes` is the UTF-8 encoding (§5.2.4) of a sequence of Unicode scalar values:
/// shortest form only, no surrogates (U+D800–U+DFFF), nothing above U+10FFFF.
func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
    var index = bytes.startIndex
    let end = bytes.endIndex
    while index < end {
        let lead = bytes[index]
        if lead < 0x80 {
            index += 1
            continue
        }
        let length: Int
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; scalar = UInt32(lead & 0x1F)  // 0xC0, 0xC1 would be overlong
        case 0xE0...0xEF: length = 3; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; scalar = UInt32(lead & 0x07)
        default: return false
        }
        guard end - index >= length else { return false }
        for next in (index + 1)..<(index + length) {
            let byte = bytes[next]
            guard byte & 0xC0 == 0x80 else { return false }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        switch length {
        case 3: guard scalar >= 0x800, !(0xD800...0xDFFF).contains(scalar) else { return false }
        case 4: guard scalar >= 0x10000, scalar <= 0x10FFFF else { return false }
        default: break
        }
        index += length
    }
    return true
}
