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
    /// A folder export whose `data/tweets.js` holds `count` tweets: enough records that writing it
    /// takes a while in a debug build.
    static func tweetsFolder(_ folder: TemporaryFolder, name: String, count: Int) throws -> String {
        let tweets = (0..<count).map { index in
            """
            { "tweet" : { "id_str" : "\(1_700_000_000_000_000_000 + index)", \
            "created_at" : "Sat Mar 18 15:\(String(format: "%02d", index % 60)):12 +0000 2023", \
            "full_text" : "read ahead \(index) in \(name)", "entities" : { "user_mentions" : [ ], "urls" : [ ] } } }
            """
        }
        try folder.write("\(name)/data/tweets.js", "window.YTD.tweets.part0 = [ \(tweets.joined(separator: ", ")) ]\n")
        return folder.path + "/" + name
    }

    @Test func theNextItemIsReadWhileTheCurrentOneIsWritten() throws {
        let folder = try TemporaryFolder()
        let first = try Self.tweetsFolder(folder, name: "first", count: 20_000)
        let second = try Self.tweetsFolder(folder, name: "second", count: 20_000)
        let store = try CaseStore(path: folder.path + "/case.db", create: true)
        let session = IngestSession(store: store, options: IngestOptions(), runId: nil, logger: Logger(label: "test"))
        let summaries = try session.ingest(paths: [first, second])
        #expect(summaries.map(\.outcome) == [.complete, .complete])
        #expect(summaries.map(\.records) == [20_000, 20_000])
        // Parsed while the first was written, the second had filled its queue (8 batches of 512
        // records) when its turn came; read only then, it would have had a batch or two at most.
        #expect(summaries[1].batchesReadAhead == 8)
        #expect(try store.evidenceList().map(\.displayName) == ["first", "second"])
    }

    /// Read ahead of its turn, an item fills its bounded queue and waits; `cancel` stops it with
    /// nothing written anywhere.
    @Test func anItemReadAheadWaitsForRoomAndStopsWhenCancelled() throws {
        let folder = try TemporaryFolder()
        let big = try Self.tweetsFolder(folder, name: "big", count: 20_000)
        let prepared = PreparedEvidence(path: big, options: IngestOptions(), progress: SilentProgress())
        let opened = try #require(prepared.waitUntilHashed())
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
        #expect(prepared.waitUntilHashed() == nil)
        #expect(prepared.openingError?.description.contains("/nonexistent/export.zip") == true)
        prepared.join()
    }
}
