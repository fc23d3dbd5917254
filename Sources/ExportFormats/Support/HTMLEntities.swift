/// Decodes the HTML entities Twitter leaves in tweet text (`&amp;`, `&lt;`, `&gt;`, `&quot;`,
/// `&#39;`, numeric forms). Unknown entities stay as written.
public enum HTMLEntities {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
    ]

    /// Works on UTF-8 bytes: `&` and `;` are ASCII, and a reference name is looked for within the 12
    /// bytes after `&` (every name above, and any numeric reference, fits).
    public static func decode(_ text: String) -> String {
        // `Sequence.contains` walks `String.UTF8View` through its generic iterator: 2,100 instructions a
        // tweet on the bench archive. The contiguous bytes are scanned directly.
        var text = text
        guard text.withUTF8({ $0.contains(UInt8(ascii: "&")) }) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                index += 1
                continue
            }
            let nameStart = index + 1
            let windowEnd = min(bytes.count, nameStart + 12)
            if let semicolon = bytes[nameStart..<windowEnd].firstIndex(of: UInt8(ascii: ";")),
                let replacement = reference(String(decoding: bytes[nameStart..<semicolon], as: UTF8.self))
            {
                output.append(contentsOf: replacement.utf8)
                index = semicolon + 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The text a reference name (between `&` and `;`) stands for, if it is one.
    private static func reference(_ name: String) -> String? {
        if let value = named[name] { return value }
        if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16),
            let scalar = Unicode.Scalar(code)
        {
            return String(Character(scalar))
        }
        if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
            return String(Character(scalar))
        }
        return nil
    }
}
