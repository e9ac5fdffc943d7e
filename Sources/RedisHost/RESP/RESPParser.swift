import Glibc

/// Bounds that keep a broken or hostile stream from exhausting memory or the stack.
public struct RESPParserLimits: Sendable, Equatable {
    /// Longest bulk string, blob error or verbatim string, in bytes. Default 512 MiB, Redis's
    /// `proto-max-bulk-len`.
    public var maxBulkLength: Int
    /// Most elements in one array, set or push (entries in a map or attribute).
    /// Default 2^31 − 1. The parser never reserves memory for a claimed count: elements are
    /// stored as they arrive.
    public var maxAggregateLength: Int
    /// Most aggregates open at once (an array inside an array is depth 2). Default 1000.
    public var maxNestingDepth: Int
    /// Longest line (simple string, error, integer, double, header) still without its CRLF.
    /// Default 64 MiB.
    public var maxLineLength: Int

    /// Creates limits; every parameter defaults to the value documented on its property.
    public init(maxBulkLength: Int = 512 << 20, maxAggregateLength: Int = Int(Int32.max),
                maxNestingDepth: Int = 1000, maxLineLength: Int = 64 << 20) {
        self.maxBulkLength = maxBulkLength
        self.maxAggregateLength = maxAggregateLength
        self.maxNestingDepth = maxNestingDepth
        self.maxLineLength = maxLineLength
    }
}

/// A streaming RESP2/RESP3 parser: feed bytes as they arrive, in pieces of any size split
/// anywhere, and take out each value as soon as it is complete.
///
/// ```swift
/// var parser = RESPParser()
/// parser.feed(bytesFromTheServer)
/// while let reply = try parser.next() { print(reply) }
/// ```
///
/// The work is proportional to the bytes fed: a partial line is not scanned again, an
/// aggregate under construction keeps its finished elements, and a bulk string is copied
/// once into its own storage as its bytes arrive (a 64 MiB value fed in 4 KiB pieces is
/// not re-copied per piece). Malformed input throws a ``RESPProtocolError``; after one the
/// parser stays failed (every later `next()` throws the same error), since the stream has
/// lost its framing.
public struct RESPParser: Sendable {
    /// The bounds this parser enforces.
    public let limits: RESPParserLimits

    /// Bytes fed but not consumed yet start at `start`.
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes after the type byte at `start` already searched for CRLF in vain.
    private var scannedWithoutCRLF = 0
    /// Stream offset of `buffer[0]`, for error positions.
    private var bufferStreamOffset = 0
    /// Aggregates under construction, innermost last.
    private var stack: [AggregateFrame] = []
    /// A RESP3 attribute that annotates the next value at the current level.
    private var pendingAttributes: [RESPPair] = []
    /// A bulk string, blob error or verbatim string whose payload is still arriving.
    private var bulk: PartialBulk?
    private var failure: RESPProtocolError?

    /// Creates a parser with the given limits.
    public init(limits: RESPParserLimits = RESPParserLimits()) {
        self.limits = limits
    }

    /// Appends bytes to the input. Nothing is parsed until ``next()``. Bytes fed after a
    /// protocol error are dropped.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        guard failure == nil else { return }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete value, or nil when the input fed so far ends before one is
    /// complete (feed more and call again).
    public mutating func next() throws(RESPProtocolError) -> RESPValue? {
        if let failure { throw failure }
        do {
            let value = try advance()
            compact()
            return value
        } catch {
            failure = error
            buffer = []
            throw error
        }
    }

    /// Feeds `bytes` and returns every value completed by them, in order.
    public mutating func parse(_ bytes: some Sequence<UInt8>) throws(RESPProtocolError) -> [RESPValue] {
        feed(bytes)
        var values: [RESPValue] = []
        while let value = try next() { values.append(value) }
        return values
    }

    /// Whether part of a value has been fed but not completed yet.
    public var hasIncompleteValue: Bool {
        start < buffer.count || bulk != nil || !stack.isEmpty || !pendingAttributes.isEmpty
    }

    /// Parses a buffer that holds whole values only (for example one `redis_exec` reply).
    /// Throws ``RESPProtocolError/Reason/truncated`` when it ends inside a value.
    public static func parseComplete(_ bytes: some Sequence<UInt8>,
                                     limits: RESPParserLimits = RESPParserLimits()) throws(RESPProtocolError) -> [RESPValue] {
        var parser = RESPParser(limits: limits)
        let values = try parser.parse(bytes)
        if parser.hasIncompleteValue {
            throw RESPProtocolError(.truncated, at: parser.bufferStreamOffset + parser.buffer.count)
        }
        return values
    }

