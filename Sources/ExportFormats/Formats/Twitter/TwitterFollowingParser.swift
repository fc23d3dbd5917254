import EvidenceArchive
import EvidenceModel

/// Twitter/X `following.js`: accounts the owner follows.
///
/// Layout: `window.YTD.following.part0 = [ { "following" : { "accountId", "userLink" } } ]` (`userLink`,
/// `https://twitter.com/intent/user?user_id=...`, since ~2020). The file gives no time. Emits one
/// `.following` event per account with no `occurredAt`, the owner as actor, and identifiers `.userId`
/// (accountId) and `.url` (userLink), both attributed to the listed account.
public struct TwitterFollowingParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.following", displayName: "Twitter following", platform: .twitter, version: 1,
        memberPatterns: ["following.js", "following-part*.js"],
        formatNotes: "following.js, 2018 root-level through 2024 data/ archives.",
        knownLimits: "")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterAccountList.parse(member, in: context, key: "following", kind: .following)
    }
}
