import EvidenceArchive
import EvidenceModel

/// Instagram posts and stories the owner published.
///
/// Paths: `content/posts_N.json` and `content/stories.json` (2020-2023), the same under
/// `your_instagram_activity/content/` (2024+). `posts_N.json` is an array of `{media [{uri,
/// creation_timestamp, title, media_metadata}], title?, creation_timestamp?}` (a single such object in
/// some files); single-media entries may be the media object itself. `stories.json` is
/// `{"ig_stories": [{uri, creation_timestamp, title, media_metadata}]}`. Emits one `.post` per entry:
/// the repaired title (the caption) as text, the time of the entry or of its first media, media files
/// as attachments with their in-archive path when present; stories carry the detail `type: story`.
public struct InstagramPostsParser: InstagramExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "instagram.posts", displayName: "Instagram posts and stories", platform: .instagram, version: 1,
        memberPatterns: ["content/posts_*.json", "content/stories.json"],
        prefetchPatterns: MetaOwner.instagramProfilePatterns,
        formatNotes: "posts_N.json (array or single object) and stories.json, 2020-2023 and 2024+ trees.",
        knownLimits: "Reels, IGTV, archived and recently deleted posts and the media EXIF fields are not read.")

    let streamingThreshold: Int

    public init() { self.init(streamingThreshold: MetaJSON.streamingThreshold) }

    /// A small `streamingThreshold` streams small lists too (tests compare the two ways).
    public init(streamingThreshold: Int) { self.streamingThreshold = streamingThreshold }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let repairsBefore = MetaText.repairCount(in: context)
        defer { MetaText.warnRepairs(since: repairsBefore, in: context) }
        let isStories = member.path.hasSuffix("stories.json")
        let owner = MetaOwner.instagram(in: context)
        // A heavy poster's posts_1.json is one list of every post: over 16 MiB it is read as it arrives.
        try MetaJSON.forEachItem(
            in: member, context: context, keys: ["ig_stories"], singleItemKey: isStories ? nil : "media",
            missing: "no list of posts", threshold: streamingThreshold
        ) { entry, locator, _ in
            let media = entry["media"]?.array ?? (entry["uri"] != nil ? [entry] : [])
            var details: [Event.Detail] = []
            if isStories { details.append(.init("type", "story")) }
            // The caption: the entry's title, else the first media title that is not blank.
            var title = MetaText.text(entry["title"], rawDetail: "rawText", details: &details, context: context)
            for item in media where title == nil {
                title = MetaText.text(item["title"], rawDetail: "rawText", details: &details, context: context)
            }
            let timeLocator =
                entry["creation_timestamp"] != nil
                ? locator + "/creation_timestamp" : locator + "/media/0/creation_timestamp"
            let time = MetaJSON.timestamp(
                entry["creation_timestamp"] ?? media.first?["creation_timestamp"], field: "creation_timestamp",
                locator: timeLocator, context: context)
            if time == nil { context.warn("missing-field", "post has no creation_timestamp", locator: locator) }
            let attachments = media.compactMap { item -> Attachment? in
                guard let uri = item["uri"]?.nonEmptyString else { return nil }
                let isVideo = item["media_metadata"]?["video_metadata"] != nil || uri.hasSuffix(".mp4")
                return Attachment(
                    memberPath: MetaJSON.memberPath(
                        forURI: uri, member: context.memberPath, listing: context.level.listing),
                    reference: uri, mediaType: isVideo ? "video" : "photo")
            }
            context.emit(
                Event(
                    platform: .instagram, kind: .post, occurredAt: time, actor: owner, text: title, details: details,
                    attachments: attachments, provenance: context.provenance(locator)))
        }
    }
}
