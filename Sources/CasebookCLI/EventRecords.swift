import CaseReports
import CaseStore
import Foundation
import Casebook
import EvidenceModel

/// Turns stored rows into report rows with the schema's names (`id`, `occurredAt`, `platform`,
/// `kind`, `account`, `text`, `provenance`), so scripts can rely on them.
enum EventRecords {
    static func record(_ row: EventRow, zone: TimeZone?, includeSnippet: Bool) -> ReportRecord {
        var fields: [(String, ReportValue)] = [
            ("id", .integer(row.id)),
            ("occurredAt", .optional(row.occurredAt.map { Timestamp.iso8601(microseconds: $0, precision: .second) })),
            ("time", .string(TimeInput.display(row.occurredAt, zone: zone, precision: row.timePrecision))),
            ("timeRaw", .optional(row.timeRaw)),
            ("platform", .string(row.platform)),
            ("kind", .string(row.kind)),
            ("account", .optional(row.account)),
            ("conversation", .optional(row.conversation)),
            ("text", .optional(row.text)),
        ]
        // Details carry what a record says beyond its text: login IP and user agent, reply ids, ports.
        let details = EventDetails.pairs(row.details)
        if !details.isEmpty { fields.append(("details", .object(ReportRecord(details.map { ($0.name, .string($0.value)) })))) }
        if includeSnippet { fields.append(("snippet", .optional(row.snippet))) }
        fields.append(
            (
                "provenance",
                .object(
                    ReportRecord([
                        ("evidence", .string(row.evidenceSHA256)),
                        ("evidenceName", .string(row.evidenceName)),
                        ("member", .string(row.memberPath)),
                        ("locator", .string(row.locator)),
                        ("parser", .string("\(row.parser)@\(row.parserVersion)")),
                    ]))
            ))
        return ReportRecord(fields)
    }

    static func columns(includeSnippet: Bool, zone: TimeZone?) -> [ReportColumn] {
        var columns = [
            ReportColumn("ID", "id"),
            ReportColumn(zone == nil ? "TIME (UTC)" : "TIME (\(zone!.identifier))", "time"),
            ReportColumn("PLATFORM", "platform"),
            ReportColumn("ACCOUNT", "account", maxWidth: 24),
            ReportColumn("KIND", "kind"),
            ReportColumn(includeSnippet ? "MATCH" : "TEXT", includeSnippet ? "snippet" : "text", maxWidth: 60),
        ]
        columns.append(ReportColumn("PROVENANCE", "provenance.short", maxWidth: 80))
        return columns
    }

    /// Adds `provenance.short` (`1a2b3c4d › data/tweets.js @ /0/tweet`) for tables.
    static func withShortProvenance(_ record: ReportRecord, _ row: EventRow) -> ReportRecord {
        var copy = record
        if let index = copy.fields.firstIndex(where: { $0.key == "provenance" }), case .object(var provenance) = copy.fields[index].value {
            provenance.fields.append(
                .init(key: "short", value: .string(Provenance.short(evidenceSHA256: row.evidenceSHA256, storedMemberPath: row.memberPath, locator: row.locator))))
            copy.fields[index].value = .object(provenance)
        }
        return copy
    }

    /// CSV columns: every field flat, provenance split into its parts.
    static func csvColumns(includeSnippet: Bool) -> [ReportColumn] {
        var columns = [
            ReportColumn("id", "id"), ReportColumn("occurredAt", "occurredAt"), ReportColumn("time", "time"),
            ReportColumn("timeRaw", "timeRaw"), ReportColumn("platform", "platform"), ReportColumn("kind", "kind"),
            ReportColumn("account", "account"), ReportColumn("conversation", "conversation"), ReportColumn("text", "text"),
        ]
        if includeSnippet { columns.append(ReportColumn("snippet", "snippet")) }
        columns += [
            ReportColumn("evidence", "provenance.evidence"), ReportColumn("member", "provenance.member"),
            ReportColumn("locator", "provenance.locator"), ReportColumn("parser", "provenance.parser"),
        ]
        return columns
    }

    /// Writes the rows `rows` hands over as they come, with the bytes `render` gives for them, in
    /// chunks of about 64 KiB to `write`. Not for tables, whose column widths need every row.
    static func stream(
        format: OutputFormat, zone: TimeZone?, includeSnippet: Bool, to write: @escaping (String) -> Void,
        rows: ((EventRow) throws -> Void) throws -> Void
    ) throws {
        var stream = ReportRenderer.Stream(format: format, columns: format == .csv ? csvColumns(includeSnippet: includeSnippet) : [])
        var buffer = stream.header
        try rows { row in
            let record = record(row, zone: zone, includeSnippet: includeSnippet)
            buffer += stream.row(format == .csv ? withShortProvenance(record, row) : record)
            if buffer.utf8.count >= 1 << 16 {
                write(buffer)
                buffer = ""
            }
        }
        write(buffer + stream.footer)
    }

    static func render(_ rows: [EventRow], format: OutputFormat, zone: TimeZone?, includeSnippet: Bool) -> String {
        let records = rows.map { row -> ReportRecord in
            let record = record(row, zone: zone, includeSnippet: includeSnippet)
            return format == .table || format == .csv ? withShortProvenance(record, row) : record
        }
        var columns = columns(includeSnippet: includeSnippet, zone: zone)
        if format == .csv { columns = csvColumns(includeSnippet: includeSnippet) }
        var output = ""
        if format == .table {
            output += "# times shown in \(zone?.identifier ?? "UTC"); \(rows.count) event\(rows.count == 1 ? "" : "s")\n"
        }
        return output + ReportRenderer.render(records, columns: columns, format: format)
    }
}
