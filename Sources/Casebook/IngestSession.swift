import CaseStore
import EvidenceArchive
import EvidenceModel
import ExportFormats
import Foundation
import Identifiers
import Logging

#if canImport(Glibc)
    import Glibc
#endif

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
/// One writer, which writes evidence items one after another; each item is read on its own thread,
/// the next one while the current one is written (`PreparedEvidence`). Each item is committed in
/// batches and marked `complete` (or `partial`) only in the same transaction as its last records.
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
    ///
    /// While one item is written, the next is opened, hashed and read ahead on its own thread, into a
    /// bounded queue that the writer applies once the item before has ended (`PreparedEvidence`).
    /// Items are still written one after another, in order, with the ids a one-by-one run gives.
    ///
    /// - Throws: `IngestInterrupted` after SIGINT/SIGTERM (see `Interruption`): the item being read
    ///   is removed, items finished before stay; a `StoreError` for a failure of the case itself.
    public func ingest(paths: [String]) throws -> [IngestSummary] {
        var summaries: [IngestSummary] = []
        var upcoming = paths.first.map(prepare)
        for index in paths.indices {
            guard let current = upcoming else { break }
            upcoming = index + 1 < paths.count ? prepare(paths[index + 1]) : nil
            let remaining = paths[index...].map { URL(fileURLWithPath: $0).lastPathComponent }
            do {
                try Interruption.check(notIngested: remaining)
                summaries.append(try ingest(current, index: index, count: paths.count))
            } catch var interrupted as IngestInterrupted {
                current.cancel()
                upcoming?.cancel()
                interrupted.notIngested = remaining
                interrupted.finished = summaries
                throw interrupted
            } catch {
                current.cancel()
                upcoming?.cancel()
                throw error
            }
        }
        return summaries
    }

    /// Ingests one evidence path. Throws only for failures of the case itself (disk full, busy) and
    /// for `IngestInterrupted`; either way the item is not left half-written.
    public func ingest(path: String, index: Int = 0, count: Int = 1) throws -> IngestSummary {
        let prepared = prepare(path)
        do {
            return try ingest(prepared, index: index, count: count)
        } catch {
            prepared.cancel()
            throw error
        }
    }

    /// Starts opening, hashing and reading `path` on its own thread.
    private func prepare(_ path: String) -> PreparedEvidence {
        PreparedEvidence(path: path, options: options, progress: progress)
    }

    /// Writes one prepared item: waits for its hashes, skips it when the case already has it, else
    /// applies what its thread reads.
    private func ingest(_ prepared: PreparedEvidence, index: Int, count: Int) throws -> IngestSummary {
        let started = Date()
        let path = prepared.path
        let displayName = prepared.displayName
        var summary = IngestSummary(displayName: displayName, sourcePath: path)
        if !prepared.isHashed { progress.note("hashing \(displayName)") }
        let opened: PreparedEvidence.Opened
        switch prepared.waitUntilHashed() {
        case .success(let hashed):
            opened = hashed
        case .failure(let error):
            summary.error = error.description
            summary.errorStatus = 66
            progress.evidenceFinished(summary)
            return summary
        }
        let hashes = opened.hashes
        summary.sha256 = hashes.sha256
        summary.size = hashes.size
        // Hashing is not interrupted (EvidenceReader has no cancellation); a signal that came
        // meanwhile is acted on now, before anything is written.
        try Interruption.check(notIngested: [displayName])
        let existing = try store.evidence(sha256: hashes.sha256)
        if let existing, existing.status == .complete || existing.status == .partial {
            prepared.cancel()
            prepared.join()
            summary.outcome = .alreadyPresent
            summary.seconds = Date().timeIntervalSince(started)
            progress.note("\(displayName): already in the case (SHA-256 \(hashes.sha256.prefix(12))…, ingested as '\(existing.displayName)'); nothing added")
            progress.evidenceFinished(summary)
            return summary
        }
        if let existing, existing.status == .ingesting {
            // R-34: a run that was killed left this item half-written; store.ingest removes it.
            let run = existing.runId.map { "run #\($0)" } ?? "an earlier run"
            progress.note("resuming: previous \(run) was interrupted; discarding its partial data for \(hashes.sha256)")
        }
        let description = EvidenceDescription(
            sha256: hashes.sha256, sha1: hashes.sha1, md5: hashes.md5, size: hashes.size, displayName: displayName,
            sourcePath: URL(fileURLWithPath: path).standardizedFileURL.path, kind: opened.kind.rawValue)
        progress.evidenceStarted(name: displayName, index: index, count: count, expectedBytes: hashes.size)
        let startedAt = Int64(started.timeIntervalSince1970 * 1_000_000)
        // On an error or an interruption, store.ingest rolls back and removes the item's committed
        // batches: the case is as it was before this item.
        summary = try ingest(description, prepared: prepared, opened: opened, summary: summary, startedAt: startedAt)
        summary.seconds = Date().timeIntervalSince(started)
        progress.evidenceFinished(summary)
        return summary
    }

    /// Writes one hashed evidence item into the case: its thread parses, this thread writes.
    private func ingest(
        _ description: EvidenceDescription, prepared: PreparedEvidence, opened: PreparedEvidence.Opened,
        summary: IngestSummary, startedAt: Int64
    ) throws -> IngestSummary {
        let displayName = description.displayName
        let path = prepared.path
        let queue = prepared.queue
        let visitor = opened.visitor
        let before = opened.before
        return try store.ingest(description, runId: runId, examiner: options.examiner, startedAt: startedAt) { writer in
            var summary = summary
            // Reading, decompression, parsing and normalization run on the item's own thread; this
            // thread owns the database connection and applies the batches in order.
            prepared.startReportingProgress()
            summary.batchesReadAhead = queue.queuedBatches
            queue.drain(into: writer) {
                TestHold.pause(item: displayName, batchesCommitted: writer.batchesCommitted)
                return Interruption.signal.map { IngestInterrupted(signal: $0, notIngested: [displayName]) }
            }
            prepared.join()
            if ProcessInfo.processInfo.environment["CASEBOOK_QUEUE_STATS"] != nil {
                var cpu = timespec()
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu)
                FileHandle.standardError.write(Data(String(
                    format: "queue: %d batches read ahead; reader waited %.1f s for room, writer waited %.1f s for work; writer thread CPU %.1f s\n",
                    summary.batchesReadAhead, queue.readerWaited, queue.writerWaited, Double(cpu.tv_sec) + Double(cpu.tv_nsec) / 1e9).utf8))
            }
            if let failure = queue.failure { throw failure }
            // A signal during the item's last batch: the item is not finished, as after any other batch.
            try Interruption.check(notIngested: [displayName])
            // G2/R-03: the file read must be the file hashed. A change of size or modification time
            // between hashing and the end of reading fails the item; nothing of it counts as complete.
            let after = EvidenceStamp(path: path)
            let changed = before != nil && after != before
            if changed {
                visitor.rejected = ArchiveError(
                    .damaged, evidence: displayName,
                    message: "evidence changed during ingest (size or modification time differs from when it was hashed)"
                        + " – work from a write-protected copy and ingest again")
            }
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
            let indexes = writer.indexesToBuild
            if !indexes.isEmpty { progress.note("\(displayName): building indexes (\(indexes.joined(separator: ", ")))") }
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
    }
}

