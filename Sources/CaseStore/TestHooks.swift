import Foundation
import GRDB

/// Environment hooks for the crash, interruption and fault-injection tests (RELIABILITY.md R-36,
/// They exist only in debug builds: a release `casebook` ignores these variables.
///
/// - `CASEBOOK_TEST_BATCH_SIZE=N`: commit an evidence item's records every N records instead of
///   every 250,000, so that a small test archive has several committed batches.
/// - `CASEBOOK_TEST_FAIL_WRITE_AFTER=N`: the Nth commit of an ingest (the evidence row, each batch,
///   the final status) fails with SQLite's I/O error instead of committing; the transaction is then
///   rolled back as after a real I/O error.
/// - `CASEBOOK_TEST_COMMIT_PAUSE_MS=N`: sleep N ms before each ingest commit, so that a test that
///   signals or kills an ingest mid-item has a window of known width whatever the machine's load
///   (a read-ahead item is written in a fraction of the time it took to read).
/// - `CASEBOOK_TEST_DEFER_INDEXES=always|never`: overrides `DeferredIndexes.toDefer`, so that
///   small test archives take either path.
///
/// `CASEBOOK_TEST_HOLD` (stop the writer at a known batch until signalled) is in `Casebook/TestHold.swift`,
/// where the signal flag is visible.
enum TestHooks {
    #if DEBUG
        static let batchSize: Int? = ProcessInfo.processInfo.environment["CASEBOOK_TEST_BATCH_SIZE"].flatMap(Int.init)
            .flatMap { $0 > 0 ? $0 : nil }
        static let failingCommit: Int? = ProcessInfo.processInfo.environment["CASEBOOK_TEST_FAIL_WRITE_AFTER"].flatMap(
            Int.init)
        nonisolated(unsafe) static var commits = 0
        static let commitPause: UInt32? = ProcessInfo.processInfo.environment["CASEBOOK_TEST_COMMIT_PAUSE_MS"].flatMap(UInt32.init)
        static let deferIndexes: Bool? = ProcessInfo.processInfo.environment["CASEBOOK_TEST_DEFER_INDEXES"].flatMap {
            $0 == "always" ? true : $0 == "never" ? false : nil
        }
    #else
        static let batchSize: Int? = nil
    #endif

    /// Called before each ingest commit (one thread writes, so the counter needs no lock).
    static func beforeCommit() throws {
        #if DEBUG
            if let commitPause { usleep(commitPause * 1_000) }
            guard let failingCommit else { return }
            commits += 1
            if commits == failingCommit {
                throw DatabaseError(
                    resultCode: .SQLITE_IOERR_WRITE,
                    message: "disk I/O error (injected at commit \(commits) by CASEBOOK_TEST_FAIL_WRITE_AFTER)")
            }
        #endif
    }
}
