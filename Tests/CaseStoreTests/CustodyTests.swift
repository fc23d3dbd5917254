import CaseStore
import CasebookTestSupport
import Testing

/// Tags, verification results, run summaries and the v2 migration.
@Suite struct CustodyTests {
    @Test func tagsNeedAnExistingEventAndComeInTimeOrder() throws {
        let folder = try TemporaryFolder()
        let store = try SyntheticCase.make(in: folder, casePath: folder.path + "/case.db")
        let events = try store.timeline(EventFilter())
        #expect(events.count == 6)
        do {
            try store.tag(eventId: 999, label: "x", note: nil, examiner: nil, createdAt: 1, runId: nil)
            Issue.record("expected notFound")
        } catch let error as StoreError {
            #expect(error.code == .notFound)
        }
        let late = try #require(events.last { $0.occurredAt != nil })
        let early = try #require(events.first)
        try store.tag(eventId: late.id, label: "later", note: "second", examiner: "J. Doe", createdAt: 10, runId: nil)
        try store.tag(eventId: early.id, label: "first", note: nil, examiner: nil, createdAt: 20, runId: nil)
        try store.tag(eventId: early.id, label: "again", note: nil, examiner: nil, createdAt: 30, runId: nil)
        let tags = try store.tags()
        #expect(tags.map(\.label) == ["first", "again", "later"])
        #expect(tags.last?.event.locator == late.locator)
        var filter = EventFilter()
        filter.taggedOnly = true
        #expect(try store.timeline(filter).map(\.id) == [early.id, late.id])
        #expect(try store.eventCount(filter) == 2)
    }

    @Test func verificationsKeepHistoryAndLatestPerEvidence() throws {
        let folder = try TemporaryFolder()
        let store = try SyntheticCase.make(in: folder, casePath: folder.path + "/case.db")
        let evidence = try #require(try store.evidenceList().first)
        try store.recordVerification(
            runId: nil, evidenceId: evidence.id, checkedAt: 1, result: .ok, observedSHA256: evidence.sha256, path: "/a")
        try store.recordVerification(runId: nil, evidenceId: evidence.id, checkedAt: 2, result: .missing, observedSHA256: nil, path: "/b")
        #expect(try store.verifications().map(\.result) == [.ok, .missing])
        let latest = try store.verifications(latestOnly: true)
        #expect(latest.count == 1)
        #expect(latest.first?.result == .missing)
        #expect(latest.first?.path == "/b")
    }

    @Test func runsCarrySummariesAndArguments() throws {
        let folder = try TemporaryFolder()
        let store = try SyntheticCase.make(in: folder, casePath: folder.path + "/case.db")
        let id = try store.beginRun(toolVersion: "0.1.0", command: "tag", arguments: ["tag", "1", "--note", "a \"b\""], examiner: nil, startedAt: 5)
        try store.endRun(id, exitStatus: 0, endedAt: 6, summary: "{\"tagged\":1}")
        let runs = try store.runs()
        #expect(runs.map(\.command) == ["ingest", "tag"])
        #expect(runs.last?.arguments == ["tag", "1", "--note", "a \"b\""])
        #expect(runs.last?.summary == "{\"tagged\":1}")
        #expect(runs.last?.exitStatus == 0)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func sightingsAndParserUsage() throws {
        let folder = try TemporaryFolder()
        let store = try SyntheticCase.make(in: folder, casePath: folder.path + "/case.db")
        let sightings = try store.accountSightings()
        #expect(sightings.count == 2)
        #expect(sightings.values.allSatisfy { $0.count == 1 })
        let usage = try store.parserUsage()
        #expect(usage.map { "\($0.parser)@\($0.version)=\($0.members)" } == ["twitter.directMessages@1=1", "twitter.tweets@1=1"])
        let conversations = try store.conversations()
        #expect(conversations.count == 1)
        #expect(conversations.first?.participantIds.count == 2)
    }
}
