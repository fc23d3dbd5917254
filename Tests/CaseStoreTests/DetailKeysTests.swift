import CaseStore
import CasebookTestSupport
import EvidenceModel
import Foundation
import GRDB
import Testing

/// Migration v6 stores an event's detail names once per shape and its values in the row; the `event`
/// view must give back, byte for byte, the JSON object a v5 case stored (`JSONText.stringObject`).
@Suite struct DetailKeysTests {
    static func event(_ sha256: String, _ index: Int, _ details: [Event.Detail]) -> Event {
        Event(
            platform: .twitter, kind: .post, occurredAt: nil, text: "text \(index)", details: details,
            provenance: Provenance(
                evidenceSHA256: sha256, memberPath: ["data/tweets.js"], locator: "/\(index)/tweet", parser: "t", parserVersion: 1))
    }

    /// The details of every event as the view reads them, and as the row and shape store them.
    static func read(_ casePath: String) throws -> (view: [String], rows: [String], keys: [String?]) {
        let queue = try DatabaseQueue(path: casePath)
        defer { try? queue.close() }
        return try queue.read { db in
            (
                try String.fetchAll(db, sql: "SELECT details FROM event ORDER BY id"),
                try String.fetchAll(db, sql: "SELECT details FROM eventRow ORDER BY id"),
                try Optional<String>.fetchAll(
                    db, sql: "SELECT s.detailKeys FROM eventRow r JOIN eventShape s ON s.id = r.shapeId ORDER BY r.id")
            )
        }
    }

    @Test func namesGoToTheShapeAndTheViewGivesBackTheObject() throws {
        let folder = try TemporaryFolder()
        let tweet: [Event.Detail] = [.init("tweetId", "1"), .init("source", "Twitter \"Web\" App"), .init("lang", "en")]
        let reply: [Event.Detail] = tweet + [.init("inReplyToScreenName", "ada")]
        let casePath = try LeanOccurrenceWriterTests.writeCase(folder) { sha256 in
            [tweet, reply, tweet, []].enumerated().map { (Self.event(sha256, $0.offset, $0.element), []) }
        }
        let (view, rows, keys) = try Self.read(casePath)
        let objects = [tweet, reply, tweet, []].map { JSONText.stringObject($0.map { ($0.name, $0.value) }) }
        #expect(view == objects)
        #expect(rows[0] == #"["1","Twitter \"Web\" App","en"]"#)
        #expect(rows[3] == "[]")
        #expect(keys == [#"["tweetId","source","lang"]"#, #"["tweetId","source","lang","inReplyToScreenName"]"#,
                         #"["tweetId","source","lang"]"#, "[]"])
        let queue = try DatabaseQueue(path: casePath)
        defer { try? queue.close() }
        // Two events with the same names share one shape; the shapes differ only in their names.
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM eventShape") } == 3)
    }

    /// The writer's reading thread reuses the names' array of the event before when the names repeat;
    /// what it gives must be what a fresh `separated` gives, also when the names differ only in their
    /// bytes (NFC and NFD, K and the Kelvin sign) or hold a character SQLite writes otherwise.
    @Test func reusedNamesGiveWhatFreshNamesGive() {
        let sequence: [[Event.Detail]] = [
            [.init("tweetId", "1"), .init("lang", "en")], [.init("tweetId", "2"), .init("lang", "fr")],
            [.init("tweetId", "3")], [.init("tweetId", "3"), .init("lang", "en"), .init("hashtags", "a,b")],
            [.init("caf\u{e9}", "1")], [.init("cafe\u{301}", "1")], [.init("cafe\u{301}", "2")], [.init("K", "x")],
            [.init("\u{212A}", "x")], [.init("\u{212A}", "y\u{2028}")], [.init("\u{212A}", "y")], [.init("a\u{0C}", "v")],
            [.init("a\u{0C}", "w")], [], [], [.init("tweetId", "4"), .init("lang", "en")],
        ]
        var names = JSONText.DetailNames()
        for (index, details) in sequence.enumerated() {
            let reused = JSONText.separated(details, names: &names)
            let fresh = JSONText.separated(details)
            #expect(reused?.names == fresh?.names && reused?.values == fresh?.values, "details \(index)")
            #expect(reused.map { Array($0.names.utf8) } == fresh.map { Array($0.names.utf8) }, "details \(index)")
        }
    }

    /// Characters SQLite's JSON functions would write differently from `JSONText` keep the whole object
    /// in the row; every other text, escapes and all, is rebuilt byte for byte by the view.
    @Test func theViewRebuildsEveryTextJSONTextWrites() throws {
        let folder = try TemporaryFolder()
        var generator = SeededGenerator(seed: 6)
        // Pieces that exercise the escapes: quotes, backslashes, C0 controls, slashes, non-ASCII, emoji,
        // canonically equivalent spellings, and the characters the view cannot write as `JSONText` does.
        let pieces = [
            "a", "Z", " ", "\"", "\\", "/", "\\u0041", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{08}", "\u{0C}", "\u{7F}",
            "\u{85}", "\u{9B}", "\u{2028}", "\u{2029}", "é", "e\u{301}", "K", "\u{212A}", "ø", "😀", "\u{FFFD}", "{", "}",
            "[", "]", ",", ":", "$[0]", "'", "%", "\u{00}",
        ]
        func text() -> String { (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined() }
        // Each piece alone, as a value and as a name, then random mixtures.
        let detailSets: [[Event.Detail]] =
            pieces.flatMap { [[Event.Detail("k", "<\($0)>")], [Event.Detail($0, "v"), Event.Detail("k", "v")]] }
            + (0..<300).map { _ in (0..<Int.random(in: 0...5, using: &generator)).map { _ in Event.Detail(text(), text()) } }
        let casePath = try LeanOccurrenceWriterTests.writeCase(folder) { sha256 in
            detailSets.enumerated().map { (Self.event(sha256, $0.offset, $0.element), []) }
        }
        let (view, rows, keys) = try Self.read(casePath)
        let expected = detailSets.map { JSONText.stringObject($0.map { ($0.name, $0.value) }) }
        #expect(view.count == expected.count)
        for (index, object) in zip(view, expected).enumerated() where object.0 != object.1 {
            Issue.record("details \(index): the view read \(object.0), JSONText wrote \(object.1)")
        }
        let unrebuildable = ["\u{00}", "\u{08}", "\u{0C}", "\u{7F}", "\u{85}", "\u{9B}", "\u{2028}", "\u{2029}"]
        var separated = 0
        for (index, details) in detailSets.enumerated() {
            let kept = details.contains { detail in
                unrebuildable.contains { detail.name.utf8.contains(Array($0.utf8)) || detail.value.utf8.contains(Array($0.utf8)) }
            }
            // Kept whole: no names in the shape and the object in the row; otherwise the values only.
            #expect((keys[index] == nil) == kept, "details \(index): \(details)")
            if !kept {
                separated += 1
                #expect(rows[index] == "[" + details.map { JSONText.quote($0.value) }.joined(separator: ",") + "]")
            }
        }
        // Both forms are exercised.
        #expect(separated > 20 && separated < detailSets.count - 20, "\(separated) of \(detailSets.count) separated")
    }
}

extension String.UTF8View {
    /// Whether `needle` occurs in these bytes.
    fileprivate func contains(_ needle: [UInt8]) -> Bool {
        let bytes = Array(self)
        guard needle.count <= bytes.count else { return false }
        return (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<($0 + needle.count)]) == needle }
    }
}
