import EvidenceArchive
import EvidenceModel

/// Facebook posts in DYI JSON.
///
/// Paths: `posts/your_posts_N.json` (2018-2021), `your_facebook_activity/posts/
/// your_posts__check_ins__photos_and_videos_N.json` and `your_activity_across_facebook/posts/...` (2022+).
/// Shape: a root array (or an object holding one list, such as `status_updates_v2`) of `{timestamp,
/// data [{post} | {update_timestamp} | {backdated_timestamp}], title, attachments [{data [{media {uri,
/// creation_timestamp, title, description, media_metadata {photo_metadata | video_metadata {exif_data
/// [{upload_ip, upload_timestamp, taken_timestamp}]}}} | {external_context {url, name, source}} |
/// {place {name, address, url, coordinate {latitude, longitude}}} | {life_event {title}}]}]}`.
/// Emits one `.post` per entry: the repaired `post` text, the media files as attachments (with their
/// in-archive path when present), `upload_ip` as `.ip` identifiers observed at `upload_timestamp`,
/// `external_context.url` as `.url` identifiers, places and titles as details.
public struct FacebookPostsParser: FacebookExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "facebook.posts", displayName: "Facebook posts", platform: .facebook, version: 1,
        memberPatterns: ["posts/your_posts_*.json", "posts/your_posts__check_ins__photos_and_videos_*.json"],
        prefetchPatterns: [MetaOwner.facebookProfilePattern],
        formatNotes: "your_posts_N.json (2018-2021) and your_posts__check_ins__photos_and_videos_N.json (2022+).",
        knownLimits:
            "Albums (posts/album/N.json), uncategorized photos, videos and posts on other profiles are not read; "
            + "tags are not read.")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let repairsBefore = MetaText.repairCount(in: context)
        defer { MetaText.warnRepairs(since: repairsBefore, in: context) }
        let owner = MetaOwner.facebook(in: context)
        try MetaJSON.forEachItem(in: member, context: context, missing: "no list of posts") { item, locator, _ in
            guard item.object != nil else {
                context.warn("unexpected-shape", "post entry is not an object", locator: locator)
                return
            }
            var details: [Event.Detail] = []
            let time = MetaJSON.timestamp(
                item["timestamp"], field: "timestamp", locator: locator + "/timestamp", context: context)
            if item["timestamp"] == nil { context.warn("missing-field", "post has no timestamp", locator: locator) }
            var texts: [String] = []
            for entry in item["data"]?.array ?? [] {
                if let text = MetaText.text(entry["post"], rawDetail: "rawText", details: &details, context: context) {
                    texts.append(text)
                }
                if let updated = entry["update_timestamp"]?.string, updated != "0" {
                    details.append(.init("updateTimestamp", updated))
                }
                if let backdated = entry["backdated_timestamp"]?.string {
                    details.append(.init("backdatedTimestamp", backdated))
                }
            }
            if let title = MetaText.text(item["title"], rawDetail: "rawTitle", details: &details, context: context) {
                details.append(.init("title", title))
            }
            var identifiers: [IdentifierObservation] = []
            var attachments: [Attachment] = []
            for attachment in item["attachments"]?.array ?? [] {
                for entry in attachment["data"]?.array ?? [] {
                    if let media = entry["media"] {
                        readMedia(
                            media, owner: owner, attachments: &attachments, identifiers: &identifiers,
                            details: &details, context: context)
                    }
                    if let url = entry["external_context"]?["url"]?.nonEmptyString {
                        identifiers.append(
                            IdentifierObservation(
                                kind: .url, raw: url, field: "posts.external_context.url", observedAt: time,
                                accountKey: owner))
                    }
                    if let place = entry["place"] {
                        if let name = MetaText.text(place["name"], context: context) {
                            details.append(.init("place", name))
                        }
                        if let address = MetaText.text(place["address"], context: context) {
                            details.append(.init("placeAddress", address))
                        }
                        if let latitude = place["coordinate"]?["latitude"]?.string,
                            let longitude = place["coordinate"]?["longitude"]?.string
                        {
                            details.append(.init("coordinate", "\(latitude),\(longitude)"))
                        }
                    }
                    if let event = MetaText.text(entry["life_event"]?["title"], context: context) {
                        details.append(.init("lifeEvent", event))
                    }
                }
            }
            context.emit(
                Event(
                    platform: .facebook, kind: .post, occurredAt: time, actor: owner,
                    text: texts.isEmpty ? nil : texts.joined(separator: "\n"), details: details,
                    identifiers: identifiers,
                    attachments: attachments, provenance: context.provenance(locator)))
        }
    }

    private func readMedia(
        _ media: JSONValue, owner: AccountKey, attachments: inout [Attachment],
        identifiers: inout [IdentifierObservation],
        details: inout [Event.Detail], context: ParseContext
    ) {
        let isVideo = media["media_metadata"]?["video_metadata"] != nil
        if let uri = media["uri"]?.nonEmptyString {
            attachments.append(
                Attachment(
                    memberPath: MetaJSON.memberPath(
                        forURI: uri, member: context.memberPath, listing: context.level.listing),
                    reference: uri, mediaType: isVideo ? "video" : "photo"))
        }
        if let description = MetaText.text(media["description"], context: context) {
            details.append(.init("mediaDescription", description))
        }
        let metadata = media["media_metadata"]?["photo_metadata"] ?? media["media_metadata"]?["video_metadata"]
        for exif in metadata?["exif_data"]?.array ?? [] {
            guard let address = exif["upload_ip"]?.nonEmptyString else { continue }
            let uploaded = exif["upload_timestamp"]?.string.flatMap {
                $0 == "0" ? nil : TimestampParsing.epoch($0, milliseconds: false)
            }
            identifiers.append(
                IdentifierObservation(
                    kind: .ip, raw: address, field: "posts.media_metadata.exif_data.upload_ip", observedAt: uploaded,
                    accountKey: owner))
        }
    }
}
