import EvidenceArchive
import EvidenceModel

/// Twitter/X `like.js`: tweets the owner liked.
///
/// Layout: `window.YTD.like.part0 = [ { "like" : { "tweetId", "fullText", "expandedUrl" } } ]`; likes of
/// deleted or protected tweets lack `fullText`. The file gives **no time of the like**: `occurredAt` stays
/// nil and the liked tweet's own creation time, derived from its snowflake id, is kept as the detail
/// `derivedTime` (the like happened at or after it). Emits a `.reaction` event per like with the tweet
/// text (HTML entities decoded) and details tweetId, expandedUrl, derivedTime.
public struct TwitterLikeParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.like", displayName: "Twitter likes", platform: .twitter, version: 1,
        memberPatterns: ["like.js", "like-part*.js"],
        formatNotes: "like.js, 2018 root-level through 2024 data/ archives.",
        knownLimits: "No like time exists in the archive.")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterArchive.forEachItem(in: member, context: context) { _, item, locator in
            guard
                let (like, likeLocator) = TwitterArchive.record(
                    in: item, key: "like", locator: locator, context: context)
            else { return }
            var details: [Event.Detail] = []
            if let tweetId = like["tweetId"]?.nonEmptyString {
                details.append(.init("tweetId", tweetId))
                if let url = like["expandedUrl"]?.nonEmptyString { details.append(.init("expandedUrl", url)) }
                if let derived = TimestampParsing.twitterSnowflake(tweetId) {
                    details.append(.init("derivedTime", derived.iso8601))
                }
            } else {
                context.warn("missing-field", "like entry has no tweetId", locator: likeLocator)
                if let url = like["expandedUrl"]?.nonEmptyString { details.append(.init("expandedUrl", url)) }
            }
            context.emit(
                Event(
                    platform: .twitter, kind: .reaction, occurredAt: nil,
                    actor: TwitterArchive.ownerOrPlaceholder(in: context),
                    text: like["fullText"]?.string.map(HTMLEntities.decode), details: details,
                    provenance: context.provenance(likeLocator)))
        }
    }
}
