import CaseStore
import CasebookTestSupport
import EvidenceArchive
import EvidenceModel
import Foundation
import GRDB
import Testing

/// The writer leaves out an occurrence's raw value and locator only when they are, byte for byte,
/// what a reader would put back (migration v5): a raw value canonically equivalent to the implied
/// one but spelled differently (NFD against NFC), or a locator that differs from the event's, is kept.
@Suite struct LeanOccurrenceWriterTests {
    /// A new case holding one evidence folder whose records are written by hand: the events
    /// `records` gives (from the evidence's SHA-256), all in one member. Returns the case path.
    static func writeCase(
        _ folder: TemporaryFolder, configure: (EvidenceWriter) -> Void = { _ in },
        _ records: (_ sha256: String) -> [(event: Event, identifiers: [ResolvedIdentifier])]
    ) throws -> String {
        try folder.write("lean/data/tweets.js", "window.YTD.tweets.part0 = []\n")
        let evidencePath = folder.path + "/lean"
        let hashes = try EvidenceReader(path: evidencePath).hashEvidence()
        let casePath = folder.path + "/case.db"
        let description = EvidenceDescription(
            sha256: hashes.sha256, sha1: hashes.sha1, md5: hashes.md5, size: hashes.size, displayName: "lean",
            sourcePath: evidencePath, kind: "folder")
        let written = records(hashes.sha256)
        try CaseStore(path: casePath, create: true).ingest(description, runId: nil, examiner: nil, startedAt: 0) { writer in
            configure(writer)
            let member = try writer.beginMember(
                storedPath: "data/tweets.js", name: "data/tweets.js", parentMemberId: nil, type: "file", declaredSize: nil,
                modifiedAt: nil, pathFindings: [])
            for record in written {
                _ = try writer.event(record.event, memberId: member, identifiers: record.identifiers)
            }
            try writer.finishMember(
                member, size: 1, sha256: nil, status: "parsed", parser: "t", parserVersion: 1, recordCount: written.count,
                warningCount: 0, error: nil)
            try writer.finish(status: .complete, platforms: [.twitter], endedAt: 0)
        }
        return casePath
    }

    @Test func onlyByteIdenticalValuesAreLeftOut() throws {
        let folder = try TemporaryFolder()
        let composed = "jos\u{E9}"  // é as one scalar
        let decomposed = "jose\u{301}"  // e + combining acute: equal to `composed` for Swift's ==
        #expect(composed == decomposed)
        // (raw, normalized kind and value, occurrence locator) → the raw value and locator read back.
        let cases: [(raw: String, kind: IdentifierKind, value: String, locator: String)] = [
            ("jdoe", .handle, "twitter:jdoe", "/0/tweet"),  // implied raw, the event's locator: both left out
            ("JDoe", .handle, "twitter:jdoe", "/0/tweet"),  // raw differs in case: kept
            (decomposed, .handle, "twitter:" + composed, "/0/tweet"),  // canonically equal, other bytes: kept
            (composed, .handle, "twitter:" + composed, "/0/tweet[3:9]"),  // own locator: kept
            ("https://a.example/x", .url, "https://a.example/x", "/0/tweet"),  // not platform-scoped: the value itself
            ("a:b", .email, "twitter:a:b", "/0/tweet"),  // not platform-scoped: the colon rule does not apply
        ]
        // Field names that Swift's == equates but whose bytes differ: each keeps its own spelling.
        let fields = ["tweet.field", "tweet.K", "tweet.\u{212A}", "tweet.field", "tweet.K", "tweet.\u{212A}"]
        #expect(fields[1] == fields[2])
        let casePath = try Self.writeCase(folder) { sha256 in
            let event = Event(
                platform: .twitter, kind: .post, occurredAt: nil, text: "text",
                provenance: Provenance(
                    evidenceSHA256: sha256, memberPath: ["data/tweets.js"], locator: "/0/tweet", parser: "t", parserVersion: 1))
            let identifiers = zip(cases, fields).map { item, field in
                ResolvedIdentifier(
                    observation: IdentifierObservation(kind: item.kind, raw: item.raw, field: field, platform: .twitter),
                    normalized: NormalizedIdentifier(kind: item.kind, value: item.value), locator: item.locator)
            }
            return [(event, identifiers)]
        }
        let queue = try DatabaseQueue(path: casePath)
        defer { try? queue.close() }
        let (stored, read) = try queue.read { db in
            (
                try Row.fetchAll(db, sql: "SELECT rawValue, locator FROM identifierOccurrence ORDER BY id").map {
                    [$0[0] as String?, $0[1] as String?]
                },
                try Row.fetchAll(db, sql: "SELECT rawValue, locator, field FROM occurrenceDetail ORDER BY id").map {
                    [$0[0] as String, $0[1] as String, $0[2] as String]
                }
            )
        }
        #expect(stored == [[nil, nil], ["JDoe", nil], [decomposed, nil], [nil, "/0/tweet[3:9]"], [nil, nil], ["a:b", nil]])
        #expect(Array(stored[2][0]!.utf8) == Array(decomposed.utf8), "the raw bytes, not an equivalent spelling")
        #expect(read.map { Array($0[0].utf8) } == cases.map { Array($0.raw.utf8) })
        #expect(read.map { $0[1] } == cases.map(\.locator))
        #expect(read.map { Array($0[2].utf8) } == fields.map { Array($0.utf8) })
        let names = try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM fieldName ORDER BY id") }
        #expect(names.map { Array($0.utf8) } == fields.prefix(3).map { Array($0.utf8) })
    }

