import ArgumentParser
import CaseReports
import CaseStore
import Casebook
import Foundation

extension CasebookCommand {
    /// `casebook log`
    struct LogCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "The case's audit log: every command that changed the case (ingest, tag, verify), oldest first.",
            discussion:
                "Each run shows the tool version, the arguments as typed, start and end (UTC), exit status and counts.")

        @OptionGroup var caseOptions: CaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try caseOptions.openExisting()
            var rows = try store.runs()
            if output.limit > 0 { rows = Array(rows.suffix(output.limit)) }
            let records = rows.map(RunRecords.record)
            let columns = [
                ReportColumn("RUN", "id"), ReportColumn("COMMAND", "command"),
                ReportColumn("STARTED (UTC)", "startedAt"),
                ReportColumn("ENDED (UTC)", "endedAt"), ReportColumn("EXIT", "exitStatus"),
                ReportColumn("VERSION", "toolVersion"),
                ReportColumn("EXAMINER", "examiner", maxWidth: 20), ReportColumn("COUNTS", "summary", maxWidth: 60),
                ReportColumn("ARGUMENTS", "arguments", maxWidth: 80),
            ]
            switch output.format {
            case .csv:
                Console.out(
                    ReportRenderer.csv(
                        records.map(RunRecords.flattened),
                        columns: [
                            "id", "command", "startedAt", "endedAt", "exitStatus", "toolVersion", "examiner", "summary",
                            "arguments",
                        ]
                        .map { ReportColumn($0, $0) }))
            case .table:
                Console.out(ReportRenderer.table(records.map(RunRecords.flattened), columns: columns))
            default:
                Console.out(ReportRenderer.render(records, columns: columns, format: output.format))
            }
        }
    }
}

typealias LogCommand = CasebookCommand.LogCommand

/// Audit-log rows with the schema's names.
enum RunRecords {
    static func record(_ row: RunRow) -> ReportRecord {
        ReportRecord([
            ("id", .integer(row.id)), ("toolVersion", .string(row.toolVersion)), ("command", .string(row.command)),
            ("arguments", .array(row.arguments.map(ReportValue.string))), ("examiner", .optional(row.examiner)),
            ("startedAt", .string(TimeInput.display(row.startedAt, zone: nil))),
            ("endedAt", .optional(row.endedAt.map { TimeInput.display($0, zone: nil) })),
            ("exitStatus", .optional(row.exitStatus.map(Int64.init))), ("summary", summary(row.summary)),
        ])
    }

    /// `{"ok":2}` as an object of integers, keys sorted; other JSON stays text.
    static func summary(_ text: String?) -> ReportValue {
        guard let text else { return .null }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            return .string(text)
        }
        return .object(
            ReportRecord(
                object.keys.sorted().map { key in
                    if let number = object[key] as? NSNumber { return (key, .integer(number.int64Value)) }
                    return (key, .string("\(object[key] ?? "")"))
                }))
    }

    /// For tables and CSV: arguments as one shell-quoted line, counts as `key=value` pairs.
    static func flattened(_ record: ReportRecord) -> ReportRecord {
        var copy = record
        for index in copy.fields.indices where copy.fields[index].key == "arguments" {
            if case .array(let items) = copy.fields[index].value {
                copy.fields[index].value = .string(ShellQuoting.line(items.map(\.plainText)))
            }
        }
        return copy
    }
}

/// Shell quoting for showing a command line so that it can be pasted back.
enum ShellQuoting {
    static func word(_ text: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:@,+%")
        if !text.isEmpty && text.allSatisfy({ safe.contains($0) }) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func line(_ words: [String]) -> String { words.map(word).joined(separator: " ") }
}
