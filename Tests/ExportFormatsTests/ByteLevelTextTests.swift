import EvidenceModel
import ExportFormats
import Testing

/// The text helpers on the ingest path work on UTF-8 bytes (they were character-by-character and
/// took a third of the reader's time). These cases pin what they return, including non-ASCII text
/// around the ASCII delimiters they search for, and the forms that must fall back or stay as written.
@Suite struct ByteLevelTextTests {
    // MARK: Twitter created_at

    @Test(arguments: [
        ("Wed Mar 22 07:41:49 +0000 2017", "2017-03-22T07:41:49Z"),
        ("Wed Mar 22 07:41:49 -0730 2017", "2017-03-22T15:11:49Z"),
        ("Sun Feb 29 23:59:59 +0100 2004", "2004-02-29T22:59:59Z"),
        // Lowercase month: the byte reading lowercases as the general one does.
        ("wed mar 22 07:41:49 +0000 2017", "2017-03-22T07:41:49Z"),
        // Not 30 bytes: the general reading (split on spaces) takes it.
        ("Wed Mar  2 07:41:49 +0000 2017", "2017-03-02T07:41:49Z"),
        ("Wed Mar 22 07:41:49 +05:30 2017", "2017-03-22T02:11:49Z"),
    ])
    func createdAtIsRead(raw: String, expected: String) throws {
        let stamp = try #require(TimestampParsing.twitterCreatedAt(raw))
        #expect(stamp.iso8601 == expected)
        #expect(stamp.raw == raw)
        #expect(stamp.precision == .second)
        #expect(stamp.zoneSource == .explicit)
    }

    @Test(arguments: [
        "Wed Mar 32 07:41:49 +0000 2017", "Wed Foo 22 07:41:49 +0000 2017", "Wed Mar 22 07:41:4x +0000 2017",
        "Wed Mar 22 07:41:49 *0000 2017", "Wed Mar 22 07:41:49 +0000 2O17", "2017-03-22T07:41:49Z", "",
    ])
    func createdAtThatIsNotADateIsNil(raw: String) {
        #expect(TimestampParsing.twitterCreatedAt(raw) == nil)
    }

    // MARK: HTML entities, tags and t.co links

    @Test(arguments: [
        ("a &amp; b", "a & b"),
        ("&lt;3 &gt; &quot;x&quot; &apos;y&apos;", "<3 > \"x\" 'y'"),
        ("it&#39;s &#x1F600; &#X41;", "it's 😀 A"),
        ("café &amp; thé &amp;", "café & thé &"),
        // Stay as written: unknown names, no semicolon within 12 bytes, a lone ampersand, a surrogate.
        ("AT&T &unknown; &amp", "AT&T &unknown; &amp"),
        ("&abcdefghijklmnop; &", "&abcdefghijklmnop; &"),
        ("&#xD800; &#; &#x;", "&#xD800; &#; &#x;"),
        ("&é; &amp;é", "&é; &é"),
    ])
    func entitiesAreDecoded(text: String, expected: String) {
        #expect(HTMLEntities.decode(text) == expected)
    }

    @Test(arguments: [
        ("<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter for iPhone</a>", "Twitter for iPhone"),
        ("<a href=\"x\">Tweetbot für iΟS &amp; Mac</a>", "Tweetbot für iΟS & Mac"),
        ("plain text", "plain text"),
        ("a > b", "a > b"),
        ("ünïcode<b>bold</b>✓", "ünïcodebold✓"),
    ])
    func tagsAreRemoved(html: String, expected: String) {
        #expect(TwitterArchive.textOfHTML(html) == expected)
    }

    @Test func shortLinksAreExpandedEverywhereThenEntitiesDecoded() {
        let text = "see https://t.co/abc — and https://t.co/abc &amp; https://t.co/xyz"
        let expanded = TwitterArchive.expandedText(
            text, links: [(short: "https://t.co/abc", expanded: "https://example.com/ü"), (short: "https://t.co/xyz", expanded: "")])
        #expect(expanded == "see https://example.com/ü — and https://example.com/ü & https://t.co/xyz")
        #expect(TwitterArchive.expandedText("no links &amp; more", links: []) == "no links & more")
    }

    // MARK: Stored details

    @Test func detailsObjectEscapesKeysAndValues() {
        let json = JSONText.stringObject([("tweetId", "1"), ("quote\"d", "line\nbreak"), ("ü", "\u{2028}\u{85}\u{1B}[31m")])
        #expect(json == #"{"tweetId":"1","quote\"d":"line\nbreak","ü":"\u2028\u0085\u001b[31m"}"#)
        #expect(JSONText.stringObject([]) == "{}")
        #expect(JSONText.object([("n", "3"), ("s", JSONText.quote("x"))]) == #"{"n":3,"s":"x"}"#)
    }
}
