import EvidenceModel
import Foundation
import Identifiers
import Testing

@Suite("Text identifier extraction")
struct TextIdentifierExtractorTests {
    @Test func findsEveryKindWithExactByteRanges() {
        let text =
            "Mail jdoe@example.com or call +1 (555) 010-4477 from 203.0.113.7, [2001:db8::7]:443 see "
            + "https://example.org/a?b=1 and @jdoe_55."
        let matches = TextIdentifierExtractor.extract(from: text, platform: .twitter)
        #expect(
            matches == [
                TextMatch(kind: .email, raw: "jdoe@example.com", utf8Range: 5..<21),
                TextMatch(kind: .phone, raw: "+1 (555) 010-4477", utf8Range: 30..<47),
                TextMatch(kind: .ip, raw: "203.0.113.7", utf8Range: 53..<64),
                TextMatch(kind: .ip, raw: "[2001:db8::7]:443", utf8Range: 66..<83),
                TextMatch(kind: .url, raw: "https://example.org/a?b=1", utf8Range: 88..<113),
                TextMatch(kind: .handle, raw: "@jdoe_55", utf8Range: 118..<126),
            ])
    }

    @Test func rangesCountUTF8BytesInInternationalText() {
        let text = "Écrivez à josé@bücher.example — or ☎ +49 151 23456789 (Büro)…"
        let matches = TextIdentifierExtractor.extract(from: text, platform: nil)
        #expect(
            matches == [
                TextMatch(kind: .email, raw: "josé@bücher.example", utf8Range: 12..<33),
                TextMatch(kind: .phone, raw: "+49 151 23456789", utf8Range: 45..<61),
            ])
        for match in matches {
            let slice = Array(text.utf8)[match.utf8Range]
            #expect(String(decoding: slice, as: UTF8.self) == match.raw)
        }
    }

    /// One identifier in a short text: its kind and raw text.
    @Test(arguments: [
        ("ip 192.168.0.1.", IdentifierKind.ip, "192.168.0.1"),
        ("from 1.2.3.4:8443, then", .ip, "1.2.3.4:8443"),
        ("IP:203.0.113.9", .ip, "203.0.113.9"),
        ("mapped ::ffff:192.0.2.1 here", .ip, "::ffff:192.0.2.1"),
        ("fe80::1 is local", .ip, "fe80::1"),
        ("(see https://example.com/a_(b)).", .url, "https://example.com/a_(b)"),
        ("truncated https://t.co/abc…", .url, "https://t.co/abc"),
        ("go to www.example.com/x!", .url, "www.example.com/x"),
        ("<a href=\"https://example.com/\">", .url, "https://example.com/"),
        ("Tel:+44 20 7946 0958", .phone, "+44 20 7946 0958"),
        ("call 0151 23456789 today", .phone, "0151 23456789"),
        ("call 555.010.4477.", .phone, "555.010.4477"),
        ("ruf +49 (0) 151 23456789 an", .phone, "+49 (0) 151 23456789"),
        ("mail <JDoe+tag@Example.com>", .email, "JDoe+tag@Example.com"),
        ("“jdoe@example.com”", .email, "jdoe@example.com"),
        ("follow @jdoe@mastodon.example!", .handle, "@jdoe@mastodon.example"),
        ("(@jdoe’s post)", .handle, "@jdoe"),
    ])
    func findsOne(_ text: String, _ kind: IdentifierKind, _ raw: String) {
        let matches = TextIdentifierExtractor.extract(from: text, platform: nil)
        #expect(matches.map(\.kind) == [kind])
        #expect(matches.map(\.raw) == [raw])
    }

    /// Text that looks a bit like identifiers but holds none.
    @Test(arguments: [
        "version 1.2.3.4.5 released",
        "v1.2.3.4",
        "host 1.2.3.4.example",
        "at 999.1.1.1",
        "on 2024-01-15 10:30:45",
        "on 15.01.2024 10:30",
        "tweet id 1234567890123456789 and epoch 1700000000",
        "std::vector and Foo::Bar",
        "price $1,234,567.89",
        "mac 00:1a:2b:3c:4d:5e",
        "a@b, foo@bar, user@localhost, @",
        "email me at jdoe@ example.com",
        "x@@y.com",
        "ratio 10:30",
        "id:12345678901",
        "call 555 0104",
        "total 1 000 000.00 EUR",
        "cafe: dead beef",
    ])
    func findsNothing(_ text: String) {
        #expect(TextIdentifierExtractor.extract(from: text, platform: nil) == [])
    }

    @Test func handleRulesFollowThePlatform() {
        let text = "hi @abcdefghijklmnopq and @ab.cd"
        #expect(TextIdentifierExtractor.extract(from: text, platform: .twitter).map(\.raw) == [])
        #expect(
            TextIdentifierExtractor.extract(from: text, platform: .instagram).map(\.raw) == [
                "@abcdefghijklmnopq", "@ab.cd",
            ])
        #expect(TextIdentifierExtractor.extract(from: "ping @abcd", platform: .telegram) == [])
        #expect(TextIdentifierExtractor.extract(from: "ping @abcde", platform: .telegram).map(\.raw) == ["@abcde"])
    }

    @Test func phoneNumberEndsBeforeAnAdjacentAddressOrLongNumber() {
        let text = "+1 555 010 1007 203.0.113.7 and 0151 23456789 1234-5678-9012-3456"
        #expect(
            TextIdentifierExtractor.extract(from: text, platform: nil) == [
                TextMatch(kind: .phone, raw: "+1 555 010 1007", utf8Range: 0..<15),
                TextMatch(kind: .ip, raw: "203.0.113.7", utf8Range: 16..<27),
                TextMatch(kind: .phone, raw: "0151 23456789", utf8Range: 32..<45),
            ])
    }

    @Test func urlsWinOverWhatTheyContain() {
        let text = "https://example.com/@jdoe?mail=jdoe@example.com&ip=203.0.113.7 end"
        #expect(
            TextIdentifierExtractor.extract(from: text, platform: nil) == [
                TextMatch(
                    kind: .url, raw: "https://example.com/@jdoe?mail=jdoe@example.com&ip=203.0.113.7",
                    utf8Range: 0..<62)
            ])
    }

    /// Hostile input must be handled in linear time: every scanner moves forward with bounded look-back. These
    /// inputs would take minutes with a quadratic scanner; the test itself asserts only the results.
    @Test func hostileInputsGiveNothing() {
        var digitsAndDots = ""
        digitsAndDots.reserveCapacity(5_000_000)
        for index in 0..<1_000_000 { digitsAndDots += "\(index % 10).\((index / 10) % 10)" }
        #expect(digitsAndDots.utf8.count >= 3_000_000)
        #expect(TextIdentifierExtractor.extract(from: digitsAndDots, platform: nil) == [])
        #expect(TextIdentifierExtractor.extract(from: String(repeating: "@", count: 1_000_000), platform: nil) == [])
        #expect(TextIdentifierExtractor.extract(from: String(repeating: "a@", count: 500_000), platform: nil) == [])
        #expect(TextIdentifierExtractor.extract(from: String(repeating: ":", count: 1_000_000), platform: nil) == [])
        #expect(
            TextIdentifierExtractor.extract(from: String(repeating: "http://", count: 100_000), platform: nil).count
                == 1)
        #expect(TextIdentifierExtractor.extract(from: String(repeating: "(1 ", count: 300_000), platform: nil) == [])
    }

    @Test func manyMatchesInOneLongText() {
        let text = String(repeating: "203.0.113.7 ", count: 100_000)
        let matches = TextIdentifierExtractor.extract(from: text, platform: nil)
        #expect(matches.count == 100_000)
        #expect(matches.last?.utf8Range == 1_199_988..<1_199_999)
    }

    /// `../shared/fixtures/hostile/strings/blns.txt` beside the package, when present.
    static let naughtyStringsPath: String? = {
        let path = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/fixtures/hostile/strings/blns.txt").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// The Big List of Naughty Strings (shared fixture): no crash, ranges that slice back to the raw text, and
    /// only the few matches the rules call for.
    @Test(.enabled(if: naughtyStringsPath != nil, "skipped: ../shared/fixtures/hostile/strings/blns.txt is absent"))
    func naughtyStrings() throws {
        let path = try #require(Self.naughtyStringsPath)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var found: [TextMatch] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.hasPrefix("#") {
            let line = String(line)
            let bytes = Array(line.utf8)
            for match in TextIdentifierExtractor.extract(from: line, platform: nil) {
                #expect(String(decoding: bytes[match.utf8Range], as: UTF8.self) == match.raw)
                found.append(match)
            }
        }
        #expect(
            found.map(\.raw) == [
                "http://foo.bar/#x=", "http://ha.ckers.org/xss.js", "http://ha.ckers.org/xss.js",
                "http://ha.ckers.org/xss.js", "http://ha.ckers.org/scriptlet.html", "http://a/%%30%30",
                "http://www.cum.qc.ca/",
            ])
        #expect(found.allSatisfy { $0.kind == .url })
    }
}
