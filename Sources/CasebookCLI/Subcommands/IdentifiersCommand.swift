import ArgumentParser
import CaseReports
import CaseStore
import Casebook
import EvidenceModel

extension CasebookCommand {
    /// `casebook identifiers`
    struct IdentifiersCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "identifiers", abstract: "Normalized identifiers (emails, phones, IPs, handles, ids, devices) with counts.")

        @Option(help: "Only this kind: email, phone, ip, userId, handle, device, url, domain, advertisingId.")
        var kind: IdentifierKind?

        @OptionGroup var caseOptions: CaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try caseOptions.openExisting()
            let rows = try store.identifiers(kind: kind?.rawValue, limit: output.limit)
            Console.out(ReportRenderer.render(rows.map(IdentifierRecords.record), columns: IdentifierRecords.columns, format: output.format))
        }
    }
}

typealias IdentifiersCommand = CasebookCommand.IdentifiersCommand

enum IdentifierRecords {
    static func record(_ row: IdentifierRow) -> ReportRecord {
        ReportRecord([
            ("kind", .string(row.kind)), ("value", .string(row.value)), ("notes", .string(row.notes)),
            ("occurrences", .integer(Int64(row.occurrences))), ("accounts", .integer(Int64(row.accounts))),
            ("evidence", .integer(Int64(row.evidence))),
            ("firstSeen", .optional(row.firstSeen.map { TimeInput.display($0, zone: nil) })),
            ("lastSeen", .optional(row.lastSeen.map { TimeInput.display($0, zone: nil) })),
        ])
    }

    static let columns = [
        ReportColumn("KIND", "kind"), ReportColumn("VALUE", "value", maxWidth: 50), ReportColumn("NOTES", "notes"),
        ReportColumn("OCCURRENCES", "occurrences"), ReportColumn("ACCOUNTS", "accounts"), ReportColumn("EVIDENCE", "evidence"),
        ReportColumn("FIRST SEEN", "firstSeen"), ReportColumn("LAST SEEN", "lastSeen"),
    ]

    static func occurrence(_ row: OccurrenceRow) -> ReportRecord {
        ReportRecord([
            ("rawValue", .string(row.rawValue)), ("strength", .string(row.strength)), ("source", .string(row.source)),
            ("field", .string(row.field)), ("account", .optional(row.account)), ("eventId", .optional(row.eventId)),
            ("observedAt", .optional(row.observedAt.map { TimeInput.display($0, zone: nil) })),
            ("assumption", .optional(row.assumption)),
            (
                "provenance",
                .object(
                    ReportRecord([
                        ("evidence", .string(row.evidenceSHA256)), ("evidenceName", .string(row.evidenceName)),
                        ("member", .string(row.memberPath)), ("locator", .string(row.locator)),
                    ]))
            ),
        ])
    }
}
