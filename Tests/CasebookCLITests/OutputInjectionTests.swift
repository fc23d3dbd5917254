import CasebookTestSupport
import Foundation
import Testing

/// Evidence text that attacks the examiner's tools (RELIABILITY.md R-48, R-49, R-50): the
/// `report-injection` fixtures become Messenger messages, go through ingest, and come out of
/// `report` (CSV and HTML), `search` and `timeline` neutralised, while the case keeps them unchanged.
@Suite(.serialized) struct OutputInjectionTests {
    /// RFC 4180 reader, strict: quoted fields may hold commas, quotes (doubled) and line breaks;
    /// records end with CRLF (or LF). Throws on a quote in an unquoted field or an unclosed quote.
    static func parseCSV(_ text: String) throws -> [[String]] {
        struct Malformed: Error { var detail: String }
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var fieldStarted = false
        while let scalar = scalars.popFirst() {
            if scalar == "\"" && !fieldStarted {
                fieldStarted = true
                var closed = false
                while let inner = scalars.popFirst() {
                    if inner == "\"" {
                        if scalars.first == "\"" {
                            scalars.removeFirst()
                            field.unicodeScalars.append("\"")
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        field.unicodeScalars.append(inner)
                    }
                }
                if !closed { throw Malformed(detail: "unclosed quote") }
                if let next = scalars.first, next != ",", next != "\r", next != "\n" {
                    throw Malformed(detail: "text after a closing quote: \(next)")
                }
            } else if scalar == "\"" {
                throw Malformed(detail: "quote inside an unquoted field: \(field)")
            } else if scalar == "," {
                record.append(field)
                field = ""
                fieldStarted = false
            } else if scalar == "\r" || scalar == "\n" {
                if scalar == "\r" {
                    guard scalars.first == "\n" else { throw Malformed(detail: "bare CR outside quotes") }
                    scalars.removeFirst()
                }
                record.append(field)
                records.append(record)
                record = []
                field = ""
                fieldStarted = false
            } else {
                fieldStarted = true
                field.unicodeScalars.append(scalar)
            }
        }
        if fieldStarted || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }

    static let triggers: Set<Unicode.Scalar> = [
        "=", "+", "-", "@", "\t", "\r", "\n", "\u{0}", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",
    ]

    /// A plain number (`-1`, `+3.5`): the documented exemption from neutralising (R-48 open decision 6).
    static func isNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        return !body.isEmpty && body.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
            && body.filter { $0 == "." }.count <= 1
    }

    struct Evidence {
        let folder: TemporaryFolder
        let casePath: String
        let formulas: [String]
        let xss: [String]
        let terminal: [String]
    }

