import CaseStore
import EvidenceArchive
import EvidenceModel
import ExportFormats
import Foundation
import Identifiers
import Logging

/// Options for one ingest command.
public struct IngestOptions: Sendable {
    public var examiner: String?
    public var caseName: String?
    /// Region for phone numbers without a country code (ISO 3166 alpha-2).
    public var defaultRegion: String?
    public var limits: EvidenceLimits = .standard
    /// Extract identifiers from free text (messages, posts, bios).
    public var extractFromText = true

    public init() {}
}

/// Reads evidence into a case: archive → recognize → parse → normalize identifiers → store.
///
/// One writer; evidence items are read one after another. Each item is committed in batches and
/// marked `complete` (or `partial`) only in the same transaction as its last records.
public final class IngestSession {
    let store: CaseStore
    let options: IngestOptions
    let logger: Logger
    let progress: any IngestProgress
    let runId: Int64?

    public init(store: CaseStore, options: IngestOptions, runId: Int64?, progress: any IngestProgress = SilentProgress(), logger: Logger) {
        self.store = store
        self.options = options
        self.runId = runId
        self.progress = progress
        self.logger = logger
    }

    /// Ingests every path in order; an error with one item does not stop the others.
    public func ingest(paths: [String]) throws -> [IngestSummary] {
        var summaries: [IngestSummary] = []
        for (index, path) in paths.enumerated() {
            summaries.append(try ingest(path: path, index: index, count: paths.count))
        }
        return summaries
    }

    /// Ingests one evidence path. Throws only for failures of the case itself (disk full, busy).
    public func ingest(path: String, index: Int = 0, count: Int = 1) throws -> IngestSummary {
        let started = Date()
        let displayName = URL(fileURLWithPath: path).lastPathComponent
        var summary = IngestSummary(displayName: displayName, sourcePath: path)
        let reader: EvidenceReader
        let hashes: EvidenceHashes
        do {
            reader = try EvidenceReader(path: path, limits: options.limits)
            progress.note("hashing \(displayName)")
            hashes = try reader.hashEvidence()
        } catch {
            summary.error = error.description
            summary.errorStatus = 66
            progress.evidenceFinished(summary)
            return summary
        }
        summary.sha256 = hashes.sha256
        summary.size = hashes.size
        if let existing = try store.evidence(sha256: hashes.sha256), existing.status == .complete || existing.status == .partial {
            summary.outcome = .alreadyPresent
            summary.seconds = Date().timeIntervalSince(started)
            progress.note("\(displayName): already in the case (SHA-256 \(hashes.sha256.prefix(12))…, ingested as '\(existing.displayName)'); nothing added")
            progress.evidenceFinished(summary)
            return summary
        }
        let description = EvidenceDescription(
            sha256: hashes.sha256, sha1: hashes.sha1, md5: hashes.md5, size: hashes.size, displayName: displayName,
            sourcePath: URL(fileURLWithPath: path).standardizedFileURL.path, kind: reader.kind.rawValue)
        progress.evidenceStarted(name: displayName, index: index, count: count, expectedBytes: hashes.size)
        let startedAt = Int64(started.timeIntervalSince1970 * 1_000_000)
        summary = try store.ingest(description, runId: runId, examiner: options.examiner, startedAt: startedAt) { writer in
            let visitor = IngestVisitor(
                writer: writer, evidenceSHA256: hashes.sha256, evidenceName: displayName, options: options, progress: progress)
            var summary = summary
            do {
                try reader.walk(visitor)
            } catch let error as ArchiveError {
                // The evidence could not be opened as an archive at all.
                visitor.rejected = error
            }
            if let failure = visitor.storeFailure { throw failure }
            let status: EvidenceStatus
            if visitor.rejected != nil {
                status = .failed
            } else if visitor.lostData {
                status = .partial
            } else {
                status = .complete
            }
            if let rejected = visitor.rejected {
                try writer.warning(source: "archive", code: rejected.code.description, message: rejected.message, locator: "", memberId: nil)
                summary.error = rejected.description
                summary.errorStatus = 65
            }
            try writer.finish(status: status, platforms: visitor.platforms, endedAt: Int64(Date().timeIntervalSince1970 * 1_000_000))
            summary.outcome = status == .complete ? .complete : status == .partial ? .partial : .failed
            summary.platforms = visitor.platforms
            summary.membersParsed = visitor.counts["parsed", default: 0]
            summary.membersUnparsed = visitor.counts["unparsed", default: 0]
            summary.membersFailed = visitor.counts["failed", default: 0]
            summary.membersContainer = visitor.counts["container", default: 0]
            summary.membersSkipped = visitor.counts["skipped", default: 0]
            summary.records = writer.recordCount - writer.warningCount
            summary.recordsByKind = visitor.recordsByKind
            summary.warnings = writer.warningCount
            summary.findings = visitor.findingLines
            return summary
        }
        summary.seconds = Date().timeIntervalSince(started)
        progress.evidenceFinished(summary)
        return summary
    }
}

