import EvidenceArchive
import EvidenceModel

/// Reads the account-list files (`follower.js`, `following.js`, `block.js`, `mute.js`): items
/// `{ "<key>" : { "accountId", "userLink" } }`, no time.
enum TwitterAccountList {
    static func parse(_ member: ArchiveMember, in context: ParseContext, key: String, kind: EventKind) throws {
        try TwitterArchive.forEachItem(in: member, context: context) { _, item, locator in
            guard
                let (entry, entryLocator) = TwitterArchive.record(
                    in: item, key: key, locator: locator, context: context)
            else { return }
            guard let accountId = entry["accountId"]?.nonEmptyString else {
                context.warn("missing-field", "\(key) entry has no accountId", locator: entryLocator)
                return
            }
            let listed = AccountKey.userId(.twitter, accountId)
            var identifiers = [
                IdentifierObservation(
                    kind: .userId, raw: accountId, field: "\(key).accountId", platform: .twitter, accountKey: listed)
            ]
            if let link = entry["userLink"]?.nonEmptyString {
                identifiers.append(
                    IdentifierObservation(kind: .url, raw: link, field: "\(key).userLink", accountKey: listed))
            }
            context.emit(
                Event(
                    platform: .twitter, kind: kind, occurredAt: nil,
                    actor: TwitterArchive.ownerOrPlaceholder(in: context),
                    identifiers: identifiers, provenance: context.provenance(entryLocator)))
        }
    }
}