    // MARK: - State machine

    /// Runs until a top-level value is complete or the input is exhausted.
    private mutating func advance() throws(RESPProtocolError) -> RESPValue? {
        while true {
            let value: RESPValue
            if bulk != nil {
                guard let finished = try continueBulk() else { return nil }
                value = finished
            } else {
                guard let line = try nextLine() else { return nil }
                guard let started = try begin(line) else { continue }
                value = started
            }
            if let topLevel = complete(value) { return topLevel }
        }
    }

    /// Places a finished value: attaches a pending attribute, appends it to the innermost
    /// aggregate, and closes every aggregate it fills. Returns a finished top-level value.
    private mutating func complete(_ finished: RESPValue) -> RESPValue? {
        var value = Self.attach(takePendingAttributes(), to: finished)
        while !stack.isEmpty {
            let innermost = stack.count - 1
            stack[innermost].elements.append(value)
            stack[innermost].remaining -= 1
            guard stack[innermost].remaining == 0 else { return nil }
            let frame = stack.removeLast()
            if frame.kind == .attribute {
                // An attribute is no element of its parent: it annotates the next value.
                pendingAttributes = frame.attributes + Self.pairs(frame.elements)
                return nil
            }
            value = Self.attach(frame.attributes, to: Self.aggregate(frame.kind, frame.elements))
        }
        return value
    }

