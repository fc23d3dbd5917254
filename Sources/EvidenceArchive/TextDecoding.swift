/// Turns member bytes into text the way exports need: BOMs, UTF-16, and invalid UTF-8 kept visible.
public enum TextDecoding {
    /// The result of decoding: the text, the encoding found and whether bytes had to be replaced.
    public struct Decoded: Sendable {
        public var text: String
        public var encoding: String
        /// Invalid sequences were replaced by U+FFFD; the raw bytes are still in the evidence.
        public var hadInvalidBytes: Bool
    }

    /// Decodes bytes as UTF-8 (BOM skipped) or UTF-16 (by BOM, or by the NUL pattern of ASCII text).
    public static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return utf8(Array(bytes.dropFirst(3)), "utf-8-bom") }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(Array(bytes.dropFirst(2)), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(Array(bytes.dropFirst(2)), littleEndian: false) }
        if bytes.count >= 4, bytes[0] != 0, bytes[1] == 0, bytes[2] != 0, bytes[3] == 0 {
            return utf16(bytes, littleEndian: true)
        }
        if bytes.count >= 4, bytes[0] == 0, bytes[1] != 0, bytes[2] == 0, bytes[3] != 0 {
            return utf16(bytes, littleEndian: false)
        }
        return utf8(bytes, "utf-8")
    }

    private static func utf8(_ bytes: [UInt8], _ name: String) -> Decoded {
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: text, encoding: name, hadInvalidBytes: false)
        }
        return Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: name, hadInvalidBytes: true)
    }

    private static func utf16(_ bytes: [UInt8], littleEndian: Bool) -> Decoded {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            index += 2
        }
        let valid = String(validating: units, as: UTF16.self)
        return Decoded(
            text: valid ?? String(decoding: units, as: UTF16.self), encoding: littleEndian ? "utf-16le" : "utf-16be",
            hadInvalidBytes: valid == nil || bytes.count % 2 == 1)
    }
}
