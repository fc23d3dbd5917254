import ArgumentParser
import CaseReports
import CaseStore
import EvidenceModel

extension CasebookCommand {
    /// `casebook accounts`
    struct AccountsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accounts", abstract: "Accounts found in the evidence, export owners first, with their identifiers.")

        @Option(help: "Only this platform.")
        var platform: Platform?

        @OptionGroup var caseOptions: CaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try caseOptions.openExisting()
            let rows = try store.accounts(platform: platform?.rawValue, limit: output.limit)
            let records = rows.map { row in
                ReportRecord([
                    ("id", .integer(row.id)), ("platform", .string(row.platform)), ("accountKey", .string(row.accountKey)),
                    ("platformUserId", .optional(row.platformUserId)), ("handle", .optional(row.handle)),
                    ("displayName", .optional(row.displayName)), ("exportOwner", .bool(row.isExportOwner)),
                    ("events", .integer(Int64(row.eventCount))), ("evidence", .array(row.evidence.map(ReportValue.string))),
                    ("identifiers", .array(row.identifiers.map(ReportValue.string))),
                ])
            }
            let columns = [
                ReportColumn("ID", "id"), ReportColumn("PLATFORM", "platform"), ReportColumn("HANDLE", "handle", maxWidth: 24),
                ReportColumn("USER ID", "platformUserId"), ReportColumn("NAME", "displayName", maxWidth: 24),
                ReportColumn("OWNER", "exportOwner"), ReportColumn("EVENTS", "events"), ReportColumn("EVIDENCE", "evidence"),
                ReportColumn("IDENTIFIERS", "identifiers", maxWidth: 90),
            ]
            Console.out(ReportRenderer.render(records, columns: columns, format: output.format))
        }
    }
}

typealias AccountsCommand = CasebookCommand.AccountsCommand
