@testable import CaseReports
import CasebookTestSupport
import Testing

@Suite struct RendererTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+1 555", "'+1 555"),
        ("-42", "-42"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("plain, with comma", "\"plain, with comma\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("3.14", "3.14"),
    ])
    func csvNeutralisesFormulasAndQuotes(input: String, expected: String) {
        #expect(CSVText.field(input) == expected)
    }

    @Test func csvKeepsIntegersAsNumbers() {
        let records = [ReportRecord([("n", .integer(-5)), ("t", .string("=1+1"))])]
        #expect(ReportRenderer.csv(records, columns: [ReportColumn("n", "n"), ReportColumn("t", "t")]) == "n,t\r\n-5,'=1+1\r\n")
    }

    @Test func terminalTextNeutralisesEscapes() {
        #expect(TerminalText.sanitize("a\u{1B}[31mred\u{07}\nb\u{202E}") == "a\u{FFFD}[31mred\u{FFFD}⏎b\u{FFFD}")
    }

    /// Printable ASCII takes a byte path; anything else (tabs, CR LF, wide or combining characters)
    /// the character path. Both give the widths and cuts of a terminal.
    @Test func widthsAndCutsOnBothPaths() {
        #expect(TerminalText.sanitize("plain ASCII ~") == "plain ASCII ~")
        #expect(TerminalText.sanitize("a\tb\r\nc") == "a b\u{FFFD}⏎c")
        #expect(TerminalText.width("abc") == 3)
        #expect(TerminalText.width("日本x") == 5)
        #expect(TerminalText.width("e\u{301}\r\n") == 2)
        #expect(TerminalText.truncate("abcdefgh", to: 5) == "abcd…")
        #expect(TerminalText.truncate("abcde", to: 5) == "abcde")
        #expect(TerminalText.truncate("日本語テキスト", to: 5) == "日本…")
        #expect(TerminalText.truncate("cafe\u{301} au lait", to: 6) == "cafe\u{301} …")
    }

    /// The scalar path gives what the character path gives, on random text mixing the scalars it
    /// takes (Latin, `«»…›⏎`, arrows) with those that join or widen characters (combining marks,
    /// ZWJ, emoji and their modifiers, variation selectors, regional indicators, Hangul jamo, CR LF,
    /// the soft hyphen, controls, bidi marks) at the edges of its ranges.
    @Test func scalarPathMatchesCharacterPath() {
        let taken: [Unicode.Scalar] = ["a", "Z", " ", "~", "\u{A0}", "é", "ß", "\u{AC}", "\u{AE}", "\u{2FF}", "«", "»", "…", "›", "‰",
            "\u{2010}", "\u{2027}", "\u{2030}", "\u{205E}", "\u{2190}", "⏎", "\u{23FF}", "\u{FFFD}"]
        let others: [Unicode.Scalar] = ["\u{300}", "\u{301}", "\u{AD}", "\u{200D}", "\u{200C}", "\u{200E}", "\u{2028}",
            "\u{205F}", "\u{2060}", "\u{202E}", "\u{FE0F}", "\u{1F600}", "\u{1F3FB}", "\u{1F1EB}", "\u{1F1F7}", "\u{1100}",
            "\u{1161}", "\u{11A8}", "\u{AC00}", "日", "\r", "\n", "\t", "\u{1B}", "\u{85}", "\u{600}", "\u{E0020}", "\u{2E80}"]
        var generator = SeededGenerator(seed: 0x5EED)
        for round in 0..<4000 {
            var scalars = String.UnicodeScalarView()
            let pool = round % 2 == 0 ? taken : taken + others
            for _ in 0..<Int(generator.next() % 12) { scalars.append(pool[Int(generator.next() % UInt64(pool.count))]) }
            let text = String(scalars)
            let byCharacters = text.reduce(0) { $0 + TerminalText.width(of: $1) }
            #expect(TerminalText.width(text) == byCharacters, "width of \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            for limit in 0..<6 where byCharacters > limit {
                #expect(TerminalText.truncate(text, to: limit) == TerminalText.truncateByCharacters(text, to: limit))
            }
            var sanitized = String.UnicodeScalarView()
            for scalar in text.unicodeScalars { sanitized.append(TerminalText.replacement(for: scalar) ?? scalar) }
            #expect(TerminalText.sanitize(text) == String(sanitized))
            if round % 2 == 0 { #expect(TerminalText.isSingleWidthScalars(text)) }
        }
    }

    @Test func jsonIsDeterministicAndNested() {
        let record = ReportRecord([("id", .integer(1)), ("provenance", .object(ReportRecord([("member", .string("data/t.js"))])))])
        #expect(ReportRenderer.jsonLines([record]) == "{\"id\":1,\"provenance\":{\"member\":\"data/t.js\"}}\n")
        #expect(ReportRenderer.json([]) == "[]\n")
    }

    @Test func tableAlignsWideCharacters() {
        let records = [ReportRecord([("a", .string("日本")), ("b", .string("x"))]), ReportRecord([("a", .string("ab")), ("b", .string("y"))])]
        let text = ReportRenderer.table(records, columns: [ReportColumn("A", "a"), ReportColumn("B", "b")])
        #expect(text == "A     B\n----  -\n日本  x\nab    y\n")
    }
}

