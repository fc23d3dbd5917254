/// Turns a member's first bytes into an encoding decision and its chunks into UTF-8, for parsers
/// that stream (a 1.5 GB `tweets.js` saved as UTF-16 by an editor). UTF-8 passes through untouched.
///
/// Detection: a UTF-32 or UTF-16 byte order mark, else the NUL pattern of ASCII text in UTF-16
/// (`w\0i\0` or `\0w\0i`). Invalid units become U+FFFD and are counted.
public struct StreamingTextDecoder {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
        case utf32LE = "UTF-32LE"
        case utf32BE = "UTF-32BE"

        var unitSize: Int {
            switch self {
            case .utf8: 1
            case .utf16LE, .utf16BE: 2
            case .utf32LE, .utf32BE: 4
            }
        }
    }

    public private(set) var encoding: Encoding = .utf8
    /// True when the encoding came from a byte order mark (else from the NUL pattern, a guess).
    public private(set) var hadByteOrderMark = false
    /// Units that were not valid and became U+FFFD.
    public private(set) var replacements = 0
    private var decided = false
    private var head: [UInt8] = []
    private var carry: [UInt8] = []
    private var highSurrogate: UInt32?

    public init() {}

    /// True once the input is known to be UTF-8: chunks can then be used as they are.
    public var passesThrough: Bool { decided && encoding == .utf8 }

    /// Feeds a chunk and returns its UTF-8 bytes (possibly empty while the first 4 bytes are awaited
    /// or a unit is split across chunks).
    public mutating func decode(_ chunk: UnsafeRawBufferPointer) -> [UInt8] {
        if !decided {
            head.append(contentsOf: chunk)
            guard head.count >= 4 else { return [] }
            return decide()
        }
        if encoding == .utf8 { return Array(chunk) }
        return transcode(Array(chunk))
    }

    /// Whatever is left at the end of the member.
    public mutating func finish() -> [UInt8] {
        var output: [UInt8] = []
        if !decided { output = decide() }
        if !carry.isEmpty {
            replacements += 1
            carry = []
            output += Array("\u{FFFD}".utf8)
        }
        if highSurrogate != nil {
            replacements += 1
            highSurrogate = nil
            output += Array("\u{FFFD}".utf8)
        }
        return output
    }

    /// The encoding the first bytes show and the length of its byte order mark (0 when guessed).
    public static func detect(_ head: some Collection<UInt8>) -> (encoding: Encoding, markLength: Int) {
        let bytes = Array(head.prefix(4))
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return (.utf32LE, 4) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return (.utf32BE, 4) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        if bytes.count == 4, bytes[0] != 0, bytes[1] == 0, bytes[2] != 0, bytes[3] == 0 { return (.utf16LE, 0) }
        if bytes.count == 4, bytes[0] == 0, bytes[1] != 0, bytes[2] == 0, bytes[3] != 0 { return (.utf16BE, 0) }
        return (.utf8, 0)
    }

    /// A whole member as UTF-8: the bytes themselves when they are UTF-8 (no copy), else transcoded.
    public static func utf8(_ bytes: [UInt8]) -> (bytes: [UInt8], decoder: StreamingTextDecoder) {
        var decoder = StreamingTextDecoder()
        let (encoding, _) = detect(bytes)
        guard encoding != .utf8 else {
            decoder.decided = true
            return (bytes, decoder)
        }
        var output = bytes.withUnsafeBytes { decoder.decode($0) }
        output += decoder.finish()
        return (output, decoder)
    }

    /// One warning (`text-encoding`) naming the encoding found and how, and the replacements made.
    public func warnIfTranscoded(_ context: ParseContext) {
        guard encoding != .utf8 else { return }
        let how = hadByteOrderMark ? "by its byte order mark" : "guessed from the NUL bytes of ASCII text, no byte order mark"
        var message = "member is \(encoding.rawValue) (\(how)); decoded to UTF-8 – byte offsets in other warnings count UTF-8 bytes"
        if replacements > 0 { message += "; \(replacements) invalid units replaced by U+FFFD" }
        context.warn("text-encoding", message, locator: "")
    }

    private mutating func decide() -> [UInt8] {
        decided = true
        let bytes = head
        head = []
        let (found, skip) = Self.detect(bytes)
        encoding = found
        hadByteOrderMark = skip > 0
        if encoding == .utf8 { return bytes }
        return transcode(Array(bytes.dropFirst(skip)))
    }

    private mutating func transcode(_ input: [UInt8]) -> [UInt8] {
        let bytes = carry + input
        let size = encoding.unitSize
        let usable = bytes.count - bytes.count % size
        carry = Array(bytes[usable...])
        var output: [UInt8] = []
        output.reserveCapacity(usable)
        var index = 0
        func append(_ value: UInt32) {
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            if Unicode.Scalar(value) == nil { replacements += 1 }
            output.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        while index < usable {
            let value: UInt32
            switch encoding {
            case .utf16LE: value = UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
            case .utf16BE: value = UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
            case .utf32LE:
                value =
                    UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
                    | UInt32(bytes[index + 3]) << 24
            case .utf32BE:
                value =
                    UInt32(bytes[index]) << 24 | UInt32(bytes[index + 1]) << 16 | UInt32(bytes[index + 2]) << 8
                    | UInt32(bytes[index + 3])
            case .utf8: value = UInt32(bytes[index])
            }
            index += size
            if size == 2 {
                if let high = highSurrogate {
                    highSurrogate = nil
                    if (0xDC00...0xDFFF).contains(value) {
                        append(0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00))
                        continue
                    }
                    replacements += 1
                    append(0xFFFD)
                }
                if (0xD800...0xDBFF).contains(value) {
                    highSurrogate = value
                    continue
                }
                if (0xDC00...0xDFFF).contains(value) {
                    replacements += 1
                    append(0xFFFD)
                    continue
                }
            }
            if value < 0x80 {
                output.append(UInt8(value))
            } else {
                append(value)
            }
        }
        return output
    }
}
