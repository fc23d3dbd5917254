import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A test hook that stops an ingest at a known point, so that a test can signal it, kill it or read
/// the case while an item is half-written, whatever the machine's load (RELIABILITY.md R-34, R-36,
/// R-42). A timed window is not enough: on a loaded CI machine a test once polled through a 3-second
/// window without seeing it.
///
/// `CASEBOOK_TEST_HOLD=NAME@N` (debug builds only): once the item displayed as NAME has committed N
/// batches (see `CASEBOOK_TEST_BATCH_SIZE`), its writer stops before the next batch, its read-ahead
/// waiting behind it, until the process receives SIGINT or SIGTERM, or the file named by
/// `CASEBOOK_TEST_RELEASE` exists, or two minutes pass (so that a failing test cannot hang the suite).
/// It holds once per process.
enum TestHold {
    #if DEBUG
        private static let target: (name: String, batches: Int)? = {
            guard let value = ProcessInfo.processInfo.environment["CASEBOOK_TEST_HOLD"],
                let at = value.lastIndex(of: "@"), let batches = Int(value[value.index(after: at)...])
            else { return nil }
            return (String(value[..<at]), batches)
        }()
        private static let releaseFile = ProcessInfo.processInfo.environment["CASEBOOK_TEST_RELEASE"]
        nonisolated(unsafe) private static var held = false
    #endif

    /// Called by the writing thread between batches of the item `name`.
    static func pause(item name: String, batchesCommitted: Int) {
        #if DEBUG
            guard let target, !held, target.name == name, batchesCommitted >= target.batches else { return }
            held = true
            let deadline = Date().addingTimeInterval(120)
            while Interruption.signal == nil && Date() < deadline {
                if let releaseFile, FileManager.default.fileExists(atPath: releaseFile) { return }
                usleep(10_000)
            }
        #endif
    }
}
