import CaseStore
import Foundation

/// Hands batches of store operations from the reading thread to the writing thread.
///
/// Bounded (so memory stays flat when parsing outruns SQLite), ordered, and stops both sides on the
/// first store failure (for example a full disk).
///
/// Applied batches go back to the reading thread to be freed: releasing a batch frees every record
/// its operations captured, and that took 9 % of the writing thread on the medium bench archive
/// (`perf`), the thread that sets an ingest's pace. The reader frees them at its next `push`.
final class WriteQueue: @unchecked Sendable {
    typealias Operation = (EvidenceWriter) throws -> Void

    private let condition = NSCondition()
    private var batches: [[Operation]] = []
    /// Batches applied and not yet taken back by the reader, which frees them.
    private var applied: [[Operation]] = []
    private var closed = false
    private var storedFailure: (any Error)?
    private let capacity: Int
    /// Seconds the reader waited for room and the writer waited for work (diagnostics: which side
    /// bounds an ingest).
    private(set) var readerWaited: Double = 0
    private(set) var writerWaited: Double = 0

    init(capacity: Int = 8) { self.capacity = capacity }

    /// Batches pushed and not yet applied.
    var queuedBatches: Int {
        condition.lock()
        defer { condition.unlock() }
        return batches.count
    }

    var failure: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return storedFailure
    }

    /// Waits while the queue is full; drops the batch once the writer has failed.
    func push(_ batch: [Operation]) {
        guard !batch.isEmpty else { return }
        var spent: [[Operation]] = []
        // Released after the lock, on this thread, with every record the operations captured.
        defer { withExtendedLifetime(spent) {} }
        condition.lock()
        if batches.count >= capacity && storedFailure == nil {
            let started = DispatchTime.now().uptimeNanoseconds
            while batches.count >= capacity && storedFailure == nil { condition.wait() }
            readerWaited += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        }
        if storedFailure == nil {
            batches.append(batch)
            condition.broadcast()
        }
        swap(&spent, &applied)
        condition.unlock()
    }

    /// Stops the reading side without applying what it queued (an item read ahead that is not
    /// ingested after all: already in the case, or the command was interrupted).
    func cancel() {
        condition.lock()
        if storedFailure == nil { fail(CancellationError()) }
        condition.unlock()
    }

    /// No more batches will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Applies batches in order until the queue is closed and empty, or an operation fails, or
    /// `stop` returns a reason (an interruption), which is then stored as the failure so that the
    /// reading side stops too. `stop` is polled between batches and every 0.1 s while waiting.
    func drain(into writer: EvidenceWriter, stop: () -> (any Error)? = { nil }) {
        while true {
            condition.lock()
            let started = DispatchTime.now().uptimeNanoseconds
            while batches.isEmpty && !closed {
                if let reason = stop() {
                    fail(reason)
                    condition.unlock()
                    return
                }
                _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1))
            }
            writerWaited += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            if batches.isEmpty {
                condition.unlock()
                return
            }
            if let reason = stop() {
                fail(reason)
                condition.unlock()
                return
            }
            let batch = batches.removeFirst()
            condition.broadcast()
            condition.unlock()
            do {
                for operation in batch { try operation(writer) }
            } catch {
                condition.lock()
                fail(error)
                condition.unlock()
                return
            }
            condition.lock()
            applied.append(batch)
            condition.unlock()
        }
    }

    /// Records the failure and wakes a waiting reader; the caller holds the lock.
    private func fail(_ error: any Error) {
        storedFailure = error
        batches.removeAll()
        condition.broadcast()
    }
}
