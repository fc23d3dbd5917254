import EvidenceArchive
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM while a command writes the case (RELIABILITY.md R-36).
///
/// `install()` replaces the default action (die at once) with a handler that only records the signal.
/// The ingest notices it within a fraction of a second — the writing thread checks between batches
/// and while it waits for the reading thread; the case lock wait polls it — rolls back its open
/// transaction, removes the half-written evidence item, closes the case and exits 130 (SIGINT) or
/// 143 (SIGTERM). Hashing a large evidence file is not interrupted: the signal is acted on when it
/// ends. The handler resets itself (`SA_RESETHAND`), so a second Ctrl-C ends the process at once,
/// which the case survives as it survives `kill -9` (R-34).
public enum Interruption {
    @available(macOS 15.0, *)
    static let received = Atomic<Int32>(0)

    /// Installs the handler for SIGINT and SIGTERM, and unblocks both in the calling thread: a parent
    /// may start us with them blocked (a process spawned from a libdispatch worker thread inherits
    /// its signal mask), and a blocked signal would stay pending for ever.
    public static func install() {
        guard #available(macOS 15.0, *) else { return }
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for signalNumber in [SIGINT, SIGTERM] {
            var action = sigaction()
            #if canImport(Glibc)
                action.__sigaction_handler.sa_handler = { number in
                    if #available(macOS 15.0, *) {
                        _ = Interruption.received.compareExchange(expected: 0, desired: number, ordering: .sequentiallyConsistent)
                    }
                }
            #else
                action.__sigaction_u.__sa_handler = { number in
                    if #available(macOS 15.0, *) {
                        _ = Interruption.received.compareExchange(expected: 0, desired: number, ordering: .sequentiallyConsistent)
                    }
                }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_RESTART) | Int32(bitPattern: UInt32(SA_RESETHAND))
            sigaction(signalNumber, &action, nil)
        }
    }

    /// The first signal received since `install()`, or nil.
    public static var signal: Int32? {
        guard #available(macOS 15.0, *) else { return nil }
        let value = received.load(ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }

    /// Throws `IngestInterrupted` when a signal has been received.
    static func check(notIngested: @autoclosure () -> [String]) throws {
        if let signal { throw IngestInterrupted(signal: signal, notIngested: notIngested()) }
    }
}

/// An ingest stopped by SIGINT or SIGTERM. Items finished before the signal stay in the case;
/// `notIngested` were not added (a half-written item is removed).
public struct IngestInterrupted: Error, CustomStringConvertible, Sendable {
    public var signal: Int32
    /// Display names of the evidence items not ingested (the one being read, and any not yet started).
    public var notIngested: [String]
    /// Items finished earlier in the same command.
    public var finished: [IngestSummary] = []

    public init(signal: Int32, notIngested: [String], finished: [IngestSummary] = []) {
        self.signal = signal
        self.notIngested = notIngested
        self.finished = finished
    }

    /// 130 for SIGINT, 143 for SIGTERM (128 + the signal number, as shells report it).
    public var exitStatus: Int32 { 128 + signal }

    /// Records added by the finished items.
    public var recordsKept: Int {
        finished.filter { $0.outcome == .complete || $0.outcome == .partial }.reduce(0) { $0 + $1.records }
    }

    public var description: String {
        let names = notIngested.map(PathCheck.escaped).joined(separator: ", ")
        return "interrupted: \(names.isEmpty ? "nothing" : names) not ingested (\(recordsKept) records kept from earlier items)"
    }
}
