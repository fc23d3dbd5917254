import EvidenceArchive
import EvidenceModel
import ExportFormats
import Foundation

/// Runs one parser over an export folder, zip or file, the way an ingest would, and collects what it emits.
public enum ParserHarness {
    public struct Result {
        public var records: [Record] = []
        public var warnings: [ExtractionWarning] = []
        /// Member paths the parser read.
        public var members: [String] = []
        /// Archive findings (path problems, damage).
        public var findings: [ArchiveFinding] = []
        public var evidenceSHA256 = ""
        /// What the parsers left in the shared per-level state (for example `twitter.ownerId`).
        public var stateValues: [String: String] = [:]

        public var events: [Event] {
            records.compactMap { if case .event(let event) = $0 { event } else { nil } }
        }
        public var accounts: [Account] {
            records.compactMap { if case .account(let account) = $0 { account } else { nil } }
        }
        public var conversations: [Conversation] {
            records.compactMap { if case .conversation(let conversation) = $0 { conversation } else { nil } }
        }
        public var identifierRecords: [IdentifierObservation] {
            records.compactMap { if case .identifier(let observation, _) = $0 { observation } else { nil } }
        }
    }

    /// Runs `parser` on every member it claims in the evidence at `path` (folder, archive or file).
    public static func run(_ parser: any ExportParser.Type, path: String, defaultRegion: String? = nil) throws -> Result {
        try run(instance: parser.init(), path: path, defaultRegion: defaultRegion)
    }

    /// Runs a configured parser (for example with a non-default threshold) the same way, under `limits`.
    public static func run(
        instance parser: any ExportParser, path: String, defaultRegion: String? = nil, limits: EvidenceLimits = .standard
    ) throws -> Result {
        let reader = try EvidenceReader(path: path, limits: limits)
        let hashes = try reader.hashEvidence()
        let visitor = HarnessVisitor(parser: parser, sha256: hashes.sha256, defaultRegion: defaultRegion)
        try reader.walk(visitor)
        if let error = visitor.error { throw error }
        visitor.result.evidenceSHA256 = hashes.sha256
        visitor.result.stateValues = visitor.state.values
        return visitor.result
    }

    /// Runs `parser` on a sample under `SampleExports/` (for example `twitter/minimal-2022`).
    public static func run(_ parser: any ExportParser.Type, sample: String) throws -> Result {
        try run(parser, path: SampleExportsLocator.path(sample))
    }

    /// Runs `parser` on files given inline: writes them to a temporary folder first.
    public static func run(_ parser: any ExportParser.Type, files: [String: String]) throws -> Result {
        let folder = try TemporaryFolder()
        for (path, text) in files { try folder.write(path, text) }
        return try run(parser, path: folder.path)
    }
}

final class HarnessVisitor: EvidenceVisitor {
    let parser: any ExportParser
    let sha256: String
    let defaultRegion: String?
    var result = ParserHarness.Result()
    var error: (any Error)?
    var state = ExportState()

    init(parser: any ExportParser, sha256: String, defaultRegion: String?) {
        self.parser = parser
        self.sha256 = sha256
        self.defaultRegion = defaultRegion
    }

    var prefetchPatterns: [String] { ParserRegistry.prefetchPatterns }

    func beginLevel(_ level: ArchiveLevel) { state = ExportState() }

    func visit(_ member: ArchiveMember, in level: ArchiveLevel) -> VisitResult {
        guard parser.recognize(level.listing) > .no, parser.claims(member.path, in: level.listing) else { return .notClaimed }
        let context = ParseContext(
            evidenceSHA256: sha256, memberPath: member.info.path, descriptor: type(of: parser).descriptor, level: level,
            state: state, defaultRegion: defaultRegion, recordSink: { [unowned self] in result.records.append($0) },
            warningSink: { [unowned self] in result.warnings.append($0) })
        result.members.append(member.info.path.joined(separator: "!/"))
        do { try parser.parse(member, in: context) } catch { self.error = error }
        return .claimed
    }

    func finished(_ result: MemberResult, in level: ArchiveLevel) {}
    func finding(_ finding: ArchiveFinding) { result.findings.append(finding) }
    var shouldStop: Bool { false }
}

/// Finds `SampleExports/` and `../shared/fixtures` from this source file's location.
public enum SampleExportsLocator {
    /// The repository root.
    public static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    public static func path(_ sample: String) -> String { repositoryRoot + "/SampleExports/" + sample }

    /// `../shared/fixtures/<relative>` beside the checkout, or nil when that folder is absent.
    public static func sharedFixture(_ relative: String) -> String? {
        let path = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().path + "/shared/fixtures/" + relative
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The shared folder (`../shared`), or nil when absent.
    public static var sharedRoot: String? {
        let path = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().path + "/shared"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Every `.html`/`.htm` page of `SampleExports/` and `../shared/fixtures` (hostile ones included), sorted;
    /// says so when the fixtures are absent.
    public static func everyHTMLPage() -> [String] {
        func pages(below folder: String) -> [String] {
            (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
                .filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }.map { folder + "/" + $0 }
        }
        var result = pages(below: repositoryRoot + "/SampleExports")
        if let shared = sharedRoot {
            result += pages(below: shared + "/fixtures")
        } else {
            print("../shared/fixtures is absent: only SampleExports pages are read")
        }
        return result.sorted()
    }
}

/// A temporary folder removed when released.
public final class TemporaryFolder {
    public let path: String

    public init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes a file, creating folders on the way.
    public func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    public func write(_ relative: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Zips a folder under this one with `zip -r -X` (members in sorted order) and returns the zip path.
    public func zip(folder: String, name: String) throws -> String {
        let output = path + "/" + name
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.arguments = ["python3", "-c", Self.zipScript, output]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return output
    }

    /// Deterministic zip of the current folder (sorted names, fixed times) using Python's zipfile.
    static let zipScript = """
        import os, sys, zipfile
        out = sys.argv[1]
        names = []
        for root, dirs, files in os.walk('.'):
            for f in files:
                names.append(os.path.relpath(os.path.join(root, f), '.'))
        with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
            for n in sorted(names):
                info = zipfile.ZipInfo(n, date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(n, 'rb') as f:
                    z.writestr(info, f.read())
        """
}