    /// Starts the value a line introduces. Returns it when the line is the whole value;
    /// nil when a payload or elements follow.
    private mutating func begin(_ line: Line) throws(RESPProtocolError) -> RESPValue? {
        let payload = line.payload
        switch line.type {
        case UInt8(ascii: "+"): return .simpleString(text(payload))
        case UInt8(ascii: "-"): return .error(text(payload))
        case UInt8(ascii: ":"): return .integer(try integer(payload, at: line.offset))
        case UInt8(ascii: "_"):
            guard payload.isEmpty else { throw RESPProtocolError(.invalidNull, at: line.offset) }
            return .null
        case UInt8(ascii: "#"): return .boolean(try boolean(payload, at: line.offset))
        case UInt8(ascii: ","): return .double(try double(payload, at: line.offset))
        case UInt8(ascii: "("): return .bigNumber(try bigNumber(payload, at: line.offset))
        case UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "="):
            return try beginBulk(line)
        default:
            return try beginAggregate(line)
        }
    }

    private mutating func beginBulk(_ line: Line) throws(RESPProtocolError) -> RESPValue? {
        try rejectStreamed(line)
        let length = try integer(line.payload, at: line.offset)
        if length == -1 && line.type == UInt8(ascii: "$") { return .null }
        guard length >= 0 else { throw RESPProtocolError(.invalidLength(length), at: line.offset) }
        guard length <= limits.maxBulkLength else {
            throw RESPProtocolError(.bulkTooLong(length: length, limit: limits.maxBulkLength), at: line.offset)
        }
        let kind: BulkKind = switch line.type {
        case UInt8(ascii: "!"): .error
        case UInt8(ascii: "="): .verbatim
        default: .string
        }
        bulk = PartialBulk(kind: kind, length: Int(length), payload: [], offset: line.offset)
        return try continueBulk()
    }

    private mutating func beginAggregate(_ line: Line) throws(RESPProtocolError) -> RESPValue? {
        try rejectStreamed(line)
        let count = try integer(line.payload, at: line.offset)
        if count == -1 && line.type == UInt8(ascii: "*") { return .null }
        guard count >= 0 else { throw RESPProtocolError(.invalidLength(count), at: line.offset) }
        guard count <= limits.maxAggregateLength else {
            throw RESPProtocolError(.aggregateTooLong(count: count, limit: limits.maxAggregateLength), at: line.offset)
        }
        let kind: AggregateKind = switch line.type {
        case UInt8(ascii: "~"): .set
        case UInt8(ascii: ">"): .push
        case UInt8(ascii: "%"): .map
        case UInt8(ascii: "|"): .attribute
        default: .array
        }
        let (elementCount, overflow) = Int(count).multipliedReportingOverflow(by: kind.elementsPerEntry)
        guard !overflow else {
            throw RESPProtocolError(.aggregateTooLong(count: count, limit: limits.maxAggregateLength), at: line.offset)
        }
        if elementCount == 0 {
            // An empty attribute annotates nothing; an empty aggregate is already whole.
            return kind == .attribute ? nil : Self.aggregate(kind, [])
        }
        guard stack.count < limits.maxNestingDepth else {
            throw RESPProtocolError(.nestingTooDeep(limit: limits.maxNestingDepth), at: line.offset)
        }
        var elements: [RESPValue] = []
        elements.reserveCapacity(min(elementCount, 16))
        stack.append(AggregateFrame(kind: kind, remaining: elementCount, elements: elements,
                                    attributes: takePendingAttributes()))
        return nil
    }

    private func rejectStreamed(_ line: Line) throws(RESPProtocolError) {
        if line.payload.count == 1 && buffer[line.payload.lowerBound] == UInt8(ascii: "?") {
            throw RESPProtocolError(.streamedTypeUnsupported(line.type), at: line.offset)
        }
    }

    /// Moves the bytes of a bulk payload that have arrived into its storage; returns the
    /// value once the payload and its CRLF are complete.
    private mutating func continueBulk() throws(RESPProtocolError) -> RESPValue? {
        guard var partial = bulk.take() else { return nil }
        let available = buffer.count - start
        let missing = partial.length - partial.payload.count
        if partial.payload.isEmpty && available >= partial.length {
            // The whole payload is here: one copy.
            partial.payload = Array(buffer[start ..< start + partial.length])
            start += partial.length
        } else if missing > 0 {
            let taken = min(missing, available)
            partial.payload.append(contentsOf: buffer[start ..< start + taken])
            start += taken
        }
        guard partial.payload.count == partial.length, buffer.count - start >= 2 else {
            bulk = partial
            return nil
        }
        guard buffer[start] == 0x0D && buffer[start + 1] == 0x0A else {
            throw RESPProtocolError(.missingCRLF, at: bufferStreamOffset + start)
        }
        start += 2
        return try partial.value()
    }

    /// The next CRLF-terminated line: its type byte and the bytes between that and CRLF.
    private mutating func nextLine() throws(RESPProtocolError) -> Line? {
        guard start < buffer.count else { return nil }
        let type = buffer[start]
        let offset = bufferStreamOffset + start
        guard Self.isTypeByte(type) else { throw RESPProtocolError(.unknownType(type), at: offset) }
        let (carriageReturn, resume) = findCRLF(from: start + 1 + scannedWithoutCRLF)
        guard let carriageReturn else {
            scannedWithoutCRLF = resume - (start + 1)
            if scannedWithoutCRLF > limits.maxLineLength {
                throw RESPProtocolError(.lineTooLong(limit: limits.maxLineLength), at: offset)
            }
            return nil
        }
        guard carriageReturn - (start + 1) <= limits.maxLineLength else {
            throw RESPProtocolError(.lineTooLong(limit: limits.maxLineLength), at: offset)
        }
        let line = Line(type: type, payload: start + 1 ..< carriageReturn, offset: offset)
        start = carriageReturn + 2
        scannedWithoutCRLF = 0
        return line
    }

    /// The index of the first CR followed by LF at or after `from`, and where a later
    /// search must resume (a CR that is the last byte fed may still be followed by LF).
    private func findCRLF(from: Int) -> (Int?, resume: Int) {
        buffer.withUnsafeBufferPointer { bytes in
            let end = bytes.count
            guard from < end, let base = bytes.baseAddress else { return (nil, max(from, end)) }
            var index = from
            while index < end {
                guard let found = memchr(base + index, 0x0D, end - index) else { return (nil, end) }
                let carriageReturn = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                if carriageReturn + 1 == end { return (nil, carriageReturn) }
                if bytes[carriageReturn + 1] == 0x0A { return (carriageReturn, carriageReturn) }
                index = carriageReturn + 1
            }
            return (nil, end)
        }
    }

    /// Drops consumed bytes when that is cheap relative to what was consumed.
    private mutating func compact() {
        if start == buffer.count {
            bufferStreamOffset += start
            start = 0
            if buffer.capacity > 1 << 20 { buffer = [] } else { buffer.removeAll(keepingCapacity: true) }
        } else if start >= 4096 && start >= buffer.count / 2 {
            bufferStreamOffset += start
            buffer.removeSubrange(0 ..< start)
            start = 0
        }
    }

    private mutating func takePendingAttributes() -> [RESPPair] {
        guard !pendingAttributes.isEmpty else { return [] }
        defer { pendingAttributes = [] }
        return pendingAttributes
    }
}

// MARK: - Pieces of the state

