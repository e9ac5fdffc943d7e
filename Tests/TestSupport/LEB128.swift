// LEB128 (§5.2.2) encoders for tests that write binary modules by hand.

/// Unsigned LEB128 in its shortest form.
public func leb(_ value: UInt32) -> [UInt8] {
    var value = value
    var out: [UInt8] = []
    repeat {
        var byte = UInt8(value & 0x7F)
        value >>= 7
        if value != 0 { byte |= 0x80 }
        out.append(byte)
    } while value != 0
    return out
}

/// Signed LEB128 in its shortest form.
public func sleb(_ value: Int64) -> [UInt8] {
    var value = value
    var out: [UInt8] = []
    while true {
        let byte = UInt8(value & 0x7F)
        value >>= 7
        if (value == 0 && byte & 0x40 == 0) || (value == -1 && byte & 0x40 != 0) {
            out.append(byte)
            return out
        }
        out.append(byte | 0x80)
    }
}
