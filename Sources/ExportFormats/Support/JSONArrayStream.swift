/// Splits a streamed JSON array (optionally behind a JavaScript assignment such as
/// `window.YTD.tweets.part0 = `) into its top-level elements, without holding the whole array.
///
/// Feed chunks as they come from the member; each complete element is handed over as bytes with
/// its index and its byte offset in the member. Memory stays bounded by the largest element, or, for
/// an element the caller takes in pieces (`divertAbove`), by `divertAbove` and a chunk.
public struct JSONArrayStream {
    /// An element handed over in pieces as it arrives (see `divertAbove`).
    public enum Piece {
        /// The element passed `divertAbove` bytes: its index, member offset and the bytes so far. The
        /// caller returns true to take the rest in pieces, false to have it buffered whole after all.
        case opened(index: Int, offset: Int64, head: UnsafeRawBufferPointer)
        /// The next bytes of a taken element.
        case bytes(UnsafeRawBufferPointer)
        /// The taken element ended (its last bytes were handed over).
        case closed(index: Int)
    }

    private enum State { case prefix, betweenElements, inElement, done }

    private var state = State.prefix
    private var element: [UInt8] = []
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var elementStart: Int64 = 0
    private var elementBytes: Int64 = 0
    private var oversized = false
    /// The open element is handed over in pieces, not buffered.
    private var diverted = false
    /// The caller declined to take the open element in pieces.
    private var divertDeclined = false
    /// Bytes consumed so far.
    public private(set) var offset: Int64 = 0
    /// Elements handed over so far.
    public private(set) var count = 0
    /// Bytes seen before the opening `[`, up to 256 (for example `window.YTD.tweets.part0 = `).
    public private(set) var prefixText: [UInt8] = []
    /// Largest element allowed, to bound memory on hostile input.
    public var maxElementBytes: Int
    /// An element that grows past this many bytes is offered to `feed`'s `onPiece` (`.opened`); if taken,
    /// the stream stops buffering it and hands its bytes over as they come.
    public var divertAbove: Int
    /// Member offset just past the closing `]`, once seen.
    public private(set) var endOffset: Int64?
    /// How many of the bytes after the closing `]` are kept in `trailingBytes` (none by default).
    public let maxTrailingBytes: Int
    /// The bytes after the closing `]`, up to `maxTrailingBytes` (what closes an array nested in an
    /// object, for a caller that streams such an array).
    public private(set) var trailingBytes: [UInt8] = []
    /// More than `maxTrailingBytes` bytes followed the closing `]`.
    public private(set) var trailingOverflow = false

    public init(maxElementBytes: Int = 64 << 20, divertAbove: Int = .max, maxTrailingBytes: Int = 0) {
        self.maxElementBytes = maxElementBytes
        self.divertAbove = divertAbove
        self.maxTrailingBytes = maxTrailingBytes
    }

    /// True once the closing `]` was seen.
    public var isComplete: Bool { state == .done }
    /// True while an element taken in pieces is open (the input stopped inside it if the array is
    /// not complete).
    public var isDiverting: Bool { state == .inElement && diverted }
    /// True when the opening `[` was never found (not an array member).
    public var sawArray: Bool { state != .prefix }

    /// The element the input stopped in the middle of (a truncated member): its index, offset and the
    /// bytes seen; nil when no element is open or it was over `maxElementBytes`.
    public var unfinishedElement: (index: Int, offset: Int64, bytes: [UInt8])? {
        guard state == .inElement, !oversized, !diverted, !element.isEmpty else { return nil }
        return (count, elementStart, element)
    }

