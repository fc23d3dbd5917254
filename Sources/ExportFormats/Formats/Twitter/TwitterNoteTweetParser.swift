import EvidenceArchive
import EvidenceModel

/// Twitter/X `note-tweet.js` (2023+): long posts ("notes") whose full text exceeds a tweet.
///
/// Layout: `window.YTD.note_tweet.part0 = [ { "noteTweet" : { "noteTweetId", "createdAt", "updatedAt",
/// "lifecycle" : { "name", ... }, "core" : { "text", "urls" : [...], "mentions" : [...], "hashtags" : [...],
/// "cashtags", "styletags" } } } ]`. Emits a `.post` event at `createdAt` with the text of `core.text`
/// (HTML entities decoded), details noteTweetId, lifecycle and hashtags, and identifiers for URLs and
/// mentioned handles found in `core`.
public struct TwitterNoteTweetParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.note-tweet", displayName: "Twitter note tweets", platform: .twitter, version: 1,
        memberPatterns: ["data/note-tweet.js", "data/note-tweet-part*.js"],
        formatNotes: "note-tweet.js, 2023+ archives.",
        knownLimits: "deleted-note-tweet.js and rich-text style tags are not read.")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterArchive.forEachItem(in: member, context: context) { _, item, locator in
            guard
                let (note, noteLocator) = TwitterArchive.record(
                    in: item, key: "noteTweet", locator: locator, context: context)
            else { return }
            let core = note["core"]
            let occurredAt = TwitterArchive.timestamp(
                note["createdAt"], field: "createdAt", locator: noteLocator + "/createdAt", context: context)
            var details: [Event.Detail] = []
            if let noteId = note["noteTweetId"]?.nonEmptyString { details.append(.init("noteTweetId", noteId)) }
            if let lifecycle = note["lifecycle"]?["name"]?.nonEmptyString {
                details.append(.init("lifecycle", lifecycle))
            }
            let hashtags = TwitterArchive.objects(core?["hashtags"]).compactMap { $0.1["text"]?.nonEmptyString }
            if !hashtags.isEmpty { details.append(.init("hashtags", hashtags.joined(separator: ","))) }
            var identifiers: [IdentifierObservation] = []
            var links: [(short: String, expanded: String)] = []
            for (_, url) in TwitterArchive.objects(core?["urls"]) {
                guard let expanded = (url["expandedUrl"] ?? url["expanded_url"])?.nonEmptyString else { continue }
                links.append(((url["shortUrl"] ?? url["url"])?.string ?? "", expanded))
                identifiers.append(
                    IdentifierObservation(kind: .url, raw: expanded, field: "noteTweet.core.urls.expandedUrl"))
            }
            for (_, mention) in TwitterArchive.objects(core?["mentions"]) {
                guard let handle = (mention["screenName"] ?? mention["screen_name"])?.nonEmptyString else { continue }
                identifiers.append(
                    IdentifierObservation(
                        kind: .handle, raw: handle, field: "noteTweet.core.mentions.screenName", platform: .twitter,
                        accountKey: .handle(.twitter, handle)))
            }
            let text = core?["text"]?.string.map { TwitterArchive.expandedText($0, links: links) }
            context.emit(
                Event(
                    platform: .twitter, kind: .post, occurredAt: occurredAt,
                    actor: TwitterArchive.ownerOrPlaceholder(in: context),
                    text: text, details: details, identifiers: identifiers, provenance: context.provenance(noteLocator))
            )
        }
    }
}
