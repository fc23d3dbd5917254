/// What happened. Raw values are stored and never change once shipped.
public enum EventKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// A post, tweet or status written by the actor.
    case post
    /// A repost or retweet.
    case repost
    /// A comment on someone's post.
    case comment
    /// A direct or group message.
    case message
    /// A reaction or like.
    case reaction
    /// A login, session or IP audit entry.
    case login
    case logout
    case accountCreated
    case emailChange
    case phoneChange
    case handleChange
    case profileChange
    case passwordChange
    case deviceRegistered
    case appConnected
    /// Someone follows the actor, or the actor befriends someone.
    case follower
    case following
    case friend
    case block
    case mute
    case search
    case call
    case location
    case activity
    case conversationEvent
    /// The raw text of a document or element that could not be parsed, kept so that its words are
    /// still found by search (the member is marked `failed` or warned about).
    case unparsedText

    public static func < (lhs: EventKind, rhs: EventKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A media or file reference attached to an event.
public struct Attachment: Sendable, Hashable, Codable {
    /// Path inside the evidence where the export put the file, if it did.
    public var memberPath: String?
    /// The URL or name the export gave.
    public var reference: String
    public var mediaType: String?

    public init(memberPath: String? = nil, reference: String, mediaType: String? = nil) {
        self.memberPath = memberPath
        self.reference = reference
        self.mediaType = mediaType
    }
}

/// One normalized record of something that happened, with where it came from.
public struct Event: Sendable, Hashable, Codable {
    public var platform: Platform
    public var kind: EventKind
    /// Nil when the export gives no time (Twitter likes, for example).
    public var occurredAt: Timestamp?
    public var actor: AccountKey?
    /// For messages: the conversation key (see `Conversation.key`).
    public var conversationKey: String?
    /// The searchable text, already repaired and decoded (HTML entities, t.co expansion).
    public var text: String?
    /// Further fields as ordered key/value pairs (kept in order for deterministic output).
    public var details: [Detail]
    public var identifiers: [IdentifierObservation]
    public var attachments: [Attachment]
    public var provenance: Provenance

    public init(
        platform: Platform, kind: EventKind, occurredAt: Timestamp?, actor: AccountKey? = nil,
        conversationKey: String? = nil, text: String? = nil, details: [Detail] = [],
        identifiers: [IdentifierObservation] = [], attachments: [Attachment] = [], provenance: Provenance
    ) {
        self.platform = platform
        self.kind = kind
        self.occurredAt = occurredAt
        self.actor = actor
        self.conversationKey = conversationKey
        self.text = text
        self.details = details
        self.identifiers = identifiers
        self.attachments = attachments
        self.provenance = provenance
    }

    /// A named value; details keep their order so that stored JSON is byte-stable.
    public struct Detail: Sendable, Hashable, Codable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }
}
