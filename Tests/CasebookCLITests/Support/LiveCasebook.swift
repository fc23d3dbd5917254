import CaseStore
import CasebookTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A `casebook` process that a test watches while it runs: its output is collected as it comes,
/// the test sends it signals, and `wait` kills it after a timeout so that a hang fails the test.
final class LiveCasebook: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var outData = Data()
    private var errData = Data()
    private let readers = DispatchGroup()

    /// Starts `casebook arguments…` with extra environment variables (the debug-only test hooks).
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: try #require(CasebookBinary.path))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        for (pipe, isOut) in [(out, true), (err, false)] {
            readers.enter()
            Thread.detachNewThread { [self] in
                let handle = pipe.fileHandleForReading
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    lock.lock()
                    if isOut { outData.append(chunk) } else { errData.append(chunk) }
                    lock.unlock()
                }
                readers.leave()
            }
        }
    }

    var stdout: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: outData, as: UTF8.self)
    }

    var stderr: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: errData, as: UTF8.self)
    }

    var isRunning: Bool { process.isRunning }

    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    struct Result {
        var status: Int32
        /// Ended by a signal (then `status` is the signal number).
        var signaled: Bool
        var timedOut: Bool
        var stdout: String
        var stderr: String
    }

    /// Waits for the process to end; after `timeout` seconds it is killed and `timedOut` is set.
    func wait(timeout: TimeInterval = 120) -> Result {
        var timedOut = false
        if readers.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            readers.wait()
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut, stdout: stdout, stderr: stderr)
    }
}

/// Checks a condition every 20 ms until it holds or `timeout` passes; true when it held.
func poll(timeout: TimeInterval, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return true }
        usleep(20_000)
    }
    return try condition()
}

/// What a test reads from a case while another process may be writing it (read-only; an open that
/// fails because the case is still being created counts as "nothing yet").
enum CaseState {
    struct Item: Equatable {
        var name: String
        var status: String
        var events: Int
    }

    static func items(_ casePath: String) -> [Item]? {
        guard FileManager.default.fileExists(atPath: casePath),
            let store = try? CaseStore(path: casePath, create: false, readOnly: true),
            let rows = try? store.evidenceList()
        else { return nil }
        return rows.map { row in
            let events = (try? store.eventKindCounts(evidenceId: row.id).reduce(0) { $0 + $1.count }) ?? 0
            return Item(name: row.displayName, status: row.status, events: events)
        }
    }

    /// Row counts of the tables that hold one evidence item's rows (not the shared account,
    /// identifier and conversation rows, nor the audit log).
    static func perEvidenceCounts(_ casePath: String) throws -> [String: Int] {
        let counts = try CaseStore(path: casePath, create: false).counts()
        return counts.filter { ["evidence", "member", "event", "identifierOccurrence", "attachment", "warning"].contains($0.key) }
    }

    /// `PRAGMA integrity_check`, `foreign_key_check`, the search-index checks, the kept counts
    /// (`identifierStats`, `accountIdentifier`) against a recount and, when no item is mid-ingest, the
    /// indexes an ingest may build at its end, as a list of problems.
    static func problems(_ casePath: String) throws -> [String] {
        let store = try CaseStore(path: casePath, create: false)
        var problems: [String] = []
        let integrity = try store.integrityCheck()
        if integrity != "ok" { problems.append("integrity_check: \(integrity)") }
        problems += try store.foreignKeyProblems().map { "foreign_key_check: \($0)" }
        problems += try store.searchIndexProblems().map { "search index: \($0)" }
        // identifierStats is refreshed when an item ends: a copy taken mid-ingest is behind by design.
        let midIngest = items(casePath)?.contains { $0.status == "ingesting" } ?? false
        let stats = midIngest ? 0 : try store.identifierStatsMismatches()
        let accountIdentifiers = try store.accountIdentifierMismatches()
        if stats > 0 { problems.append("identifierStats: \(stats) rows differ from a recount") }
        // An ingest that loads a large item builds these at its end (DeferredIndexes).
        if !midIngest { problems += try store.missingIndexes().map { "index \($0) is missing" } }
        if accountIdentifiers > 0 { problems.append("accountIdentifier: \(accountIdentifiers) rows differ from the occurrences") }
        return problems
    }
}

/// The `sqlite3` shell, for checks that should not go through Casebook's own code (dumps, a
/// damaged page, a foreign schema row). Tests that need it skip, saying so, when it is absent.
enum SQLiteShell {
    static var path: String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(directory)/sqlite3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `sql` on `database` (read-only unless `write`); returns standard output.
    static func run(_ database: String, _ sql: String, write: Bool = false) throws -> String {
        let shell = try #require(path)
        let result = try CasebookBinary.execute(shell, (write ? [] : ["-readonly"]) + [database, sql], timeout: 60)
        #expect(result.status == 0, "sqlite3 \(sql): \(result.stderr)")
        return result.stdout
    }
}
