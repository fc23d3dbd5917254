import ArgumentParser
import CaseReports
import CaseStore
import Casebook
import Foundation

/// What `casebook report` writes.
enum ReportFormat: String, RawTextArgument {
    case html, csv, json, jsonl, table
}

extension CasebookCommand {
    /// `casebook report --out FILE.html [--title --since --until --query --tagged-only --tz]`
    struct ReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write an evidence report: one self-contained HTML file, or its sections as CSV/JSON.",
            discussion: """
                The HTML report has the case, the evidence with hashes, coverage (unparsed and failed members, \
                warnings by code), accounts and identifiers, shared identifiers, tagged items with notes, search \
                hits for --query, activity charts, the timeline of the window (at most --timeline-cap events), \
                verification results, the parsers with their known limits, and the audit log. Every item shows \
                its record id and provenance. The same case and arguments give the same file apart from the \
                report-time line. With --format csv|json|jsonl|table, --section picks one section (\
                \(ReportDocument.sectionNames.joined(separator: ", "))); --format json without --section writes them all.
                """)

        @Option(help: "The output file (default for csv/json/jsonl/table: standard output; '-' is standard output).")
        var out: String?

        @Option(help: "html (default), csv, json, jsonl or table.")
        var format: ReportFormat = .html

        @Option(help: "One section for csv/json/jsonl/table output.")
        var section: String?

        @Option(help: "The report title.")
        var title: String = "Casebook evidence report"

        @Option(help: "Search text whose hits the report lists: words (all must occur); 'a OR b' finds either.")
        var query: String?

        @Flag(help: "Treat --query as FTS5 syntax (AND, OR, NOT, NEAR(), prefix*).")
        var rawQuery = false

        @Flag(help: "Only tagged events in the timeline, search hits and charts.")
        var taggedOnly = false

        @Option(help: "Only events at or after this time (2021-01-01, 2021-01-01T10:00; read in --tz).")
        var since: String?

        @Option(help: "Only events before this time.")
        var until: String?

        @Option(help: "Time zone for the report's times (IANA name, e.g. Europe/Berlin). Default: UTC.")
        var tz: String?

        @Option(help: "Case number shown in the case section.")
        var caseNumber: String?

        @Option(help: "Agency shown in the case section.")
        var agency: String?

        @Option(help: "Examiner shown in the case section (default: the case's examiner).")
        var examiner: String?

        @Option(help: "At most this many timeline events (the report says when it is capped).")
        var timelineCap: Int = 5_000

        @OptionGroup var caseOptions: CaseOptions

        func validate() throws {
            if format == .html && out == nil { throw ValidationError("name the HTML file with --out FILE.html") }
            if let section, !ReportDocument.sectionNames.contains(section) {
                throw ValidationError(
                    "unknown section '\(section)' – use one of \(ReportDocument.sectionNames.joined(separator: ", "))")
            }
            if format == .html && section != nil {
                throw ValidationError("--section is for csv, json, jsonl and table output")
            }
            if [.csv, .jsonl, .table].contains(format) && section == nil {
                throw ValidationError(
                    "--format \(format.rawValue) writes one section – add --section (e.g. --section timeline)")
            }
            if timelineCap < 1 { throw ValidationError("--timeline-cap must be 1 or more") }
        }

        func run() throws {
            var options = ReportOptions()
            options.title = title
            if let tz {
                guard let zone = TimeZone(identifier: tz) else {
                    throw ValidationError("unknown time zone '\(tz)' – use an IANA name such as Europe/Berlin or UTC")
                }
                options.zone = zone
            }
            if let since {
                guard let value = TimeInput.parse(since, zone: options.zone) else {
                    throw ValidationError(
                        "--since '\(since)' is not a date or time – use 2021-01-01 or 2021-01-01T10:00")
                }
                options.since = value
                options.sinceText = since
            }
            if let until {
                guard let value = TimeInput.parse(until, zone: options.zone) else {
                    throw ValidationError(
                        "--until '\(until)' is not a date or time – use 2021-06-30 or 2021-06-30T23:59")
                }
                options.until = value
                options.untilText = until
            }
            options.query = query
            options.rawQuery = rawQuery
            options.taggedOnly = taggedOnly
            options.caseNumber = caseNumber
            options.agency = agency
            options.examiner = examiner
            options.timelineCap = timelineCap
            options.commandLine = (["casebook"] + CommandLine.arguments.dropFirst()).map(ShellQuoting.word).joined(
                separator: " ")
            let store = try caseOptions.openExisting()
            if let out, out != "-" { try OutputFile.checkOutsideEvidence(out, store: store) }
            let document = try ReportBuilder.build(store: store, options: options)
            let text: String
            switch format {
            case .html:
                text = try HTMLReportRenderer.render(document)
            case .json where section == nil:
                text = document.json
            default:
                let chosen = document.section(named: section!)!
                let outputFormat = OutputFormat(rawValue: format.rawValue)!
                text = ReportRenderer.render(chosen.records, columns: chosen.columns, format: outputFormat)
            }
            try OutputFile.write(text, to: out ?? "-")
            if let out, out != "-" {
                Console.err(
                    "wrote \(out) (\(document.evidence.count) evidence items, \(document.timeline.events.count) of \(document.timeline.total) timeline events, \(document.tags.count) tags)\n"
                )
            }
        }
    }
}

typealias ReportCommand = CasebookCommand.ReportCommand
