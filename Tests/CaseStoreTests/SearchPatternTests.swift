import CaseStore
import CasebookTestSupport
import EvidenceModel
import Testing

@Suite struct SearchPatternTests {
    @Test(arguments: [
        ("meet at the station", "\"meet\" \"at\" \"the\" \"station\""),
        ("\"meet at\" station", "\"meet at\" \"station\""),
        ("OR NOT NEAR(", "\"OR\" \"NOT\" \"NEAR(\""),
        ("tænkt", "\"tænkt\""),
        ("a\"b", "\"a\" \"b\""),
    ])
    func plainWordsBecomeQuotedTerms(input: String, expected: String) throws {
        let pattern = try #require(SearchPattern(plain: input))
        #expect(pattern.expression == expected)
        #expect(!pattern.isRaw)
    }

    @Test func punctuationOnlyHasNothingToSearch() {
        #expect(SearchPattern(plain: "!!! ***") == nil)
        #expect(SearchPattern(plain: "") == nil)
    }
}

@Suite struct CaseStoreTests {
    /// A case with two events written through the bulk writer.
    func makeStore(_ folder: TemporaryFolder) throws -> CaseStore {
        let store = try CaseStore(path: folder.path + "/case.db", create: true)
        let description = EvidenceDescription(
            sha256: String(repeating: "a", count: 64), sha1: String(repeating: "b", count: 40), md5: String(repeating: "c", count: 32),
            size: 10, displayName: "x.zip", sourcePath: "/x.zip", kind: "archive")
        try store.ingest(description, runId: nil, examiner: "J. Doe", startedAt: 0) { writer in
            let member = try writer.beginMember(
                storedPath: "data/tweets.js", name: "data/tweets.js", parentMemberId: nil, type: "file", declaredSize: 10,
                modifiedAt: nil, pathFindings: [])
            let provenance = Provenance(
                evidenceSHA256: description.sha256, memberPath: ["data/tweets.js"], locator: "/0/tweet", parser: "twitter.tweets", parserVersion: 1)
            let actor = AccountKey.userId(.twitter, "1")
            try writer.account(Account(key: actor, platformUserId: "1", handle: "ada", isExportOwner: true, provenance: provenance), memberId: member)
            for (index, text) in ["Vi har tænkt på det – meet at the station", "Ticket bought 🚆 for Friday"].enumerated() {
                var event = Event(
                    platform: .twitter, kind: .post,
                    occurredAt: Timestamp(microseconds: Int64(index + 1) * 86_400_000_000, raw: "x", precision: .second, zoneSource: .explicit),
                    actor: actor, text: text, provenance: provenance)
                event.provenance.locator = "/\(index)/tweet"
                let ip = IdentifierObservation(kind: .ip, raw: "203.0.113.7", field: "test", accountKey: actor)
                try writer.event(
                    event, memberId: member,
                    identifiers: [ResolvedIdentifier(observation: ip, normalized: NormalizedIdentifier(kind: .ip, value: "203.0.113.7"), locator: event.provenance.locator)])
            }
            try writer.finishMember(member, size: 10, sha256: "d", status: "parsed", parser: "twitter.tweets", parserVersion: 1, recordCount: 3, warningCount: 0, error: nil)
            try writer.finish(status: .complete, platforms: [.twitter], endedAt: 1)
        }
        return store
    }

    @Test func searchFindsDiacriticsAndReturnsProvenance() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(folder)
        let rows = try store.search(try #require(SearchPattern(plain: "taenkt station")), filter: EventFilter())
        #expect(rows.count == 0)  // æ is a letter, not a diacritic: "taenkt" must not match
        let hits = try store.search(try #require(SearchPattern(plain: "tænkt station")), filter: EventFilter())
        #expect(hits.count == 1)
        let hit = try #require(hits.first)
        #expect(hit.locator == "/0/tweet")
        #expect(hit.memberPath == "data/tweets.js")
        #expect(hit.account == "@ada")
        #expect(hit.snippet?.contains("«station»") == true)
    }

    @Test func hostileSearchTextNeverReachesFTSAsSyntax() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(folder)
        for text in ["\"", "*", "NEAR(", "AND OR NOT", "' OR 1=1 --", "💥", "‮RTL", "station*", "^", "col:station"] {
            if let pattern = SearchPattern(plain: text) {
                _ = try store.search(pattern, filter: EventFilter())
            }
        }
        #expect(try store.search(try #require(SearchPattern(plain: "🚆 friday")), filter: EventFilter()).count == 1)
    }

    @Test func rawSyntaxErrorIsQuerySyntax() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(folder)
        #expect(try store.search(SearchPattern(raw: "station OR ticket"), filter: EventFilter()).count == 2)
        #expect(try store.search(SearchPattern(raw: "tick*"), filter: EventFilter()).count == 1)
        do {
            _ = try store.search(SearchPattern(raw: "\"unclosed AND"), filter: EventFilter())
            Issue.record("expected a syntax error")
        } catch let error as StoreError {
            #expect(error.code == .querySyntax)
            #expect(!error.message.contains("fts5"))
        }
    }

    @Test func timelineFiltersAndIdentifierPivot() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(folder)
        var filter = EventFilter()
        #expect(try store.timeline(filter).map(\.locator) == ["/0/tweet", "/1/tweet"])
        filter.since = 2 * 86_400_000_000
        #expect(try store.timeline(filter).map(\.locator) == ["/1/tweet"])
        filter = EventFilter()
        filter.account = "@ADA"
        #expect(try store.timeline(filter).count == 2)
        filter = EventFilter()
        filter.identifiers = [NormalizedIdentifier(kind: .ip, value: "203.0.113.7")]
        #expect(try store.timeline(filter).count == 2)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func interruptedEvidenceIsPurgedOnRetry() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(folder)
        let description = EvidenceDescription(
            sha256: String(repeating: "e", count: 64), sha1: "", md5: "", size: 1, displayName: "y.zip", sourcePath: "/y.zip", kind: "archive")
        struct Crash: Error {}
        #expect(throws: Crash.self) {
            try store.ingest(description, runId: nil, examiner: nil, startedAt: 0) { writer in
                writer.batchSize = 1
                let member = try writer.beginMember(storedPath: "m", name: "m", parentMemberId: nil, type: "file", declaredSize: nil, modifiedAt: nil, pathFindings: [])
                let provenance = Provenance(evidenceSHA256: description.sha256, memberPath: ["m"], locator: "/0", parser: "p", parserVersion: 1)
                try writer.event(Event(platform: .twitter, kind: .post, occurredAt: nil, text: "station half written", provenance: provenance), memberId: member, identifiers: [])
                throw Crash()
            }
        }
        // A failure inside the ingest (unlike a killed process, R-34) removes the committed batch too.
        #expect(try store.evidence(sha256: description.sha256) == nil)
        #expect(try store.search(try #require(SearchPattern(plain: "half")), filter: EventFilter()).count == 0)
        try store.ingest(description, runId: nil, examiner: nil, startedAt: 0) { writer in
            try writer.finish(status: .complete, platforms: [], endedAt: 1)
        }
        #expect(try store.evidence(sha256: description.sha256)?.status == .complete)
        #expect(try store.search(try #require(SearchPattern(plain: "half")), filter: EventFilter()).count == 0)
        #expect(try store.integrityCheck() == "ok")
    }
}
