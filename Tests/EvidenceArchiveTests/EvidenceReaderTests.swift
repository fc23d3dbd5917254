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

    /// A zip64 directory whose 64-bit sizes and offsets are absurd (2^63 - 1, 2^64 - 1): the reader's
    /// own look at the central directory must neither trust nor overflow on them (a trap would crash
    /// the ingest), and the entries libarchive cannot read are counted, not lost silently.
    @Test func absurdZip64ValuesAreNotTrusted() throws {
        func le(_ value: UInt64, _ bytes: Int) -> [UInt8] { (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }
        let name = Array("a.txt".utf8), data = Array("hello".utf8)
        var zip = le(0x0403_4B50, 4) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0x21, 2) + le(0x3610_A686, 4)
        zip += le(5, 4) + le(5, 4) + le(UInt64(name.count), 2) + le(0, 2) + name + data
        let directoryStart = zip.count
        for offset in [UInt64(0x7FFF_FFFF_FFFF_FFF0), 0x7FFF_FFFF_FFFF_FF00] {
            let extra = le(0x0001, 2) + le(24, 2) + le(UInt64.max, 8) + le(0x7FFF_FFFF_FFFF_FFFF, 8) + le(offset, 8)
            zip += le(0x0201_4B50, 4) + le(45, 2) + le(45, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0x21, 2)
            zip += le(0x3610_A686, 4) + le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(UInt64(name.count), 2)
            zip += le(UInt64(extra.count), 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0xFFFF_FFFF, 4) + name + extra
        }
        let directorySize = zip.count - directoryStart
        let zip64End = zip.count
        zip += le(0x0606_4B50, 4) + le(44, 8) + le(45, 2) + le(45, 2) + le(0, 4) + le(0, 4) + le(2, 8) + le(2, 8)
        zip += le(UInt64(directorySize), 8) + le(UInt64(directoryStart), 8)
        zip += le(0x0706_4B50, 4) + le(0, 4) + le(UInt64(zip64End), 8) + le(1, 4)
        zip += le(0x0605_4B50, 4) + le(0xFFFF, 2) + le(0xFFFF, 2) + le(0xFFFF, 2) + le(0xFFFF, 2) + le(0xFFFF_FFFF, 4)
        zip += le(0xFFFF_FFFF, 4) + le(0, 2)
        let folder = try TemporaryFolder()
        try folder.write("absurd.zip", Data(zip))
        let reader = try EvidenceReader(path: folder.path + "/absurd.zip")
        #expect(reader.kind == .archive)
        let visitor = RecordingVisitor()
        do { try reader.walk(visitor) } catch {
            #expect(error.code == .notAnArchive, "\(error)")
            return
        }
        #expect(visitor.findings.contains { $0.code == "entries-not-listed" }, "\(visitor.findings.map(\.code))")
        // Counts in messages stay within the file: nothing is computed from the absurd offsets.
        for finding in visitor.findings where finding.code == "bytes-before-archive" {
            let count = Int(finding.message.prefix { $0.isNumber }) ?? Int.max
            #expect(count <= zip.count, "\(finding.message)")
        }
    }
}
