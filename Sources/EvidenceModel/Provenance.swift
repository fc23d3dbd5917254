/// Where a record came from, precisely enough for an independent tool to pull the same bytes out
/// of the original evidence.
public struct Provenance: Sendable, Hashable, Codable {
    /// SHA-256 (lowercase hex) of the evidence file or, for a folder, of its member manifest.
    public var evidenceSHA256: String
    /// Member paths from the outermost archive inwards; one element unless archives are nested.
    public var memberPath: [String]
    /// Where inside the member: a JSON pointer (`/1234/tweet`), `line 12`, `row 7`, an HTML node path.
    public var locator: String
    /// The parser identifier, such as `twitter.tweets`.
    public var parser: String
    public var parserVersion: Int

    public init(evidenceSHA256: String, memberPath: [String], locator: String, parser: String, parserVersion: Int) {
        self.evidenceSHA256 = evidenceSHA256
        self.memberPath = memberPath
        self.locator = locator
        self.parser = parser
        self.parserVersion = parserVersion
    }

    /// The member chain joined with ` › ` as shown to people (`outer.zip › data/tweets.js`).
    public var memberDisplayPath: String { memberPath.joined(separator: " › ") }

    /// The member chain joined with `!/`, the stored form (`inner.zip!/data/tweets.js`).
    public var memberStoredPath: String { memberPath.joined(separator: "!/") }

    /// A stored member path (`inner.zip!/data/tweets.js`) as shown to people (`inner.zip › data/tweets.js`):
    /// every `!/` becomes ` › `, byte for byte, from left to right.
    public static func displayPath(stored: String) -> String {
        guard stored.utf8.contains(UInt8(ascii: "!")) else { return stored }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(stored.utf8.count + 8)
        var previousWasBang = false
        for byte in stored.utf8 {
            if previousWasBang && byte == UInt8(ascii: "/") {
                bytes.removeLast()
                bytes += [0x20, 0xE2, 0x80, 0xBA, 0x20]  // " › "
                previousWasBang = false
                continue
            }
            bytes.append(byte)
            previousWasBang = byte == UInt8(ascii: "!")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `1a2b3c4d › inner.zip › data/tweets.js @ /0/tweet` from a stored record's evidence hash, stored
    /// member path and locator: the short form of tables, `correlate` and reports (`@` even before an
    /// empty locator, as those have always printed it).
    public static func short(evidenceSHA256: String, storedMemberPath: String, locator: String) -> String {
        "\(evidenceSHA256.prefix(8)) › \(displayPath(stored: storedMemberPath)) @ \(locator)"
    }

    /// `1a2b3c4d › data/tweets.js @ /0/tweet`, the short form used in tables and reports.
    public var shortDescription: String {
        "\(evidenceSHA256.prefix(8)) › \(memberDisplayPath)" + (locator.isEmpty ? "" : " @ \(locator)")
    }
}