/// Walks one evidence item and writes what parsers emit.
final class IngestVisitor: EvidenceVisitor, @unchecked Sendable {
    let queue: WriteQueue
    private var pending: [WriteQueue.Operation] = []
    /// Members are numbered from 0 in the order met; `EvidenceWriter.memberRow` gives the row id.
    private var nextMemberId: Int64 = 0
    private var recordsQueued = 0
    let evidenceSHA256: String
    let evidenceName: String
    let options: IngestOptions
    let progress: any IngestProgress
    let normalizer: IdentifierNormalizer
    var rejected: ArchiveError?
    var lostData = false
    var platforms: [Platform] = []
    var counts: [String: Int] = [:]
    var recordsByKind: [String: Int] = [:]
    var findingLines: [String] = []
    private var selections: [[String]: ParserSelection] = [:]
    private var states: [[String]: ExportState] = [:]
    /// The latest member id per member chain (for parents and findings).
    private var memberIds: [[String]: Int64] = [:]
    /// Members visited but not yet finished. Two entries may share a name (duplicate zip or tar
    /// entries): keying only by name gave the second one the first one's row, so one was lost.
    private var openMembers: [[String]: Int64] = [:]
    private var memberParser: [[String]: (identifier: String, version: Int, records: Int, warnings: Int, failure: String?)] = [:]
    private var bytesSeen: Int64 = 0
    private var lastProgress = Date.distantPast
    /// Normalizations already made in this item: the same values recur on most records (a DM's
    /// sender and recipient ids, a mentioned user's id and name), and a URL's normalization costs
    /// microseconds. The result depends only on the key (no account region is passed here).
    private var normalized: [NormalizationKey: NormalizationResult] = [:]
    /// The detail names of the last event stored, with their JSON (`JSONText.separated(_:names:)`).
    private var detailNames = JSONText.DetailNames()

    /// The raw value by its bytes (`ExactText.Key`): Swift's `==` equates an NFD value with its NFC
    /// twin, which would then take the twin's normalized value.
    private struct NormalizationKey: Hashable {
        var kind: IdentifierKind
        var raw: ExactText.Key<Platform?>
    }

