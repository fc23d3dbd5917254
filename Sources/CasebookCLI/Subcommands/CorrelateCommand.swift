import ArgumentParser
import CaseReports
import CaseStore
import Casebook
import EvidenceModel
import Identifiers

extension CasebookCommand {
    /// `casebook correlate [VALUE]`
    struct CorrelateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correlate",
            abstract: "Identifiers shared by two or more accounts or evidence items, with the records that prove each link.",
            discussion: "With VALUE, everything linked to that identifier, however each export wrote it.")

        @Argument(help: "An email, phone, IP, @handle or id to pivot on.")
        var value: String?

        @Option(help: "Only this identifier kind.")
        var kind: IdentifierKind?

        @Option(help: "Identifiers seen with at least this many accounts (default 2); evidence items count too.")
        var minAccounts: Int = 2

        @Option(help: "Region for a phone number typed without a country code (ISO 3166 code).")
        var defaultRegion: String?

        @OptionGroup var caseOptions: CaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try caseOptions.openExisting()
            var rows: [IdentifierRow]
            if let value {
                let candidates = IdentifierNormalizer(defaultRegion: defaultRegion?.uppercased()).candidates(forQuery: value)
                rows = try store.identifiers(kind: kind?.rawValue, values: candidates, limit: output.limit)
            } else {
                rows = try store.identifiers(kind: kind?.rawValue, sharedOnly: true, limit: 0)
                rows = rows.filter { $0.accounts >= minAccounts || $0.evidence >= 2 }
                if output.limit > 0 { rows = Array(rows.prefix(output.limit)) }
            }
            var records: [ReportRecord] = []
            var flat: [ReportRecord] = []
            for row in rows {
                let occurrences = try store.occurrences(identifierId: row.id)
                var record = IdentifierRecords.record(row)
                record.fields.append(.init(key: "occurrences", value: .array(occurrences.map { .object(IdentifierRecords.occurrence($0)) })))
                records.append(record)
                for occurrence in occurrences {
                    flat.append(
                        ReportRecord([
                            ("identifier", .string("\(row.kind):\(row.value)")), ("accounts", .integer(Int64(row.accounts))),
                            ("evidenceCount", .integer(Int64(row.evidence))),
                            ("rawValue", .string(occurrence.rawValue)), ("account", .optional(occurrence.account)),
                            ("field", .string(occurrence.field)), ("source", .string(occurrence.source)),
                            ("observedAt", .optional(occurrence.observedAt.map { TimeInput.display($0, zone: nil) })),
                            ("evidence", .string(occurrence.evidenceSHA256)),
                            ("member", .string(occurrence.memberPath)), ("locator", .string(occurrence.locator)),
                            ("where", .string("\(occurrence.evidenceSHA256.prefix(8)) › \(occurrence.memberPath) @ \(occurrence.locator)")),
                        ]))
                }
            }
            switch output.format {
            case .json: Console.out(ReportRenderer.json(records))
            case .jsonl: Console.out(ReportRenderer.jsonLines(records))
            case .csv:
                Console.out(
                    ReportRenderer.csv(
                        flat,
                        columns: ["identifier", "accounts", "evidenceCount", "rawValue", "account", "field", "source", "observedAt", "evidence", "member", "locator"]
                            .map { ReportColumn($0, $0) }))
            case .table:
                if rows.isEmpty {
                    Console.out(value == nil ? "no identifier is shared by \(minAccounts)+ accounts or 2+ evidence items\n" : "no identifier matches '\(value!)'\n")
                }
                var current = ""
                var group: [ReportRecord] = []
                func flush() {
                    guard !group.isEmpty else { return }
                    Console.out("\n\(current)\n")
                    Console.out(
                        ReportRenderer.table(
                            group,
                            columns: [
                                ReportColumn("RAW VALUE", "rawValue", maxWidth: 30), ReportColumn("ACCOUNT", "account", maxWidth: 24),
                                ReportColumn("FIELD", "field", maxWidth: 30), ReportColumn("SEEN (UTC)", "observedAt"),
                                ReportColumn("WHERE", "where", maxWidth: 90),
                            ]))
                    group = []
                }
                for (row, record) in zip(rows, records) {
                    flush()
                    current = "\(row.kind) \(row.value)" + (row.notes.isEmpty ? "" : " [\(row.notes)]")
                        + ": \(row.accounts) account\(row.accounts == 1 ? "" : "s"), \(row.evidence) evidence item\(row.evidence == 1 ? "" : "s"), \(row.occurrences) occurrence\(row.occurrences == 1 ? "" : "s")"
                    if case .array(let items)? = record["occurrences"] {
                        for case .object(let occurrence) in items {
                            var copy = occurrence
                            if case .object(let provenance)? = occurrence["provenance"] {
                                let member = provenance["member"]?.plainText ?? ""
                                copy.fields.append(
                                    .init(key: "where", value: .string("\(provenance["evidence"]?.plainText.prefix(8) ?? "") › \(member) @ \(provenance["locator"]?.plainText ?? "")")))
                            }
                            group.append(copy)
                        }
                    }
                }
                flush()
            }
        }
    }
}

typealias CorrelateCommand = CasebookCommand.CorrelateCommand
