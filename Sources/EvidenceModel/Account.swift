/// How records name an account before the store has given it a row: platform plus the best key the
/// evidence offers (a platform user id where known, else a lowercased handle).
public struct AccountKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var platform: Platform
    /// `id:12345` or `handle:jdoe`.
    public var key: String

    public init(platform: Platform, key: String) {
        self.platform = platform
        self.key = key
    }

    public static func userId(_ platform: Platform, _ identifier: String) -> AccountKey {
        AccountKey(platform: platform, key: "id:\(identifier)")
    }

    public static func handle(_ platform: Platform, _ handle: String) -> AccountKey {
        var text = handle.trimmingCharactersSpaceAndAt()
        text = text.lowercased()
        return AccountKey(platform: platform, key: "handle:\(text)")
    }

    public var description: String { "\(platform.rawValue):\(key)" }

    public static func < (lhs: AccountKey, rhs: AccountKey) -> Bool { lhs.description < rhs.description }
}

extension String {
    func trimmingCharactersSpaceAndAt() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "@" || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}

/// An account seen in the evidence: the export's owner or someone they dealt with.
public struct Account: Sendable, Hashable, Codable {
    public var key: AccountKey
    public var platformUserId: String?
    public var handle: String?
    public var displayName: String?
    /// True for the account the export belongs to.
    public var isExportOwner: Bool
    public var provenance: Provenance

    public init(
        key: AccountKey, platformUserId: String? = nil, handle: String? = nil, displayName: String? = nil,
        isExportOwner: Bool = false, provenance: Provenance
    ) {
        self.key = key
        self.platformUserId = platformUserId
        self.handle = handle
        self.displayName = displayName
        self.isExportOwner = isExportOwner
        self.provenance = provenance
    }
}

/// A conversation (DM thread, group chat, channel).
public struct Conversation: Sendable, Hashable, Codable {
    public var platform: Platform
    /// The platform's own conversation id, or a stable key the parser derives.
    public var key: String
    public var title: String?
    public var participants: [AccountKey]
    public var provenance: Provenance

    public init(platform: Platform, key: String, title: String? = nil, participants: [AccountKey], provenance: Provenance) {
        self.platform = platform
        self.key = key
        self.title = title
        self.participants = participants
        self.provenance = provenance
    }
}
