import EvidenceArchive
import EvidenceModel

/// Twitter/X `account-creation-ip.js`: the IP address the account was registered from.
///
/// Layout: `window.YTD.account_creation_ip.part0 = [ { "accountCreationIp" : { "accountId",
/// "userCreationIp" } } ]`. No time is given (the account's creation time is in `account.js`), so this
/// emits a bare identifier record: `.ip` from `userCreationIp`, attributed to `accountId` (else the owner).
public struct TwitterAccountCreationIpParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.account-creation-ip", displayName: "Twitter account creation IP", platform: .twitter,
        version: 1,
        memberPatterns: ["account-creation-ip.js"],
        formatNotes: "account-creation-ip.js, 2019+ archives.",
        knownLimits: "")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterArchive.forEachItem(in: member, context: context) { _, item, locator in
            guard
                let (creation, creationLocator) = TwitterArchive.record(
                    in: item, key: "accountCreationIp", locator: locator, context: context)
            else { return }
            guard let address = creation["userCreationIp"]?.nonEmptyString else {
                context.warn("missing-field", "accountCreationIp entry has no userCreationIp", locator: creationLocator)
                return
            }
            let account =
                creation["accountId"]?.nonEmptyString.map { AccountKey.userId(.twitter, $0) }
                ?? TwitterArchive.ownerOrPlaceholder(in: context)
            context.emit(
                .identifier(
                    IdentifierObservation(
                        kind: .ip, raw: address, field: "accountCreationIp.userCreationIp", accountKey: account),
                    context.provenance(creationLocator)))
        }
    }
}
