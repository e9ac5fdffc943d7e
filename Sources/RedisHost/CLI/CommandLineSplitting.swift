/// A command line that Redis's argument splitter rejects: an unterminated quote, or a
/// closing quote followed by something other than a space or the end of the line.
/// redis-cli prints this as `Invalid argument(s)`.
public struct InvalidArgumentsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Creates the error.
    public init() {}

    /// redis-cli's message: `Invalid argument(s)`.
    public var description: String { "Invalid argument(s)" }
}

/// Splits a command line into arguments exactly as redis-cli does (Redis's
/// `sdssplitargs`, which also reads redis.conf lines).
///
/// - Arguments are separated by spaces, tabs, CR and LF (runs of them, and leading and
///   trailing ones, produce no empty arguments).
/// - `"double quotes"` keep spaces and understand `\n`, `\r`, `\t`, `\b`, `\a`, `\xHH`
///   (two hex digits, any case) and `\<any other character>` (that character, so `\"`
///   and `\\`).
/// - `'single quotes'` keep everything literally except `\'`, which is a quote.
/// - A quote may start in the middle of an argument (`a"b c"` is `ab c`), but a closing
///   quote must be followed by whitespace or the end: `"a"b` is an error, as is a quote
///   that is never closed.
/// - `""` and `''` are empty arguments.
/// - As in C, a NUL character ends the line.
///
/// - Returns: the arguments as bytes (a `\xHH` escape can produce any byte); an empty
///   array for a blank line.
/// - Throws: ``InvalidArgumentsError`` for unbalanced quotes.
public func splitCommandLine(_ line: String) throws(InvalidArgumentsError) -> [[UInt8]] {
    try splitCommandLine(Array(line.utf8))
}

/// Splits a command line given as bytes; see the `String` overload.
public func splitCommandLine(_ line: [UInt8]) throws(InvalidArgumentsError) -> [[UInt8]] {
    var splitter = ArgumentSplitter(line: line)
    var arguments: [[UInt8]] = []
    while let argument = try splitter.nextArgument() { arguments.append(argument) }
    return arguments
}

/// The scanning state of `splitCommandLine`.
private struct ArgumentSplitter {
    let line: [UInt8]
    var position = 0

    init(line: [UInt8]) {
        // A NUL ends a C string: nothing after it is seen.
        self.line = line.firstIndex(of: 0).map { Array(line[..<$0]) } ?? line
    }

    /// The byte at `index`, or NUL past the end (as C's terminator).
    func byte(at index: Int) -> UInt8 { index < line.count ? line[index] : 0 }

    mutating func nextArgument() throws(InvalidArgumentsError) -> [UInt8]? {
        while position < line.count && isCSpace(line[position]) { position += 1 }
        guard position < line.count else { return nil }
        var argument: [UInt8] = []
        var inDoubleQuotes = false
        var inSingleQuotes = false
        while true {
            let current = byte(at: position)
            if inDoubleQuotes {
                if current == 0 { throw InvalidArgumentsError() }
                if current == UInt8(ascii: "\\") && byte(at: position + 1) == UInt8(ascii: "x"),
                   let high = hexValue(byte(at: position + 2)), let low = hexValue(byte(at: position + 3)) {
                    argument.append(high << 4 | low)
                    position += 3
                } else if current == UInt8(ascii: "\\") && byte(at: position + 1) != 0 {
                    position += 1
                    argument.append(unescaped(line[position]))
                } else if current == UInt8(ascii: "\"") {
                    try requireSeparator(after: position)
                    position += 1
                    return argument
                } else {
                    argument.append(current)
                }
            } else if inSingleQuotes {
                if current == 0 { throw InvalidArgumentsError() }
                if current == UInt8(ascii: "\\") && byte(at: position + 1) == UInt8(ascii: "'") {
                    position += 1
                    argument.append(UInt8(ascii: "'"))
                } else if current == UInt8(ascii: "'") {
                    try requireSeparator(after: position)
                    position += 1
                    return argument
                } else {
                    argument.append(current)
                }
            } else {
                switch current {
                case 0, UInt8(ascii: " "), 0x0A, 0x0D, 0x09:
                    return argument
                case UInt8(ascii: "\""): inDoubleQuotes = true
                case UInt8(ascii: "'"): inSingleQuotes = true
                default: argument.append(current)
                }
            }
            position += 1
        }
    }

    /// A closing quote must be followed by whitespace or the end of the line.
    func requireSeparator(after quote: Int) throws(InvalidArgumentsError) {
        let next = byte(at: quote + 1)
        if next != 0 && !isCSpace(next) { throw InvalidArgumentsError() }
    }

    /// C's `isspace` in the C locale: space, \t, \n, \v, \f, \r.
    func isCSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09 ... 0x0D).contains(byte) }

    func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The character a backslash escape stands for inside double quotes.
    func unescaped(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "a"): return 0x07
        default: return byte
        }
    }
}
