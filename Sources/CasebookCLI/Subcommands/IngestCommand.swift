import ArgumentParser
import CaseStore
import Casebook
import EvidenceModel
import Foundation
import Logging

extension CasebookCommand {
    /// `casebook ingest EVIDENCE...`
    struct IngestCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ingest",
            abstract: "Read export archives, folders or files into the case (read-only; nothing is unpacked to disk).")

        @Argument(help: "Evidence: zip, tar(.gz/.xz/.bz2/.zst), 7z, a folder, or a single export file.")
        var evidence: [String]

        @OptionGroup var caseOptions: CaseOptions

        @Option(help: "The examiner's name, recorded with the run and the evidence.")
        var examiner: String?

        @Option(help: "The case name, recorded in the case file.")
        var caseName: String?

        @Option(help: "Region for phone numbers written without a country code (ISO 3166 code, e.g. US, DE).")
        var defaultRegion: String?

        @Flag(help: "Print plain progress lines even on a terminal.")
        var plain = false

        @Flag(help: "Exit with status 75 instead of waiting when another ingest is writing the same case.")
        var noWait = false

        func validate() throws {
            if evidence.isEmpty { throw ValidationError("name at least one evidence file or folder") }
            // R-02: SQLite creates -wal, -shm and .lock files beside the case; none may land in the evidence.
            for item in evidence where FileManager.default.fileExists(atPath: item) {
                if OutputFile.isInside(caseOptions.casePath, root: item) {
                    throw ValidationError(
                        "the case path '\(caseOptions.casePath)' is inside the evidence '\(item)' – put the case outside the evidence")
                }
            }
            if let region = defaultRegion, region.count != 2 || !region.allSatisfy(\.isLetter) {
                throw ValidationError("--default-region '\(region)' is not a two-letter country code such as US or DE")
            }
        }

        func run() throws {
            // R-36: from here on Ctrl-C and SIGTERM stop the ingest cleanly (exit 130 or 143).
            Interruption.install()
            let casePath = caseOptions.casePath
            // R-39/R-43: an unusable case location or file is refused before anything (even the lock
            // file) is created beside it, and an existing case must pass quick_check before any write.
            _ = try CaseStore.check(path: casePath, quickCheck: true)
            let lock: CaseLock
            do {
                lock = try CaseLock(casePath: casePath, wait: !noWait) {
                    Console.err("waiting: another Casebook process is writing '\(casePath)'…\n")
                }
            } catch let error as CaseLock.Busy {
                throw CommandError(message: error.description, status: 75)
            } catch let error as CaseLock.CannotCreate {
                throw CommandError(
                    message: "cannot create case database at '\(casePath)' (\(error.reason)) – choose a writable folder for --case",
                    status: 73)
            } catch let error as IngestInterrupted {
                var interrupted = error
                interrupted.notIngested = evidence.map { URL(fileURLWithPath: $0).lastPathComponent }
                Console.err(interrupted.description + "\n")
                throw ExitCode(interrupted.exitStatus)
            }
            defer { withExtendedLifetime(lock) {} }
            let store = try CaseStore(path: casePath, create: true)
            var info: [String: String] = [:]
            if let caseName { info["caseName"] = caseName }
            if let examiner { info["examiner"] = examiner }
            if !info.isEmpty { try store.setCaseInfo(info) }
            let now = { Int64(Date().timeIntervalSince1970 * 1_000_000) }
            let runId = try store.beginRun(
                toolVersion: CasebookVersion.version, command: "ingest", arguments: Array(CommandLine.arguments.dropFirst()),
                examiner: examiner, startedAt: now())
            var options = IngestOptions()
            options.examiner = examiner
            options.caseName = caseName
            options.defaultRegion = defaultRegion?.uppercased()
            let progress: any IngestProgress =
                !plain && Console.stderrIsTerminal && Console.stdoutIsTerminal ? TerminalProgress() : PlainProgress()
            let session = IngestSession(
                store: store, options: options, runId: runId, progress: progress, logger: Logger(label: "casebook.ingest"))
            var status: Int32 = 0
            do {
                let summaries = try session.ingest(paths: evidence)
                for summary in summaries {
                    Console.out(IngestSummaryText.render(summary))
                }
                status = IngestSummaryText.exitStatus(summaries)
                let counts: [(String, Int)] = [
                    ("evidence", summaries.count),
                    ("complete", summaries.filter { $0.outcome == .complete }.count),
                    ("partial", summaries.filter { $0.outcome == .partial }.count),
                    ("failed", summaries.filter { $0.outcome == .failed }.count),
                    ("alreadyPresent", summaries.filter { $0.outcome == .alreadyPresent }.count),
                    ("records", summaries.reduce(0) { $0 + $1.records }),
                    ("warnings", summaries.reduce(0) { $0 + $1.warnings }),
                ]
                try? store.endRun(
                    runId, exitStatus: status, endedAt: now(),
                    summary: JSONText.object(counts.map { ($0.0, String($0.1)) }))
            } catch let interrupted as IngestInterrupted {
                // What finished before the signal is in the case: say so, then how the run ended.
                for summary in interrupted.finished { Console.out(IngestSummaryText.render(summary)) }
                try? store.endRun(runId, exitStatus: interrupted.exitStatus, endedAt: now())
                Console.err(interrupted.description + "\n")
                throw ExitCode(interrupted.exitStatus)
            } catch {
                let presented = ErrorPresentation.present(error)
                try? store.endRun(runId, exitStatus: presented.status, endedAt: now())
                throw error
            }
            if status != 0 { throw ExitCode(status) }
        }
    }
}

