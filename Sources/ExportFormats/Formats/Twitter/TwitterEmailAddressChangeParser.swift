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
        try TwitterArchive.forEachItem(in: member, context: context) { _, item, locator in
            guard
                let (outer, outerLocator) = TwitterArchive.record(
                    in: item, key: "emailAddressChange", locator: locator, context: context)
            else { return }
            let account =
                outer["accountId"]?.nonEmptyString.map { AccountKey.userId(.twitter, $0) }
                ?? TwitterArchive.ownerOrPlaceholder(in: context)
            guard let change = outer["emailChange"], change.object != nil else {
                context.warn(
                    "missing-field", "emailAddressChange entry has no emailChange object", locator: outerLocator)
                return
            }
            let changeLocator = outerLocator + "/emailChange"
            let occurredAt = TwitterArchive.timestamp(
                change["changedAt"], field: "changedAt", locator: changeLocator + "/changedAt", context: context)
            var details: [Event.Detail] = []
            var identifiers: [IdentifierObservation] = []
            for field in ["changedFrom", "changedTo"] {
                guard let address = change[field]?.nonEmptyString else { continue }
                details.append(.init(field, address))
                identifiers.append(
                    IdentifierObservation(
                        kind: .email, raw: address, field: "emailAddressChange.emailChange.\(field)",
                        observedAt: occurredAt,
                        accountKey: account))
            }
            context.emit(
                Event(
                    platform: .twitter, kind: .emailChange, occurredAt: occurredAt, actor: account, details: details,
                    identifiers: identifiers, provenance: context.provenance(changeLocator)))
        }
    }
}
