import CaseStore
import EvidenceArchive
import EvidenceModel
import Foundation

/// A small case written straight through the store, for report, verify and export tests that need
/// posts, messages and conversations before the parsers that emit them exist.
///
/// The evidence is a real folder (`<folder>/twitter-ada/…`), so `verify` can re-hash it. Records:
/// two accounts (the owner `@ada_l` 1001 and `@bob_k` 2002) sharing the IP 203.0.113.7; two posts,
/// two direct messages in one conversation (one with script-like text), a login and an undated
/// post; one warning; one unparsed member.
public enum SyntheticCase {
    public static let evidenceName = "twitter-ada"
    public static let hostileText = "<script>alert(1)</script><img src=x onerror=alert(2)> =HYPERLINK(\"x\")"

    /// Writes the evidence folder under `folder` and the case at `casePath`; returns the store.
    @discardableResult
    public static func make(in folder: TemporaryFolder, casePath: String) throws -> CaseStore {
        let files = [
            "data/tweets.js": "window.YTD.tweets.part0 = []\n",
            "data/direct-messages.js": "window.YTD.direct_messages.part0 = []\n",
            "data/manifest.js": "window.__THAR_CONFIG = {}\n",
        ]
        for (path, text) in files { try folder.write(evidenceName + "/" + path, text) }
        let evidencePath = folder.path + "/" + evidenceName
        let hashes = try EvidenceReader(path: evidencePath).hashEvidence()
        let store = try CaseStore(path: casePath, create: true)
        try store.setCaseInfo(["caseName": "Op Synthetic", "examiner": "J. Doe"])
        let description = EvidenceDescription(
            sha256: hashes.sha256, sha1: hashes.sha1, md5: hashes.md5, size: hashes.size, displayName: evidenceName,
            sourcePath: evidencePath, kind: "folder")
        let runId = try store.beginRun(
            toolVersion: "0.1.0", command: "ingest", arguments: ["ingest", evidenceName], examiner: "J. Doe",
            startedAt: 1_700_000_000_000_000)
        try store.ingest(description, runId: runId, examiner: "J. Doe", startedAt: 1_700_000_000_000_000) { writer in
            func member(_ path: String) throws -> Int64 {
                try writer.beginMember(
                    storedPath: path, name: path, parentMemberId: nil, type: "file", declaredSize: nil, modifiedAt: nil,
                    pathFindings: [])
            }
            let tweets = try member("data/tweets.js")
            let messages = try member("data/direct-messages.js")
            let manifest = try member("data/manifest.js")
            func provenance(_ path: String, _ locator: String, _ parser: String) -> Provenance {
                Provenance(
                    evidenceSHA256: hashes.sha256, memberPath: [path], locator: locator, parser: parser,
                    parserVersion: 1)
            }
            let ada = AccountKey.userId(.twitter, "1001")
            let bob = AccountKey.userId(.twitter, "2002")
            try writer.account(
                Account(
                    key: ada, platformUserId: "1001", handle: "ada_l", displayName: "Ada L", isExportOwner: true,
                    provenance: provenance("data/tweets.js", "/0/tweet", "twitter.tweets")),
                memberId: tweets)
            try writer.conversation(
                Conversation(
                    platform: .twitter, key: "1001-2002", participants: [ada, bob],
                    provenance: provenance("data/direct-messages.js", "/0/dmConversation", "twitter.directMessages")),
                memberId: messages)
            func time(_ text: String) -> Timestamp {
                let civil = CivilTime(
                    year: Int(text.prefix(4))!, month: Int(text.dropFirst(5).prefix(2))!,
                    day: Int(text.dropFirst(8).prefix(2))!,
                    hour: Int(text.dropFirst(11).prefix(2))!, minute: Int(text.dropFirst(14).prefix(2))!)
                return Timestamp(
                    microseconds: civil.microseconds()!, raw: text, precision: .second, zoneSource: .explicit)
            }
            let ip = { (account: AccountKey, locator: String) in
                ResolvedIdentifier(
                    observation: IdentifierObservation(kind: .ip, raw: "203.0.113.7", field: "ip", accountKey: account),
                    normalized: NormalizedIdentifier(kind: .ip, value: "203.0.113.7"), locator: locator)
            }
            let events: [(Event, Int64, [ResolvedIdentifier])] = [
                (
                    Event(
                        platform: .twitter, kind: .post, occurredAt: time("2021-03-20T08:15"), actor: ada,
                        text: "Ticket bought 🚆 for Friday",
                        provenance: provenance("data/tweets.js", "/0/tweet", "twitter.tweets")), tweets, []
                ),
                (
                    Event(
                        platform: .twitter, kind: .post, occurredAt: time("2021-03-22T13:22"), actor: ada,
                        text: "meet at the station",
                        provenance: provenance("data/tweets.js", "/1/tweet", "twitter.tweets")), tweets, []
                ),
                (
                    Event(
                        platform: .twitter, kind: .message, occurredAt: time("2021-03-23T09:00"), actor: bob,
                        conversationKey: "1001-2002",
                        text: hostileText,
                        provenance: provenance(
                            "data/direct-messages.js", "/0/dmConversation/messages/0", "twitter.directMessages")),
                    messages, [ip(bob, "/0/dmConversation/messages/0")]
                ),
                (
                    Event(
                        platform: .twitter, kind: .message, occurredAt: time("2021-03-23T09:05"), actor: ada,
                        conversationKey: "1001-2002",
                        text: "see you at the station",
                        provenance: provenance(
                            "data/direct-messages.js", "/0/dmConversation/messages/1", "twitter.directMessages")),
                    messages, []
                ),
                (
                    Event(
                        platform: .twitter, kind: .login, occurredAt: time("2021-04-02T22:40"), actor: ada,
                        provenance: provenance("data/tweets.js", "/2/login", "twitter.tweets")), tweets,
                    [ip(ada, "/2/login")]
                ),
                (
                    Event(
                        platform: .twitter, kind: .post, occurredAt: nil, actor: ada, text: "undated draft",
                        provenance: provenance("data/tweets.js", "/3/tweet", "twitter.tweets")), tweets, []
                ),
            ]
            for (event, memberId, identifiers) in events {
                try writer.event(event, memberId: memberId, identifiers: identifiers)
            }
            try writer.warning(
                source: "twitter.tweets", code: "bad-timestamp", message: "created_at could not be read",
                locator: "/3/tweet", memberId: tweets)
            try writer.finishMember(
                tweets, size: 30, sha256: String(repeating: "1", count: 64), status: "parsed", parser: "twitter.tweets",
                parserVersion: 1, recordCount: 5, warningCount: 1, error: nil)
            try writer.finishMember(
                messages, size: 40, sha256: String(repeating: "2", count: 64), status: "parsed",
                parser: "twitter.directMessages", parserVersion: 1, recordCount: 3, warningCount: 0, error: nil)
            try writer.finishMember(
                manifest, size: 26, sha256: String(repeating: "3", count: 64), status: "unparsed", parser: nil,
                parserVersion: nil, recordCount: 0, warningCount: 0, error: nil)
            try writer.finish(status: .complete, platforms: [.twitter], endedAt: 1_700_000_001_000_000)
        }
        try store.endRun(runId, exitStatus: 10, endedAt: 1_700_000_002_000_000, summary: "{\"evidence\":1}")
        return store
    }
}

