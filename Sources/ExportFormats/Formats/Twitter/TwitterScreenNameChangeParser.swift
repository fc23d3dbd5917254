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
        try TwitterArchive.forEachItem(in: member, context: context) { _, item, locator in
            guard
                let (outer, outerLocator) = TwitterArchive.record(
                    in: item, key: "screenNameChange", locator: locator, context: context)
            else { return }
            let account =
                outer["accountId"]?.nonEmptyString.map { AccountKey.userId(.twitter, $0) }
                ?? TwitterArchive.ownerOrPlaceholder(in: context)
            guard let change = outer["screenNameChange"], change.object != nil else {
                context.warn(
                    "missing-field", "screenNameChange entry has no inner screenNameChange object",
                    locator: outerLocator)
                return
            }
            let changeLocator = outerLocator + "/screenNameChange"
            let occurredAt = TwitterArchive.timestamp(
                change["changedAt"], field: "changedAt", locator: changeLocator + "/changedAt", context: context)
            var details: [Event.Detail] = []
            var identifiers: [IdentifierObservation] = []
            for field in ["changedFrom", "changedTo"] {
                guard let handle = change[field]?.nonEmptyString else { continue }
                details.append(.init(field, handle))
                identifiers.append(
                    IdentifierObservation(
                        kind: .handle, raw: handle, field: "screenNameChange.screenNameChange.\(field)",
                        platform: .twitter,
                        observedAt: occurredAt, accountKey: account))
            }
            context.emit(
                Event(
                    platform: .twitter, kind: .handleChange, occurredAt: occurredAt, actor: account, details: details,
                    identifiers: identifiers, provenance: context.provenance(changeLocator)))
        }
    }
}
