import CLibXML2
import EvidenceArchive
import EvidenceModel

/// Facebook posts in the 2019+ HTML export.
///
/// Paths: `posts/your_posts_N.html` (2019-2021) and `your_facebook_activity/posts/
/// your_posts__check_ins__photos_and_videos_N.html`, `your_activity_across_facebook/posts/...` (2022+).
/// Each post is a block (see `MetaHTML`): an optional heading (the title, "X updated her status."),
/// the body (the post text, media as `img`/`video` `src`, links as `a href`, and photo metadata tables
/// whose `IP Address` / `Upload IP` row is the upload IP), last child = the date. Emits one `.post` per
/// block like the JSON parser: text, attachments with their in-archive path when present, external
/// links as `.url` identifiers and upload IPs as `.ip` identifiers of the owner, the title as a detail.
/// Locators are libxml2 node paths.
public struct FacebookPostsHTMLParser: FacebookExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "facebook.posts-html", displayName: "Facebook posts (HTML)", platform: .facebook, version: 1,
        memberPatterns: ["posts/your_posts_*.html", "posts/your_posts__check_ins__photos_and_videos_*.html"],
        prefetchPatterns: [MetaOwner.facebookProfilePattern, MetaOwner.facebookProfileHTMLPattern],
        formatNotes: "your_posts_N.html blocks (title, text, media, date), 2019-2021 and 2022+ HTML trees.",
        knownLimits: "Places, tags and life events are plain text in the HTML and end up in the post text. "
            + "Times have no zone (read as UTC, warned).")

    let streamingThreshold: Int

    public init() { self.init(streamingThreshold: MetaHTMLPage.streamingThreshold) }

    /// A small `streamingThreshold` reads small pages without their tree too (tests compare the two ways).
    public init(streamingThreshold: Int) { self.streamingThreshold = streamingThreshold }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        guard let page = try MetaHTMLPage.open(member, context: context, streamingThreshold: streamingThreshold)
        else { return }
        let owner = MetaOwner.facebook(in: context)
        let times = MetaHTMLTimes(context: context)
        try page.forEachBlock(context: context, ifNone: "no post blocks found") { block in
            let locator = MetaHTML.nodePath(block.node)
            let time = times.parse(block.dateText, field: "post date", locator: locator)
            // A block of two children has no title: its first child is the post itself.
            let body: [xmlNodePtr] = block.body.isEmpty ? [block.heading] : block.body
            var details: [Event.Detail] = []
            if !block.body.isEmpty, let title = MetaHTML.textContent(block.heading) {
                details.append(.init("title", title))
            }
            var texts: [String] = []
            var identifiers: [IdentifierObservation] = []
            var attachments: [Attachment] = []
            var seen = Set<String>()
            for node in body {
                if let text = MetaHTML.lines(node, skipping: ["table"]) { texts.append(text) }
                let fields = MetaHTML.fields(in: node).filter { MetaHTML.elementName($0.node) == "tr" }
                for field in fields where ["Upload IP", "Upload IP address"].contains(field.label)
                    || MetaHTML.field([field], .ipAddress) != nil
                {
                    identifiers.append(
                        IdentifierObservation(
                            kind: .ip, raw: field.value, field: "posts.media_metadata.\(field.label)",
                            observedAt: time, accountKey: owner))
                }
                for (element, value) in MetaHTML.references(in: node) where seen.insert(value).inserted {
                    if value.hasPrefix("http://") || value.hasPrefix("https://") {
                        identifiers.append(
                            IdentifierObservation(
                                kind: .url, raw: value, field: "posts.link", observedAt: time, accountKey: owner))
                        continue
                    }
                    attachments.append(
                        Attachment(
                            memberPath: MetaJSON.memberPath(
                                forURI: value, member: context.memberPath, listing: context.level.listing),
                            reference: value, mediaType: element == "video" ? "video" : "photo"))
                }
            }
            context.emit(
                Event(
                    platform: .facebook, kind: .post, occurredAt: time, actor: owner,
                    text: texts.isEmpty ? nil : texts.joined(separator: "\n"), details: details,
                    identifiers: identifiers, attachments: attachments, provenance: context.provenance(locator)))
        }
        times.finish()
    }
}