extension RESPParser {
    private struct Line {
        let type: UInt8
        let payload: Range<Int>
        let offset: Int
    }

    private enum AggregateKind {
        case array, set, push, map, attribute

        /// Maps and attributes count entries, each a key and a value.
        var elementsPerEntry: Int { self == .map || self == .attribute ? 2 : 1 }
    }

    private struct AggregateFrame {
        let kind: AggregateKind
        /// Elements still to come (two per map or attribute entry).
        var remaining: Int
        var elements: [RESPValue]
        /// The attribute that preceded this aggregate.
        let attributes: [RESPPair]
    }

    private enum BulkKind { case string, error, verbatim }

    private struct PartialBulk {
        let kind: BulkKind
        let length: Int
        var payload: [UInt8]
        let offset: Int

        func value() throws(RESPProtocolError) -> RESPValue {
            switch kind {
            case .string: return .bulkString(payload)
            case .error: return .error(String(decoding: payload, as: UTF8.self))
            case .verbatim:
                // `=<len>\r\nfmt:text`: a three-byte format, a colon, then the text.
                guard payload.count >= 4, payload[3] == UInt8(ascii: ":") else {
                    throw RESPProtocolError(.invalidVerbatimString, at: offset)
                }
                return .verbatimString(format: String(decoding: payload[0 ..< 3], as: UTF8.self),
                                       text: Array(payload[4...]))
            }
        }
    }

    private static func isTypeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "$"), UInt8(ascii: "*"),
             UInt8(ascii: "_"), UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: "!"),
             UInt8(ascii: "="), UInt8(ascii: "%"), UInt8(ascii: "~"), UInt8(ascii: ">"), UInt8(ascii: "|"):
            return true
        default:
            return false
        }
    }

    private static func attach(_ attributes: [RESPPair], to value: RESPValue) -> RESPValue {
        attributes.isEmpty ? value : .attribute(attributes, value: value)
    }

    private static func aggregate(_ kind: AggregateKind, _ elements: [RESPValue]) -> RESPValue {
        switch kind {
        case .array: return .array(elements)
        case .set: return .set(elements)
        case .push: return .push(elements)
        case .map, .attribute: return .map(pairs(elements))
        }
    }

    private static func pairs(_ elements: [RESPValue]) -> [RESPPair] {
        stride(from: 0, to: elements.count - 1, by: 2).map { RESPPair(key: elements[$0], value: elements[$0 + 1]) }
    }

    // MARK: Scalars

    private func text(_ range: Range<Int>) -> String {
        String(decoding: buffer[range], as: UTF8.self)
    }

    /// An optional `-` and decimal digits, within Int64 (Redis's `string2ll` rules).
    private func integer(_ range: Range<Int>, at offset: Int) throws(RESPProtocolError) -> Int64 {
        var index = range.lowerBound
        let negative = index < range.upperBound && buffer[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < range.upperBound else { throw RESPProtocolError(.invalidInteger, at: offset) }
        var value: Int64 = 0
        while index < range.upperBound {
            let digit = buffer[index] &- UInt8(ascii: "0")
            guard digit < 10 else { throw RESPProtocolError(.invalidInteger, at: offset) }
            // Accumulate with the final sign so that Int64.min is representable.
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? shifted.subtractingReportingOverflow(Int64(digit))
                                             : shifted.addingReportingOverflow(Int64(digit))
            guard !overflow1 && !overflow2 else { throw RESPProtocolError(.invalidInteger, at: offset) }
            value = next
            index += 1
        }
        return value
    }

    private func boolean(_ range: Range<Int>, at offset: Int) throws(RESPProtocolError) -> Bool {
        guard range.count == 1 else { throw RESPProtocolError(.invalidBoolean, at: offset) }
        switch buffer[range.lowerBound] {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: throw RESPProtocolError(.invalidBoolean, at: offset)
        }
    }

    private func double(_ range: Range<Int>, at offset: Int) throws(RESPProtocolError) -> RESPDouble {
        guard let number = RESPDouble(text: text(range)) else { throw RESPProtocolError(.invalidDouble, at: offset) }
        return number
    }

    private func bigNumber(_ range: Range<Int>, at offset: Int) throws(RESPProtocolError) -> String {
        var digits = range
        if let first = digits.first, buffer[first] == UInt8(ascii: "-") || buffer[first] == UInt8(ascii: "+") {
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, buffer[digits].allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else {
            throw RESPProtocolError(.invalidBigNumber, at: offset)
        }
        return text(range)
    }
}
