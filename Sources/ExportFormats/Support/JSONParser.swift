/// A strict, bounded JSON parser over bytes.
///
/// Bounded nesting (no stack overflow on hostile input), numbers kept as text, invalid UTF-8 and
/// lone surrogates replaced with U+FFFD and counted, duplicate keys kept. Not a JavaScript evaluator.
public struct JSONParser {
    public static let defaultMaxDepth = 512

    /// Counts of repairs made while parsing.
    public struct Notes: Sendable, Hashable {
        public var invalidUTF8 = 0
        public var loneSurrogates = 0
        public var duplicateKeys = 0
        /// Byte offset (in the parsed input) of the first string that needed a repair, if any.
        public var firstRepairOffset: Int?

        /// Strings repaired in all (invalid UTF-8 and lone surrogates).
        public var repairedStrings: Int { invalidUTF8 + loneSurrogates }

        /// The `invalid-text` warning text: how many strings, and where the first one starts
        /// (`base` is the offset of the parsed bytes in the member); nil when nothing was repaired.
        public func repairMessage(base: Int64) -> String? {
            guard repairedStrings > 0 else { return nil }
            var message = "\(repairedStrings) strings held invalid UTF-8 or lone surrogates, replaced by U+FFFD"
            if let first = firstRepairOffset { message += " (the first at byte \(base + Int64(first)))" }
            return message
        }

        mutating func noteRepair(at offset: Int) {
            if firstRepairOffset == nil { firstRepairOffset = offset }
        }
    }

    public private(set) var notes = Notes()
    private let maxDepth: Int
    /// How many members (items) the last object (array) closed at each of the first depths had. The
    /// elements of an export repeat their shape, so the next container at that depth reserves as
    /// many: appending grew a tweet's 25 members through six allocations.
    private var memberCountHints = [Int](repeating: 0, count: JSONParser.hintedDepths)
    private var itemCountHints = [Int](repeating: 0, count: JSONParser.hintedDepths)
    private static let hintedDepths = 8
    /// A hint from one huge container must not make every later one reserve as much.
    private static let maxHint = 64

    /// Member names whose values are checked as JSON but not built (see `init`), as bytes.
    private let skippedNames: [[UInt8]]
    /// Bit n set when a skipped name is n bytes long: most names are passed over by one test.
    private let skippedLengths: UInt64
    /// Member names longer than a small string (16 bytes or more), as built before: the elements of an
    /// export repeat their names, and a name found here is shared instead of allocated again.
    private var longNames: [String] = []
    private static let maxLongNames = 64

    /// `skipping` names members whose values the caller never reads (a tweet's `edit_info`, the
    /// `sizes` of its media): their values are checked as JSON, so a syntax error in them is still an
    /// error, but no tree is built for them and the member is left out of its object. Their strings
    /// are not decoded, so invalid UTF-8 in them is not counted in `notes`, and a skipped name that is
    /// repeated is not counted as a duplicate.
    public init(maxDepth: Int = JSONParser.defaultMaxDepth, skipping: [String] = []) {
        self.maxDepth = maxDepth
        self.skippedNames = skipping.map { Array($0.utf8) }
        self.skippedLengths = skipping.reduce(0) { $1.utf8.count < 64 ? $0 | 1 << UInt64($1.utf8.count) : $0 }
    }