/// Walks one evidence item and writes what parsers emit.
final class IngestVisitor: EvidenceVisitor {
    let writer: EvidenceWriter
    let evidenceSHA256: String
    let evidenceName: String
    let options: IngestOptions
    let progress: any IngestProgress
    let normalizer: IdentifierNormalizer
    var storeFailure: (any Error)?
    var rejected: ArchiveError?
    var lostData = false
    var platforms: [Platform] = []
    var counts: [String: Int] = [:]
    var recordsByKind: [String: Int] = [:]
    var findingLines: [String] = []
    private var selections: [[String]: ParserSelection] = [:]
    private var states: [[String]: ExportState] = [:]
    private var memberIds: [[String]: Int64] = [:]
    private var memberParser: [[String]: (identifier: String, version: Int, records: Int, warnings: Int, failure: String?)] = [:]
    private var bytesSeen: Int64 = 0
    private var lastProgress = Date.distantPast

    init(writer: EvidenceWriter, evidenceSHA256: String, evidenceName: String, options: IngestOptions, progress: any IngestProgress) {
        self.writer = writer
        self.evidenceSHA256 = evidenceSHA256
        self.evidenceName = evidenceName
        self.options = options
        self.progress = progress
        self.normalizer = IdentifierNormalizer(defaultRegion: options.defaultRegion)
    }

    var prefetchPatterns: [String] { ParserRegistry.prefetchPatterns }
    var shouldStop: Bool { storeFailure != nil }

    func beginLevel(_ level: ArchiveLevel) {
        let selection = ParserRegistry.selection(for: level.listing)
        selections[level.chain] = selection
        states[level.chain] = ExportState()
        for platform in selection.platforms where !platforms.contains(platform) { platforms.append(platform) }
    }

    private func store(_ body: () throws -> Void) {
        guard storeFailure == nil else { return }
        do { try body() } catch { storeFailure = error }
    }

    private func memberId(for info: MemberInfo) -> Int64? {
        if let id = memberIds[info.path] { return id }
        var id: Int64?
        store {
            id = try writer.beginMember(
                storedPath: info.path.joined(separator: "!/"), name: info.name,
                parentMemberId: memberIds[Array(info.path.dropLast())], type: info.type.rawValue,
                declaredSize: info.declaredSize, modifiedAt: info.modifiedSeconds.map { $0 * 1_000_000 },
                pathFindings: info.pathFindings)
        }
        if let id { memberIds[info.path] = id }
        return id
    }

    func visit(_ member: ArchiveMember, in level: ArchiveLevel) -> VisitResult {
        guard let memberId = memberId(for: member.info) else { return .claimed }
        guard let selection = selections[level.chain], let parser = selection.parser(for: member.path) else { return .notClaimed }
        let descriptor = type(of: parser).descriptor
        let context = ParseContext(
            evidenceSHA256: evidenceSHA256, memberPath: member.info.path, descriptor: descriptor, level: level,
            state: states[level.chain] ?? ExportState(), defaultRegion: options.defaultRegion,
            recordSink: { [unowned self] record in self.write(record, memberId: memberId, member: member) },
            warningSink: { [unowned self] warning in
                self.store {
                    try self.writer.warning(
                        source: warning.provenance.parser, code: warning.code, message: warning.message,
                        locator: warning.provenance.locator, memberId: memberId)
                }
            })
        var failure: String?
        do {
            try parser.parse(member, in: context)
        } catch let error as ParseError {
            failure = error.description
        } catch let error as ArchiveError {
            failure = error.message
            if error.code == .limitExceeded || error.code == .damaged { lostData = true }
        } catch {
            failure = "\(error)"
        }
        if let failure {
            store {
                try writer.warning(
                    source: descriptor.identifier, code: "member-failed",
                    message: "\(descriptor.identifier) could not read this member: \(failure)", locator: "", memberId: memberId)
            }
            findingLines.append("\(evidenceName) › \(member.info.path.joined(separator: " › ")): \(failure)")
        }
        memberParser[member.info.path] = (descriptor.identifier, descriptor.version, context.recordCount, context.warningCount, failure)
        return .claimed
    }

