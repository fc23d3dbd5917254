import CaseStore
import EvidenceArchive
import Foundation

/// The outcome of re-hashing one evidence item.
public struct VerificationOutcome: Sendable, Hashable {
    public var evidence: EvidenceRow
    /// The path that was re-hashed.
    public var path: String
    public var result: VerificationResult
    /// SHA-256 computed now; nil when the file is missing.
    public var observedSHA256: String?
    /// Why a CHANGED item could not be hashed as before (it became unreadable, a folder became a file, ...).
    public var problem: String?
}

/// Re-hashes every evidence item of a case and records what it finds.
///
/// Each item is read again from the path recorded at ingest (`sourcePath`) or, with an evidence
/// directory, from `DIRECTORY/<display name>` (for evidence that was moved or copied). Archives and
/// single files are hashed byte for byte; folders by the same manifest hash as at ingest (every file's
/// relative path, size and content). The evidence is opened read-only; nothing is repaired.
public enum Verifier {
    /// Verifies every evidence item in id order; when `runId` is given, each result is recorded in the
    /// case under that run.
    public static func verify(
        store: CaseStore, evidenceDirectory: String?, runId: Int64?, limits: EvidenceLimits = .standard,
        progress: (String) -> Void = { _ in }
    ) throws -> [VerificationOutcome] {
        var outcomes: [VerificationOutcome] = []
        for item in try store.evidenceList() {
            let path: String
            if let evidenceDirectory {
                path = URL(fileURLWithPath: evidenceDirectory).appendingPathComponent(item.displayName).path
            } else {
                path = item.sourcePath
            }
            progress("hashing \(item.displayName)")
            let outcome = check(item, path: path, limits: limits)
            if runId != nil {
                try store.recordVerification(
                    runId: runId, evidenceId: item.id, checkedAt: Int64(Date().timeIntervalSince1970 * 1_000_000),
                    result: outcome.result, observedSHA256: outcome.observedSHA256, path: path)
            }
            outcomes.append(outcome)
        }
        return outcomes
    }

    /// Re-hashes one item at `path`.
    public static func check(_ item: EvidenceRow, path: String, limits: EvidenceLimits = .standard)
        -> VerificationOutcome
    {
        var outcome = VerificationOutcome(
            evidence: item, path: path, result: .missing, observedSHA256: nil, problem: nil)
        guard FileManager.default.fileExists(atPath: path) else { return outcome }
        do {
            let reader = try EvidenceReader(path: path, limits: limits)
            let hashes = try reader.hashEvidence()
            outcome.observedSHA256 = hashes.sha256
            outcome.result = hashes.sha256 == item.sha256 ? .ok : .changed
            if outcome.result == .changed && reader.kind.rawValue != item.kind {
                outcome.problem = "was a \(item.kind) at ingest, is a \(reader.kind.rawValue) now"
            }
        } catch {
            outcome.result = .changed
            outcome.problem = "cannot be hashed as before: \(error.message)"
        }
        return outcome
    }
}
