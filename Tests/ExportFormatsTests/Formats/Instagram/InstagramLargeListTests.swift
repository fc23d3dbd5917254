import CasebookTestSupport
import EvidenceModel
@testable import ExportFormats
import Foundation
import Testing

/// A Meta list too large to hold (an Instagram account with hundreds of thousands of followers) is read
/// item by item as it arrives; what it gives must be what reading it whole gives.
@Suite struct InstagramLargeListTests {
    static let path = "connections/followers_and_following/followers_1.json"

    /// `count` follower entries as Instagram writes them, as a bare array or under `key`.
    static func followers(_ count: Int, key: String? = nil, broken: Int? = nil) -> String {
        let entries = (0..<count).map { index in
            index == broken
                ? #"{ "title": "", "string_list_data": [ { "value": tru } ] }"#
                : #"""
                {
                  "title": "",
                  "media_list_data": [],
                  "string_list_data": [ { "href": "https://www.instagram.com/user.\#(index)", "value": "user.\#(index)", "timestamp": \#(1_700_000_000 + index) } ]
                }
                """#
        }
        let list = "[\n" + entries.joined(separator: ",\n") + "\n]"
        return key.map { "{\n  \"\($0)\": " + list + "\n}\n" } ?? list + "\n"
    }

    static func read(_ text: String, threshold: Int) throws -> ParserHarness.Result {
        let folder = try TemporaryFolder()
        try folder.write(path, text)
        try folder.write(
            "personal_information/personal_information/personal_information.json",
            #"{"profile_user": [{"string_map_data": {"Username": {"value": "frida.dahl"}}}]}"#)
        return try ParserHarness.run(instance: InstagramConnectionsParser(streamingThreshold: threshold), path: folder.path)
    }

    /// `text` read streamed and whole (`MetaTest.readBothWays`).
    static func readBothWays(_ text: String, count: Int) throws -> ParserHarness.Result {
        try MetaTest.readBothWays(count: count) { try read(text, threshold: $0) }
    }

    @Test func streamedBareListGivesWhatTheWholeReadGives() throws {
        let streamed = try Self.readBothWays(Self.followers(3_000), count: 3_000)
        let last = try #require(streamed.events.last)
        #expect(last.provenance.locator == "/2999")
        #expect(last.text == "user.2999")
        #expect(last.identifiers.first?.field == "followers.value")
        #expect(last.provenance.memberPath == [Self.path])
    }

    /// The older shape, `{"relationships_followers": [...]}`: the same records, with the key in the locator.
    @Test func streamedListUnderAKeyGivesWhatTheWholeReadGives() throws {
        let streamed = try Self.readBothWays(Self.followers(3_000, key: "relationships_followers"), count: 3_000)
        #expect(streamed.events.last?.provenance.locator == "/relationships_followers/2999")
        #expect(streamed.events.last?.identifiers.first?.field == "relationships_followers.value")
    }

    /// A bad item costs that item only; read whole, the member is not JSON and gives nothing.
    @Test func badItemInAStreamedListLosesOnlyThatItem() throws {
        let text = Self.followers(3_000, broken: 1_234)
        let streamed = try Self.read(text, threshold: 4_096)
        #expect(streamed.events.filter { $0.kind == .follower }.count == 2_999)
        #expect(streamed.warnings.map(\.code) == ["invalid-json"])
        #expect(streamed.warnings.first?.provenance.locator == "/1234")
        let kept = try #require(streamed.events.first { $0.kind == .unparsedText })
        #expect(kept.text?.contains(#""value": tru"#) == true)
        #expect(throws: (any Error).self) { try Self.read(text, threshold: .max) }
    }

    /// A member cut short keeps the items before the cut and the cut item as raw text.
    @Test func listCutShortKeepsWhatCameBefore() throws {
        let full = Self.followers(3_000)
        let cutAt = try #require(full.range(of: "user.2500\"")).lowerBound
        let streamed = try Self.read(String(full[..<cutAt]), threshold: 4_096)
        #expect(streamed.events.filter { $0.kind == .follower }.count == 2_500)
        #expect(streamed.warnings.map(\.code) == ["truncated", "invalid-json"])
        #expect(streamed.warnings.last?.provenance.locator == "/2500")
    }

    /// Only a root array, or a list that is the object's first member, is streamed.
    @Test func onlyARootListOrTheFirstMembersListIsStreamed() {
        func list(_ text: String) -> String? { MetaJSON.streamableList(Array(text.utf8))?.key }
        #expect(list(" \n[ {") == "")
        #expect(list("\u{FEFF}[") == "")
        #expect(list(#"{ "relationships_followers" : [ {"#) == "relationships_followers")
        #expect(list(#"{"searches": ["#) == "searches")
        #expect(list(#"{"name": "x", "list": ["#) == nil)
        #expect(list(#"{"a\u0062": ["#) == "ab")
        #expect(list("[\0{\0") == nil, "UTF-16 is read whole")
        #expect(list(#"{"list": {"#) == nil)
        #expect(MetaJSON.streamableList(Array(#"{"a[b" : [ 1"#.utf8))?.start == 9, "the list's bracket, not the key's")
    }

    /// A list followed by other members: they are not read, and a warning says so (read whole, the list
    /// the parser's keys name might have been another).
    @Test func membersAfterAStreamedListAreWarned() throws {
        var text = Self.followers(300, key: "relationships_followers")
        text = String(text.dropLast(2)) + #", "more": [ 1 ] }"#
        let streamed = try Self.read(text, threshold: 1_024)
        #expect(streamed.records.count == 300)
        #expect(streamed.warnings.map(\.code) == ["unexpected-shape"])
    }
}
