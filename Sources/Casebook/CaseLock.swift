import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Serializes commands that write a case: one ingest (or tag, or verify) at a time per case file.
///
/// An advisory `flock` on `<case>.lock` beside the case file (never beside the evidence). A second
/// writer waits, after saying so, unless `wait` is false; then it fails with `busy`.
public final class CaseLock {
    private let descriptor: Int32
    public let path: String

    public struct Busy: Error, CustomStringConvertible {
        public var path: String
        public var description: String {
            "the case is being written by another Casebook process (lock '\(path)') – wait for it to finish and retry"
        }
    }

    /// The lock file cannot be created: the case's folder is missing or not writable.
    public struct CannotCreate: Error, CustomStringConvertible {
        public var path: String
        /// `strerror` text, lower-case first ("no such file or directory", "read-only file system").
        public var reason: String
        public var description: String { "cannot create '\(path)' (\(reason))" }
    }

    /// - Parameter onWait: called once if the lock is held by another process and we are about to wait.
    /// - Throws: `Busy`, `CannotCreate`, or `IngestInterrupted` when SIGINT/SIGTERM comes while waiting
    ///   (see `Interruption`; the wait polls for it every 0.1 s).
    public init(casePath: String, wait: Bool = true, onWait: () -> Void = {}) throws {
        path = casePath + ".lock"
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let text = String(cString: strerror(errno))
            throw CannotCreate(path: path, reason: text.prefix(1).lowercased() + text.dropFirst())
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard wait else {
                close(descriptor)
                throw Busy(path: path)
            }
            onWait()
            while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK || errno == EINTR else {
                    close(descriptor)
                    throw Busy(path: path)
                }
                if let signal = Interruption.signal {
                    close(descriptor)
                    throw IngestInterrupted(signal: signal, notIngested: [])
                }
                usleep(100_000)
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
