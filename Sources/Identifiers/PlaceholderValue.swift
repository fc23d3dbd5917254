/// Recognizes values that exports write in place of an identifier: redaction marks and empty stand-ins.
enum PlaceholderValue {
    /// Words that exports and law-enforcement returns use for withheld values.
    private static let redactionWords = ["redacted", "[removed]", "<removed>", "withheld", "[hidden]", "<hidden>"]
    /// Values that mean "nothing here".
    private static let emptyStandIns: Set<String> = [
        "null", "nil", "none", "n/a", "na", "-", "--", "unknown", "undefined",
    ]

    /// The problem to report when `text` (already trimmed) is a placeholder, else nil.
    ///
    /// - Parameter lettersAreMasks: true for kinds whose values never contain letters (phones, IPv4), where
    ///   `xxx` is a mask; false for emails, where `xxx@example.com` is a real address.
    static func problem(in text: String, lettersAreMasks: Bool) -> String? {
        // Digits alone are never a placeholder (the common case: user ids); skip the scans.
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return nil }
        let lowered = text.lowercased()
        if emptyStandIns.contains(lowered) { return "placeholder value" }
        if redactionWords.contains(where: { lowered.containsText($0) }) { return "redacted placeholder" }
        if lowered.containsText("**") || lowered.containsText("\u{2022}") || lowered.containsText("\u{25CF}")
            || lowered.containsText("\u{2588}") || lowered.containsText("\u{25A0}")
        {
            return "redacted placeholder"
        }
        if lettersAreMasks, lowered.containsText("xx") { return "redacted placeholder" }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (Unicode white space and newlines).
    var trimmedWhitespace: Substring {
        // Most values start and end with a printable ASCII character: nothing to trim.
        let scalars = unicodeScalars
        if let first = scalars.first, let last = scalars.last, (0x21..<0x80).contains(first.value),
            (0x21..<0x80).contains(last.value)
        {
            return Substring(self[startIndex..<endIndex])
        }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return Substring(self[first...last])
    }
}

extension StringProtocol {
    /// Whether the text holds white space or a C0 control character (ASCII text is checked by bytes).
    var containsWhitespaceOrControl: Bool {
        var ascii = true
        for byte in utf8 {
            if byte <= 0x20 { return true }
            if byte >= 0x80 { ascii = false }
        }
        return ascii ? false : unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
    }
}

extension String {
    /// Byte-wise substring test on UTF-8 (Foundation's `contains(_:)` goes through CFString and was a
    /// measured hot spot on the ingest path).
    func containsText(_ needle: String) -> Bool {
        self[...].utf8Index(of: needle) != nil
    }
}

extension Substring {
    /// Where `needle` first occurs, matching UTF-8 bytes (an index into this text).
    func utf8Index(of needle: String) -> Index? {
        var text = self
        var pattern = needle
        let offset: Int? = text.withUTF8 { text in
            pattern.withUTF8 { part -> Int? in
                guard !part.isEmpty else { return 0 }
                guard text.count >= part.count else { return nil }
                let first = part[0]
                var index = 0
                let last = text.count - part.count
                while index <= last {
                    if text[index] == first {
                        var offset = 1
                        while offset < part.count && text[index + offset] == part[offset] { offset += 1 }
                        if offset == part.count { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
        return offset.map { utf8.index(startIndex, offsetBy: $0) }
    }
}
