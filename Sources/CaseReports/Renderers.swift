import Foundation
import EvidenceModel

/// Renders rows as a terminal table, RFC 4180 CSV, a JSON array or JSON Lines.
///
/// Every renderer treats evidence text as data: terminal tables replace control characters (so an
/// escape sequence in a message cannot drive the examiner's terminal), CSV neutralises formula
/// triggers, JSON escapes per RFC 8259.
public enum ReportRenderer {
    public static func render(_ records: [ReportRecord], columns: [ReportColumn], format: OutputFormat) -> String {
        switch format {
        case .table: table(records, columns: columns)
        case .csv: csv(records, columns: columns)
        case .json: json(records)
        case .jsonl: jsonLines(records)
        }
    }

    // MARK: Table

    public static func table(_ records: [ReportRecord], columns: [ReportColumn]) -> String {
        let cells: [[String]] = records.map { record in
            columns.map { column in
                let text = TerminalText.sanitize(record.value(at: column.path)?.plainText ?? "")
                return TerminalText.truncate(text, to: column.maxWidth)
            }
        }
        var widths = columns.map { TerminalText.width($0.header) }
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], TerminalText.width(cell)) }
        }
        func line(_ values: [String]) -> String {
            var parts: [String] = []
            for (index, value) in values.enumerated() {
                let isLast = index == values.count - 1
                parts.append(isLast ? value : value + String(repeating: " ", count: max(0, widths[index] - TerminalText.width(value))))
            }
            return parts.joined(separator: "  ")
        }
        var output = line(columns.map(\.header)) + "\n"
        output += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in cells { output += line(row) + "\n" }
        return output
    }

    // MARK: CSV

    public static func csv(_ records: [ReportRecord], columns: [ReportColumn]) -> String {
        whole(records, Stream(format: .csv, columns: columns))
    }

    /// The CSV header line (with CRLF), for writing rows one at a time.
    public static func csvHeader(_ columns: [ReportColumn]) -> String {
        columns.map { CSVText.field($0.header) }.joined(separator: ",") + "\r\n"
    }

    /// One CSV row (with CRLF).
    public static func csvRow(_ record: ReportRecord, columns: [ReportColumn]) -> String {
        let fields = columns.map { column -> String in
            let value = record.value(at: column.path) ?? .null
            if case .integer(let number) = value { return String(number) }
            return CSVText.field(value.plainText)
        }
        return fields.joined(separator: ",") + "\r\n"
    }

    // MARK: JSON

    public static func json(_ records: [ReportRecord]) -> String {
        whole(records, Stream(format: .json, columns: []))
    }

    public static func jsonLines(_ records: [ReportRecord]) -> String {
        whole(records, Stream(format: .jsonl, columns: []))
    }

    private static func whole(_ records: [ReportRecord], _ stream: Stream) -> String {
        var stream = stream
        var output = stream.header
        for record in records { output += stream.row(record) }
        return output + stream.footer
    }

    // MARK: Streaming

    /// CSV, a JSON array or JSON Lines written a record at a time: `header`, then `row` for each
    /// record, then `footer` give the bytes `render` gives for all of them. Not tables: their column
    /// widths need every row.
    public struct Stream {
        public let format: OutputFormat
        let columns: [ReportColumn]
        private var count = 0

        public init(format: OutputFormat, columns: [ReportColumn]) {
            precondition(format != .table, "a table needs every row for its column widths")
            self.format = format
            self.columns = columns
        }

        public var header: String { format == .csv ? ReportRenderer.csvHeader(columns) : "" }

        public mutating func row(_ record: ReportRecord) -> String {
            defer { count += 1 }
            switch format {
            case .csv: return ReportRenderer.csvRow(record, columns: columns)
            case .json: return (count == 0 ? "[\n  " : ",\n  ") + record.json
            case .jsonl, .table: return record.json + "\n"
            }
        }

        public var footer: String {
            guard format == .json else { return "" }
            return count == 0 ? "[]\n" : "\n]\n"
        }
    }
}