    init(queue: WriteQueue, evidenceSHA256: String, evidenceName: String, options: IngestOptions, progress: any IngestProgress) {
        self.queue = queue
        self.evidenceSHA256 = evidenceSHA256
        self.evidenceName = evidenceName
        self.options = options
        self.progress = progress
        self.normalizer = IdentifierNormalizer(defaultRegion: options.defaultRegion)
    }

    var prefetchPatterns: [String] { ParserRegistry.prefetchPatterns }
    var shouldStop: Bool { queue.failure != nil }

    func beginLevel(_ level: ArchiveLevel) {
        let selection = ParserRegistry.selection(for: level.listing)
        selections[level.chain] = selection
        states[level.chain] = ExportState()
        for platform in selection.platforms where !platforms.contains(platform) { platforms.append(platform) }
    }

    /// Queues a store operation; batches go to the writing thread every 512 operations.
    private func store(_ operation: @escaping WriteQueue.Operation) {
        pending.append(operation)
        if pending.count >= 512 { flush() }
    }

    /// Hands what is queued to the writer.
    func flush() {
        queue.push(pending)
        pending = []
    }

    private func memberId(for info: MemberInfo) -> Int64? {
        if let id = openMembers[info.path] { return id }
        let id = nextMemberId
        nextMemberId += 1
        memberIds[info.path] = id
        openMembers[info.path] = id
        let parent = memberIds[Array(info.path.dropLast())]
        store { writer in
            try writer.beginMember(
                id: writer.memberRow(id), storedPath: info.path.joined(separator: "!/"), name: info.name,
                parentMemberId: parent.map(writer.memberRow),
                type: info.type.rawValue, declaredSize: info.declaredSize,
                modifiedAt: info.modifiedSeconds.map { $0 * 1_000_000 },
                // A zip DOS time is a wall clock without a zone (stored as if UTC); the member says so.
                pathFindings: info.pathFindings + (info.modifiedZoneKnown || info.modifiedSeconds == nil ? [] : ["time-zone-unknown"]))
        }
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
                self.store { writer in
                    try writer.warning(
                        source: warning.provenance.parser, code: warning.code, message: warning.message,
                        locator: warning.provenance.locator, memberId: writer.memberRow(memberId))
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
            // What the parser did not read is missing from the case: the item is `partial`, like one
            // whose archive was damaged (policy in docs/RELIABILITY.md).
            lostData = true
            store { writer in
                try writer.warning(
                    source: descriptor.identifier, code: "member-failed",
                    message: "\(descriptor.identifier) could not read this member: \(failure)", locator: "",
                    memberId: writer.memberRow(memberId))
            }
            findingLines.append(
                "\(PathCheck.escaped(evidenceName)) › \(member.info.path.map(PathCheck.escaped).joined(separator: " › ")): "
                    + PathCheck.escaped(failure))
        }
        memberParser[member.info.path] = (descriptor.identifier, descriptor.version, context.recordCount, context.warningCount, failure)
        return .claimed
    }

    private func write(_ record: Record, memberId: Int64, member: ArchiveMember) {
        recordsQueued += 1
        switch record {
        case .account(let account):
            store { writer in try writer.account(account, memberId: writer.memberRow(memberId)) }
            recordsByKind["account", default: 0] += 1
        case .conversation(let conversation):
            store { writer in try writer.conversation(conversation, memberId: writer.memberRow(memberId)) }
            recordsByKind["conversation", default: 0] += 1
        case .event(let event):
            var resolved: [ResolvedIdentifier] = []
            for var observation in event.identifiers {
                // An identifier named in a record was seen when the record was made (a mention in a
                // tweet, a sender id in a message): without this, correlate --window cannot time it.
                if observation.observedAt == nil { observation.observedAt = event.occurredAt }
                resolve(observation, locator: event.provenance.locator, memberId: memberId, into: &resolved)
            }
            if options.extractFromText, let text = event.text, !text.isEmpty {
                // A value the export already gave as a structured field of this event (a mention, a
                // URL entity) is not counted again from the text. The same identifier row, so compared as
                // its unique index compares: by kind and the value's bytes (with Swift's `==`, an NFD link
                // in the text was dropped as the twin of the entity's NFC link, a distinct identifier).
                // Built for the events whose text names something (most events' text names nothing).
                var structured: Set<ExactText.Key<IdentifierKind>>?
                for match in TextIdentifierExtractor.extract(from: text, platform: event.platform) {
                    let observation = IdentifierObservation(
                        kind: match.kind, raw: match.raw, field: "text", source: .text, platform: event.platform,
                        observedAt: event.occurredAt, accountKey: event.actor)
                    let given = structured ?? Set(resolved.map { ExactText.Key($0.normalized.kind, $0.normalized.value) })
                    structured = given
                    let first = resolved.count
                    resolve(
                        observation,
                        locator: "\(event.provenance.locator)#text[\(match.utf8Range.lowerBound)..\(match.utf8Range.upperBound)]",
                        memberId: memberId, quiet: true, into: &resolved)
                    resolved[first...].removeAll { given.contains(ExactText.Key($0.normalized.kind, $0.normalized.value)) }
                }
            }
            let identifiers = resolved
            let details = EvidenceWriter.StoredDetails(event, names: &detailNames)
            store { writer in
                try writer.event(event, memberId: writer.memberRow(memberId), identifiers: identifiers, details: details)
            }
            recordsByKind[event.kind.rawValue, default: 0] += 1
        case .identifier(let observation, let provenance):
            var resolved: [ResolvedIdentifier] = []
            resolve(observation, locator: provenance.locator, memberId: memberId, into: &resolved)
            store { writer in
                for identifier in resolved { try writer.identifier(identifier, memberId: writer.memberRow(memberId)) }
            }
            recordsByKind["identifier", default: 0] += 1
        }
        let now = Date()
        if now.timeIntervalSince(lastProgress) > 0.2 {
            lastProgress = now
            progress.progressed(bytes: bytesSeen + member.bytesRead, records: recordsQueued)
        }
    }

