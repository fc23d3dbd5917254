import EvidenceArchive
import EvidenceModel

/// Twitter/X `email-address-change.js`: the history of the account's email address.
///
/// Layout: `window.YTD.email_address_change.part0 = [ { "emailAddressChange" : { "accountId",
/// "emailChange" : { "changedAt", "changedFrom"?, "changedTo" } } } ]` (`changedFrom` is absent for the
/// first address). Emits an `.emailChange` event at `changedAt` with both addresses as `.email`
/// identifiers observed at that time and as details.
public struct TwitterEmailAddressChangeParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.email-address-change", displayName: "Twitter email address changes", platform: .twitter,
        version: 1,
        memberPatterns: ["email-address-change.js"],
        formatNotes: "email-address-change.js, 2019+ archives.",
        knownLimits: "")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterChangeHistory.parse(
            member, in: context, outerKey: "emailAddressChange", innerKey: "emailChange", eventKind: .emailChange,
            identifierKind: .email, identifierPlatform: nil)
    }
}