/// CSV cells per RFC 4180, with spreadsheet formula injection neutralised (OWASP ASVS 1.2.10, CWE-1236):
/// a text cell that starts with `=`, `+`, `-`, `@`, tab, carriage return, line feed or NUL, or with the
/// fullwidth forms `＝ ＋ － ＠` (which some spreadsheets fold to ASCII), is prefixed with `'`. Cells that
/// are plain numbers (`-1`, `+3.5`) stay numbers. Only the CSV is changed; the case keeps the original.
public enum CSVText {
    static let formulaTriggers: Set<Unicode.Scalar> = [
        "=", "+", "-", "@", "\t", "\r", "\n", "\u{0}", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",
    ]

    public static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, formulaTriggers.contains(first), !isNumber(value) {
            value = "'" + value
        }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    static func isNumber(_ text: String) -> Bool {
        var scalars = Substring(text)
        if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
        guard !scalars.isEmpty else { return false }
        var dots = 0
        for character in scalars {
            if character == "." {
                dots += 1
            } else if !character.isASCII || !character.isNumber {
                return false
            }
        }
        return dots <= 1
    }
}

/// Making evidence text safe and tidy for a terminal.
///
/// Each function has three paths that give the same result: printable ASCII (one byte, one
/// column), text of single-width scalars that each stand alone as a character (search snippets
/// with `«…»`, Latin text, provenance with `›`), and anything else, read character by character
/// (grapheme breaking: a search table's 100 rows spent 26M instructions there, more than the query).
public enum TerminalText {
    /// Replaces control characters (ESC, BEL, CR, bidi overrides) with visible stand-ins; newlines become `⏎`.
    public static func sanitize(_ text: String) -> String {
        if isPrintableASCII(text) || !text.unicodeScalars.contains(where: { replacement(for: $0) != nil }) { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { output.append(replacement(for: scalar) ?? scalar) }
        return String(output)
    }

    /// What `sanitize` shows instead of `scalar`, or nil to keep it.
    static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x0A: "⏎"
        case 0x09: " "
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: "\u{FFFD}"
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: "\u{FFFD}"
        default: nil
        }
    }

    /// Text of printable ASCII only (space to `~`): one byte is one character of width one, and
    /// nothing needs replacing. Most cells are; the character-by-character paths were most of the time
    /// `search` and `timeline` spent rendering a table.
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Text whose every scalar is one character of width one: printable, outside the wide ranges,
    /// and of a kind that never joins a neighbour into one grapheme (no combining marks, joiners,
    /// variation selectors, Hangul jamo, regional indicators, controls, prepended marks, CR LF). Then
    /// characters are scalars, and width and cuts count scalars.
    static func isSingleWidthScalars(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF: true  // ASCII and Latin; U+00AD (soft hyphen) is a control
            case 0x2010...0x2027, 0x2030...0x205E: true  // dashes, quotes, `…`, `›`, `‰` (not U+2028/9, U+2060 on)
            case 0x2190...0x23FF: true  // arrows, mathematical operators, technical symbols such as `⏎`
            case 0xFFFD: true  // what `sanitize` puts in place of a control
            default: false
            }
        }
    }

    /// Display width: wide East Asian characters and emoji count two columns.
    public static func width(_ text: String) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        if isSingleWidthScalars(text) { return text.unicodeScalars.count }
        var total = 0
        for character in text { total += width(of: character) }
        return total
    }

    /// A character's width, from its first scalar.
    static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value) || (0x20000...0x3FFFD).contains(value)
        {
            return 2
        }
        return 1
    }

    public static func truncate(_ text: String, to maxWidth: Int) -> String {
        guard width(text) > maxWidth else { return text }
        if isPrintableASCII(text) { return String(decoding: text.utf8.prefix(max(0, maxWidth - 1)), as: UTF8.self) + "…" }
        if isSingleWidthScalars(text) {
            return String(text.unicodeScalars.prefix(max(0, maxWidth - 1))) + "…"
        }
        return truncateByCharacters(text, to: maxWidth)
    }

    /// The general cut, character by character (`truncate` once the text is known to be too wide).
    static func truncateByCharacters(_ text: String, to maxWidth: Int) -> String {
        var output = ""
        var used = 0
        for character in text {
            let characterWidth = width(of: character)
            if used + characterWidth > maxWidth - 1 { break }
            output.append(character)
            used += characterWidth
        }
        return output + "…"
    }
}