    /// Appends what `observation` normalizes to (with its weak forms) to `resolved`, or warns.
    private func resolve(
        _ observation: IdentifierObservation, locator: String, memberId: Int64, quiet: Bool = false,
        into resolved: inout [ResolvedIdentifier]
    ) {
        let key = NormalizationKey(kind: observation.kind, raw: ExactText.Key(observation.platform, observation.raw))
        let result: NormalizationResult
        if let known = normalized[key] {
            result = known
        } else {
            result = normalizer.normalize(observation)
            if normalized.count >= 20_000 { normalized.removeAll(keepingCapacity: true) }
            normalized[key] = result
        }
        guard let identifier = result.identifier else {
            if !quiet {
                let message = "\(observation.kind.rawValue) in \(observation.field) could not be normalized: \(result.problem ?? "unknown form")"
                store { writer in
                    try writer.warning(
                        source: "identifiers", code: "identifier-unusable", message: message, locator: locator,
                        memberId: writer.memberRow(memberId))
                }
            }
            return
        }
        resolved.append(ResolvedIdentifier(observation: observation, normalized: identifier, assumption: result.assumption, locator: locator))
        for weak in result.weakForms {
            resolved.append(ResolvedIdentifier(observation: observation, normalized: weak, isWeak: true, assumption: result.assumption, locator: locator))
        }
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
        let error = result.readError?.message ?? parser?.failure ?? (info.isEncrypted ? "encrypted" : nil)
        let size = result.size, sha256 = result.sha256
        openMembers[info.path] = nil
        store { writer in
            try writer.finishMember(
                writer.memberRow(memberId), size: size, sha256: sha256, status: status, parser: parser?.identifier,
                parserVersion: parser?.version, recordCount: parser?.records ?? 0, warningCount: parser?.warnings ?? 0,
                error: error)
        }
    }

    func finding(_ finding: ArchiveFinding) {
        if finding.losesData { lostData = true }
        let memberId = finding.member.isEmpty ? nil : memberIds[finding.member]
        store { writer in
            try writer.warning(
                source: "archive", code: finding.code, message: finding.message, locator: finding.locator ?? "",
                memberId: memberId.map(writer.memberRow))
        }
        // Names are evidence: escape control characters before they reach the terminal.
        var line = PathCheck.escaped(evidenceName)
        if !finding.member.isEmpty { line += " › " + finding.member.map(PathCheck.escaped).joined(separator: " › ") }
        if let locator = finding.locator { line += " @\(locator)" }
        if finding.isShownInSummary { findingLines.append("\(line): \(PathCheck.escaped(finding.message))") }
    }
}

/// A plain thread that runs one closure and can be joined.
final class ReadingThread: @unchecked Sendable {
    private let body: () -> Void
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping () -> Void) { self.body = body }

    func start() {
        let thread = Thread { [self] in
            body()
            done.signal()
        }
        // Deep JSON and nested archives recurse; give the reading thread a generous stack.
        thread.stackSize = 64 << 20
        thread.start()
    }

    func join() { done.wait() }
}

/// Size and modification time of an evidence file (for folders, of the folder itself), to notice a
/// change between hashing and reading.
struct EvidenceStamp: Equatable {
    var size: Int64
    var modifiedNanoseconds: Int64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}
