import EvidenceArchive
import EvidenceModel

/// Facebook friends, friend requests, followers and followed profiles.
///
/// Paths: `friends/*.json` (2018-2019), `friends_and_followers/*.json` (2020-2021),
/// `connections/friends/*.json` and `connections/followers/*.json` (2022+), `following/following.json`.
/// Shape: `{"<list>": [{name, timestamp, contact_info?}]}` where the list key says the relation:
/// `friends(_v2)` → `.friend`; `received_requests(_v2)`, `sent_requests(_v2)`, `deleted_friends(_v2)`,
/// `rejected_requests(_v2)` → `.friend` with a `relation` detail; `followers(_v2/_v3)` → `.follower`;
/// `following(_v2/_v3)` → `.following`. The actor is the export owner; the other person is named in
/// the `counterpart` detail (display name only) and keyed in `counterpartKey`.
public struct FacebookFriendsParser: FacebookExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "facebook.friends", displayName: "Facebook friends and followers", platform: .facebook, version: 1,
        memberPatterns: [
            "friends/*.json", "friends_and_followers/*.json", "connections/friends/*.json",
            "connections/followers/*.json",
            "following/*.json", "followers/*.json",
        ],
        prefetchPatterns: [MetaOwner.facebookProfilePattern],
        formatNotes: "friends, requests, removed friends, followers and following lists, 2018-2024 trees.",
        knownLimits: "People are display names only. Suggestions (people_you_may_know) and post audiences are not read."
    )

    static let fileNames: Set<String> = [
        "friends.json", "your_friends.json", "received_friend_requests.json", "sent_friend_requests.json",
        "removed_friends.json", "rejected_friend_requests.json", "followers.json", "people_who_follow_you.json",
        "following.json", "who_you_ve_followed.json", "who_you've_followed.json", "who_you_follow.json",
    ]

    /// List key prefix → kind and relation detail.
    static let relations: [(prefix: String, kind: EventKind, relation: String)] = [
        ("friends", .friend, "friend"), ("received_requests", .friend, "request received"),
        ("sent_requests", .friend, "request sent"), ("deleted_friends", .friend, "removed"),
        ("removed_friends", .friend, "removed"), ("rejected_requests", .friend, "request rejected"),
        ("followers", .follower, "follower"), ("following", .following, "following"),
    ]

    let streamingThreshold: Int

    public init() { self.init(streamingThreshold: MetaJSON.streamingThreshold) }

    /// A small `streamingThreshold` streams small lists too (tests compare the two ways).
    public init(streamingThreshold: Int) { self.streamingThreshold = streamingThreshold }

    public func claims(_ path: String, in listing: ArchiveListing) -> Bool {
        guard let name = path.split(separator: "/").last, Self.fileNames.contains(String(name)) else { return false }
        return Self.descriptor.memberPatterns.contains { PathPattern.matches($0, path: path) }
    }

    /// Emits one relation event (owner as actor, the other person named in `counterpart`, keyed in
    /// `counterpartKey`); `details` are put after those. Shared with the HTML parser.
    static func emit(
        name: String, details extra: [Event.Detail], relation: (prefix: String, kind: EventKind, relation: String),
        time: Timestamp?, contact: String?, field: String, owner: AccountKey, locator: String, context: ParseContext
    ) {
        let details: [Event.Detail] =
            [
                .init("counterpart", name), .init("counterpartKey", AccountKey.handle(.facebook, name).description),
                .init("relation", relation.relation),
            ] + extra
        var identifiers: [IdentifierObservation] = []
        if let contact {
            identifiers.append(
                IdentifierObservation(
                    kind: contact.contains("@") ? .email : .phone, raw: contact, field: "\(field).contact_info",
                    accountKey: .handle(.facebook, name)))
        }
        context.emit(
            Event(
                platform: .facebook, kind: relation.kind, occurredAt: time, actor: owner, text: name, details: details,
                identifiers: identifiers, provenance: context.provenance(locator)))
    }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let repairsBefore = MetaText.repairCount(in: context)
        defer { MetaText.warnRepairs(since: repairsBefore, in: context) }
        let owner = MetaOwner.facebook(in: context)
        // A public figure's followers file lists every follower: lists over 16 MiB are read as they arrive.
        try MetaJSON.forEachItem(
            in: member, context: context, everyList: true, missing: "expected an object holding a list",
            threshold: streamingThreshold
        ) { item, locator, listKey in
            guard let relation = Self.relations.first(where: { listKey.hasPrefix($0.prefix) }) else { return }
            var details: [Event.Detail] = []
            guard let name = MetaText.text(item["name"], rawDetail: "rawName", details: &details, context: context)
            else {
                context.warn("missing-field", "\(listKey) entry has no name", locator: locator)
                return
            }
            let time = MetaJSON.timestamp(
                item["timestamp"], field: "timestamp", locator: locator + "/timestamp", context: context)
            Self.emit(
                name: name, details: details, relation: relation, time: time,
                contact: item["contact_info"]?.nonEmptyString, field: listKey, owner: owner, locator: locator,
                context: context)
        }
    }
}
