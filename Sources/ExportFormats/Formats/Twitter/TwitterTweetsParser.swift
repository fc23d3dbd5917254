import EvidenceArchive
import EvidenceModel

/// Twitter/X tweets, every archive generation.
///
/// - 2022+ (X): `data/tweets.js` = `window.YTD.tweets.part0 = [ { "tweet" : {...} } ]`; large accounts
///   add `data/tweets-part1.js`, `data/tweets-part2.js`... (`window.YTD.tweets.part1`).
/// - ~2020-2022: `data/tweet.js` (`window.YTD.tweet.part0`), items wrapped in `{ "tweet" : {...} }`.
/// - ~2018-2020: `tweet.js` at the archive root, items possibly unwrapped.
/// - Grailbird (2012-2018): `data/js/tweets/YYYY_MM.js` = `Grailbird.data.tweets_YYYY_MM = [ {...}, ]`,
///   unwrapped, trailing comma before `]`, text in `text`, `created_at` `2013-11-28 13:37:46 +0000`, and
///   a `user` object naming the author.
///
/// Each tweet gives a `.post` event (`.repost` when the text starts `RT @`) at `created_at`, text with
/// t.co links replaced by `entities.urls[].expanded_url` and HTML entities (`&amp;`) decoded. Details:
/// tweetId, inReplyToStatusId, inReplyToUserId, inReplyToScreenName, source (the `<a>` text), lang,
/// favoriteCount, retweetCount, hashtags. Identifiers: mentioned handles and user ids, expanded URLs.
/// Media (`extended_entities.media`, else `entities.media`) become attachments, pointing at
/// `data/tweets_media/<tweetId>-<file name>` (or `tweet_media/`) when the archive holds the file.
/// Tweets dated before 2006 (an exporter bug seen in real archives) are kept and warned
/// `implausible-date`. Members are streamed element by element: a 1.5 GB `tweets.js` is fine.
public struct TwitterTweetsParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.tweets", displayName: "Twitter tweets", platform: .twitter, version: 1,
        memberPatterns: [
            "data/tweets.js", "data/tweets-part*.js", "tweet.js", "tweet-part*.js", "data/js/tweets/*.js",
        ],
        formatNotes: "tweets.js (2022+, split parts), tweet.js (2018-2022, wrapped or not), Grailbird monthly files.",
        knownLimits: "Video files are matched by the thumbnail's name only; edit history (edit_info) and "
            + "coordinates are not read; retweets keep the truncated text the archive gives.")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let reader = TwitterTweetReader(context: context)
        try TwitterArchive.forEachItem(in: member, context: context, skipping: TwitterTweetReader.unreadMembers) {
            _, item, locator in
            guard
                let (tweet, tweetLocator) = TwitterArchive.record(
                    in: item, key: "tweet", locator: locator, context: context)
            else { return }
            context.emit(reader.event(for: tweet, locator: tweetLocator, extraDetails: []))
        }
    }
}

/// Turns one tweet object (any generation) into an event; shared by the tweets and deleted-tweets parsers.
struct TwitterTweetReader {
    let context: ParseContext
    let mediaFiles: [String: String]

    init(context: ParseContext) {
        self.context = context
        self.mediaFiles = TwitterArchive.mediaFiles(in: context.level.listing)
    }

    /// Members of a tweet (at any depth) that `event(for:)` never reads: the parsers pass them to
    /// `TwitterArchive.forEachItem(skipping:)`, which checks them as JSON without building them (half of
    /// a tweet's allocations were for these: edit history, text ranges, entity offsets, media sizes).
    static let unreadMembers = [
        "edit_info", "display_text_range", "indices", "sizes", "symbols", "retweeted", "favorited", "truncated",
        "possibly_sensitive", "media_key", "display_url", "additional_media_info", "video_info",
    ]

    /// The earliest plausible tweet time: 2006-01-01T00:00:00Z.
    static let earliestPlausible: Int64 = 1_136_073_600 * 1_000_000

