/// Bounds that keep hostile or huge evidence from exhausting the examiner's machine.
///
/// Exceeding one is never silent: the member or evidence is marked and the reason recorded.
public struct EvidenceLimits: Sendable, Hashable {
    /// Total bytes all members of one evidence item may expand to.
    public var maxExpandedBytes: Int64
    /// Expanded bytes per compressed byte read, checked once `ratioCheckAfterBytes` have expanded.
    public var maxCompressionRatio: Double
    public var ratioCheckAfterBytes: Int64
    /// Entries per archive level.
    public var maxEntries: Int
    /// Archives inside archives, counting the evidence itself as depth 1.
    public var maxDepth: Int
    /// Largest nested archive read into memory to be opened.
    public var maxNestedArchiveBytes: Int64
    /// Largest member a parser may read whole into memory (streaming parsers are not bound by it).
    public var maxInMemoryMemberBytes: Int64

    public init(
        maxExpandedBytes: Int64 = 64 << 30, maxCompressionRatio: Double = 200, ratioCheckAfterBytes: Int64 = 256 << 20,
        maxEntries: Int = 1_000_000, maxDepth: Int = 4, maxNestedArchiveBytes: Int64 = 1 << 30,
        maxInMemoryMemberBytes: Int64 = 256 << 20
    ) {
        self.maxExpandedBytes = maxExpandedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckAfterBytes = ratioCheckAfterBytes
        self.maxEntries = maxEntries
        self.maxDepth = maxDepth
        self.maxNestedArchiveBytes = maxNestedArchiveBytes
        self.maxInMemoryMemberBytes = maxInMemoryMemberBytes
    }

    public static let standard = EvidenceLimits()
}
