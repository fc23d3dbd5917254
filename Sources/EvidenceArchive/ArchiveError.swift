/// A failure to read evidence as a whole, or one member of it.
///
/// Messages say what went wrong, where (evidence › member @ offset) and what to do; they never
/// quote evidence content.
public struct ArchiveError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }
        /// The evidence path does not exist or cannot be opened for reading.
        public static let unreadable = Code("unreadable")
        /// The bytes are not an archive format Casebook knows, or the archive is damaged beyond use.
        public static let notAnArchive = Code("not-an-archive")
        /// The archive was readable up to a point and then broke (truncated, corrupt).
        public static let damaged = Code("damaged")
        /// A limit on size, ratio, entry count or nesting depth was exceeded.
        public static let limitExceeded = Code("limit-exceeded")
        /// A member is encrypted and no key is available.
        public static let encrypted = Code("encrypted")
    }

    public var code: Code
    /// The evidence display name.
    public var evidence: String
    /// The member chain inside the evidence, outer first; empty for the evidence as a whole.
    public var member: [String]
    /// Byte offset or other locator, when known.
    public var locator: String?
    /// What went wrong and what to do, lowercase.
    public var message: String

    public init(_ code: Code, evidence: String, member: [String] = [], locator: String? = nil, message: String) {
        self.code = code
        self.evidence = evidence
        self.member = member
        self.locator = locator
        self.message = message
    }

    public var description: String {
        var text = PathCheck.escaped(evidence)
        if !member.isEmpty { text += " › " + member.map(PathCheck.escaped).joined(separator: " › ") }
        if let locator { text += " @\(locator)" }
        return "\(text): \(message)"
    }
}
