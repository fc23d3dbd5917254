import CaseStore
import Casebook
import CasebookTestSupport
import Foundation
import Logging
import Testing

/// RELIABILITY.md R-03 / G2: evidence that changes between hashing and the end of reading fails.
@Suite struct EvidenceChangeTests {
    /// Appends to the evidence right after it was hashed, as a careless copy job would.
    final class TamperingProgress: IngestProgress {
        let path: String
        init(path: String) { self.path = path }
        func evidenceStarted(name: String, index: Int, count: Int, expectedBytes: Int64) {
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.seekToEndOfFile()
                handle.write(Data("\n".utf8))
                try? handle.close()
            }
        }
        func progressed(bytes: Int64, records: Int) {}
        func evidenceFinished(_ summary: IngestSummary) {}
        func note(_ text: String) {}
    }

    @Test func changeDuringIngestFailsTheItem() throws {
        let folder = try TemporaryFolder()
        try folder.write("tweets.js", "window.YTD.tweets.part0 = [ ]")
        let evidence = folder.path + "/tweets.js"
        let store = try CaseStore(path: folder.path + "/case.db", create: true)
        let session = IngestSession(
            store: store, options: IngestOptions(), runId: nil, progress: TamperingProgress(path: evidence),
            logger: Logger(label: "test"))
        let summary = try session.ingest(path: evidence)
        #expect(summary.outcome == .failed)
        #expect(summary.errorStatus == 65)
        #expect(summary.error?.contains("evidence changed during ingest") == true)
        #expect(try store.evidenceList().map(\.status) == ["failed"])
    }
}
