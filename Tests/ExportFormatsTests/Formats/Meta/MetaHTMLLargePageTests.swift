import CLibXML2
import CasebookTestSupport
import EvidenceArchive
import EvidenceModel
@testable import ExportFormats
import Foundation
import Testing

/// A Meta HTML list page too large to hold as a tree (an Instagram account with hundreds of thousands of
/// followers) is read in two passes that free the tree as they go; what it gives must be what reading it
/// whole gives, locators included.
@Suite struct MetaHTMLLargePageTests {
    static let path = "connections/followers_and_following/followers_1.html"

    /// What a parser reads of a block.
    struct Seen: Equatable, CustomStringConvertible {
        var locator: String
        var heading: String?
        var headingLocator: String
        var date: String?
        var body: [String?]
        var description: String { "\(locator) \(heading ?? "-") \(date ?? "-")" }
    }

    /// The blocks of `bytes`, whole when `streamed` is false, else in two passes in chunks of `chunk`
    /// bytes; with the most elements any of a block's ancestors held when the block was handed over.
    static func blocks(_ bytes: [UInt8], streamed: Bool, chunk: Int = 256 << 10) throws -> (
        seen: [Seen], widest: Int, mismatched: Bool
    ) {
        let page = try MetaHTMLPage(bytes, name: "page.html", streamingThreshold: streamed ? 0 : .max, chunkSize: chunk)
        var seen: [Seen] = []
        var widest = 0
        let count = try page.forEachBlock { block in
            seen.append(
                Seen(
                    locator: MetaHTML.nodePath(block.node), heading: MetaHTML.textContent(block.heading),
                    headingLocator: MetaHTML.nodePath(block.heading), date: block.dateText,
                    body: block.body.map { MetaHTML.lines($0) }))
            var ancestor = block.node.pointee.parent
            while let current = ancestor, current.pointee.type == XML_ELEMENT_NODE {
                widest = max(widest, MetaHTML.elementChildren(current).count)
                ancestor = current.pointee.parent
            }
        }
        #expect(count == seen.count)
        return (seen, widest, page.mismatched)
    }

