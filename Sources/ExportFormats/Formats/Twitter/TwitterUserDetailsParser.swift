import EvidenceArchive
import EvidenceModel

/// Twitter Grailbird (2012-2018) `data/js/user_details.js`: the archive owner's account.
///
/// Layout: `var user_details =  { "screen_name", "full_name", "id", "created_at" : "2007-03-11 19:15:57 +0000",
/// "bio", "location", "url" (t.co), "expanded_url", "display_url" }` — one object, not an array, read whole.
/// Emits the owner `Account` and an `.accountCreated` event at `created_at` with identifiers user id,
/// handle and the expanded website URL; details bio and location. Prefetched, so that Grailbird tweets
/// without a `user` object are still attributed to the owner.
public struct TwitterUserDetailsParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.user-details", displayName: "Twitter Grailbird user details", platform: .twitter,
        version: 1,
        memberPatterns: ["data/js/user_details.js"],
        prefetchPatterns: ["data/js/user_details.js"],
        formatNotes: "Grailbird archives (2012-2018).",
        knownLimits: "payload_details.js and tweet_index.js are not read; tweets.csv duplicates the monthly files.")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let details = try TwitterArchive.readObject(member: member, context: context)
        guard details.object != nil else { throw ParseError(locator: "", "user_details is not an object") }
        guard let accountId = details["id_str"]?.nonEmptyString ?? details["id"]?.nonEmptyString else {
            context.warn("missing-field", "user_details has no id", locator: "")
            return
        }
        let key = AccountKey.userId(.twitter, accountId)
        context.state.values["twitter.ownerId"] = accountId
        let handle = details["screen_name"]?.nonEmptyString
        let provenance = context.provenance("")
        context.emit(
            .account(
                Account(
                    key: key, platformUserId: accountId, handle: handle,
                    displayName: details["full_name"]?.nonEmptyString,
                    isExportOwner: true, provenance: provenance)))
        var identifiers = [
            IdentifierObservation(
                kind: .userId, raw: accountId, field: "user_details.id", platform: .twitter, accountKey: key)
        ]
        if let handle {
            identifiers.append(
                IdentifierObservation(
                    kind: .handle, raw: handle, field: "user_details.screen_name", platform: .twitter, accountKey: key))
        }
        if let website = details["expanded_url"]?.nonEmptyString {
            identifiers.append(
                IdentifierObservation(kind: .url, raw: website, field: "user_details.expanded_url", accountKey: key))
        }
        var eventDetails: [Event.Detail] = []
        if let bio = details["bio"]?.nonEmptyString { eventDetails.append(.init("bio", HTMLEntities.decode(bio))) }
        if let location = details["location"]?.nonEmptyString { eventDetails.append(.init("location", location)) }
        let created = TwitterArchive.timestamp(
            details["created_at"], field: "created_at", locator: "/created_at", context: context)
        context.emit(
            Event(
                platform: .twitter, kind: .accountCreated, occurredAt: created, actor: key,
                text: handle.map { "Account @\($0) created" }, details: eventDetails, identifiers: identifiers,
                provenance: provenance))
    }
}
