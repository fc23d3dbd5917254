import ArgumentParser
import CaseReports
import CaseStore
import Casebook
import EvidenceModel

extension CasebookCommand {
    /// `casebook evidence`
    struct EvidenceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evidence",
            abstract: "Evidence items with hashes, status and coverage; --members lists every member, --warnings every warning count, --code CODE|all each warning.")

        @Flag(help: "List every member of every evidence item (path, size, SHA-256, parser, status).")
        var members = false

        @Flag(help: "List warning counts by evidence, source and code.")
        var warnings = false

        @Option(help: "List each warning of this code ('all' for every code) with its message and where it is, instead of counts.")
        var code: String?

        @OptionGroup var caseOptions: CaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try caseOptions.openExisting()
            let evidence = try store.evidenceList()
            if let code {
                var rows = try store.warnings(code: code == "all" ? nil : code).map { warning in
                    ReportRecord([
                        ("evidence", .string(warning.evidenceSHA256)), ("code", .string(warning.code)),
                        ("source", .string(warning.source)),
                        ("member", .optional(warning.memberPath.map { Provenance.displayPath(stored: $0) })),
                        ("locator", .string(warning.locator)), ("message", .string(warning.message)),
                        ("where", .string(
                            "\(warning.evidenceSHA256.prefix(8))"
                                + (warning.memberPath.map { " › " + Provenance.displayPath(stored: $0) } ?? "")
                                + (warning.locator.isEmpty ? "" : " @ \(warning.locator)"))),
                    ])
                }
                if output.limit > 0 { rows = Array(rows.prefix(output.limit)) }
                let columns = output.format == .table
                    ? [ReportColumn("CODE", "code"), ReportColumn("WHERE", "where", maxWidth: 70), ReportColumn("MESSAGE", "message", maxWidth: 100)]
                    : ["evidence", "code", "source", "member", "locator", "message"].map { ReportColumn($0, $0) }
                Console.out(ReportRenderer.render(rows, columns: columns, format: output.format))
                return
            }
            if warnings {
                let rows = try store.warningSummary().map {
                    ReportRecord([
                        ("evidence", .string($0.evidenceSHA256)), ("source", .string($0.source)), ("code", .string($0.code)),
                        ("count", .integer(Int64($0.count))),
                    ])
                }
                Console.out(
                    ReportRenderer.render(
                        rows,
                        columns: [ReportColumn("EVIDENCE", "evidence", maxWidth: 64), ReportColumn("SOURCE", "source"), ReportColumn("CODE", "code"), ReportColumn("COUNT", "count")],
                        format: output.format))
                return
            }
            if members {
                var rows: [ReportRecord] = []
                for item in evidence {
                    for member in try store.members(evidenceId: item.id) {
                        rows.append(
                            ReportRecord([
                                ("evidence", .string(item.sha256)), ("path", .string(member.path)), ("type", .string(member.type)),
                                ("size", .optional(member.size)), ("sha256", .optional(member.sha256)),
                                ("parser", .optional(member.parser)), ("status", .string(member.status)),
                                ("records", .integer(Int64(member.recordCount))), ("warnings", .integer(Int64(member.warningCount))),
                                ("error", .optional(member.error)),
                                ("modified", .optional(Self.modified(member))),
                            ]))
                    }
                }
                if output.limit > 0 { rows = Array(rows.prefix(output.limit)) }
                Console.out(
                    ReportRenderer.render(
                        rows,
                        columns: [
                            ReportColumn("PATH", "path", maxWidth: 60), ReportColumn("SIZE", "size"), ReportColumn("STATUS", "status"),
                            ReportColumn("PARSER", "parser"), ReportColumn("RECORDS", "records"), ReportColumn("WARNINGS", "warnings"),
                            ReportColumn("SHA-256", "sha256", maxWidth: 64),
                        ], format: output.format))
                return
            }
            var rows: [ReportRecord] = []
            for item in evidence {
                let summary = try store.memberSummary(evidenceId: item.id)
                rows.append(
                    ReportRecord([
                        ("displayName", .string(item.displayName)), ("status", .string(item.status)), ("kind", .string(item.kind)),
                        ("platforms", .string(item.platforms)), ("size", .integer(item.size)), ("sha256", .string(item.sha256)),
                        ("sha1", .string(item.sha1)), ("md5", .string(item.md5)),
                        ("ingestedAt", .string(TimeInput.display(item.ingestStartedAt, zone: nil))),
                        ("examiner", .optional(item.examiner)),
                        ("membersParsed", .integer(Int64(summary.parsed))), ("membersUnparsed", .integer(Int64(summary.unparsed))),
                        ("membersFailed", .integer(Int64(summary.failed))), ("records", .integer(Int64(item.recordCount))),
                        ("warnings", .integer(Int64(item.warningCount))),
                    ]))
            }
            if output.limit > 0 { rows = Array(rows.prefix(output.limit)) }
            Console.out(
                ReportRenderer.render(
                    rows,
                    columns: [
                        ReportColumn("EVIDENCE", "displayName", maxWidth: 40), ReportColumn("STATUS", "status"),
                        ReportColumn("PLATFORMS", "platforms"), ReportColumn("PARSED", "membersParsed"),
                        ReportColumn("UNPARSED", "membersUnparsed"), ReportColumn("FAILED", "membersFailed"),
                        ReportColumn("RECORDS", "records"), ReportColumn("WARNINGS", "warnings"), ReportColumn("SHA-256", "sha256", maxWidth: 64),
                    ], format: output.format))
        }
    }
}

extension CasebookCommand.EvidenceCommand {
    /// A member's header time: UTC with `Z`, or for a zip DOS time (a wall clock without a zone) the
    /// wall clock as written with "(zone unknown)", never presented as UTC.
    static func modified(_ member: MemberRow) -> String? {
        guard let modifiedAt = member.modifiedAt else { return nil }
        let utc = TimeInput.display(modifiedAt, zone: nil)
        guard member.pathFindings.contains("time-zone-unknown") else { return utc }
        return String(utc.dropLast()) + " (zone unknown)"
    }
}

typealias EvidenceCommand = CasebookCommand.EvidenceCommand
