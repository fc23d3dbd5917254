import EvidenceArchive
import EvidenceModel

/// Twitter/X `mute.js`: accounts the owner mutes.
///
/// Layout: `window.YTD.mute.part0 = [ { "muting" : { "accountId", "userLink" } } ]` (`userLink`,
/// `https://twitter.com/intent/user?user_id=...`, since ~2020). The file gives no time. Emits one
/// `.mute` event per account with no `occurredAt`, the owner as actor, and identifiers `.userId`
/// (accountId) and `.url` (userLink), both attributed to the listed account.
public struct TwitterMuteParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.mute", displayName: "Twitter muted accounts", platform: .twitter, version: 1,
        memberPatterns: ["mute.js", "mute-part*.js"],
        formatNotes: "mute.js, 2018 root-level through 2024 data/ archives.",
        knownLimits: "")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterAccountList.parse(member, in: context, key: "muting", kind: .mute)
    }
}
