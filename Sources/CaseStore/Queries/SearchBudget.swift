import Foundation
import GRDB
import GRDBSQLite

/// Limits on one full-text search, so that a hostile or careless query (`a*` over a big case, thousands
/// of OR terms, a megabyte of text) ends with a clear message instead of running for hours or filling
/// memory (RELIABILITY.md R-47).
public struct SearchBudget: Sendable, Hashable {
    /// Longest FTS5 expression accepted, in UTF-8 bytes (after plain text is quoted).
    public var maxQueryBytes: Int
    /// Wall-clock limit for running the query and reading its rows; nil means none.
    public var seconds: Double?
    /// Work limit in thousands of SQLite virtual-machine steps; nil means none. Unlike `seconds` it
    /// does not depend on the machine, so a stop is reproducible.
    public var kilosteps: Int?
    /// Most rows returned when the caller sets no limit; nil means no cap.
    public var maxRows: Int?

    public init(maxQueryBytes: Int = 65_536, seconds: Double? = 30, kilosteps: Int? = nil, maxRows: Int? = nil) {
        self.maxQueryBytes = maxQueryBytes
        self.seconds = seconds
        self.kilosteps = kilosteps
        self.maxRows = maxRows
    }

    /// 64 KiB of query, 30 seconds, no step limit, no row cap.
    public static let standard = SearchBudget()
}

/// Watches one read through SQLite's progress handler and interrupts it when the budget runs out.
///
/// The handler is called every 1,000 virtual-machine steps; it counts the calls against
/// `kilosteps` and compares the clock with the deadline. Time spent turning rows into values between
/// steps counts towards the deadline too. Related SQLite documentation:
/// <https://www.sqlite.org/c3ref/progress_handler.html>
final class QueryMeter: @unchecked Sendable {
    private let budget: SearchBudget
    private var deadline: Date?
    private var calls = 0
    /// Why the query was stopped (`30 s`, `2000 thousand steps`), nil while it runs or when it finished.
    private(set) var stopReason: String?

    init(_ budget: SearchBudget) { self.budget = budget }

    func watch<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        guard budget.seconds != nil || budget.kilosteps != nil, let connection = db.sqliteConnection else {
            return try body()
        }
        deadline = budget.seconds.map { Date().addingTimeInterval($0) }
        calls = 0
        stopReason = nil
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_progress_handler(
            connection, 1_000,
            { context in
                guard let context else { return 0 }
                return Unmanaged<QueryMeter>.fromOpaque(context).takeUnretainedValue().tick() ? 1 : 0
            }, context)
        defer { sqlite3_progress_handler(connection, 0, nil, nil) }
        return try withExtendedLifetime(self) { try body() }
    }

    /// True when the query must stop.
    private func tick() -> Bool {
        calls += 1
        if let limit = budget.kilosteps, calls > limit {
            stopReason = "\(limit) thousand steps (the work limit)"
            return true
        }
        if let deadline, let seconds = budget.seconds, Date() >= deadline {
            stopReason = "\(Self.format(seconds)) s (the time limit)"
            return true
        }
        return false
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
