import EvidenceArchive
import EvidenceModel

/// Instagram followers, following, blocked and restricted profiles in the HTML export.
///
/// Paths: `followers_and_following/*.html` (2020-2023) and `connections/followers_and_following/*.html`
/// (2024+): `followers_N.html`, `followers.html`, `following.html`, `blocked_profiles.html`,
/// `restricted_profiles.html`. Each account is a block (see `MetaHTML`): first child = the username
/// (usually `<a href="https://www.instagram.com/<name>">name</a>`), last child = the date
/// (`Mar 01, 2024 10:15 am`, read as UTC with one `uncertain-zone` warning per page). The file name gives
/// the kind as for the JSON files; events are built by `InstagramConnectionsParser.emit` (`.follower`,
/// `.following`, `.block`, `.mute`, owner as actor, the username as a `.handle` identifier).
/// Locators are libxml2 node paths.
public struct InstagramConnectionsHTMLParser: InstagramExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "instagram.connections-html", displayName: "Instagram followers and following (HTML)",
        platform: .instagram, version: 1,
        memberPatterns: [
            "followers_and_following/followers_*.html", "followers_and_following/followers.html",
            "followers_and_following/following.html", "followers_and_following/blocked_profiles.html",
            "followers_and_following/restricted_profiles.html",
        ],
        prefetchPatterns: MetaOwner.instagramProfilePatterns + MetaOwner.instagramProfileHTMLPatterns,
        formatNotes: "Username + date blocks, 2020-2023 and 2024+ HTML trees; kind from the file name.",
        knownLimits: "Close friends, follow requests, hashtags and unfollowed profiles are not read.")

    let streamingThreshold: Int

    public init() { self.init(streamingThreshold: MetaHTMLPage.streamingThreshold) }

    /// A small `streamingThreshold` reads small pages without their tree too (tests compare the two ways).
    public init(streamingThreshold: Int) { self.streamingThreshold = streamingThreshold }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        guard let page = try MetaHTMLPage.open(member, context: context, streamingThreshold: streamingThreshold)
        else { return }
        let kind = InstagramConnectionsParser.kind(listKey: "", path: member.path)
        let owner = MetaOwner.instagram(in: context)
        let times = MetaHTMLTimes(context: context)
        let file = String(member.path.split(separator: "/").last ?? "").replacing(".html", with: "")
        try page.forEachBlock(context: context, ifNone: "no username and date blocks found") { block in
            let locator = MetaHTML.nodePath(block.node)
            guard let username = MetaHTML.textContent(block.heading) else {
                context.warn("missing-field", "entry has no username", locator: locator)
                return
            }
            let href = MetaHTML.references(in: block.heading).first { $0.element == "a" }?.value
            let time = times.parse(block.dateText, field: "\(file) date", locator: locator)
            InstagramConnectionsParser.emit(
                username: username, time: time, href: href, kind: kind, field: "\(file).value", owner: owner,
                locator: locator, context: context)
        }
        times.finish()
    }
}
