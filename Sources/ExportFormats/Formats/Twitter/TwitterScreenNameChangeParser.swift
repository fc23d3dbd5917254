import EvidenceArchive
import EvidenceModel

/// Twitter/X `screen-name-change.js`: the history of the account's @handle.
///
/// Layout: `window.YTD.screen_name_change.part0 = [ { "screenNameChange" : { "accountId",
/// "screenNameChange" : { "changedAt", "changedFrom", "changedTo" } } } ]`. Emits a `.handleChange` event at
/// `changedAt` with both handles as `.handle` identifiers (platform twitter) and as details.
public struct TwitterScreenNameChangeParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.screen-name-change", displayName: "Twitter screen name changes", platform: .twitter,
        version: 1,
        memberPatterns: ["screen-name-change.js"],
        formatNotes: "screen-name-change.js, 2019+ archives.",
        knownLimits: "")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterChangeHistory.parse(
            member, in: context, outerKey: "screenNameChange", innerKey: "screenNameChange", eventKind: .handleChange,
            identifierKind: .handle, identifierPlatform: .twitter)
    }
}
