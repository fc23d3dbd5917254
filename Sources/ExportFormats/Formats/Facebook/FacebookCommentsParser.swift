import EvidenceArchive
import EvidenceModel

/// Facebook comments and reactions the owner made.
///
/// Paths: `comments/comments.json` and `likes_and_reactions/posts_and_comments.json` (2018-2019),
/// `comments_and_reactions/comments.json`, `comments_and_reactions/posts_and_comments.json` and
/// `likes_and_reactions_N.json` (2020+, also under `your_facebook_activity/` and
/// `your_activity_across_facebook/`), `groups/your_comments_in_groups.json`. Shape: a list (under
/// `comments_v2`, `comments`, `reactions_v2`, `reactions`, `group_comments_v2`, or the root array) of
/// `{timestamp, title, data [{comment {timestamp, comment, author, group}} | {reaction {reaction,
/// actor}}], attachments [{data [{media {uri}} | {external_context {url}}]}]}`. Comments become
/// `.comment` events (text = the comment), reactions `.reaction` events (text = the reaction);
/// `title` ("Jane commented on Ann's post.") is kept as a detail.
public struct FacebookCommentsParser: FacebookExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "facebook.comments", displayName: "Facebook comments and reactions", platform: .facebook,
        version: 1,
        memberPatterns: [
            "comments/comments.json", "comments_and_reactions/comments.json",
            "comments_and_reactions/posts_and_comments.json", "likes_and_reactions/posts_and_comments.json",
            "comments_and_reactions/likes_and_reactions_*.json", "comments_and_reactions/likes_and_reactions.json",
            "groups/your_comments_in_groups.json",
        ],
        prefetchPatterns: [MetaOwner.facebookProfilePattern],
        formatNotes: "comments(_v2), reactions(_v2) and group_comments_v2 lists, 2018-2024 trees; mojibake repaired.",
        knownLimits: "The commented post is named only by the localized title text; Meta gives no post id.")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let repairsBefore = MetaText.repairCount(in: context)
        defer { MetaText.warnRepairs(since: repairsBefore, in: context) }
        let owner = MetaOwner.facebook(in: context)
        try MetaJSON.forEachItem(
            in: member, context: context, keys: ["comments_v2", "comments", "reactions_v2", "reactions", "group_comments_v2"],
            missing: "no list of comments or reactions"
        ) { item, locator, _ in
            guard item.object != nil else {
                context.warn("unexpected-shape", "entry is not an object", locator: locator)
                return
            }
            var details: [Event.Detail] = []
            let time = MetaJSON.timestamp(
                item["timestamp"], field: "timestamp", locator: locator + "/timestamp", context: context)
            if item["timestamp"] == nil { context.warn("missing-field", "entry has no timestamp", locator: locator) }
            var kind = EventKind.comment
            var text: String?
            for entry in item["data"]?.array ?? [] {
                if let comment = entry["comment"] {
                    text =
                        MetaText.text(comment["comment"], rawDetail: "rawText", details: &details, context: context)
                        ?? text
                    if let author = MetaText.text(comment["author"], context: context) {
                        details.append(.init("author", author))
                    }
                    if let group = MetaText.text(comment["group"], context: context) {
                        details.append(.init("group", group))
                    }
                } else if let reaction = entry["reaction"] {
                    kind = .reaction
                    text =
                        MetaText.text(reaction["reaction"], rawDetail: "rawText", details: &details, context: context)
                        ?? text
                    if let actor = MetaText.text(reaction["actor"], context: context) {
                        details.append(.init("author", actor))
                    }
                }
            }
            if item["data"] == nil, item["title"] != nil { kind = .reaction }
            if let title = MetaText.text(item["title"], rawDetail: "rawTitle", details: &details, context: context) {
                details.append(.init("title", title))
            }
            var identifiers: [IdentifierObservation] = []
            var attachments: [Attachment] = []
            for attachment in item["attachments"]?.array ?? [] {
                for entry in attachment["data"]?.array ?? [] {
                    if let uri = entry["media"]?["uri"]?.nonEmptyString {
                        attachments.append(
                            Attachment(
                                memberPath: MetaJSON.memberPath(
                                    forURI: uri, member: context.memberPath, listing: context.level.listing),
                                reference: uri, mediaType: "photo"))
                    }
                    if let url = entry["external_context"]?["url"]?.nonEmptyString {
                        identifiers.append(
                            IdentifierObservation(
                                kind: .url, raw: url, field: "comments.external_context.url", observedAt: time,
                                accountKey: owner))
                    }
                }
            }
            context.emit(
                Event(
                    platform: .facebook, kind: kind, occurredAt: time, actor: owner, text: text, details: details,
                    identifiers: identifiers, attachments: attachments, provenance: context.provenance(locator)))
        }
    }
}
