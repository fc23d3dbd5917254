import CasebookTestSupport
import EvidenceArchive
import Foundation
import Testing

/// Collects everything a walk reports.
final class RecordingVisitor: EvidenceVisitor {
    var levels: [ArchiveLevel] = []
    var results: [MemberResult] = []
    var findings: [ArchiveFinding] = []
    var contents: [String: [UInt8]] = [:]
    var prefetchPatterns: [String] = ["account.js"]
    var shouldStop: Bool { false }

    func beginLevel(_ level: ArchiveLevel) { levels.append(level) }

    func visit(_ member: ArchiveMember, in level: ArchiveLevel) -> VisitResult {
        if member.path.hasSuffix(".json") || member.path.hasSuffix(".js") {
            contents[member.info.path.joined(separator: "!/")] = try? member.readAll()
            return .claimed
        }
        return .notClaimed
    }

    func finished(_ result: MemberResult, in level: ArchiveLevel) { results.append(result) }
    func finding(_ finding: ArchiveFinding) { findings.append(finding) }
}

@Suite struct EvidenceReaderTests {
    @Test func walksFolderWithHashesAndPrefetch() throws {
        let folder = try TemporaryFolder()
        try folder.write("export/data/account.js", "window.YTD.account.part0 = [ ]")
        try folder.write("export/data/other.bin", "xyz")
        let reader = try EvidenceReader(path: folder.path + "/export")
        #expect(reader.kind == .folder)
        let visitor = RecordingVisitor()
        try reader.walk(visitor)
        #expect(visitor.levels.count == 1)
        #expect(visitor.levels[0].listing.paths == ["data/account.js", "data/other.bin"])
        #expect(visitor.levels[0].prefetched["data/account.js"] == Array("window.YTD.account.part0 = [ ]".utf8))
        #expect(visitor.results.count == 2)
        let other = try #require(visitor.results.first { $0.info.name == "data/other.bin" })
        #expect(other.size == 3)
        #expect(other.sha256 == FileFingerprint.sha256Hex(Data("xyz".utf8)))
    }

    @Test func readsZipAndNestedZipWithMemberChain() throws {
        let folder = try TemporaryFolder()
        try folder.write("inner/data/tweets.js", "window.YTD.tweets.part0 = [ ]")
        let inner = try folder.zip(folder: folder.path + "/inner", name: "inner.zip")
        try folder.write("outer/readme.txt", "hello")
        try FileManager.default.copyItem(atPath: inner, toPath: folder.path + "/outer/export.zip")
        let outer = try folder.zip(folder: folder.path + "/outer", name: "outer.zip")
        let reader = try EvidenceReader(path: outer)
        #expect(reader.kind == .archive)
        let visitor = RecordingVisitor()
        try reader.walk(visitor)
        #expect(visitor.levels.map(\.chain) == [[], ["export.zip"]])
        #expect(visitor.contents["export.zip!/data/tweets.js"] == Array("window.YTD.tweets.part0 = [ ]".utf8))
        let container = try #require(visitor.results.first { $0.info.path == ["export.zip"] })
        #expect(container.isContainer)
        let expected = FileFingerprint.sha256Hex(try Data(contentsOf: URL(fileURLWithPath: inner)))
        #expect(container.sha256 == expected)
        #expect(visitor.findings.isEmpty)
        let hashes = try reader.hashEvidence()
        #expect(hashes.sha256 == FileFingerprint.sha256Hex(try Data(contentsOf: URL(fileURLWithPath: outer))))
        #expect(hashes.md5.count == 32 && hashes.sha1.count == 40)
    }

    @Test func singleFileIsOneMember() throws {
        let folder = try TemporaryFolder()
        try folder.write("tweets.js", "window.YTD.tweets.part0 = [ ]")
        let reader = try EvidenceReader(path: folder.path + "/tweets.js")
        #expect(reader.kind == .file)
        let visitor = RecordingVisitor()
        try reader.walk(visitor)
        #expect(visitor.results.map(\.info.path) == [["tweets.js"]])
    }

    @Test func missingEvidenceIsUnreadable() {
        #expect(throws: ArchiveError.self) { try EvidenceReader(path: "/nonexistent/casebook/evidence.zip") }
    }

    @Test(arguments: [
        ("../../etc/passwd", ["parent-traversal"]),
        ("/tmp/moo", ["absolute"]),
        ("C:\\Windows\\moo", ["absolute", "backslash"]),
        ("a/./b/../../../x", ["parent-traversal"]),
        ("bell\u{07}.txt", ["control-character"]),
        ("data/tweets.js", []),
    ])
    func pathChecks(name: String, expected: [String]) {
        #expect(PathCheck.findings(for: name) == expected)
    }

    @Test(arguments: [
        ("data/tweets.js", "data/tweets.js", true),
        ("data/tweets.js", "twitter-2022/data/tweets.js", true),
        ("data/tweets-part*.js", "data/tweets-part2.js", true),
        ("data/tweets.js", "mydata/tweets.js", false),
        ("**/message_*.json", "messages/inbox/a_1/message_1.json", true),
        ("account.js", "data/account.js", true),
    ])
    func pathPatterns(pattern: String, path: String, expected: Bool) {
        #expect(PathPattern.matches(pattern, path: path) == expected)
    }

    @Test func hostileZipSlipIsFlaggedAndGoodMemberRead() throws {
        guard let path = SampleExportsLocator.sharedFixture("hostile/archives/generated/zip_slip_relative.zip") else {
            print("skipped: ../shared/fixtures is absent")
            return
        }
        let before = try FileFingerprint.of(path)
        let visitor = RecordingVisitor()
        try EvidenceReader(path: path).walk(visitor)
        #expect(visitor.findings.contains { $0.code == "path-parent-traversal" })
        #expect(visitor.contents.keys.contains("good.json"))
        #expect(try FileFingerprint.of(path) == before)
    }

    @Test func truncatedZipKeepsIntactMembersAndReportsDamage() throws {
        let folder = try TemporaryFolder()
        for index in 0..<5 {
            try folder.write("export/data/file\(index).json", String(repeating: "{\"n\": \(index)} ", count: 2000))
        }
        let zip = try folder.zip(folder: folder.path + "/export", name: "export.zip")
        let data = try Data(contentsOf: URL(fileURLWithPath: zip))
        let truncated = folder.path + "/truncated.zip"
        try data.prefix(data.count * 3 / 5).write(to: URL(fileURLWithPath: truncated))
        let visitor = RecordingVisitor()
        try EvidenceReader(path: truncated).walk(visitor)
        #expect(visitor.findings.contains { $0.losesData })
        #expect(!visitor.contents.isEmpty)
        #expect(visitor.contents.count < 5)
    }
}
