import EvidenceArchive
import EvidenceModel

/// Twitter/X `ip-audit.js`: the IP addresses the account logged in from.
///
/// Layout: `window.YTD.ip_audit.part0 = [ { "ipAudit" : { "accountId", "createdAt" :
/// "2023-05-02T18:40:03.000Z", "loginIp", "loginPortNumber" } } ]` (`data/` since 2020, root-level before;
/// `loginPortNumber` since ~2024, a string). Empty accounts get `[ ]`. Emits one `.login` event per entry
/// at `createdAt`, with the raw `loginIp` as an `.ip` identifier observed at that time and attributed
/// to `accountId` (else the owner), and the port as a detail when present. IPs are not validated here:
/// public samples hold redacted or impossible addresses, which normalization flags later.
public struct TwitterIpAuditParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.ip-audit", displayName: "Twitter login IP audit", platform: .twitter, version: 1,
        memberPatterns: ["ip-audit.js", "ip-audit-part*.js"],
        formatNotes: "ip-audit.js, 2018 root-level through 2024 data/ archives; loginPortNumber since ~2024.",
        knownLimits: "")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterArchive.forEachItem(in: member, context: context) { _, item, locator in
            guard
                let (audit, auditLocator) = TwitterArchive.record(
                    in: item, key: "ipAudit", locator: locator, context: context)
            else { return }
            let account =
                audit["accountId"]?.nonEmptyString.map { AccountKey.userId(.twitter, $0) }
                ?? TwitterArchive.ownerOrPlaceholder(in: context)
            let occurredAt = TwitterArchive.timestamp(
                audit["createdAt"], field: "createdAt", locator: auditLocator + "/createdAt", context: context)
            var identifiers: [IdentifierObservation] = []
            if let address = audit["loginIp"]?.nonEmptyString {
                identifiers.append(
                    IdentifierObservation(
                        kind: .ip, raw: address, field: "ipAudit.loginIp", observedAt: occurredAt, accountKey: account))
            } else {
                context.warn("missing-field", "ipAudit entry has no loginIp", locator: auditLocator)
            }
            var details: [Event.Detail] = []
            if let port = audit["loginPortNumber"]?.nonEmptyString { details.append(.init("port", port)) }
            context.emit(
                Event(
                    platform: .twitter, kind: .login, occurredAt: occurredAt, actor: account, details: details,
                    identifiers: identifiers, provenance: context.provenance(auditLocator)))
        }
    }
}
