/// Receives ingest progress; the CLI draws it, tests ignore it. Called on the ingesting thread.
public protocol IngestProgress: AnyObject {
    func evidenceStarted(name: String, index: Int, count: Int, expectedBytes: Int64)
    /// `bytes` of member data read so far (expanded), `records` written so far.
    func progressed(bytes: Int64, records: Int)
    func evidenceFinished(_ summary: IngestSummary)
    /// A short status line (hashing, already present, ...).
    func note(_ text: String)
}

/// Progress that goes nowhere.
public final class SilentProgress: IngestProgress {
    public init() {}
    public func evidenceStarted(name: String, index: Int, count: Int, expectedBytes: Int64) {}
    public func progressed(bytes: Int64, records: Int) {}
    public func evidenceFinished(_ summary: IngestSummary) {}
    public func note(_ text: String) {}
}
