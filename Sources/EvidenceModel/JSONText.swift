/// Minimal, deterministic JSON text writing (no Foundation encoder, whose key order and number
/// formatting vary between platforms).
public enum JSONText {
    /// A JSON string literal, escaping quotes, backslashes, control characters (C0, DEL and C1, so that
    /// JSON printed to a terminal cannot carry an escape sequence) and U+2028/U+2029.
    public static func quote(_ text: String) -> String {
        var output = "\""
        output.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// An object from ordered pairs; values are already JSON text.
    public static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// An object of string values from ordered pairs.
    public static func stringObject(_ pairs: [(String, String)]) -> String {
        object(pairs.map { ($0.0, quote($0.1)) })
    }

    public static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    public static func optional(_ text: String?) -> String { text.map(quote) ?? "null" }

    public static func optional(_ number: Int64?) -> String { number.map(String.init) ?? "null" }
}
