/// The kinds of identifier Casebook extracts. Raw values are stored and never change once shipped.
public enum IdentifierKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case email
    case phone
    case ip
    case userId
    case handle
    case device
    case url
    case domain
    case advertisingId

    public static func < (lhs: IdentifierKind, rhs: IdentifierKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How an identifier was found: in a structured field of the export, or by pattern in free text.
public enum IdentifierSource: String, Sendable, Hashable, Codable {
    case structured
    case text
}

/// One sighting of an identifier in the evidence, as the parser saw it (not yet normalized).
///
/// Parsers report what they read; the ingest session normalizes the value (see the `Identifiers`
/// module) and keeps this raw value beside the normalized one.
public struct IdentifierObservation: Sendable, Hashable, Codable {
    public var kind: IdentifierKind
    /// The value exactly as the evidence wrote it.
    public var raw: String
    /// The field it came from (`account.email`, `ipAudit.loginIp`, `text`).
    public var field: String
    public var source: IdentifierSource
    /// For platform-scoped identifiers (user ids, handles), the platform they belong to.
    public var platform: Platform?
    /// When the evidence says this identifier was in use, if it says.
    public var observedAt: Timestamp?
    /// The account this identifier belongs to or was used by, as an account key; nil when unknown.
    public var accountKey: AccountKey?

    public init(
        kind: IdentifierKind, raw: String, field: String, source: IdentifierSource = .structured,
        platform: Platform? = nil, observedAt: Timestamp? = nil, accountKey: AccountKey? = nil
    ) {
        self.kind = kind
        self.raw = raw
        self.field = field
        self.source = source
        self.platform = platform
        self.observedAt = observedAt
        self.accountKey = accountKey
    }
}

/// An identifier after normalization: the canonical value that links sightings across exports.
public struct NormalizedIdentifier: Sendable, Hashable, Codable {
    public var kind: IdentifierKind
    /// Canonical form (`+15550104477`, `203.0.113.7`, `twitter:jdoe`).
    public var value: String
    /// Why the value may be weak evidence (`private-range`, `region-assumed:US`), empty when none.
    public var notes: [String]

    public init(kind: IdentifierKind, value: String, notes: [String] = []) {
        self.kind = kind
        self.value = value
        self.notes = notes
    }
}
