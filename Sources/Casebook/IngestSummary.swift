import EvidenceModel

/// What happened to one evidence item during an ingest.
public struct IngestSummary: Sendable {
    public enum Outcome: String, Sendable {
        /// Read completely.
        case complete
        /// Read up to a problem (damaged archive, limit); what was read is stored.
        case partial
        /// Already in the case with the same SHA-256; nothing was added.
        case alreadyPresent
        /// Could not be read at all.
        case failed
    }

    public var displayName: String
    public var sourcePath: String
    public var sha256: String = ""
    public var size: Int64 = 0
    public var outcome: Outcome = .failed
    public var platforms: [Platform] = []
    public var membersParsed = 0
    public var membersUnparsed = 0
    public var membersFailed = 0
    public var membersContainer = 0
    public var membersSkipped = 0
    public var records = 0
    public var recordsByKind: [String: Int] = [:]
    public var warnings = 0
    /// Problems with the evidence itself, as `evidence › member @locator: message` lines.
    public var findings: [String] = []
    /// Set when the evidence could not be ingested at all.
    public var error: String?
    /// Exit-status hint: 65 rejected as a whole, 66 missing or unreadable.
    public var errorStatus: Int32?
    public var seconds: Double = 0
    /// Batches the item's thread had queued before the item's turn came (read while the item before
    /// was written; see `PreparedEvidence`).
    var batchesReadAhead = 0

    public init(displayName: String, sourcePath: String) {
        self.displayName = displayName
        self.sourcePath = sourcePath
    }

    /// True when anything deserves the examiner's attention (warnings, unparsed or failed members, partial).
    public var hasFindings: Bool {
        outcome == .partial || outcome == .failed || warnings > 0 || membersUnparsed > 0 || membersFailed > 0
    }
}
