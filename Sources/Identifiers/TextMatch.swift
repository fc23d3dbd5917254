import EvidenceModel

/// One identifier found in free text by `TextIdentifierExtractor`, before normalization.
public struct TextMatch: Sendable, Hashable {
    /// What the match looks like (email, phone, ip, url or handle).
    public var kind: IdentifierKind
    /// The matched text exactly as it appears (for example `+1 (555) 010-4477` or `[2001:db8::1]:443`).
    public var raw: String
    /// Byte offsets into the text's UTF-8, for locators such as `text[12..27]`.
    public var utf8Range: Range<Int>

    public init(kind: IdentifierKind, raw: String, utf8Range: Range<Int>) {
        self.kind = kind
        self.raw = raw
        self.utf8Range = utf8Range
    }
}