    /// Identifier values and account keys that Swift's `==` equates but whose bytes differ are two
    /// identifiers and two accounts, as the tables' unique indexes have them, however the writer's
    /// caches met them.
    @Test func canonicallyEquivalentValuesStayTwoIdentifiers() throws {
        let folder = try TemporaryFolder()
        let composed = "https://a.example/caf\u{E9}", decomposed = "https://a.example/cafe\u{301}"
        #expect(composed == decomposed)
        let values = [composed, decomposed, composed, decomposed]
        let casePath = try Self.writeCase(folder) { sha256 in
            values.enumerated().map { index, value in
                let event = Event(
                    platform: .twitter, kind: .post, occurredAt: nil,
                    actor: AccountKey(platform: .twitter, key: "handle:" + value.dropFirst("https://a.example/".count)), text: "text \(index)",
                    provenance: Provenance(
                        evidenceSHA256: sha256, memberPath: ["data/tweets.js"], locator: "/\(index)", parser: "t",
                        parserVersion: 1))
                let identifier = ResolvedIdentifier(
                    observation: IdentifierObservation(kind: .url, raw: value, field: "text", platform: .twitter),
                    normalized: NormalizedIdentifier(kind: .url, value: value), locator: "/\(index)")
                return (event, [identifier])
            }
        }
        let queue = try DatabaseQueue(path: casePath)
        defer { try? queue.close() }
        let (identifiers, linked, accounts, actors) = try queue.read { db in
            (
                try String.fetchAll(db, sql: "SELECT value FROM identifier ORDER BY id"),
                try String.fetchAll(db, sql: "SELECT i.value FROM identifierOccurrence o JOIN identifier i ON i.id = o.identifierId ORDER BY o.id"),
                try String.fetchAll(db, sql: "SELECT accountKey FROM account ORDER BY id"),
                try String.fetchAll(db, sql: "SELECT a.accountKey FROM eventRow e JOIN account a ON a.id = e.actorAccountId ORDER BY e.id")
            )
        }
        let keys = values.map { "handle:" + $0.dropFirst("https://a.example/".count) }
        #expect(accounts.map { Array($0.utf8) } == keys.prefix(2).map { Array($0.utf8) })
        #expect(actors.map { Array($0.utf8) } == keys.map { Array($0.utf8) }, "each event names the account of its own bytes")
        #expect(identifiers.map { Array($0.utf8) } == [Array(composed.utf8), Array(decomposed.utf8)])
        #expect(linked.map { Array($0.utf8) } == values.map { Array($0.utf8) }, "each occurrence names the identifier of its own bytes")
    }

    /// The writer's account cache is bounded (an Instagram list can name 800,000 accounts): an account
    /// it no longer holds is found again, never written twice.
    @Test func accountsBeyondTheCacheAreFoundNotDuplicated() throws {
        let folder = try TemporaryFolder()
        let actors = ["a", "b", "c", "a", "b", "d", "a"]
        let casePath = try Self.writeCase(folder, configure: { $0.maxCachedAccounts = 2 }) { sha256 in
            actors.enumerated().map { index, handle in
                let event = Event(
                    platform: .twitter, kind: .post, occurredAt: nil, actor: .handle(.twitter, handle), text: "post \(index)",
                    provenance: Provenance(
                        evidenceSHA256: sha256, memberPath: ["data/tweets.js"], locator: "/\(index)", parser: "t",
                        parserVersion: 1))
                return (event, [])
            }
        }
        let rows = try DatabaseQueue(path: casePath).read { db in
            try Row.fetchAll(
                db, sql: "SELECT e.text, a.accountKey FROM event e JOIN account a ON a.id = e.actorAccountId ORDER BY e.id")
        }
        #expect(rows.map { $0[1] as String } == actors.map { "handle:" + $0 })
        let accounts = try DatabaseQueue(path: casePath).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM account") }
        #expect(accounts == 4)
    }
}