typealias IngestCommand = CasebookCommand.IngestCommand

/// The per-evidence summary printed after an ingest.
enum IngestSummaryText {
    static func render(_ summary: IngestSummary) -> String {
        var text = "\(summary.sourcePath)\n"
        if let error = summary.error {
            text += "  status: \(summary.outcome == .failed && summary.sha256.isEmpty ? "not ingested" : summary.outcome.rawValue)\n"
            text += "  error: \(error)\n"
            if summary.sha256.isEmpty { return text }
        }
        text += "  sha256: \(summary.sha256)  size: \(summary.size) bytes\n"
        if summary.outcome == .alreadyPresent {
            text += "  status: already in the case (same SHA-256); nothing added\n"
            return text
        }
        text += "  status: \(summary.outcome.rawValue)"
        text += summary.platforms.isEmpty ? "  (no known export recognized)\n" : "  platforms: \(summary.platforms.map(\.rawValue).joined(separator: ", "))\n"
        text += "  members: \(summary.membersParsed) parsed, \(summary.membersUnparsed) unparsed, \(summary.membersFailed) failed"
        if summary.membersContainer > 0 { text += ", \(summary.membersContainer) nested archives" }
        if summary.membersSkipped > 0 { text += ", \(summary.membersSkipped) folders/links" }
        text += "\n"
        let kinds = summary.recordsByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        text += "  records: \(summary.records)\(kinds.isEmpty ? "" : " (\(kinds))")\n"
        text += "  warnings: \(summary.warnings)\n"
        for line in summary.findings.prefix(20) { text += "  finding: \(line)\n" }
        if summary.findings.count > 20 { text += "  … \(summary.findings.count - 20) more findings (casebook evidence --case … --code all)\n" }
        text += "  time: \(String(format: "%.2f", summary.seconds)) s\n"
        return text
    }

    /// 66 when an item was missing, 65 when rejected, 10 with findings, else 0.
    static func exitStatus(_ summaries: [IngestSummary]) -> Int32 {
        if summaries.contains(where: { $0.errorStatus == 66 }) { return 66 }
        if summaries.contains(where: { $0.errorStatus == 65 }) { return 65 }
        if summaries.contains(where: { $0.hasFindings }) { return 10 }
        return 0
    }
}
