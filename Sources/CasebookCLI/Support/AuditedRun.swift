import CaseStore
import Casebook
import EvidenceModel
import Foundation

/// One command that changes the case, recorded in the audit log (`run` table): begun before the
/// change, ended with its exit status and counts, also when it fails.
struct AuditedRun {
    let store: CaseStore
    let id: Int64

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1_000_000) }

    /// Records the start of `command` with the arguments as typed.
    static func begin(_ store: CaseStore, command: String, examiner: String?) throws -> AuditedRun {
        let id = try store.beginRun(
            toolVersion: CasebookVersion.version, command: command, arguments: Array(CommandLine.arguments.dropFirst()),
            examiner: examiner, startedAt: now())
        return AuditedRun(store: store, id: id)
    }

    /// Runs `body`, then records its exit status and counts; a thrown error is recorded with the status
    /// the user will see, then rethrown.
    static func perform(
        _ store: CaseStore, command: String, examiner: String?,
        _ body: (AuditedRun) throws -> (status: Int32, counts: [(String, Int)])
    ) throws -> Int32 {
        let run = try begin(store, command: command, examiner: examiner)
        do {
            let result = try body(run)
            run.end(status: result.status, counts: result.counts)
            return result.status
        } catch {
            run.end(status: ErrorPresentation.present(error).status, counts: [])
            throw error
        }
    }

    func end(status: Int32, counts: [(String, Int)]) {
        let summary = counts.isEmpty ? nil : JSONText.object(counts.map { ($0.0, String($0.1)) })
        try? store.endRun(id, exitStatus: status, endedAt: AuditedRun.now(), summary: summary)
    }
}
