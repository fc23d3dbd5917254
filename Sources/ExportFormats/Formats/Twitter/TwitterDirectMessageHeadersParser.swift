import EvidenceArchive
import EvidenceModel

/// Twitter/X direct-message headers: `direct-message-headers.js` and `direct-message-group-headers.js`
/// (root or `data/`, 2019+).
///
/// Same `dmConversation` shape as the message files, but each `messageCreate` holds only `id`,
/// `senderId`, `recipientId` (1:1) and `createdAt`; group files also carry join/leave entries. Emits a
/// `Conversation` and `.message` events without text (see `TwitterDirectMessagesParser`).
///
/// When the full counterpart sits beside it (`direct-messages.js` or `direct-message.js`; for groups
/// `direct-messages-group.js` or `direct-message-group.js`), every header is already a message there:
/// the member is read but emits nothing, so messages are not counted twice.
public struct TwitterDirectMessageHeadersParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.direct-message-headers", displayName: "Twitter direct message headers",
        platform: .twitter, version: 1,
        memberPatterns: [
            "direct-message-headers.js", "direct-message-headers-part*.js", "direct-message-group-headers.js",
            "direct-message-group-headers-part*.js",
        ],
        formatNotes: "Header-only DM files, 2019+; skipped when the full DM file is present.",
        knownLimits: "Emits nothing when the full message file is present, even if it were to lack a header's message.")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        if Self.hasFullCounterpart(member.path, in: context.level.listing) { return }
        try TwitterDirectMessageReader(context: context, includesText: false)
            .readMember(member)
    }

    /// Whether the message file the headers summarize is in the same folder.
    static func hasFullCounterpart(_ path: String, in listing: ArchiveListing) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let folder = parts.dropLast().joined(separator: "/")
        let prefix = folder.isEmpty ? "" : folder + "/"
        let name = parts.last.map(String.init) ?? path
        let candidates =
            name.hasPrefix("direct-message-group-headers")
            ? ["direct-messages-group.js", "direct-message-group.js"]
            : ["direct-messages.js", "direct-message.js"]
        return candidates.contains { listing.contains(prefix + $0) }
    }
}