    /// Consumes a chunk, calling `onElement(index, offset, bytes)` for each complete element and
    /// `onOversized(index, offset, size)` for an element larger than `maxElementBytes`, which is skipped,
    /// and `onPiece` for an element past `divertAbove` bytes (see `Piece`).
    public mutating func feed(
        _ chunk: UnsafeRawBufferPointer, onElement: (Int, Int64, [UInt8]) throws -> Void,
        onOversized: (Int, Int64, Int64) throws -> Void = { _, _, _ in },
        onPiece: (Piece) throws -> Bool = { _ in false }
    ) throws {
        let bytes = chunk.bindMemory(to: UInt8.self)
        var index = 0
        let total = bytes.count
        while index < total {
            let byte = bytes[index]
            switch state {
            case .prefix:
                if byte == UInt8(ascii: "[") {
                    state = .betweenElements
                } else if prefixText.count < 256 {
                    prefixText.append(byte)
                }
                index += 1
            case .betweenElements:
                if byte == UInt8(ascii: "]") {
                    state = .done
                    endOffset = offset + Int64(index) + 1
                } else if byte == UInt8(ascii: ",") || byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                    // separators
                } else {
                    state = .inElement
                    element.removeAll(keepingCapacity: true)
                    elementStart = offset + Int64(index)
                    elementBytes = 0
                    oversized = false
                    diverted = false
                    divertDeclined = false
                    depth = 0
                    inString = false
                    escaped = false
                    continue  // reprocess this byte as part of the element
                }
                index += 1
            case .inElement:
                // Find the end of the element in this chunk. The state lives in locals while scanning
                // (written back below), and a string's bytes are passed over by a loop that looks only
                // for a quote or a backslash: most of an export's bytes are inside strings, and the
                // general loop cost 14 instructions a byte (callgrind, small bench archive).
                let runStart = index
                var finished = false
                var depth = self.depth
                var inString = self.inString
                var escaped = self.escaped
                scan: while index < total {
                    if inString {
                        if escaped {
                            escaped = false
                            index += 1
                        }
                        while index < total {
                            let current = bytes[index]
                            if current == UInt8(ascii: "\"") || current == UInt8(ascii: "\\") { break }
                            index += 1
                        }
                        guard index < total else { break scan }
                        index += 1
                        if bytes[index - 1] == UInt8(ascii: "\\") {
                            // The escaped byte may be in the next chunk.
                            if index < total { index += 1 } else { escaped = true }
                        } else {
                            inString = false
                        }
                        continue
                    }
                    let current = bytes[index]
                    index += 1
                    if current == UInt8(ascii: "\"") {
                        inString = true
                    } else if current == UInt8(ascii: "{") || current == UInt8(ascii: "[") {
                        depth += 1
                    } else if current == UInt8(ascii: "}") || current == UInt8(ascii: "]") {
                        depth -= 1
                        if depth < 0 {
                            // The array's own ']' after a scalar element: not part of the element. A stray '}'
                            // stays in the element (which then fails to parse and becomes a warning): stepping
                            // back over it too handed over an empty element and came back to the same byte
                            // forever (`[ }` hung; found by fuzzing, FuzzRegressionTests.strayClosingBrace...).
                            if current == UInt8(ascii: "]") { index -= 1 }
                            finished = true
                            break
                        }
                        if depth == 0 {
                            finished = true
                            break
                        }
                    } else if depth == 0 && (current == UInt8(ascii: ",") || current == 0x0A || current == 0x0D) {
                        // A scalar element ends at a separator; leave the separator out.
                        index -= 1
                        finished = true
                        break
                    }
                }
                self.depth = depth
                self.inString = inString
                self.escaped = escaped
                // An element over the limit is not buffered any further: its structure is still followed
                // so that the next elements are found, and it is reported once it ends.
                elementBytes += Int64(index - runStart)
                if diverted {
                    if index > runStart { _ = try onPiece(.bytes(UnsafeRawBufferPointer(rebasing: chunk[runStart..<index]))) }
                } else if !oversized {
                    element.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    if element.count > divertAbove && !divertDeclined {
                        let start = elementStart
                        let taken = try element.withUnsafeBytes { try onPiece(.opened(index: count, offset: start, head: $0)) }
                        if taken {
                            diverted = true
                            element = []
                        } else {
                            divertDeclined = true
                        }
                    }
                    if !diverted && element.count > maxElementBytes {
                        oversized = true
                        element = []
                    }
                }
                if finished {
                    if diverted {
                        _ = try onPiece(.closed(index: count))
                        diverted = false
                    } else if oversized {
                        try onOversized(count, elementStart, elementBytes)
                    } else {
                        try onElement(count, elementStart, element)
                    }
                    count += 1
                    oversized = false
                    elementBytes = 0
                    state = .betweenElements
                }
            case .done:
                if maxTrailingBytes > 0 {
                    let room = maxTrailingBytes - trailingBytes.count
                    if total - index > room { trailingOverflow = true }
                    trailingBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + min(room, total - index))]))
                }
                index = total
            }
        }
        offset += Int64(total)
    }
}
