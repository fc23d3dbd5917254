import EvidenceArchive
import EvidenceModel

/// Twitter/X `account.js`: the export owner's account.
///
/// Layout: `window.YTD.account.part0 = [ { "account" : { "email", "createdVia", "username",
/// "accountId", "createdAt", "accountDisplayName" } } ]` in `data/` (2020+) or at the archive root
/// (2018-2020, where `phoneNumber` may also appear). Emits the owner `Account`, identifiers (user id,
/// handle, email, phone) and an `accountCreated` event at `createdAt` (ISO 8601, UTC).
public struct TwitterAccountParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.account", displayName: "Twitter account", platform: .twitter, version: 1,
        memberPatterns: ["data/account.js", "account.js"], prefetchPatterns: ["account.js"],
        formatNotes: "account.js from 2018 root-level archives through 2024 data/ archives; wrapped and unwrapped items.",
        knownLimits: "createdVia is kept as a detail only.")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterArchive.forEachItem(in: member, context: context) { _, item, locator in
            let account = TwitterArchive.unwrap(item, "account")
            let itemLocator = item["account"] != nil ? locator + "/account" : locator
            guard let accountId = account["accountId"]?.nonEmptyString else {
                context.warn("missing-field", "account item has no accountId", locator: itemLocator)
                return
            }
            let key = AccountKey.userId(.twitter, accountId)
            context.state.values["twitter.ownerId"] = accountId
            let handle = account["username"]?.nonEmptyString
            let provenance = context.provenance(itemLocator)
            context.emit(
                .account(
                    Account(
                        key: key, platformUserId: accountId, handle: handle,
                        displayName: account["accountDisplayName"]?.nonEmptyString, isExportOwner: true,
                        provenance: provenance)))
            var identifiers = [
                IdentifierObservation(kind: .userId, raw: accountId, field: "account.accountId", platform: .twitter, accountKey: key)
            ]
            if let handle {
                identifiers.append(
                    IdentifierObservation(kind: .handle, raw: handle, field: "account.username", platform: .twitter, accountKey: key))
            }
            if let email = account["email"]?.nonEmptyString {
                identifiers.append(IdentifierObservation(kind: .email, raw: email, field: "account.email", accountKey: key))
            }
            if let phone = account["phoneNumber"]?.nonEmptyString {
                identifiers.append(IdentifierObservation(kind: .phone, raw: phone, field: "account.phoneNumber", accountKey: key))
            }
            let created = TwitterArchive.timestamp(
                account["createdAt"], field: "createdAt", locator: itemLocator + "/createdAt", context: context)
            var details: [Event.Detail] = []
            if let via = account["createdVia"]?.nonEmptyString { details.append(.init("createdVia", via)) }
            context.emit(
                Event(
                    platform: .twitter, kind: .accountCreated, occurredAt: created, actor: key,
                    text: handle.map { "Account @\($0) created" }, details: details, identifiers: identifiers,
                    provenance: provenance))
        }
    }
}

/// How Twitter/X archives are recognized from their paths.
enum TwitterRecognition {
    static func recognize(_ listing: ArchiveListing) -> Recognition {
        if listing.containsAny(matching: ["data/manifest.js", "Your archive.html", "data/js/tweet_index.js"]) { return .certain }
        if listing.containsAny(matching: ["data/tweets.js", "data/tweet.js", "data/account.js"]) { return .certain }
        // 2018-2020 root-level archives: several YTD files side by side.
        let rootFiles = ["tweet.js", "account.js", "follower.js", "following.js", "like.js", "direct-message.js", "ip-audit.js"]
        let present = rootFiles.filter { listing.contains($0) }.count
        if present >= 2 { return .certain }
        if present == 1 { return .possible }
        return .no
    }
}