    func event(for tweet: JSONValue, locator: String, extraDetails: [Event.Detail]) -> Event {
        let tweetId = tweet["id_str"]?.nonEmptyString ?? tweet["id"]?.nonEmptyString
        if tweetId == nil { context.warn("missing-field", "tweet has no id_str", locator: locator) }
        let occurredAt = TwitterArchive.timestamp(
            tweet["created_at"], field: "created_at", locator: locator + "/created_at", context: context)
        if let occurredAt, occurredAt.microseconds < Self.earliestPlausible {
            context.warn(
                "implausible-date", "created_at is before 2006, earlier than Twitter itself",
                locator: locator + "/created_at")
        }
        let rawText = tweet["full_text"]?.string ?? tweet["text"]?.string
        let entities = tweet["entities"]
        var identifiers: [IdentifierObservation] = []
        for (_, mention) in TwitterArchive.objects(entities?["user_mentions"]) {
            let userId = mention["id_str"]?.nonEmptyString
            let handle = mention["screen_name"]?.nonEmptyString
            let key = userId.map { AccountKey.userId(.twitter, $0) } ?? handle.map { AccountKey.handle(.twitter, $0) }
            if let handle {
                identifiers.append(
                    IdentifierObservation(
                        kind: .handle, raw: handle, field: "tweet.entities.user_mentions.screen_name",
                        platform: .twitter,
                        accountKey: key))
            }
            if let userId {
                identifiers.append(
                    IdentifierObservation(
                        kind: .userId, raw: userId, field: "tweet.entities.user_mentions.id_str", platform: .twitter,
                        accountKey: key))
            }
        }
        var links: [(short: String, expanded: String)] = []
        for (_, url) in TwitterArchive.objects(entities?["urls"]) {
            guard let expanded = url["expanded_url"]?.nonEmptyString else { continue }
            links.append((url["url"]?.string ?? "", expanded))
            identifiers.append(
                IdentifierObservation(kind: .url, raw: expanded, field: "tweet.entities.urls.expanded_url"))
        }
        let text = rawText.map { TwitterArchive.expandedText($0, links: links) }
        var details: [Event.Detail] = []
        details.reserveCapacity(9 + extraDetails.count)
        func add(_ name: String, _ value: JSONValue?) {
            if let text = value?.nonEmptyString { details.append(.init(name, text)) }
        }
        add("tweetId", tweetId.map(JSONValue.string))
        add("inReplyToStatusId", tweet["in_reply_to_status_id_str"] ?? tweet["in_reply_to_status_id"])
        add("inReplyToUserId", tweet["in_reply_to_user_id_str"] ?? tweet["in_reply_to_user_id"])
        add("inReplyToScreenName", tweet["in_reply_to_screen_name"])
        if let source = tweet["source"]?.nonEmptyString {
            details.append(.init("source", TwitterArchive.textOfHTML(source)))
        }
        add("lang", tweet["lang"])
        add("favoriteCount", tweet["favorite_count"])
        add("retweetCount", tweet["retweet_count"])
        let hashtags = TwitterArchive.objects(entities?["hashtags"]).compactMap { $0.1["text"]?.nonEmptyString }
        if !hashtags.isEmpty { details.append(.init("hashtags", hashtags.joined(separator: ","))) }
        details += extraDetails
        var attachments: [Attachment] = []
        let media =
            TwitterArchive.objects(tweet["extended_entities"]?["media"]) + TwitterArchive.objects(entities?["media"])
        for (_, item) in media {
            guard let reference = item["media_url_https"]?.nonEmptyString ?? item["media_url"]?.nonEmptyString,
                !attachments.contains(where: { $0.reference == reference })
            else { continue }
            let fileName = "\(tweetId ?? "")-\(TwitterArchive.urlFileName(item["media_url"]?.string ?? reference))"
            attachments.append(
                Attachment(
                    memberPath: tweetId == nil ? nil : mediaFiles[fileName], reference: reference,
                    mediaType: item["type"]?.nonEmptyString))
        }
        let kind: EventKind = (rawText?.hasPrefix("RT @") ?? false) ? .repost : .post
        return Event(
            platform: .twitter, kind: kind, occurredAt: occurredAt, actor: actor(of: tweet), text: text,
            details: details,
            identifiers: identifiers, attachments: attachments, provenance: context.provenance(locator))
    }

    /// The author: Grailbird tweets name it in `user`; later archives hold only the owner's tweets.
    private func actor(of tweet: JSONValue) -> AccountKey {
        if let userId = tweet["user"]?["id_str"]?.nonEmptyString { return .userId(.twitter, userId) }
        return TwitterArchive.ownerOrPlaceholder(in: context)
    }
}
