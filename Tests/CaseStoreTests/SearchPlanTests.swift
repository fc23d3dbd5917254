import CaseStore
import CasebookTestSupport
import EvidenceArchive
import EvidenceModel
import Foundation
import Testing

/// `search` walks the time index for words many events share and looks each match up for rare ones;
/// both plans must give the same rows in the same order, whatever the limit, order and time filter.
@Suite struct SearchPlanTests {
    /// 4,000 posts in shuffled time order, every 13th without a time, pairs sharing a time (ties go by
    /// id), with a word in ~50 %, one in ~10 % and one in ~0.5 % of them.
    ///
    /// `whileLoading` runs after the events are committed and before the item ends; `evidenceSize`
    /// (the item's size as recorded) decides whether the ingest defers its time index.
    static func makeCase(
        _ folder: TemporaryFolder, evidenceSize: Int64? = nil, whileLoading: (String) throws -> Void = { _ in }
    ) throws -> CaseStore {
        try folder.write("plans/data/tweets.js", "window.YTD.tweets.part0 = []\n")
        let evidencePath = folder.path + "/plans"
        let hashes = try EvidenceReader(path: evidencePath).hashEvidence()
        let store = try CaseStore(path: folder.path + "/case.db", create: true)
        let description = EvidenceDescription(
            sha256: hashes.sha256, sha1: hashes.sha1, md5: hashes.md5, size: evidenceSize ?? hashes.size, displayName: "plans",
            sourcePath: evidencePath, kind: "folder")
        try store.ingest(description, runId: nil, examiner: nil, startedAt: 0) { writer in
            writer.batchSize = 1_000
            let member = try writer.beginMember(
                storedPath: "data/tweets.js", name: "data/tweets.js", parentMemberId: nil, type: "file", declaredSize: nil,
                modifiedAt: nil, pathFindings: [])
            for index in 0..<4_000 {
                let shuffled = (index * 7_919) % 4_000
                var words = ["post\(index)"]
                if index % 2 == 0 { words.append("common") }
                if index % 10 == 3 { words.append("middling") }
                if index % 200 == 7 { words.append("scarce") }
                let time = index % 13 == 0
                    ? nil
                    : Timestamp(
                        microseconds: 1_600_000_000_000_000 + Int64(shuffled / 2) * 1_000_000, raw: "t", precision: .second,
                        zoneSource: .explicit)
                let event = Event(
                    platform: .twitter, kind: .post, occurredAt: time, text: words.joined(separator: " "),
                    provenance: Provenance(
                        evidenceSHA256: hashes.sha256, memberPath: ["data/tweets.js"], locator: "/\(index)", parser: "t",
                        parserVersion: 1))
                try writer.event(event, memberId: member, identifiers: [])
            }
            try writer.finishMember(
                member, size: 1, sha256: nil, status: "parsed", parser: "t", parserVersion: 1, recordCount: 4_000,
                warningCount: 0, error: nil)
            try whileLoading(folder.path + "/case.db")
            try writer.finish(status: .complete, platforms: [.twitter], endedAt: 0)
        }
        return store
    }

    @Test func bothPlansGiveTheSameRows() throws {
        let folder = try TemporaryFolder()
        let store = try Self.makeCase(folder)
        var compared = 0
        for word in ["common", "middling", "scarce", "post17", "nothingmatches"] {
            let pattern = try #require(SearchPattern(plain: word))
            for limit in [1, 7, 100, 3_000] {
                for oldestFirst in [false, true] {
                    for (since, until) in [(Int64?.none, Int64?.none), (1_600_000_000_500_000_000, 1_600_000_001_500_000_000)] {
                        var filter = EventFilter()
                        filter.limit = limit
                        filter.since = since
                        filter.until = until
                        let byMatches = try store.search(pattern, filter: filter, oldestFirst: oldestFirst, plan: .byMatches)
                        let byTime = try store.search(pattern, filter: filter, oldestFirst: oldestFirst, plan: .byTime)
                        let automatic = try store.search(pattern, filter: filter, oldestFirst: oldestFirst)
                        #expect(byTime == byMatches, "\(word) limit \(limit) oldestFirst \(oldestFirst) since \(String(describing: since))")
                        #expect(automatic == byMatches)
                        compared += byMatches.count
                    }
                }
            }
        }
        #expect(compared > 5_000, "the comparison covered real rows")
        // Untimed events come last in both directions and are reached when the timed ones run out.
        var filter = EventFilter()
        filter.limit = 3_000
        let rows = try store.search(try #require(SearchPattern(plain: "common")), filter: filter, plan: .byTime)
        #expect(rows.count == 2_000)
        #expect(rows.suffix(154).allSatisfy { $0.occurredAt == nil })
        #expect(rows.prefix(2_000 - 154).allSatisfy { $0.occurredAt != nil })
    }

    /// Time-walk searches over several words, limits, orders and a time window.
    static func walks(_ store: CaseStore) throws -> [[EventRow]] {
        var results: [[EventRow]] = []
        for word in ["common", "scarce"] {
            for limit in [7, 3_000] {
                for oldestFirst in [false, true] {
                    for since in [nil, Int64(1_600_000_000_500_000_000)] {
                        var filter = EventFilter()
                        filter.limit = limit
                        filter.since = since
                        results.append(try store.search(try #require(SearchPattern(plain: word)), filter: filter, oldestFirst: oldestFirst, plan: .byTime))
                    }
                }
            }
        }
        return results
    }

    /// An item large against its case (with no occurrences yet) loads with the time, actor and
    /// occurrence indexes dropped (`DeferredIndexes`). A search run meanwhile from another connection walks the events in time
    /// order without the index and gives the rows it gives once the item has ended.
    @Test func searchWhileAnIngestDefersTheTimeIndex() throws {
        let folder = try TemporaryFolder()
        var missingWhileLoading: [String] = []
        var whileLoading: [[EventRow]] = []
        let store = try Self.makeCase(folder, evidenceSize: 1 << 40) { casePath in
            let reader = try CaseStore(path: casePath, create: false, readOnly: true)
            missingWhileLoading = try reader.missingIndexes()
            whileLoading = try Self.walks(reader)
        }
        #expect(missingWhileLoading == ["event_time", "event_actor", "occurrence_identifier"])
        #expect(try store.missingIndexes() == [])
        let after = try Self.walks(store)
        #expect(whileLoading == after)
        #expect(after.joined().count > 3_000, "the comparison covered real rows")
    }

    /// A small item added to a case keeps the indexes while it loads.
    @Test func aSmallItemKeepsTheIndexes() throws {
        let folder = try TemporaryFolder()
        var missingWhileLoading: [String]?
        _ = try Self.makeCase(folder, evidenceSize: 0) { casePath in
            missingWhileLoading = try CaseStore(path: casePath, create: false, readOnly: true).missingIndexes()
        }
        #expect(missingWhileLoading == [])
    }
}
