import EvidenceArchive
import EvidenceModel

/// How sure a parser is that an archive level holds its export, judged from member paths only.
public enum Recognition: Int, Sendable, Comparable {
    case no = 0
    case possible = 1
    case certain = 2

    public static func < (lhs: Recognition, rhs: Recognition) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Who a parser is: stored with every record it emits.
public struct ParserDescriptor: Sendable, Hashable {
    /// Lowercase dotted identifier (`twitter.tweets`); never changed once shipped.
    public var identifier: String
    public var displayName: String
    public var platform: Platform
    /// Bumped whenever the same input gives different records.
    public var version: Int
    /// Member path patterns this parser reads (see `PathPattern`).
    public var memberPatterns: [String]
    /// Small members this parser needs before the main pass (for example the account file that names
    /// the export's owner), read during listing.
    public var prefetchPatterns: [String]
    /// The format as documented: versions seen, quirks handled.
    public var formatNotes: String
    /// What this parser knowingly does not read.
    public var knownLimits: String

    public init(
        identifier: String, displayName: String, platform: Platform, version: Int, memberPatterns: [String],
        prefetchPatterns: [String] = [], formatNotes: String, knownLimits: String = ""
    ) {
        self.identifier = identifier
        self.displayName = displayName
        self.platform = platform
        self.version = version
        self.memberPatterns = memberPatterns
        self.prefetchPatterns = prefetchPatterns
        self.formatNotes = formatNotes
        self.knownLimits = knownLimits
    }
}

/// Reads one export file type and emits normalized records.
///
/// Parsers never see SQL and never print. Bad values go to `context.warn`; throw only when the
/// member is unusable as a whole.
public protocol ExportParser: Sendable {
    static var descriptor: ParserDescriptor { get }
    init()
    /// Whether the level is this parser's export, from paths alone.
    func recognize(_ listing: ArchiveListing) -> Recognition
    /// Whether this parser reads the member at `path` (default: it matches a member pattern).
    func claims(_ path: String, in listing: ArchiveListing) -> Bool
    func parse(_ member: ArchiveMember, in context: ParseContext) throws
}

extension ExportParser {
    public func claims(_ path: String, in listing: ArchiveListing) -> Bool {
        Self.descriptor.memberPatterns.contains { PathPattern.matches($0, path: path) }
    }
}

/// A member that cannot be used at all.
public struct ParseError: Error, Sendable, CustomStringConvertible {
    public var locator: String
    public var message: String

    public init(locator: String = "", _ message: String) {
        self.locator = locator
        self.message = message
    }

    public var description: String { locator.isEmpty ? message : "@\(locator): \(message)" }
}
