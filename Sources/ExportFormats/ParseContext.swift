import EvidenceArchive
import EvidenceModel

/// State shared by the parsers of one archive level (for example the export owner's account key).
public final class ExportState: @unchecked Sendable {
    /// Named values; keys are namespaced by platform (`twitter.ownerId`).
    public var values: [String: String] = [:]
    public init() {}
}

/// The parser's only output channel: records, warnings and provenance, as plaso's mediator.
public final class ParseContext {
    public let evidenceSHA256: String
    /// Member chain, outermost first.
    public let memberPath: [String]
    public let descriptor: ParserDescriptor
    public let level: ArchiveLevel
    public let state: ExportState
    /// Region to assume for phone numbers written without a country code (ISO 3166 alpha-2).
    public let defaultRegion: String?
    private let recordSink: (Record) -> Void
    private let warningSink: (ExtractionWarning) -> Void
    public private(set) var recordCount = 0
    public private(set) var warningCount = 0

    public init(
        evidenceSHA256: String, memberPath: [String], descriptor: ParserDescriptor, level: ArchiveLevel,
        state: ExportState, defaultRegion: String? = nil, recordSink: @escaping (Record) -> Void,
        warningSink: @escaping (ExtractionWarning) -> Void
    ) {
        self.evidenceSHA256 = evidenceSHA256
        self.memberPath = memberPath
        self.descriptor = descriptor
        self.level = level
        self.state = state
        self.defaultRegion = defaultRegion
        self.recordSink = recordSink
        self.warningSink = warningSink
    }

    public var platform: Platform { descriptor.platform }

    /// Provenance of something at `locator` in this member.
    public func provenance(_ locator: String) -> Provenance {
        Provenance(
            evidenceSHA256: evidenceSHA256, memberPath: memberPath, locator: locator, parser: descriptor.identifier,
            parserVersion: descriptor.version)
    }

    public func emit(_ record: Record) {
        recordCount += 1
        recordSink(record)
    }

    public func emit(_ event: Event) { emit(.event(event)) }

    /// Records a bad value; parsing goes on.
    public func warn(_ code: String, _ message: String, locator: String) {
        warningCount += 1
        warningSink(ExtractionWarning(code: code, message: message, provenance: provenance(locator)))
    }

    /// The bytes of a small member read during listing, by pattern.
    public func prefetched(matching pattern: String) -> (path: String, bytes: [UInt8])? {
        for (path, bytes) in level.prefetched.sorted(by: { $0.key < $1.key }) where PathPattern.matches(pattern, path: path) {
            return (path, bytes)
        }
        return nil
    }
}
