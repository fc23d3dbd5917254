import EvidenceArchive
import EvidenceModel

/// Instagram direct messages in DYI JSON: `message_N.json`, Messenger's schema (see `MetaMessages`).
///
/// Paths: `messages/inbox/<user>_<id>/message_N.json` and `messages/message_requests/...` (2020-2023),
/// `your_instagram_activity/messages/{inbox,message_requests}/...` (2024+). Extra flags
/// (`is_geoblocked_for_viewer`, `is_unsent_image_by_messenger_kid_parent`, `is_pending`) are ignored.
/// Emits participants as accounts, one `Conversation` per file keyed by `thread_path`, `.message`,
/// `.call` and `.reaction` events as for Facebook Messenger.
public struct InstagramMessagesParser: InstagramExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "instagram.messages", displayName: "Instagram direct messages", platform: .instagram, version: 1,
        memberPatterns: ["**/message_*.json"], prefetchPatterns: MetaOwner.instagramProfilePatterns,
        formatNotes:
            "message_N.json in 2020-2023 (messages/...) and 2024+ (your_instagram_activity/messages/...) trees.",
        knownLimits: "Senders are display names, not usernames, so they are keyed by that name. Meta's timestamp_ms "
            + "for Instagram DMs may reflect device time (HPI notes); it is read as UTC epoch.")

    public init() {}

    public func claims(_ path: String, in listing: ArchiveListing) -> Bool {
        MetaMessages.isMessageFile(path)
    }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try MetaMessages.parse(member, context: context, platform: .instagram)
    }
}
