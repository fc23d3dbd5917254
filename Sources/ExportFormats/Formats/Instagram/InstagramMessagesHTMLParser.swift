import EvidenceArchive
import EvidenceModel

/// Instagram direct messages in the HTML export: `message_N.html`, read like Messenger pages (see
/// `MetaHTMLMessages`).
///
/// Paths: `messages/inbox/<user>_<id>/message_N.html` (2020-2023) and
/// `your_instagram_activity/messages/{inbox,message_requests}/<user>_<id>/message_N.html` (2024+).
/// Blocks are `div > h2 (sender) + div (content) + div (date "Mar 01, 2024 10:15:02 am")`. Emits
/// participants, one `Conversation` keyed `inbox/<thread folder>`, `.message` and `.reaction` events.
public struct InstagramMessagesHTMLParser: InstagramExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "instagram.messages-html", displayName: "Instagram direct messages (HTML)", platform: .instagram,
        version: 1, memberPatterns: ["**/message_*.html"], prefetchPatterns: MetaOwner.instagramProfilePatterns,
        formatNotes: "message_N.html of the 2020-2023 and 2024+ HTML trees; structure-based.",
        knownLimits: "Senders are display names. Times have no zone in the HTML (read as UTC, warned). "
            + "Reactions have no time.")

    let streamingThreshold: Int

    public init() { self.init(streamingThreshold: MetaHTMLPage.streamingThreshold) }

    /// A small `streamingThreshold` reads small pages in two passes too (tests compare the two ways).
    public init(streamingThreshold: Int) { self.streamingThreshold = streamingThreshold }

    public func claims(_ path: String, in listing: ArchiveListing) -> Bool {
        MetaMessages.isMessageFile(path, suffix: ".html")
    }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try MetaHTMLMessages.parse(
            member, context: context, platform: .instagram, streamingThreshold: streamingThreshold)
    }
}