    private func write(_ record: Record, memberId: Int64, member: ArchiveMember) {
        store {
            switch record {
            case .account(let account):
                try writer.account(account, memberId: memberId)
                recordsByKind["account", default: 0] += 1
            case .conversation(let conversation):
                try writer.conversation(conversation, memberId: memberId)
                recordsByKind["conversation", default: 0] += 1
            case .event(let event):
                var resolved: [ResolvedIdentifier] = []
                for observation in event.identifiers {
                    resolved += try resolve(observation, locator: event.provenance.locator, memberId: memberId)
                }
                if options.extractFromText, let text = event.text, !text.isEmpty {
                    for match in TextIdentifierExtractor.extract(from: text, platform: event.platform) {
                        let observation = IdentifierObservation(
                            kind: match.kind, raw: match.raw, field: "text", source: .text, platform: event.platform,
                            observedAt: event.occurredAt, accountKey: event.actor)
                        resolved += try resolve(
                            observation, locator: "\(event.provenance.locator)#text[\(match.utf8Range.lowerBound)..\(match.utf8Range.upperBound)]",
                            memberId: memberId, quiet: true)
                    }
                }
                try writer.event(event, memberId: memberId, identifiers: resolved)
                recordsByKind[event.kind.rawValue, default: 0] += 1
            case .identifier(let observation, let provenance):
                for identifier in try resolve(observation, locator: provenance.locator, memberId: memberId) {
                    try writer.identifier(identifier, memberId: memberId)
                }
                recordsByKind["identifier", default: 0] += 1
            }
        }
        let now = Date()
        if now.timeIntervalSince(lastProgress) > 0.2 {
            lastProgress = now
            progress.progressed(bytes: bytesSeen + member.bytesRead, records: writer.recordCount)
        }
    }

    private func resolve(_ observation: IdentifierObservation, locator: String, memberId: Int64, quiet: Bool = false) throws -> [ResolvedIdentifier] {
        let result = normalizer.normalize(observation)
        guard let identifier = result.identifier else {
            if !quiet {
                try writer.warning(
                    source: "identifiers", code: "identifier-unusable",
                    message: "\(observation.kind.rawValue) in \(observation.field) could not be normalized: \(result.problem ?? "unknown form")",
                    locator: locator, memberId: memberId)
            }
            return []
        }
        var resolved = [ResolvedIdentifier(observation: observation, normalized: identifier, assumption: result.assumption, locator: locator)]
        for weak in result.weakForms {
            resolved.append(ResolvedIdentifier(observation: observation, normalized: weak, isWeak: true, assumption: result.assumption, locator: locator))
        }
        return resolved
    }

    func finished(_ result: MemberResult, in level: ArchiveLevel) {
        bytesSeen += result.size
        let info = result.info
        guard let memberId = memberId(for: info) else { return }
        let status: String
        var parser: (identifier: String, version: Int, records: Int, warnings: Int, failure: String?)?
        if let used = memberParser[info.path] {
            parser = used
            status = used.failure == nil && result.readError == nil ? "parsed" : "failed"
        } else if result.isContainer {
            status = "container"
        } else if result.readError != nil || info.isEncrypted {
            status = "failed"
        } else if info.type == .directory {
            status = "skipped"
        } else {
            status = "unparsed"
        }
        counts[status, default: 0] += 1
        store {
            try writer.finishMember(
                memberId, size: result.size, sha256: result.sha256, status: status, parser: parser?.identifier,
                parserVersion: parser?.version, recordCount: parser?.records ?? 0, warningCount: parser?.warnings ?? 0,
                error: result.readError?.message ?? parser?.failure ?? (info.isEncrypted ? "encrypted" : nil))
        }
    }

    func finding(_ finding: ArchiveFinding) {
        if finding.losesData { lostData = true }
        let memberId = finding.member.isEmpty ? nil : memberIds[finding.member]
        store {
            try writer.warning(
                source: "archive", code: finding.code, message: finding.message, locator: finding.locator ?? "",
                memberId: memberId)
        }
        var line = evidenceName
        if !finding.member.isEmpty { line += " › " + finding.member.joined(separator: " › ") }
        if let locator = finding.locator { line += " @\(locator)" }
        if finding.losesData || finding.code.hasPrefix("path-") {
            findingLines.append("\(line): \(finding.message)")
        }
    }
}