extension SyntheticCase {
    /// A word that occurs in exactly one event of `makeLarge` (event number `index`).
    public static func uniqueWord(_ index: Int) -> String { "zq\(String(index, radix: 26))unique" }

    /// A case of `events` posts written straight through the store, for search-budget tests: every
    /// text holds words that begin with "a" (`alpha17`, `amber3`, ...), common words, and one word
    /// found nowhere else (`uniqueWord(index)`). The evidence is a small real folder, as in `make`.
    @discardableResult
    public static func makeLarge(in folder: TemporaryFolder, casePath: String, events: Int) throws -> CaseStore {
        try folder.write("large/data/tweets.js", "window.YTD.tweets.part0 = []\n")
        let evidencePath = folder.path + "/large"
        let hashes = try EvidenceReader(path: evidencePath).hashEvidence()
        let store = try CaseStore(path: casePath, create: true)
        let description = EvidenceDescription(
            sha256: hashes.sha256, sha1: hashes.sha1, md5: hashes.md5, size: hashes.size, displayName: "large",
            sourcePath: evidencePath, kind: "folder")
        let runId = try store.beginRun(
            toolVersion: "0.1.0", command: "ingest", arguments: ["ingest", "large"], examiner: nil,
            startedAt: 1_700_000_000_000_000)
        let starts = ["alpha", "amber", "anchor", "arrow", "atlas", "autumn", "azure", "apple"]
        try store.ingest(description, runId: runId, examiner: nil, startedAt: 1_700_000_000_000_000) { writer in
            let member = try writer.beginMember(
                storedPath: "data/tweets.js", name: "data/tweets.js", parentMemberId: nil, type: "file",
                declaredSize: nil, modifiedAt: nil, pathFindings: [])
            for index in 0..<events {
                let words = (0..<6).map { starts[($0 * 7 + index) % starts.count] + String(index % 97) }
                let text = words.joined(separator: " ") + " station ticket " + uniqueWord(index)
                let event = Event(
                    platform: .twitter, kind: .post,
                    occurredAt: Timestamp(
                        microseconds: 1_600_000_000_000_000 + Int64(index) * 60_000_000, raw: "\(1_600_000_000 + index * 60)",
                        precision: .second,
                        zoneSource: .explicit),
                    text: text,
                    provenance: Provenance(
                        evidenceSHA256: hashes.sha256, memberPath: ["data/tweets.js"], locator: "/\(index)/tweet",
                        parser: "twitter.tweets", parserVersion: 1))
                try writer.event(event, memberId: member, identifiers: [])
            }
            try writer.finishMember(
                member, size: 30, sha256: String(repeating: "4", count: 64), status: "parsed", parser: "twitter.tweets",
                parserVersion: 1, recordCount: events, warningCount: 0, error: nil)
            try writer.finish(status: .complete, platforms: [.twitter], endedAt: 1_700_000_001_000_000)
        }
        try store.endRun(runId, exitStatus: 0, endedAt: 1_700_000_002_000_000)
        return store
    }
}
