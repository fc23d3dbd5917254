import CasebookTestSupport
import EvidenceModel
@testable import ExportFormats
import Foundation
import Testing

/// A public figure's Facebook followers file lists every follower in one member; over 16 MiB it is read item
/// by item as it arrives, and what that gives must be what reading it whole gives.
@Suite struct FacebookLargeListTests {
    static let path = "connections/followers/people_who_follow_you.json"

    /// `count` followers as Facebook writes them (2022+), under `followers_v3`, then `after` (more members).
    static func followers(_ count: Int, broken: Int? = nil, after: String = "") -> String {
        let entries = (0..<count).map { index in
            index == broken
                ? #"{ "name": "Person \#(index)", "timestamp": 17x }"#
                : #"{ "name": "Person \#(index)", "timestamp": \#(1_700_000_000 + index) }"#
        }
        return "{\n  \"followers_v3\": [\n" + entries.joined(separator: ",\n") + "\n  ]\(after)\n}\n"
    }

    static func read(_ text: String, threshold: Int) throws -> ParserHarness.Result {
        let folder = try TemporaryFolder()
        try folder.write(path, text)
        try folder.write(
            "profile_information/profile_information.json",
            #"{"profile_v2": {"name": {"full_name": "Mette Lund"}}}"#)
        return try ParserHarness.run(instance: FacebookFriendsParser(streamingThreshold: threshold), path: folder.path)
    }

    @Test func streamedFollowersGiveWhatTheWholeReadGives() throws {
        let text = Self.followers(3_000)
        let streamed = try MetaTest.readBothWays(count: 3_000) { try Self.read(text, threshold: $0) }
        let last = try #require(streamed.events.last)
        #expect(last.kind == .follower)
        #expect(last.text == "Person 2999")
        #expect(last.actor == .handle(.facebook, "Mette Lund"))
        #expect(last.provenance.locator == "/followers_v3/2999")
        #expect(last.provenance.memberPath == [Self.path])
    }

    /// A bad item costs that item only when streamed; read whole, the member is not JSON and gives nothing.
    @Test func badItemInAStreamedFileLosesOnlyThatItem() throws {
        let text = Self.followers(3_000, broken: 1_234)
        let streamed = try Self.read(text, threshold: 4_096)
        #expect(streamed.events.filter { $0.kind == .follower }.count == 2_999)
        #expect(streamed.warnings.map(\.code) == ["invalid-json"])
        #expect(streamed.warnings.first?.provenance.locator == "/followers_v3/1234")
        #expect(throws: (any Error).self) { try Self.read(text, threshold: .max) }
    }

    /// Read whole, every list of the file is read; streamed, only the first, and the rest is warned.
    @Test func secondListIsReadWholeAndWarnedWhenStreamed() throws {
        let text = Self.followers(3_000, after: #",  "following_v3": [ { "name": "Somebody", "timestamp": 1700000000 } ]"#)
        let whole = try Self.read(text, threshold: .max)
        #expect(whole.events.map(\.kind).filter { $0 == .following }.count == 1)
        #expect(whole.events.count == 3_001)
        let streamed = try Self.read(text, threshold: 4_096)
        #expect(streamed.events.count == 3_000)
        #expect(streamed.warnings.map(\.code) == ["unexpected-shape"])
    }

    /// A root array is not a Facebook friends file, streamed or not.
    @Test func rootArrayFailsBothWays() throws {
        let text = "[" + (0..<3_000).map { #"{ "name": "P\#($0)", "timestamp": 1 }"# }.joined(separator: ",") + "]"
        for threshold in [4_096, Int.max] {
            #expect(throws: (any Error).self) { try Self.read(text, threshold: threshold) }
        }
    }
}
