import CaseStore
import EvidenceArchive
import Foundation

/// One evidence item opened, hashed and read on its own thread, possibly while the item before it
/// is still being written (issue #6, part 3: several archives in one command are parsed concurrently
/// and written through the one writer).
///
/// The thread opens the evidence, notes its size and modification time, hashes it, and then walks
/// it into `queue`, which is bounded: read ahead of its turn, an item parses until the queue is full
/// and then waits, so memory holds at most one queue's worth per item. Nothing reaches the case until
/// the writer drains the queue, after the item before has ended; an item that turns out to be in the
/// case already, or a command that is interrupted, cancels it (`cancel`), which stops the walk.
///
/// Progress lines for the item start when it is written (`startReportingProgress`), so that a bar
/// never mixes two items.
final class PreparedEvidence: @unchecked Sendable {
    /// What the thread knows once the evidence is hashed.
    struct Opened {
        var kind: EvidenceKind
        var hashes: EvidenceHashes
        /// Size and modification time before hashing (G2: compared with those after reading).
        var before: EvidenceStamp?
        var visitor: IngestVisitor
    }

    let path: String
    let displayName: String
    let queue = WriteQueue()
    private let progress: GatedProgress
    private let hashing = HashingState()
    private let thread: ReadingThread

    init(path: String, options: IngestOptions, progress: any IngestProgress) {
        self.path = path
        let name = URL(fileURLWithPath: path).lastPathComponent
        displayName = name
        let gated = GatedProgress(progress)
        self.progress = gated
        let queue = queue
        let hashing = hashing
        thread = ReadingThread {
            let reader: EvidenceReader
            let opened: Opened
            do throws(ArchiveError) {
                reader = try EvidenceReader(path: path, limits: options.limits)
                let before = EvidenceStamp(path: path)
                let hashes = try reader.hashEvidence()
                let visitor = IngestVisitor(
                    queue: queue, evidenceSHA256: hashes.sha256, evidenceName: name, options: options, progress: gated)
                opened = Opened(kind: reader.kind, hashes: hashes, before: before, visitor: visitor)
            } catch {
                hashing.end(.failure(error))
                queue.close()
                return
            }
            hashing.end(.success(opened))
            if queue.failure == nil {
                do {
                    try reader.walk(opened.visitor)
                } catch let error as ArchiveError {
                    // The evidence could not be opened as an archive at all.
                    opened.visitor.rejected = error
                } catch {}
                opened.visitor.flush()
            }
            queue.close()
        }
        thread.start()
    }

    /// Whether the hashes are known (or hashing failed) without waiting.
    var isHashed: Bool { hashing.hasEnded }

    /// Waits for the hashes; the failure says why the evidence could not be opened or hashed (exit 66
    /// for the item).
    func waitUntilHashed() -> Result<Opened, ArchiveError> { hashing.wait() }

    /// The item is being written: its progress goes to the terminal from now on.
    func startReportingProgress() { progress.open() }

    /// Stops the reading thread; what it queued is dropped.
    func cancel() { queue.cancel() }

    /// Waits for the reading thread to end.
    func join() { thread.join() }

    /// The hashing outcome, handed from the item's thread to the writing thread.
    private final class HashingState: @unchecked Sendable {
        private let condition = NSCondition()
        private var result: Result<Opened, ArchiveError>?

        func end(_ result: Result<Opened, ArchiveError>) {
            condition.lock()
            self.result = result
            condition.broadcast()
            condition.unlock()
        }

        var hasEnded: Bool {
            condition.lock()
            defer { condition.unlock() }
            return result != nil
        }

        func wait() -> Result<Opened, ArchiveError> {
            condition.lock()
            defer { condition.unlock() }
            while result == nil { condition.wait() }
            return result!
        }
    }
}

/// Forwards byte and record counts only once opened; the item's other notes go through at once.
final class GatedProgress: IngestProgress, @unchecked Sendable {
    private let wrapped: any IngestProgress
    private let lock = NSLock()
    private var isOpen = false

    init(_ wrapped: any IngestProgress) { self.wrapped = wrapped }

    func open() {
        lock.lock()
        isOpen = true
        lock.unlock()
    }

    func evidenceStarted(name: String, index: Int, count: Int, expectedBytes: Int64) {
        wrapped.evidenceStarted(name: name, index: index, count: count, expectedBytes: expectedBytes)
    }

    func progressed(bytes: Int64, records: Int) {
        lock.lock()
        let forward = isOpen
        lock.unlock()
        if forward { wrapped.progressed(bytes: bytes, records: records) }
    }

    func evidenceFinished(_ summary: IngestSummary) { wrapped.evidenceFinished(summary) }
    func note(_ text: String) { wrapped.note(text) }
}

extension EvidenceWriter {
    /// The row id of the item's member that its reading thread numbered `number` (0 for the first it
    /// met). The thread numbers members without asking the database, possibly before the item before
    /// has ended; the writer adds the first id free when the item's first member is stored.
    func memberRow(_ number: Int64) -> Int64 { firstFreeMemberId + number }
}
