/// Minimal, deterministic JSON text writing (no Foundation encoder, whose key order and number
/// formatting vary between platforms).
public enum JSONText {
    /// A JSON string literal, escaping quotes, backslashes, control characters (C0, DEL and C1, so that
    /// JSON printed to a terminal cannot carry an escape sequence) and U+2028/U+2029.
    public static func quote(_ text: String) -> String {
        var output: [UInt8] = []
        appendQuoted(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal (the escaping of `quote`) to a UTF-8 buffer.
    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            output.append(UInt8(ascii: "\""))
            // Most evidence text needs no escape: copy it whole (this runs for every stored detail
            // and every JSON output row).
            guard needsEscape(bytes) else {
                output.append(contentsOf: bytes)
                output.append(UInt8(ascii: "\""))
                return
            }
            output.reserveCapacity(output.count + bytes.count + 16)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): output += [0x5C, 0x22]
                case UInt8(ascii: "\\"): output += [0x5C, 0x5C]
                case 0x0A: output += [0x5C, UInt8(ascii: "n")]
                case 0x0D: output += [0x5C, UInt8(ascii: "r")]
                case 0x09: output += [0x5C, UInt8(ascii: "t")]
                case 0xE2 where isLineSeparator(bytes, at: index):
                    // U+2028 and U+2029 end lines in JavaScript; escape them for script-embedded JSON.
                    output += [0x5C, UInt8(ascii: "u"), 0x32, 0x30, 0x32, bytes[index + 2] == 0xA8 ? 0x38 : 0x39]
                    index += 2
                case 0xC2 where isC1(bytes, at: index):
                    // C1 controls (U+0080…U+009F, UTF-8 C2 80…C2 9F) include CSI: escaped like C0.
                    appendUnicodeEscape(bytes[index + 1], to: &output)
                    index += 1
                case ..<0x20, 0x7F:
                    appendUnicodeEscape(byte, to: &output)
                default:
                    output.append(byte)
                }
                index += 1
            }
            output.append(UInt8(ascii: "\""))
        }
    }

    /// `\u00XX` for a byte value below 0x100.
    private static func appendUnicodeEscape(_ value: UInt8, to output: inout [UInt8]) {
        let hex: StaticString = "0123456789abcdef"
        let digits = hex.utf8Start
        output += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, digits[Int(value >> 4)], digits[Int(value & 0x0F)]]
    }

    private static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in bytes.indices {
            switch bytes[index] {
            case ..<0x20, 0x22, 0x5C, 0x7F: return true
            case 0xE2 where isLineSeparator(bytes, at: index): return true
            case 0xC2 where isC1(bytes, at: index): return true
            default: continue
            }
        }
        return false
    }

    private static func isLineSeparator(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
    }

    private static func isC1(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1])
    }

    /// An object from ordered pairs; values are already JSON text.
    public static func object(_ pairs: [(String, String)]) -> String {
        buildObject(pairs) { value, output in output.append(contentsOf: value.utf8) }
    }

    /// An object of string values from ordered pairs (written into one buffer: this runs for every
    /// stored event's details).
    public static func stringObject(_ pairs: [(String, String)]) -> String {
        buildObject(pairs) { value, output in appendQuoted(value, to: &output) }
    }

    private static func buildObject(_ pairs: [(String, String)], value: (String, inout [UInt8]) -> Void) -> String {
        var output: [UInt8] = [UInt8(ascii: "{")]
        output.reserveCapacity(pairs.reduce(2) { $0 + $1.0.utf8.count + $1.1.utf8.count + 6 })
        for (index, pair) in pairs.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            appendQuoted(pair.0, to: &output)
            output.append(UInt8(ascii: ":"))
            value(pair.1, &output)
        }
        output.append(UInt8(ascii: "}"))
        return String(decoding: output, as: UTF8.self)
    }

    /// The names and the values of `details` as two JSON arrays of strings (this runs for every stored
    /// event), or nil when a text holds a character that SQLite's JSON functions write otherwise than
    /// `quote`: NUL, backspace and form feed (SQLite: `\b`, `\f`), DEL, C1 controls, U+2028 and U+2029
    /// (SQLite leaves them unescaped). SQLite can then rebuild `stringObject` of the pairs byte for byte
    /// from the two arrays.
    public static func separated(_ details: [Event.Detail]) -> (names: String, values: String)? {
        var names = DetailNames()
        return separated(details, names: &names)
    }

    /// The detail names `separated(_:names:)` wrote last, and their JSON array.
    public struct DetailNames: Sendable {
        fileprivate var names: [String] = []
        fileprivate var text = ""
        public init() {}
    }

    /// As `separated(_:)`; the names' array is reused when they are, byte for byte, those of the call
    /// before (a member's events repeat their detail names).
    public static func separated(_ details: [Event.Detail], names last: inout DetailNames) -> (names: String, values: String)? {
        let reused = !details.isEmpty && details.count == last.names.count
            && zip(details, last.names).allSatisfy { ExactText.equal($0.name, $1) }
        if !reused {
            guard let names = quotedArray(details, { $0.name }) else { return nil }
            last.names = details.map(\.name)
            last.text = names
        }
        guard let values = quotedArray(details, { $0.value }) else { return nil }
        return (last.text, values)
    }

    /// One text of each detail as a JSON array of strings, or nil when SQLite would quote one otherwise.
    @inline(__always)
    private static func quotedArray(_ details: [Event.Detail], _ text: (Event.Detail) -> String) -> String? {
        var output: [UInt8] = [UInt8(ascii: "[")]
        output.reserveCapacity(details.count * 20 + 2)
        for (index, detail) in details.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            guard appendQuotedAsSQLite(text(detail), to: &output) else { return nil }
        }
        output.append(UInt8(ascii: "]"))
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` quoted; false when SQLite would quote it otherwise. Only text that needed an
    /// escape is scanned again: every character in question is one `quote` escapes.
    private static func appendQuotedAsSQLite(_ text: String, to output: inout [UInt8]) -> Bool {
        let before = output.count
        appendQuoted(text, to: &output)
        guard output.count != before + text.utf8.count + 2 else { return true }
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                switch bytes[index] {
                case 0x00, 0x08, 0x0C, 0x7F: return false
                case 0xC2 where isC1(bytes, at: index): return false
                case 0xE2 where isLineSeparator(bytes, at: index): return false
                default: continue
                }
            }
            return true
        }
    }

    public static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    public static func optional(_ text: String?) -> String { text.map(quote) ?? "null" }

    public static func optional(_ number: Int64?) -> String { number.map(String.init) ?? "null" }
}
