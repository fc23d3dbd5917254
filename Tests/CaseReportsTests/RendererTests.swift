import CaseReports
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