    /// Parses one complete JSON text.
    public mutating func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONValue in
            try parse(buffer)
        }
    }

    public mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var cursor = Cursor(bytes: buffer, index: 0)
        cursor.skipWhitespace()
        let value = try parseValue(&cursor, depth: 0)
        cursor.skipWhitespace()
        if cursor.index < buffer.count { throw JSONSyntaxError(offset: cursor.index, reason: "unexpected data after the value") }
        return value
    }

    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int

        @inline(__always) var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        @inline(__always) mutating func skipWhitespace() {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 } else { break }
            }
        }
    }

    private mutating func parseValue(_ cursor: inout Cursor, depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard let byte = cursor.current else { throw JSONSyntaxError(offset: cursor.index, reason: "unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"):
            guard depth < maxDepth else { throw JSONSyntaxError(offset: cursor.index, reason: "nesting deeper than \(maxDepth)") }
            cursor.index += 1
            var members: [JSONObject.Member] = []
            var keys = Set<String>()
            cursor.skipWhitespace()
            if cursor.current == UInt8(ascii: "}") {
                cursor.index += 1
                return .object(JSONObject(members: members))
            }
            // Reserved once the object is known not to be empty: an empty one allocates nothing.
            if depth < Self.hintedDepths { members.reserveCapacity(memberCountHints[depth]) }
            while true {
                cursor.skipWhitespace()
                guard cursor.current == UInt8(ascii: "\"") else {
                    throw JSONSyntaxError(offset: cursor.index, reason: "expected a member name")
                }
                let name = try parseName(&cursor)
                cursor.skipWhitespace()
                guard cursor.current == UInt8(ascii: ":") else { throw JSONSyntaxError(offset: cursor.index, reason: "expected ':'") }
                cursor.index += 1
                cursor.skipWhitespace()
                if let key = name {
                    let value = try parseValue(&cursor, depth: depth + 1)
                    // Small objects (most of them) check duplicates by scanning; a set only pays off for big ones.
                    if members.count < 16 {
                        let length = key.utf8.count
                        if members.contains(where: { $0.key.utf8.count == length && $0.key == key }) { notes.duplicateKeys += 1 }
                    } else {
                        if keys.isEmpty { keys = Set(members.map(\.key)) }
                        if !keys.insert(key).inserted { notes.duplicateKeys += 1 }
                    }
                    members.append(JSONObject.Member(key: key, value: value))
                } else {
                    // A skipped member: its value is checked, not built, and the member left out.
                    try skipValue(&cursor, depth: depth + 1)
                }
                cursor.skipWhitespace()
                if cursor.current == UInt8(ascii: ",") {
                    cursor.index += 1
                    continue
                }
                if cursor.current == UInt8(ascii: "}") {
                    cursor.index += 1
                    if depth < Self.hintedDepths { memberCountHints[depth] = min(max(members.count, memberCountHints[depth]), Self.maxHint) }
                    return .object(JSONObject(members: members))
                }
                throw JSONSyntaxError(offset: cursor.index, reason: "expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            guard depth < maxDepth else { throw JSONSyntaxError(offset: cursor.index, reason: "nesting deeper than \(maxDepth)") }
            cursor.index += 1
            var items: [JSONValue] = []
            cursor.skipWhitespace()
            if cursor.current == UInt8(ascii: "]") {
                cursor.index += 1
                return .array(items)
            }
            if depth < Self.hintedDepths { items.reserveCapacity(itemCountHints[depth]) }
            while true {
                cursor.skipWhitespace()
                items.append(try parseValue(&cursor, depth: depth + 1))
                cursor.skipWhitespace()
                if cursor.current == UInt8(ascii: ",") {
                    cursor.index += 1
                    cursor.skipWhitespace()
                    // Grailbird archives leave a trailing comma before ']'.
                    if cursor.current == UInt8(ascii: "]") {
                        cursor.index += 1
                        if depth < Self.hintedDepths { itemCountHints[depth] = min(max(items.count, itemCountHints[depth]), Self.maxHint) }
                        return .array(items)
                    }
                    continue
                }
                if cursor.current == UInt8(ascii: "]") {
                    cursor.index += 1
                    if depth < Self.hintedDepths { itemCountHints[depth] = min(max(items.count, itemCountHints[depth]), Self.maxHint) }
                    return .array(items)
                }
                throw JSONSyntaxError(offset: cursor.index, reason: "expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try parseString(&cursor))
        case UInt8(ascii: "t"):
            try expect(&cursor, "true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect(&cursor, "false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expect(&cursor, "null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = cursor.index
            try scanNumber(&cursor)
            return .number(String(decoding: UnsafeBufferPointer(rebasing: cursor.bytes[start..<cursor.index]), as: UTF8.self))
        default:
            throw unexpectedCharacter(cursor)
        }
    }

    /// Moves past a number's characters (as lenient as before: any run of digits, `.`, `e`, `+` and
    /// `-`); a lone `-` is an error.
    private func scanNumber(_ cursor: inout Cursor) throws(JSONSyntaxError) {
        let start = cursor.index
        cursor.index += 1
        while let next = cursor.current,
            (next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")) || next == UInt8(ascii: ".")
                || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") || next == UInt8(ascii: "+")
                || next == UInt8(ascii: "-")
        {
            cursor.index += 1
        }
        if cursor.index == start + 1, cursor.bytes[start] == UInt8(ascii: "-") {
            if let lexeme = nonstandardNumber(cursor.bytes, at: start) {
                throw JSONSyntaxError(offset: start, reason: Self.nonstandardReason(lexeme))
            }
            throw JSONSyntaxError(offset: start, reason: "invalid number")
        }
    }

    private func unexpectedCharacter(_ cursor: Cursor) -> JSONSyntaxError {
        if let lexeme = nonstandardNumber(cursor.bytes, at: cursor.index) {
            return JSONSyntaxError(offset: cursor.index, reason: Self.nonstandardReason(lexeme))
        }
        return JSONSyntaxError(offset: cursor.index, reason: "unexpected character")
    }

    /// Python's `json` writes NaN and infinities as bare words, which JSON does not allow; the policy
    /// (RELIABILITY.md R-24) is to reject the document but name the lexeme and its offset.
    static func nonstandardReason(_ lexeme: String) -> String {
        "non-standard number '\(lexeme)' (NaN/Infinity are not JSON)"
    }

    /// `NaN`, `Infinity` or `-Infinity` (also `-NaN`, `+Infinity`) at `index`, else nil.
    private func nonstandardNumber(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> String? {
        for word in ["NaN", "Infinity", "-Infinity", "-NaN", "+Infinity", "+NaN"] {
            let utf8 = Array(word.utf8)
            guard index + utf8.count <= bytes.count else { continue }
            if (0..<utf8.count).allSatisfy({ bytes[index + $0] == utf8[$0] }) { return word }
        }
        return nil
    }

    private func expect(_ cursor: inout Cursor, _ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard cursor.index + count <= cursor.bytes.count else {
            throw JSONSyntaxError(offset: cursor.index, reason: "unexpected end of input")
        }
        let pointer = word.utf8Start
        for offset in 0..<count where cursor.bytes[cursor.index + offset] != pointer[offset] {
            throw JSONSyntaxError(offset: cursor.index, reason: "invalid literal")
        }
        cursor.index += count
    }

    /// A member name, or nil for a skipped one (the cursor is then past it). Names are compared by
    /// their bytes with no escape, so a skipped name written with an escape is built as usual; a long
    /// name the parser has built before is shared.
    private mutating func parseName(_ cursor: inout Cursor) throws(JSONSyntaxError) -> String? {
        let start = cursor.index + 1
        let bytes = cursor.bytes
        var end = start
        var highBits: UInt8 = 0
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
            highBits |= bytes[end]
            end += 1
        }
        let length = end - start
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return try parseString(&cursor) }
        if length >= 64 ? !skippedNames.isEmpty : skippedLengths & (1 << UInt64(length)) != 0 {
            for name in skippedNames where name.count == length {
                if name.withUnsafeBufferPointer({ Self.equal($0, bytes, at: start) }) {
                    cursor.index = end + 1
                    return nil
                }
            }
        }
        guard length >= 16 else {
            cursor.index = end + 1
            return plainString(bytes, start, end, highBits: highBits)
        }
        for name in longNames where name.utf8.count == length {
            let same = name.utf8.withContiguousStorageIfAvailable { Self.equal($0, bytes, at: start) }
            if same == true {
                cursor.index = end + 1
                return name
            }
        }
        let name = try parseString(&cursor)
        if longNames.count < Self.maxLongNames { longNames.append(name) }
        return name
    }

    /// Whether `bytes` holds `name`'s bytes at `start` (the caller checked the room).
    @inline(__always)
    private static func equal(_ name: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        for offset in 0..<name.count where name[offset] != bytes[start + offset] { return false }
        return true
    }

    /// Checks a value as `parseValue` does, building nothing.
    private func skipValue(_ cursor: inout Cursor, depth: Int) throws(JSONSyntaxError) {
        guard let byte = cursor.current else { throw JSONSyntaxError(offset: cursor.index, reason: "unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < maxDepth else { throw JSONSyntaxError(offset: cursor.index, reason: "nesting deeper than \(maxDepth)") }
            let isObject = byte == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            cursor.index += 1
            cursor.skipWhitespace()
            if cursor.current == close {
                cursor.index += 1
                return
            }
            while true {
                cursor.skipWhitespace()
                if isObject {
                    guard cursor.current == UInt8(ascii: "\"") else {
                        throw JSONSyntaxError(offset: cursor.index, reason: "expected a member name")
                    }
                    try skipString(&cursor)
                    cursor.skipWhitespace()
                    guard cursor.current == UInt8(ascii: ":") else { throw JSONSyntaxError(offset: cursor.index, reason: "expected ':'") }
                    cursor.index += 1
                    cursor.skipWhitespace()
                }
                try skipValue(&cursor, depth: depth + 1)
                cursor.skipWhitespace()
                if cursor.current == UInt8(ascii: ",") {
                    cursor.index += 1
                    if !isObject {
                        cursor.skipWhitespace()
                        if cursor.current == close {  // Grailbird's trailing comma, as `parseValue` allows it
                            cursor.index += 1
                            return
                        }
                    }
                    continue
                }
                if cursor.current == close {
                    cursor.index += 1
                    return
                }
                throw JSONSyntaxError(offset: cursor.index, reason: isObject ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            try skipString(&cursor)
        case UInt8(ascii: "t"): try expect(&cursor, "true")
        case UInt8(ascii: "f"): try expect(&cursor, "false")
        case UInt8(ascii: "n"): try expect(&cursor, "null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber(&cursor)
        default: throw unexpectedCharacter(cursor)
        }
    }

    /// Checks a string as `parseString` does (escapes, control characters), decoding nothing.
    private func skipString(_ cursor: inout Cursor) throws(JSONSyntaxError) {
        let start = cursor.index
        var index = start + 1
        let bytes = cursor.bytes
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                cursor.index = index + 1
                return
            }
            if byte < 0x20 { throw JSONSyntaxError(offset: index, reason: "control character in string") }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { break }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    guard hex4(bytes, index + 1) != nil else { throw JSONSyntaxError(offset: index + 1, reason: "invalid \\u escape") }
                    index += 5
                default:
                    throw JSONSyntaxError(offset: index, reason: "invalid escape")
                }
                continue
            }
            index += 1
        }
        throw JSONSyntaxError(offset: start + 1, reason: "unterminated string")
    }

    /// The string of `bytes[start..<end]`, which hold no escape; `highBits` is their bytes or'ed
    /// together (ASCII needs no validation). Invalid UTF-8 is repaired and noted.
    @inline(__always)
    private mutating func plainString(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, highBits: UInt8) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if highBits & 0x80 == 0 { return String(decoding: slice, as: UTF8.self) }
        if let text = String(validating: slice, as: UTF8.self) { return text }
        notes.invalidUTF8 += 1
        notes.noteRepair(at: start - 1)
        return String(decoding: slice, as: UTF8.self)
    }

    private mutating func parseString(_ cursor: inout Cursor) throws(JSONSyntaxError) -> String {
        cursor.index += 1  // opening quote
        let start = cursor.index
        let bytes = cursor.bytes
        // Fast path: no escapes.
        var index = start
        var highBits: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                cursor.index = index + 1
                return plainString(bytes, start, index, highBits: highBits)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw JSONSyntaxError(offset: index, reason: "control character in string") }
            highBits |= byte
            index += 1
        }
        // An escape shortens what it stands for (`\u` and a surrogate pair as well: 6 or 12 bytes for
        // 1 to 4), so the bytes up to the closing quote bound the output: one allocation, not a
        // doubling per append (every tweet's `source` is HTML with escaped quotes).
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
        var output: [UInt8] = []
        output.reserveCapacity(min(end, bytes.count) - start)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                cursor.index = index + 1
                if let text = String(validating: output, as: UTF8.self) { return text }
                notes.invalidUTF8 += 1
                notes.noteRepair(at: start - 1)
                return String(decoding: output, as: UTF8.self)
            }
            if byte < 0x20 { throw JSONSyntaxError(offset: index, reason: "control character in string") }
            if byte != UInt8(ascii: "\\") {
                output.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): output.append(0x22)
            case UInt8(ascii: "\\"): output.append(0x5C)
            case UInt8(ascii: "/"): output.append(0x2F)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hex4(bytes, index) else { throw JSONSyntaxError(offset: index, reason: "invalid \\u escape") }
                index += 4
                var scalarValue = UInt32(unit)
                if (0xD800...0xDBFF).contains(unit) {
                    if index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                        let low = hex4(bytes, index + 2), (0xDC00...0xDFFF).contains(low)
                    {
                        index += 6
                        scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    } else {
                        notes.loneSurrogates += 1
                        notes.noteRepair(at: index - 6)
                        scalarValue = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(unit) {
                    notes.loneSurrogates += 1
                    notes.noteRepair(at: index - 6)
                    scalarValue = 0xFFFD
                }
                let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
                UTF8.encode(scalar) { output.append($0) }
            default:
                throw JSONSyntaxError(offset: index - 1, reason: "invalid escape")
            }
        }
        throw JSONSyntaxError(offset: start, reason: "unterminated string")
    }

    private func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt16? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
