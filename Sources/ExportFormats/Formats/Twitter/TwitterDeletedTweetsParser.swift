import EvidenceArchive
import EvidenceModel

/// Twitter/X `deleted-tweets.js` (2022+): tweets deleted in the last ~14 days but not yet purged.
///
/// Layout: `window.YTD.deleted_tweets.part0 = [ { "tweet" : { ...tweet fields..., "deleted_at" :
/// "Fri Apr 28 21:12:30 +0000 2023" } } ]`, the same tweet object as `tweets.js` plus `deleted_at`.
/// Emits one `.post` (or `.repost`) event per tweet exactly as `twitter.tweets` does, with the details
/// `deleted=true` and `deletedAt` (ISO 8601 UTC, or the raw text when unreadable).
public struct TwitterDeletedTweetsParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.deleted-tweets", displayName: "Twitter deleted tweets", platform: .twitter, version: 1,
        memberPatterns: ["data/deleted-tweets.js", "data/deleted-tweets-part*.js"],
        formatNotes: "deleted-tweets.js, 2022+ archives; tweet objects with deleted_at.",
        knownLimits: "deleted-tweet-headers.js (ids and times only) is not read.")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let reader = TwitterTweetReader(context: context)
        try TwitterArchive.forEachItem(in: member, context: context, skipping: TwitterTweetReader.unreadMembers) {
            _, item, locator in
            guard
                let (tweet, tweetLocator) = TwitterArchive.record(
                    in: item, key: "tweet", locator: locator, context: context)
            else { return }
            var details = [Event.Detail("deleted", "true")]
            let deletedValue = tweet["deleted_at"] ?? tweet["deletedAt"]
            if let raw = deletedValue?.nonEmptyString {
                let stamp = TwitterArchive.timestamp(
                    deletedValue, field: "deleted_at", locator: tweetLocator + "/deleted_at", context: context)
                details.append(.init("deletedAt", stamp?.iso8601 ?? raw))
            }
            context.emit(reader.event(for: tweet, locator: tweetLocator, extraDetails: details))
        }
    }
}
