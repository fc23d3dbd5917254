import EvidenceArchive
import EvidenceModel

/// Facebook Messenger threads in the 2019+ HTML export: `message_N.html`.
///
/// Paths: `messages/{inbox,message_requests,archived_threads,filtered_threads}/<name>_<id>/message_N.html`
/// (2019-2021) and the same under `your_activity_across_facebook/messages/` or
/// `your_facebook_activity/messages/` (2022+). The page is read by structure, not class names (see
/// `MetaHTMLMessages`): a block per message with sender, content and a date line such as
/// `Mar 01, 2024 10:15:02 am` (no zone: read as UTC, one `uncertain-zone` warning per page). Emits
/// the participants as accounts, one `Conversation` keyed `inbox/<thread folder>` (the JSON
/// `thread_path`), a `.message` per block with its text, media (`img`/`video`/`audio`/file links, with
/// the in-archive path when present) and shared links as `.url` identifiers, and a `.reaction` per
/// `li` reaction. Locators are libxml2 node paths.
public struct FacebookMessagesHTMLParser: FacebookExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "facebook.messages-html", displayName: "Facebook Messenger threads (HTML)", platform: .facebook,
        version: 1, memberPatterns: ["**/message_*.html"], prefetchPatterns: [MetaOwner.facebookProfilePattern],
        formatNotes: "message_N.html of the 2019-2021 and 2022+ HTML trees; structure-based (generated class names).",
        knownLimits: "Calls, unsent markers and message types are plain text in the HTML and read as messages. "
            + "Reactions have no time. Senders are display names. Only English and German participant lines.")

    let streamingThreshold: Int

    public init() { self.init(streamingThreshold: MetaHTMLPage.streamingThreshold) }

    /// A small `streamingThreshold` reads small pages in two passes too (tests compare the two ways).
    public init(streamingThreshold: Int) { self.streamingThreshold = streamingThreshold }

    public func claims(_ path: String, in listing: ArchiveListing) -> Bool {
        MetaMessages.isMessageFile(path, suffix: ".html")
    }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try MetaHTMLMessages.parse(
            member, context: context, platform: .facebook, streamingThreshold: streamingThreshold)
    }
}
