import EvidenceArchive
import EvidenceModel

/// Facebook Messenger threads in DYI JSON: `message_N.json`.
///
/// Paths: 2018-2021 `messages/{inbox,message_requests,archived_threads,filtered_threads}/<name>_<id>/
/// message_N.json`; 2022+ the same under `your_activity_across_facebook/messages/` or
/// `your_facebook_activity/messages/`. Every `message_<digits>.json` of a recognized Facebook level is
/// claimed. Emits one `Account` per participant, one `Conversation` per file (key `thread_path`, the
/// same in every file of a thread, also across the parts of a split export), and per message a
/// `.message` (`.call` when `call_duration` or type `Call`, `.conversationEvent` for `Subscribe` /
/// `Unsubscribe`) with `timestamp_ms`, repaired `content`, attachments (`photos`, `videos`,
/// `audio_files`, `files`, `gifs`, `sticker`; `memberPath` set when the file is in the archive),
/// `share.link` as a `.url` identifier, `ip` as an `.ip` identifier, `is_unsent` as a detail; and one
/// `.reaction` per entry of `reactions`. Mojibake is repaired per string (see `MetaText`), raw
/// values kept in details (`rawText`, `rawSenderName`).
public struct FacebookMessagesParser: FacebookExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "facebook.messages", displayName: "Facebook Messenger threads", platform: .facebook, version: 1,
        memberPatterns: ["**/message_*.json"], prefetchPatterns: [MetaOwner.facebookProfilePattern],
        formatNotes: "message_N.json from 2018-2021 trees (messages/inbox/...) and 2022+ trees "
            + "(your_activity_across_facebook/messages/..., your_facebook_activity/messages/...); mojibake repaired.",
        knownLimits: "Meta names senders and participants by display name only: accounts are keyed by that name, "
            + "so renamed or same-named people are not told apart. E2EE 'secure storage' JSON (camelCase) is not read.")

    public init() {}

    public func claims(_ path: String, in listing: ArchiveListing) -> Bool {
        MetaMessages.isMessageFile(path)
    }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try MetaMessages.parse(member, context: context, platform: .facebook)
    }
}
