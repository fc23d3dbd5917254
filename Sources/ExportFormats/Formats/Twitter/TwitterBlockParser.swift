import EvidenceArchive
import EvidenceModel

/// Twitter/X `block.js`: accounts the owner blocks.
///
/// Layout: `window.YTD.block.part0 = [ { "blocking" : { "accountId", "userLink" } } ]` (`userLink`,
/// `https://twitter.com/intent/user?user_id=...`, since ~2020). The file gives no time. Emits one
/// `.block` event per account with no `occurredAt`, the owner as actor, and identifiers `.userId`
/// (accountId) and `.url` (userLink), both attributed to the listed account.
public struct TwitterBlockParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.block", displayName: "Twitter blocked accounts", platform: .twitter, version: 1,
        memberPatterns: ["block.js", "block-part*.js"],
        formatNotes: "block.js, 2018 root-level through 2024 data/ archives.",
        knownLimits: "")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterAccountList.parse(member, in: context, key: "blocking", kind: .block)
    }
}
