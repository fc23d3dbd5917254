import EvidenceArchive
import EvidenceModel

/// Twitter/X `follower.js`: accounts that follow the owner.
///
/// Layout: `window.YTD.follower.part0 = [ { "follower" : { "accountId", "userLink" } } ]` (`userLink`,
/// `https://twitter.com/intent/user?user_id=...`, since ~2020). The file gives no time. Emits one
/// `.follower` event per account with no `occurredAt`, the owner as actor, and identifiers `.userId`
/// (accountId) and `.url` (userLink), both attributed to the listed account.
public struct TwitterFollowerParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.follower", displayName: "Twitter followers", platform: .twitter, version: 1,
        memberPatterns: ["follower.js", "follower-part*.js"],
        formatNotes: "follower.js, 2018 root-level through 2024 data/ archives.",
        knownLimits: "")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterAccountList.parse(member, in: context, key: "follower", kind: .follower)
    }
}
