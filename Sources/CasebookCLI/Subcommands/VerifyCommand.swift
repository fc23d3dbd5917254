import ArgumentParser
import CaseReports
import CaseStore
import Casebook
import Foundation

extension CasebookCommand {
    /// `casebook verify [--evidence-dir DIR]`
    struct VerifyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Re-hash every evidence item and report OK, CHANGED or MISSING for each.",
            discussion: """
                Each item is read again (read-only) from the path recorded at ingest, or from DIR/<name> with \
                --evidence-dir, and its SHA-256 compared with the one recorded then (folders: the manifest hash \
                over every file). Results are recorded in the audit log and shown in later reports.

                Exit status: 0 when every item is OK; 65 when any item is CHANGED or MISSING (the evidence no \
                longer matches what was ingested; the table and the audit log say which); 66 when the case is missing.
                """)

        @Option(help: "Look for each evidence item as DIR/<display name> instead of its recorded path.")
        var evidenceDir: String?

        @Option(help: "The examiner's name, recorded with the run.")
        var examiner: String?

        @OptionGroup var caseOptions: CaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try caseOptions.openForWriting()
            if let evidenceDir {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: evidenceDir, isDirectory: &isDirectory),
                    isDirectory.boolValue
                else {
                    throw CommandError(
                        message: "--evidence-dir '\(evidenceDir)' is not a folder – check the path", status: 66)
                }
            }
            var outcomes: [VerificationOutcome] = []
            let recordedExaminer = try store.caseInfo()["examiner"]
            let status = try AuditedRun.perform(store, command: "verify", examiner: examiner ?? recordedExaminer) {
                run in
                outcomes = try Verifier.verify(store: store, evidenceDirectory: evidenceDir, runId: run.id) { note in
                    if Console.stderrIsTerminal { Console.err(note + "\n") }
                }
                let count = { (result: VerificationResult) in outcomes.filter { $0.result == result }.count }
                let status: Int32 = outcomes.allSatisfy { $0.result == .ok } ? 0 : 65
                return (
                    status,
                    [
                        ("evidence", outcomes.count), ("ok", count(.ok)), ("changed", count(.changed)),
                        ("missing", count(.missing)),
                    ]
                )
            }
            let records = outcomes.map { outcome in
                ReportRecord([
                    ("result", .string(outcome.result.rawValue)), ("evidence", .string(outcome.evidence.displayName)),
                    ("path", .string(outcome.path)), ("expectedSHA256", .string(outcome.evidence.sha256)),
                    ("observedSHA256", .optional(outcome.observedSHA256)), ("problem", .optional(outcome.problem)),
                ])
            }
            let columns = [
                ReportColumn("RESULT", "result"), ReportColumn("EVIDENCE", "evidence", maxWidth: 40),
                ReportColumn("EXPECTED SHA-256", "expectedSHA256", maxWidth: 64),
                ReportColumn("OBSERVED SHA-256", "observedSHA256", maxWidth: 64),
                ReportColumn("PATH", "path", maxWidth: 80),
            ]
            var text = ReportRenderer.render(records, columns: columns, format: output.format)
            if output.format == .table {
                if outcomes.isEmpty { text = "no evidence in this case\n" }
                let bad = outcomes.filter { $0.result != .ok }
                text +=
                    bad.isEmpty
                    ? "all \(outcomes.count) evidence item\(outcomes.count == 1 ? "" : "s") match their recorded SHA-256\n"
                    : "\(bad.count) of \(outcomes.count) evidence item\(outcomes.count == 1 ? "" : "s") changed or missing: "
                        + bad.map { "\(TerminalText.sanitize($0.evidence.displayName)) \($0.result.rawValue)" }.joined(
                            separator: ", ") + "\n"
            }
            Console.out(text)
            if status != 0 {
                // R-05: a mismatch is a failure of the check, said on standard error as well.
                let bad = outcomes.filter { $0.result != .ok }
                ErrorPresentation.printError(
                    "verification failed: \(bad.count) of \(outcomes.count) evidence item\(outcomes.count == 1 ? "" : "s") "
                        + "changed or missing ("
                        + bad.map { "\(TerminalText.sanitize($0.evidence.displayName)) \($0.result.rawValue) at \(TerminalText.sanitize($0.path))" }
                        .joined(separator: ", ")
                        + ") – the evidence no longer matches the SHA-256 recorded at ingest; find the original copy or record the change")
                throw ExitCode(status)
            }
        }
    }
}

typealias VerifyCommand = CasebookCommand.VerifyCommand
