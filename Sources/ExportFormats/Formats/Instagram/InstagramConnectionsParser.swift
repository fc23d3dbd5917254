import EvidenceArchive
import EvidenceModel

/// Instagram followers, following, blocked and restricted profiles.
///
/// Paths: `followers_and_following/*.json` (2020-2023) and `connections/followers_and_following/*.json`
/// (2024+): `followers_N.json` (a bare array, or `{"relationships_followers": [...]}` in older files),
/// `following.json` (`relationships_following`), `blocked_profiles.json` (`relationships_blocked_users`),
/// `restricted_profiles.json` (`relationships_restricted_users`). Entries are `{title, media_list_data,
/// string_list_data [{href, value, timestamp}]}`; newer files may put the username in `title` and leave
/// `value` out. Emits `.follower`, `.following`, `.block` or `.mute` events with the owner as actor and
/// the other account's username as a `.handle` identifier (keyed by that username).
public struct InstagramConnectionsParser: InstagramExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "instagram.connections", displayName: "Instagram followers and following", platform: .instagram,
        version: 1,
        memberPatterns: [
            "followers_and_following/followers_*.json", "followers_and_following/followers.json",
            "followers_and_following/following.json", "followers_and_following/blocked_profiles.json",
            "followers_and_following/restricted_profiles.json",
        ],
        prefetchPatterns: MetaOwner.instagramProfilePatterns,
        formatNotes: "string_list_data relationship lists, 2020-2023 and 2024+ trees.",
        knownLimits: "Close friends, follow requests, hashtags and unfollowed profiles are not read.")

    /// Lists over this many bytes are read item by item as they arrive (`MetaJSON.forEachItem`).
    let streamingThreshold: Int

    public init() { self.init(streamingThreshold: MetaJSON.streamingThreshold) }

    /// A small `streamingThreshold` streams small lists too (tests compare the two ways).
    public init(streamingThreshold: Int) { self.streamingThreshold = streamingThreshold }

    static func kind(listKey: String, path: String) -> EventKind {
        let name = listKey.isEmpty ? (path.split(separator: "/").last.map(String.init) ?? path) : listKey
        if name.contains("blocked") { return .block }
        if name.contains("restricted") { return .mute }
        if name.contains("following") { return .following }
        return .follower
    }

    /// Emits one relation: the owner as actor, the other account's username (repaired) as text,
    /// `counterpart`/`counterpartKey`/`href` details and a `.handle` identifier. Shared with the HTML
    /// parser.
    static func emit(
        username: String, time: Timestamp?, href: String?, kind: EventKind, field: String, owner: AccountKey,
        locator: String, context: ParseContext
    ) {
        let name = MetaText.repair(username).text
        let counterpart = AccountKey.handle(.instagram, name)
        var details: [Event.Detail] = [
            .init("counterpart", name), .init("counterpartKey", counterpart.description),
        ]
        if let href { details.append(.init("href", href)) }
        let identifiers = [
            IdentifierObservation(
                kind: .handle, raw: username, field: field, platform: .instagram, observedAt: time,
                accountKey: counterpart)
        ]
        context.emit(
            Event(
                platform: .instagram, kind: kind, occurredAt: time, actor: owner, text: name, details: details,
                identifiers: identifiers, provenance: context.provenance(locator)))
    }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let repairsBefore = MetaText.repairCount(in: context)
        defer { MetaText.warnRepairs(since: repairsBefore, in: context) }
        let owner = MetaOwner.instagram(in: context)
        try MetaJSON.forEachItem(
            in: member, context: context, missing: "no relationship list", threshold: streamingThreshold
        ) { item, locator, listKey in
            let kind = Self.kind(listKey: listKey, path: member.path)
            let entries = item["string_list_data"]?.array ?? []
            let first = entries.first
            guard let username = first?["value"]?.nonEmptyString ?? item["title"]?.nonEmptyString else {
                context.warn(
                    "missing-field", "relationship entry has neither string_list_data value nor title", locator: locator
                )
                return
            }
            let time = MetaJSON.timestamp(
                first?["timestamp"], field: "string_list_data.timestamp",
                locator: locator + "/string_list_data/0/timestamp",
                context: context)
            Self.emit(
                username: username, time: time, href: first?["href"]?.nonEmptyString, kind: kind,
                field: "\(listKey.isEmpty ? "followers" : listKey).value", owner: owner, locator: locator,
                context: context)
        }
    }
}
