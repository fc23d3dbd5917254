import EvidenceArchive
import EvidenceModel

/// The shape shared by Twitter's change-history files (`email-address-change.js`,
/// `screen-name-change.js`): `{ outerKey: { "accountId", innerKey: { "changedAt", "changedFrom"?, "changedTo" } } }`.
/// Each entry becomes one event at `changedAt` with both values as identifiers and as details.
enum TwitterChangeHistory {
    static func parse(
        _ member: ArchiveMember, in context: ParseContext, outerKey: String, innerKey: String, eventKind: EventKind,
        identifierKind: IdentifierKind, identifierPlatform: Platform?
    ) throws {
        try TwitterArchive.forEachItem(in: member, context: context) { _, item, locator in
            guard
                let (outer, outerLocator) = TwitterArchive.record(
                    in: item, key: outerKey, locator: locator, context: context)
            else { return }
            let account =
                outer["accountId"]?.nonEmptyString.map { AccountKey.userId(.twitter, $0) }
                ?? TwitterArchive.ownerOrPlaceholder(in: context)
            guard let change = outer[innerKey], change.object != nil else {
                context.warn("missing-field", "\(outerKey) entry has no \(innerKey) object", locator: outerLocator)
                return
            }
            let changeLocator = outerLocator + "/" + innerKey
            let occurredAt = TwitterArchive.timestamp(
                change["changedAt"], field: "changedAt", locator: changeLocator + "/changedAt", context: context)
            var details: [Event.Detail] = []
            var identifiers: [IdentifierObservation] = []
            for field in ["changedFrom", "changedTo"] {
                guard let value = change[field]?.nonEmptyString else { continue }
                details.append(.init(field, value))
                identifiers.append(
                    IdentifierObservation(
                        kind: identifierKind, raw: value, field: "\(outerKey).\(innerKey).\(field)",
                        platform: identifierPlatform, observedAt: occurredAt, accountKey: account))
            }
            context.emit(
                Event(
                    platform: .twitter, kind: eventKind, occurredAt: occurredAt, actor: account, details: details,
                    identifiers: identifiers, provenance: context.provenance(changeLocator)))
        }
    }
}
