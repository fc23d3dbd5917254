import EvidenceArchive
import EvidenceModel

/// Facebook friends, friend requests, followers and followed profiles in the 2019+ HTML export.
///
/// Paths: `friends/*.html` (2019), `friends_and_followers/*.html` (2020-2021),
/// `connections/friends/*.html` and `connections/followers/*.html` (2022+): `friends.html`,
/// `your_friends.html`, `received_friend_requests.html`, `sent_friend_requests.html`,
/// `removed_friends.html`, `rejected_friend_requests.html`, `followers.html`,
/// `people_who_follow_you.html`, `following.html`, `who_you_ve_followed.html`. Each person is a block
/// (see `MetaHTML`): heading = name (`div` or `h2`), last child = the date (`Mar 01, 2024 10:15:02 am`,
/// read as UTC with one `uncertain-zone` warning per page). The file name gives the relation, as the
/// JSON list key does; events are built by `FacebookFriendsParser.emit` (owner as actor, the person in
/// `counterpart`/`counterpartKey`, relation detail). Locators are libxml2 node paths.
public struct FacebookFriendsHTMLParser: FacebookExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "facebook.friends-html", displayName: "Facebook friends and followers (HTML)",
        platform: .facebook, version: 1,
        memberPatterns: [
            "friends/*.html", "friends_and_followers/*.html", "connections/friends/*.html",
            "connections/followers/*.html",
        ],
        prefetchPatterns: [MetaOwner.facebookProfilePattern, MetaOwner.facebookProfileHTMLPattern],
        formatNotes: "Name + date blocks per file, 2019-2021 and 2022+ HTML trees; relation from the file name.",
        knownLimits: "People are display names only. Entries whose date is a day without a time are read without "
            + "a time (warned). Suggestions and post audiences are not read.")

    /// File name → the JSON list key prefix naming the relation (`FacebookFriendsParser.relations`).
    static let relationKeys: [String: String] = [
        "friends.html": "friends", "your_friends.html": "friends",
        "received_friend_requests.html": "received_requests", "sent_friend_requests.html": "sent_requests",
        "removed_friends.html": "removed_friends", "rejected_friend_requests.html": "rejected_requests",
        "followers.html": "followers", "people_who_follow_you.html": "followers", "following.html": "following",
        "who_you_ve_followed.html": "following", "who_you've_followed.html": "following",
        "who_you_follow.html": "following",
    ]

    let streamingThreshold: Int

    public init() { self.init(streamingThreshold: MetaHTMLPage.streamingThreshold) }

    /// A small `streamingThreshold` reads small pages without their tree too (tests compare the two ways).
    public init(streamingThreshold: Int) { self.streamingThreshold = streamingThreshold }

    public func claims(_ path: String, in listing: ArchiveListing) -> Bool {
        guard let name = path.split(separator: "/").last, Self.relationKeys[String(name)] != nil else { return false }
        return Self.descriptor.memberPatterns.contains { PathPattern.matches($0, path: path) }
    }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let name = String(member.path.split(separator: "/").last ?? "")
        guard let key = Self.relationKeys[name],
            let relation = FacebookFriendsParser.relations.first(where: { $0.prefix == key })
        else { return }
        guard let page = try MetaHTMLPage.open(member, context: context, streamingThreshold: streamingThreshold)
        else { return }
        let owner = MetaOwner.facebook(in: context)
        let times = MetaHTMLTimes(context: context)
        try page.forEachBlock(context: context, ifNone: "no name and date blocks found") { block in
            let locator = MetaHTML.nodePath(block.node)
            guard let person = MetaHTML.textContent(block.heading) else {
                context.warn("missing-field", "entry has no name", locator: locator)
                return
            }
            let time = times.parse(block.dateText, field: "\(key) date", locator: locator)
            FacebookFriendsParser.emit(
                name: person, details: [], relation: relation, time: time, contact: nil, field: key, owner: owner,
                locator: locator, context: context)
        }
        times.finish()
    }
}
