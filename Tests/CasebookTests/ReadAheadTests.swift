import CaseStore
import CasebookTestSupport
import EvidenceArchive
import Foundation
import Logging
import Testing

@testable import Casebook

/// Several items in one ingest: the next is opened, hashed and read on its own thread while the
/// current one is written (`PreparedEvidence`, issue #6 part 3).
@Suite(.timeLimit(.minutes(2))) struct ReadAheadTests {
    @Test func theNextItemIsReadWhileTheCurrentOneIsWritten() throws {
        let folder = try TemporaryFolder()
        let first = try SyntheticArchive.make(in: folder, name: "first", tweets: 10_000, seed: 1)
        let second = try SyntheticArchive.make(in: folder, name: "second", tweets: 10_000, seed: 2)
        let store = try CaseStore(path: folder.path + "/case.db", create: true)
        let session = IngestSession(store: store, options: IngestOptions(), runId: nil, logger: Logger(label: "test"))
        let summaries = try session.ingest(paths: [first, second])
        #expect(summaries.map(\.outcome) == [.complete, .complete])
        // The same export with different tweets: the same records, with the 10,000 tweets among them.
        #expect(summaries[1].records == summaries[0].records)
        #expect(summaries.allSatisfy { $0.records > 10_000 })
        // Parsed while the first was written, the second had filled its queue (8 batches of 512
        // records) when its turn came; read only then, it would have had a batch or two at most.
        #expect(summaries[1].batchesReadAhead == 8)
        #expect(try store.evidenceList().map(\.displayName) == ["first.zip", "second.zip"])
    }

    /// Read ahead of its turn, an item fills its bounded queue and waits; `cancel` stops it with
    /// nothing written anywhere.
    @Test func anItemReadAheadWaitsForRoomAndStopsWhenCancelled() throws {
        let folder = try TemporaryFolder()
        let big = try SyntheticArchive.make(in: folder, name: "big", tweets: 10_000)
        let prepared = PreparedEvidence(path: big, options: IngestOptions(), progress: SilentProgress())
        let opened = try prepared.waitUntilHashed().get()
        #expect(opened.hashes.sha256 == (try EvidenceReader(path: big).hashEvidence().sha256))
        let deadline = Date().addingTimeInterval(60)
        while prepared.queue.queuedBatches < 8 && Date() < deadline { usleep(10_000) }
        #expect(prepared.queue.queuedBatches == 8, "the queue holds 8 batches and no more")
        usleep(100_000)
        #expect(prepared.queue.queuedBatches == 8)
        prepared.cancel()
        prepared.join()
        #expect(prepared.queue.queuedBatches == 0)
    }

    @Test func anItemThatCannotBeOpenedSaysWhy() {
        let prepared = PreparedEvidence(path: "/nonexistent/export.zip", options: IngestOptions(), progress: SilentProgress())
        guard case .failure(let error) = prepared.waitUntilHashed() else {
            Issue.record("an evidence path that does not exist was hashed")
            return
        }
        #expect(error.description.contains("/nonexistent/export.zip"))
        prepared.join()
    }
}
