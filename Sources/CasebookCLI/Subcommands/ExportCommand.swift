import ArgumentParser
import CaseReports
import CaseStore
import Casebook
import Foundation

/// Interchange formats `casebook export` writes.
enum ExportFormat: String, RawTextArgument {
    case timesketch, jsonl, csv, `case`, sqlite
}

extension CasebookCommand {
    /// `casebook export --format timesketch|jsonl|csv|case --out FILE`
    struct ExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export events for other tools: Timesketch JSONL, CASE/UCO JSON-LD, or Casebook's own JSONL/CSV.",
            discussion: """
                timesketch: one JSON object per event with message, datetime (ISO 8601 UTC, Z), timestamp_desc, \
                timestamp (µs) and platform, kind, account and provenance fields; events without a time are \
                skipped and counted. case: CASE/UCO JSON-LD with evidence files and their hashes, accounts \
                (ApplicationAccount), messages (Message, MessageThread), posts, other events, and provenance \
                relationships. jsonl and csv: the rows of 'casebook timeline'. Events come in time order; the \
                timeline filters (--since, --until, --platform, --account, --kind) apply. sqlite: a copy of the \
                whole case (a backup), made with SQLite's VACUUM INTO in one read transaction, so it is consistent \
                even while an ingest runs (an item being ingested is in it as 'ingesting' and is redone when \
                ingested again); no filters.
                """)

        @Option(help: "timesketch, case, jsonl, csv, or sqlite (a consistent copy of the whole case).")
        var format: ExportFormat

        @Option(help: "The output file ('-' for standard output).")
        var out: String

        @OptionGroup var caseOptions: CaseOptions
        @OptionGroup var filters: EventFilterOptions

        func validate() throws {
            guard format == .sqlite else { return }
            if out == "-" { throw ValidationError("--format sqlite writes a file – give its path with --out") }
            if filters.since != nil || filters.until != nil || !filters.platform.isEmpty || filters.account != nil
                || !filters.kind.isEmpty
            {
                throw ValidationError("--format sqlite copies the whole case; --since, --until, --platform, --account and --kind do not apply")
            }
            if OutputFile.isInside(out, root: caseOptions.casePath) {
                throw ValidationError("--out '\(out)' is the case itself – write the copy elsewhere")
            }
        }

        func run() throws {
            if format == .sqlite {
                let store = try caseOptions.openExisting()
                try OutputFile.checkOutsideEvidence(out, store: store)
                try store.copy(to: out)
                let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? NSNumber)?.int64Value ?? 0
                Console.err("wrote \(out): a consistent copy of the case (\(size) bytes)\n")
                return
            }
            let filter = try filters.filter(limit: 0)
            let zone = try filters.timeZone()
            let store = try caseOptions.openExisting()
            if out != "-" { try OutputFile.checkOutsideEvidence(out, store: store) }
            let summary: InterchangeExport.Summary = try OutputFile.stream(to: out) { writer in
                switch format {
                case .timesketch:
                    return try InterchangeExport.timesketch(store: store, filter: filter, write: writer.write)
                case .case:
                    return try InterchangeExport.caseJSONLD(store: store, filter: filter, write: writer.write)
                case .sqlite:
                    return InterchangeExport.Summary()  // written above, not streamed
                case .jsonl, .csv:
                    var summary = InterchangeExport.Summary()
                    try EventRecords.stream(
                        format: format == .csv ? .csv : .jsonl, zone: zone, includeSnippet: false, to: writer.write
                    ) { body in
                        try store.forEachTimelineEvent(filter) { row in
                            try body(row)
                            summary.events += 1
                        }
                    }
                    return summary
                }
            }
            if out != "-" {
                var note = "wrote \(out): \(summary.events) event\(summary.events == 1 ? "" : "s")"
                if summary.skippedWithoutTime > 0 { note += ", \(summary.skippedWithoutTime) without a time skipped" }
                if !summary.nodes.isEmpty {
                    note +=
                        " ("
                        + summary.nodes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
                            separator: ", ") + ")"
                }
                Console.err(note + "\n")
            } else if summary.skippedWithoutTime > 0 {
                Console.err("\(summary.skippedWithoutTime) events without a time were skipped\n")
            }
        }
    }
}

typealias ExportCommand = CasebookCommand.ExportCommand