    /// An Instagram 2024 followers page of `count` entries, as `SampleExports/instagram/html-2024` has it.
    static func followersPage(_ count: Int, extra: String = "") -> String {
        let entries = (0..<count).map { index in
            #"<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder"><div class="_a6-p"><div><div><a target="_blank" href="https://www.instagram.com/user.\#(index)">user.\#(index)</a></div><div>Jan 10, 2024 9:12 am</div></div></div></div>"#
        }
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8" /><title>Followers</title></head>
            <body class="_a6-f _a706 _a7o5"><div class="clearfix _ikh"><div class="_4bl9"><div class="_li"><div class="_a705">
            <div class="_3-8y _3-95 _a70e"><div class="_3b0d">Followers</div></div>
            <div class="_a706" role="main">
            \(entries.joined(separator: "\n"))
            </div>
            </div>\(extra)</div></div></div></body></html>

            """
    }

    @Test func everySampleAndFixturePageGivesTheSameBlocksInTwoPasses() throws {
        var blocks = 0
        for (page, bytes) in try MetaHTMLNodePathTests.readablePages() {
            let whole = try Self.blocks(bytes, streamed: false)
            for chunk in [97, 4_096, 256 << 10] {
                let streamed = try Self.blocks(bytes, streamed: true, chunk: chunk)
                #expect(streamed.seen == whole.seen, "\(page), chunks of \(chunk) bytes")
                #expect(!streamed.mismatched, "\(page)")
            }
            blocks += whole.seen.count
        }
        #expect(blocks > 30)
    }

    /// 3,000 followers under one parent: the same blocks and locators both ways, while the parent never
    /// holds more than a chunk's worth of entries when read in two passes.
    @Test func largeListIsFreedAsItIsRead() throws {
        let bytes = Array(Self.followersPage(3_000).utf8)
        let whole = try Self.blocks(bytes, streamed: false)
        let streamed = try Self.blocks(bytes, streamed: true, chunk: 16_384)
        #expect(whole.seen.count == 3_000)
        #expect(streamed.seen == whole.seen)
        #expect(!streamed.mismatched)
        #expect(whole.widest == 3_000)
        #expect(streamed.widest < 200, "the parent held \(streamed.widest) entries at once")
        let last = try #require(streamed.seen.last)
        #expect(last.locator == "/html/body/div/div/div/div/div[2]/div[3000]/div/div")
        #expect(last.heading == "user.2999")
        #expect(last.headingLocator == "/html/body/div/div/div/div/div[2]/div[3000]/div/div/div[1]")
    }

    /// A lone element keeps its bare name (`div`, not `div[1]`) although its uniqueness is known only
    /// when its parent closes; here the element around the entries gains a same-named sibling after all of
    /// them, and is `div[1]`.
    @Test func siblingNumbersKnownOnlyAtTheEndAreRight() throws {
        let alone = try Self.blocks(Array(Self.followersPage(2_000).utf8), streamed: true, chunk: 4_096)
        #expect(alone.seen.last?.locator == "/html/body/div/div/div/div/div[2]/div[2000]/div/div")
        let bytes = Array(Self.followersPage(2_000, extra: #"<div class="_a705">footer</div>"#).utf8)
        let whole = try Self.blocks(bytes, streamed: false)
        let streamed = try Self.blocks(bytes, streamed: true, chunk: 4_096)
        #expect(streamed.seen == whole.seen)
        #expect(streamed.seen.first?.locator == "/html/body/div/div/div/div[1]/div[2]/div[1]/div/div")
        #expect(streamed.widest < 100)
    }

    /// An element with more than `maxBlockElements` elements below it is a list, not a block, read whole
    /// or not: here one whose first and last children look like a block's heading and date.
    @Test func elementWithManyElementsBelowIsNeverABlock() throws {
        // The first div holds the heading, the middle div, its spans and the date: spans + 3 elements.
        let spans = String(repeating: "<span>x</span>", count: MetaHTML.maxBlockElements - 2)
        let page = """
            <html><body><div><div>Heading</div><div>\(spans)</div><div>Jan 10, 2024 9:12 am</div></div>
            <div><div>Small</div><div>Jan 11, 2024 9:12 am</div></div></body></html>
            """
        for streamed in [false, true] {
            let result = try Self.blocks(Array(page.utf8), streamed: streamed, chunk: 4_096)
            #expect(result.seen.map(\.heading) == ["Small"])
            #expect(result.seen.first?.locator == "/html/body/div[2]")
        }
        let fewer = page.replacing("<span>x</span>", with: "", maxReplacements: 1)
        let small = try Self.blocks(Array(fewer.utf8), streamed: true, chunk: 4_096)
        #expect(small.seen.map(\.heading) == ["Heading", "Small"])
    }

    /// Through the Instagram parser: the same records and warnings both ways.
    @Test func followersParserGivesTheSameRecordsBothWays() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.path, Self.followersPage(2_000))
        try folder.write(
            "personal_information/personal_information/personal_information.json",
            #"{"profile_user": [{"string_map_data": {"Username": {"value": "frida.dahl"}}}]}"#)
        let streamed = try ParserHarness.run(
            instance: InstagramConnectionsHTMLParser(streamingThreshold: 1_024), path: folder.path)
        let whole = try ParserHarness.run(instance: InstagramConnectionsHTMLParser(), path: folder.path)
        #expect(streamed.events.count == 2_000)
        #expect(streamed.warnings.map(\.code) == ["uncertain-zone"])
        #expect(streamed.records == whole.records)
        #expect(streamed.warnings == whole.warnings)
        let last = try #require(streamed.events.last)
        #expect(last.kind == .follower)
        #expect(last.text == "user.1999")
        #expect(last.provenance.locator == "/html/body/div/div/div/div/div[2]/div[2000]/div/div")
        #expect(last.provenance.memberPath == [Self.path])
    }

    /// Every list parser on the HTML samples: the same records and warnings when every page is read in two
    /// passes.
    @Test(arguments: [
        ("instagram/html-2024", InstagramConnectionsHTMLParser(streamingThreshold: 0) as any ExportParser,
            InstagramConnectionsHTMLParser() as any ExportParser),
        ("instagram/html-2024", InstagramLoginsHTMLParser(streamingThreshold: 0), InstagramLoginsHTMLParser()),
        ("facebook/html-2021", FacebookFriendsHTMLParser(streamingThreshold: 0), FacebookFriendsHTMLParser()),
        ("facebook/html-2021", FacebookSecurityHTMLParser(streamingThreshold: 0), FacebookSecurityHTMLParser()),
        ("facebook/html-2021", FacebookPostsHTMLParser(streamingThreshold: 0), FacebookPostsHTMLParser()),
        ("facebook/html-2021", FacebookMessagesHTMLParser(streamingThreshold: 0), FacebookMessagesHTMLParser()),
        ("instagram/html-2024", InstagramMessagesHTMLParser(streamingThreshold: 0), InstagramMessagesHTMLParser()),
    ])
    func listParsersGiveTheSameRecordsOnTheSamples(sample: String, streaming: any ExportParser, whole: any ExportParser)
        throws
    {
        let path = SampleExportsLocator.path(sample)
        let streamed = try ParserHarness.run(instance: streaming, path: path)
        let read = try ParserHarness.run(instance: whole, path: path)
        #expect(read.events.count >= 2, "\(type(of: whole)) reads \(sample)")
        #expect(streamed.records == read.records)
        #expect(streamed.warnings == read.warnings)
    }

    /// A large page that declares entities is refused as a whole read refuses it, wherever the declaration
    /// lies: before any record is written, since pass 1 reads the whole page first.
    @Test func largePageDeclaringEntitiesIsRefusedBothWays() throws {
        let declaration = #"<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">]>"#
        for page in [declaration + Self.followersPage(2_000), Self.followersPage(2_000) + declaration] {
            let folder = try TemporaryFolder()
            try folder.write(Self.path, page)
            for threshold in [1_024, Int.max] {
                let result = try ParserHarness.run(
                    instance: InstagramConnectionsHTMLParser(streamingThreshold: threshold), path: folder.path)
                #expect(result.events.isEmpty)
                #expect(result.warnings.map(\.code).contains("entity-declaration"))
            }
        }
    }

    /// What `DeflatedBytes` gives back is what it was given, in any piece size.
    @Test func deflatedBytesComeBackUnchanged() {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let text = Array(Self.followersPage(3_000).utf8)
        for bytes in [random, text, []] {
            let deflated = DeflatedBytes()
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + 70_001)
                bytes[offset..<end].withUnsafeBytes { deflated.append($0) }
                offset = end
            }
            deflated.finish()
            #expect(deflated.count == bytes.count)
            for size in [1_000, 256 << 10] {
                var back: [UInt8] = []
                deflated.forEachChunk(size: size) { back.append(contentsOf: $0) }
                #expect(back == bytes)
            }
            if bytes == text { #expect(deflated.data.count * 10 < bytes.count) }
        }
    }

    /// A Messenger thread page of `count` messages (2019-2021 HTML), with or without its participants line.
    static func threadPage(_ count: Int, participants: Bool = true) -> String {
        let messages = (0..<count).map { index in
            let sender = index % 2 == 0 ? "Anna Krogh" : "Mette Lund"
            return #"<div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder"><div class="_3-96 _2pio _2lek _2lel">\#(sender)</div><div class="_3-96 _2let"><div><div></div><div>Besked \#(index)</div><div></div><div></div></div></div><div class="_3-94 _2lem">Mar 01, 2021 10:15:02 am</div></div>"#
        }
        let line = participants
            ? #"<div class="_3a6h _2ph_ _2lej"><div class="_2lek">Participants: Anna Krogh and Mette Lund</div></div>"# : ""
        return """
            <!DOCTYPE html>
            <html><head><meta charset="UTF-8" /><title>Anna Krogh</title></head>
            <body class="_5vb_ _2yq _4yic"><div class="clearfix _ikh"><div class="_4bl9"><div class="_li"><div class="_3a_u">
            <div class="_4t5n" role="main">
            <div class="_3a6h _-lsr"><div class="_3b0d">Anna Krogh</div></div>
            \(line)
            \(messages.joined(separator: "\n"))
            </div>
            </div></div></div></div></body></html>

            """
    }

    /// A long Messenger thread: the same records in two passes, its record first, with and without a
    /// participants line (without one, the senders are the participants and the page is held to its end).
    @Test(arguments: [true, false])
    func longThreadGivesTheSameRecordsInTwoPasses(participants: Bool) throws {
        let folder = try TemporaryFolder()
        let path = "messages/inbox/annakrogh_a1b2c3d4e5/message_1.html"
        try folder.write(path, Self.threadPage(3_000, participants: participants))
        try folder.write("profile_information/profile_information.json", #"{"profile_v2": {"name": {"full_name": "Mette Lund"}}}"#)
        let streamed = try ParserHarness.run(instance: FacebookMessagesHTMLParser(streamingThreshold: 1_024), path: folder.path)
        let whole = try ParserHarness.run(instance: FacebookMessagesHTMLParser(), path: folder.path)
        #expect(streamed.events.filter { $0.kind == .message }.count == 3_000)
        #expect(streamed.records == whole.records)
        #expect(streamed.warnings == whole.warnings)
        #expect(streamed.conversations.first?.participants.count == 2)
        let thread = streamed.records.firstIndex { if case .conversation = $0 { true } else { false } }
        let message = streamed.records.firstIndex { if case .event(let event) = $0 { event.kind == .message } else { false } }
        #expect(try #require(thread) < #require(message), "the thread's record comes before its messages")
        let last = try #require(streamed.events.last { $0.kind == .message })
        #expect(last.text == "Besked 2999")
        #expect(last.provenance.locator.hasPrefix("/html/body/div/div/div/div/div/div["))
    }

    /// A page past the in-memory limit is read in two passes whatever the parser's threshold, since a whole read
    /// would fail; one that does not fit even deflated fails with a member error that says so.
    @Test func pagePastTheInMemoryLimitIsReadDeflated() throws {
        let limits = EvidenceLimits(maxInMemoryMemberBytes: 1 << 20)
        let folder = try TemporaryFolder()
        let page = Self.followersPage(15_000)
        #expect(page.utf8.count > 3 << 20)
        try folder.write(Self.path, page)
        let result = try ParserHarness.run(instance: InstagramConnectionsHTMLParser(), path: folder.path, limits: limits)
        #expect(result.events.count == 15_000)
        #expect(result.events.last?.provenance.locator == "/html/body/div/div/div/div/div[2]/div[15000]/div/div")

        var generator = SystemRandomNumberGenerator()
        let noise = (0..<(3 << 19)).map { _ in String(UInt64.random(in: 0...UInt64.max, using: &generator), radix: 36) }
        try folder.write(Self.path, "<html><body><div>" + noise.joined(separator: " ") + "</div></body></html>")
        #expect(throws: (any Error).self) {
            try ParserHarness.run(instance: InstagramConnectionsHTMLParser(), path: folder.path, limits: limits)
        }
    }
}