    /// The contact names of `csv_formula_injection_contacts.csv` (plus `-1`, a plain number), the
    /// contents of `message_texts_xss.json` and the lines of `terminal_escape_sequences.txt`, as three
    /// Messenger threads, ingested. Nil when the fixtures are absent.
    static func ingestFixtures() throws -> Evidence? {
        guard let csv = Content.fixture("report-injection/csv_formula_injection_contacts.csv"),
            let xssThread = Content.fixture("report-injection/message_texts_xss.json"),
            let terminalText = Content.fixture("report-injection/terminal_escape_sequences.txt")
        else { return nil }
        let rows = try parseCSV(String(decoding: csv, as: UTF8.self))
        #expect(rows.first == ["contact_name", "phone", "note"])
        let formulas = rows.dropFirst().map { $0[0] } + ["-1"]
        #expect(formulas.count == 15)
        let xssValue = try JSONSerialization.jsonObject(with: xssThread) as? [String: Any]
        let xss = ((xssValue?["messages"] as? [[String: Any]]) ?? []).compactMap { $0["content"] as? String }
        #expect(xss.count == 17)
        let terminal = String(decoding: terminalText, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(terminal.contains { $0.contains("\u{1B}[2J") })

        let folder = try TemporaryFolder()
        try folder.write(
            "fb/messages/inbox/formulas/message_1.json",
            Content.thread(texts: formulas, sender: "=cmd|' /C calc'!A0", firstMs: 1_615_700_000_000))
        try folder.write("fb/messages/inbox/xss/message_1.json", xssThread)
        try folder.write(
            "fb/messages/inbox/terminal/message_1.json",
            Content.thread(texts: terminal, sender: "\u{1B}]0;pwned\u{07}", firstMs: 1_615_800_000_000))
        let casePath = folder.path + "/case.db"
        let run = try Content.casebook(["ingest", folder.path + "/fb", "--case", casePath])
        #expect(run.status == 10, "\(run.stdout) \(run.stderr)")
        return Evidence(folder: folder, casePath: casePath, formulas: formulas, xss: xss, terminal: terminal)
    }

    /// Checks one CSV output: every cell is neutralised, and each formula payload comes back as `'`
    /// plus the original (or unchanged, when it starts harmlessly or is a plain number).
    static func checkCSV(_ output: String, formulas: [String], context: String) throws {
        let records = try parseCSV(output)
        let header = try #require(records.first, "\(context): no header")
        let textColumn = try #require(header.firstIndex(of: "text"), "\(context): no text column")
        for record in records.dropFirst() {
            #expect(record.count == header.count, "\(context): ragged row \(record)")
            for cell in record {
                guard let first = cell.unicodeScalars.first else { continue }
                #expect(!triggers.contains(first) || isNumber(cell), "\(context): cell starts with a trigger: \(cell.debugDescription)")
            }
        }
        let texts = Set(records.dropFirst().map { $0[textColumn] })
        for payload in formulas {
            let first = payload.unicodeScalars.first!
            let expected = triggers.contains(first) && !isNumber(payload) ? "'" + payload : payload
            #expect(texts.contains(expected), "\(context): \(payload.debugDescription) should appear as \(expected.debugDescription)")
        }
    }

    @Test func csvReportAndSearchNeutraliseFormulasAndTheCaseKeepsThem() throws {
        guard let evidence = try Self.ingestFixtures() else { return Content.skip() }
        let report = try Content.casebook(
            ["report", "--format", "csv", "--section", "timeline", "--case", evidence.casePath])
        #expect(report.status == 0, "\(report.stderr)")
        try Self.checkCSV(report.stdout, formulas: evidence.formulas, context: "report csv")
        let search = try Content.casebook(["search", "1", "--format", "csv", "--case", evidence.casePath])
        #expect(search.status == 0)
        let searched = try Self.parseCSV(search.stdout)
        #expect(searched.count > 5)
        for record in searched.dropFirst() {
            for cell in record {
                guard let first = cell.unicodeScalars.first else { continue }
                #expect(!Self.triggers.contains(first) || Self.isNumber(cell), "search csv: \(cell.debugDescription)")
            }
        }
        // The account column is evidence too: the sender named like a formula (shown as `@handle`) is
        // neutralised in every row of that thread.
        let records = try Self.parseCSV(report.stdout)
        let header = try #require(records.first)
        let account = try #require(header.firstIndex(of: "account"))
        let conversation = try #require(header.firstIndex(of: "conversation"))
        let formulaRows = records.dropFirst().filter { $0[conversation] == "inbox/formulas" }
        #expect(formulaRows.count == evidence.formulas.count)
        #expect(formulaRows.allSatisfy { $0[account].hasPrefix("'@=cmd|") }, "\(formulaRows.map { $0[account] })")

        // The case and the JSON output keep every value exactly.
        let json = try HostileRunner.json(["timeline", "--format", "json", "--case", evidence.casePath])
        let stored = Set(json.compactMap { $0["text"] as? String })
        for payload in evidence.formulas { #expect(stored.contains(payload), "\(payload.debugDescription) changed in the case") }
        let rows = try CaseDump.rows(evidence.casePath, "SELECT text FROM event")
        #expect(evidence.formulas.allSatisfy { payload in rows.contains { $0["text"] == payload } })
    }

    @Test func htmlReportShowsScriptsAsText() throws {
        guard let evidence = try Self.ingestFixtures() else { return Content.skip() }
        let path = evidence.folder.path + "/report.html"
        let run = try Content.casebook(["report", "--out", path, "--case", evidence.casePath])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            html.contains(
                #"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"#
            ))
        let lower = html.lowercased()
        #expect(!lower.contains("<script"), "no script element at all")
        // (The report's own charts are inline SVG; evidence SVG would carry an onload.)
        for tag in ["<img", "<svg/onload", "<iframe", "<base", "<form", "<input", "<a href=\"javascript", "http-equiv=\"refresh\""] {
            #expect(!lower.contains(tag), "evidence markup became HTML: \(tag)")
        }
        #expect(!lower.contains("http://attacker.example.invalid/)}</style>"), "evidence CSS became a style element")
        #expect(!html.contains("<h1>forged heading</h1>"))
        #expect(!lower.contains("src=\"http"), "no remote resource")
        for payload in evidence.xss where payload.contains("<") {
            #expect(!html.contains(payload), "raw payload in the report: \(payload)")
        }
        #expect(html.contains("&lt;script&gt;alert(document.domain)&lt;/script&gt;"))
        #expect(html.contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h1&gt;forged heading&lt;/h1&gt;"))
        // Formulas are plain text in HTML; terminal escapes never reach the file raw.
        #expect(html.contains("=HYPERLINK("))
        #expect(!html.unicodeScalars.contains("\u{1B}"))
    }

    /// Tables on the terminal carry no C0 (except the newline ending each line), DEL or C1 bytes; the
    /// JSON output escapes them; the case keeps them.
    @Test func terminalOutputNeverCarriesControlCharacters() throws {
        guard let evidence = try Self.ingestFixtures() else { return Content.skip() }
        func clean(_ text: String) -> Bool {
            !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
        }
        for arguments in [
            ["search", "screen cleared"], ["search", "secret"], ["search", "pwned"], ["timeline"], ["accounts"],
            ["search", "link", "--format", "jsonl"], ["timeline", "--format", "json"],
        ] {
            let run = try Content.casebook(arguments + ["--case", evidence.casePath])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(clean(run.stdout), "\(arguments): \(run.stdout.debugDescription.prefix(400))")
            #expect(clean(run.stderr), "\(arguments)")
        }
        let screen = try Content.casebook(["search", "screen cleared", "--case", evidence.casePath])
        #expect(screen.stdout.contains("\u{FFFD}[2J"), "the escape is shown as a visible stand-in")
        let rows = try CaseDump.rows(evidence.casePath, "SELECT text FROM event WHERE text LIKE '%screen cleared'")
        #expect(rows.first?["text"] == "\u{1B}[2J\u{1B}[H screen cleared", "the case keeps the bytes")
    }
}
