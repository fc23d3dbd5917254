import EvidenceModel
import GRDB

/// Filters shared by search and timeline.
public struct EventFilter: Sendable {
    /// Inclusive lower bound, UTC microseconds.
    public var since: Int64?
    /// Exclusive upper bound, UTC microseconds.
    public var until: Int64?
    public var platforms: [Platform] = []
    public var kinds: [EventKind] = []
    /// An account as typed: `@handle`, `handle`, a platform user id, or `platform:handle`.
    public var account: String?
    /// Normalized identifiers; an event matches when any of them occurs in it.
    public var identifiers: [NormalizedIdentifier] = []
    /// Only events an examiner tagged (`casebook tag`).
    public var taggedOnly = false
    /// Only these event ids (empty: no restriction).
    public var eventIds: [Int64] = []
    /// 0 means no limit.
    public var limit: Int = 0

    public init() {}
}

/// One event as queries return it, with everything needed to show and cite it.
public struct EventRow: Sendable, Hashable {
    public var id: Int64
    public var occurredAt: Int64?
    public var timeRaw: String?
    public var timePrecision: String?
    public var timeZoneSource: String?
    public var platform: String
    public var kind: String
    /// The actor's handle, user id or key, in that order of preference.
    public var account: String?
    public var accountHandle: String?
    public var accountUserId: String?
    public var conversation: String?
    public var text: String?
    /// The matching passage with hits between « and », for search results.
    public var snippet: String?
    public var details: String
    public var evidenceSHA256: String
    public var evidenceName: String
    public var memberPath: String
    public var locator: String
    public var parser: String
    public var parserVersion: Int
    /// Row ids of the actor account and the conversation, for exports that link records.
    public var actorAccountId: Int64? = nil
    public var conversationId: Int64? = nil
}

extension CaseStore {
    /// Event text is read as a BLOB: SQLite keeps NUL characters in text, but reading TEXT through
    /// `sqlite3_column_text` (as GRDB does) stops at the first NUL, which cut messages short (R-26).
    /// Queries select these columns in this order and then a `snippet` column; `eventRow` reads
    /// them by position (`EventColumn`).
    static let eventColumns = """
        e.id, e.occurredAt, e.timeRaw, e.timePrecision, e.timeZoneSource, e.platform, e.kind,
        CAST(e.text AS BLOB) AS text, e.details,
        e.locator, e.parser, e.parserVersion, e.actorAccountId, e.conversationId, a.handle AS accountHandle, a.platformUserId AS accountUserId,
        a.accountKey AS accountKey, c.conversationKey AS conversationKey, v.sha256 AS evidenceSHA256,
        v.displayName AS evidenceName, m.path AS memberPath
        """

    /// The position of each of `eventColumns` (and the `snippet` after them) in an event query's
    /// rows. Read by name, GRDB compared the name with every column's, case-insensitively: 27k
    /// lowercased strings for a search's 100 rows. `EventQueryTests` checks these against the names.
    enum EventColumn: Int, CaseIterable {
        case id, occurredAt, timeRaw, timePrecision, timeZoneSource, platform, kind, text, details, locator, parser,
            parserVersion, actorAccountId, conversationId, accountHandle, accountUserId, accountKey, conversationKey,
            evidenceSHA256, evidenceName, memberPath, snippet
    }

    static let eventJoins = """
        LEFT JOIN account a ON a.id = e.actorAccountId
        LEFT JOIN conversation c ON c.id = e.conversationId
        JOIN evidence v ON v.id = e.evidenceId
        JOIN member m ON m.id = e.memberId
        """

    /// The `--since`/`--until` conditions on `e.occurredAt` (the event_time index answers them alone).
    static func timeClauses(_ filter: EventFilter, arguments: inout StatementArguments) -> [String] {
        var clauses: [String] = []
        if let since = filter.since {
            clauses.append("e.occurredAt >= ?")
            _ = arguments.append(contentsOf: [since])
        }
        if let until = filter.until {
            clauses.append("e.occurredAt < ?")
            _ = arguments.append(contentsOf: [until])
        }
        return clauses
    }

    static func whereClause(_ filter: EventFilter, arguments: inout StatementArguments) -> [String] {
        var clauses = timeClauses(filter, arguments: &arguments)
        if !filter.platforms.isEmpty {
            clauses.append("e.platform IN (\(Array(repeating: "?", count: filter.platforms.count).joined(separator: ",")))")
            _ = arguments.append(contentsOf: StatementArguments(filter.platforms.map(\.rawValue)))
        }
        if !filter.kinds.isEmpty {
            clauses.append("e.kind IN (\(Array(repeating: "?", count: filter.kinds.count).joined(separator: ",")))")
            _ = arguments.append(contentsOf: StatementArguments(filter.kinds.map(\.rawValue)))
        }
        if let account = filter.account {
            var text = account
            var platform: String?
            if let colon = text.firstIndex(of: ":"), Platform(rawValue: String(text[..<colon])) != nil {
                platform = String(text[..<colon])
                text = String(text[text.index(after: colon)...])
            }
            if text.hasPrefix("@") { text.removeFirst() }
            clauses.append(
                """
                e.actorAccountId IN (SELECT id FROM account WHERE (handle = ? COLLATE NOCASE OR platformUserId = ?
                OR accountKey = ?) AND (? IS NULL OR platform = ?))
                """)
            _ = arguments.append(contentsOf: [text, text, text, platform, platform])
        }
        if !filter.identifiers.isEmpty {
            let pairs = Array(repeating: "(i.kind = ? AND i.value = ?)", count: filter.identifiers.count).joined(separator: " OR ")
            clauses.append(
                """
                e.id IN (SELECT o.eventId FROM identifierOccurrence o JOIN identifier i ON i.id = o.identifierId
                WHERE o.eventId IS NOT NULL AND (\(pairs)))
                """)
            for identifier in filter.identifiers {
                _ = arguments.append(contentsOf: [identifier.kind.rawValue, identifier.value])
            }
        }
        if filter.taggedOnly {
            clauses.append("e.id IN (SELECT eventId FROM tag)")
        }
        if !filter.eventIds.isEmpty {
            clauses.append("e.id IN (\(Array(repeating: "?", count: filter.eventIds.count).joined(separator: ",")))")
            _ = arguments.append(contentsOf: StatementArguments(filter.eventIds))
        }
        return clauses
    }

    /// A text column selected as a BLOB, decoded with every byte (NUL included).
    static func fullText(_ row: Row, _ column: EventColumn) -> String? {
        let value: DatabaseValue = row[column.rawValue]
        switch value.storage {
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        case .string(let text): return text
        default: return nil
        }
    }

    static func eventRow(_ row: Row) -> EventRow {
        func value<Value: DatabaseValueConvertible>(_ column: EventColumn) -> Value { row[column.rawValue] }
        let handle: String? = value(.accountHandle)
        let userId: String? = value(.accountUserId)
        let key: String? = value(.accountKey)
        return EventRow(
            id: value(.id), occurredAt: value(.occurredAt), timeRaw: value(.timeRaw), timePrecision: value(.timePrecision),
            timeZoneSource: value(.timeZoneSource), platform: value(.platform), kind: value(.kind),
            account: handle.map { "@" + $0 } ?? userId ?? key, accountHandle: handle, accountUserId: userId,
            conversation: value(.conversationKey), text: fullText(row, .text), snippet: fullText(row, .snippet),
            details: value(.details), evidenceSHA256: value(.evidenceSHA256), evidenceName: value(.evidenceName),
            memberPath: value(.memberPath), locator: value(.locator), parser: value(.parser), parserVersion: value(.parserVersion),
            actorAccountId: value(.actorAccountId), conversationId: value(.conversationId))
    }

    /// Full-text search, newest first (events without a time last), within `budget`.
    ///
    /// - Throws: `StoreError` `.querySyntax` for an invalid raw pattern (never the SQLite message),
    ///   `.tooExpensive` when the query is longer than the budget allows or runs past its time or work
    ///   limit, or matches more rows than `budget.maxRows` without a `limit`.
    /// How `search` finds the events to show. `.automatic` picks per query; the others exist so that
    /// tests can check that both plans give the same rows.
    public enum SearchPlan: Sendable {
        case automatic
        /// Every match is looked up to sort by time: cheap when few events match.
        case byMatches
        /// The time index is walked in order, keeping matching events until the limit: cheap when many
        /// events match (a common word touched one event page per hit, 16k page faults on 2.2M events).
        case byTime
    }

    public func search(
        _ pattern: SearchPattern, filter: EventFilter, oldestFirst: Bool = false, budget: SearchBudget = .standard,
        plan: SearchPlan = .automatic
    ) throws -> [EventRow] {
        let length = pattern.expression.utf8.count
        if length > budget.maxQueryBytes {
            throw StoreError(
                .tooExpensive,
                "the query is too expensive: \(length) bytes, more than the limit of \(budget.maxQueryBytes) – narrow it "
                    + "to the words that matter")
        }
        var arguments: StatementArguments = [pattern.expression]
        var clauses = ["eventSearch MATCH ?"]
        clauses += CaseStore.whereClause(filter, arguments: &arguments)
        let order = oldestFirst ? "e.occurredAt IS NULL, e.occurredAt ASC, e.id ASC" : "e.occurredAt IS NULL, e.occurredAt DESC, e.id DESC"
        var sql = """
            SELECT \(CaseStore.eventColumns), CAST(snippet(eventSearch, 0, '«', '»', '…', 16) AS BLOB) AS snippet
            FROM eventSearch JOIN event e ON e.id = eventSearch.rowid
            \(CaseStore.eventJoins)
            WHERE \(clauses.joined(separator: " AND "))
            ORDER BY \(order)
            """
        // Without a limit, one row more than the cap tells "too many" from "exactly the cap".
        let rowCap = filter.limit > 0 ? nil : budget.maxRows
        if filter.limit > 0 {
            sql += " LIMIT ?"
            _ = arguments.append(contentsOf: [filter.limit])
        } else if let rowCap {
            sql += " LIMIT ?"
            _ = arguments.append(contentsOf: [rowCap + 1])
        }
        let meter = QueryMeter(budget)
        let rows: [EventRow]
        // The time walk needs a limit and filters the (occurredAt, id) index can answer.
        let timeWalkable = filter.limit > 0 && filter.platforms.isEmpty && filter.kinds.isEmpty && filter.account == nil
            && filter.identifiers.isEmpty && !filter.taggedOnly && filter.eventIds.isEmpty
        do {
            rows = try reading { db in
                try meter.watch(db) {
                    if timeWalkable, plan != .byMatches,
                        let ids = try CaseStore.newestMatchesByTime(
                            db, pattern, filter: filter, oldestFirst: oldestFirst, always: plan == .byTime)
                    {
                        if ids.isEmpty { return [] }
                        // `+` keeps the id list out of FTS5, which otherwise restarted its doclist for
                        // each listed id (8 ms against 4 ms for 100 ids of a word in 26k events).
                        let list = Array(repeating: "?", count: ids.count).joined(separator: ",")
                        return try Row.fetchAll(
                            db,
                            sql: """
                                SELECT \(CaseStore.eventColumns), CAST(snippet(eventSearch, 0, '«', '»', '…', 16) AS BLOB) AS snippet
                                FROM eventSearch JOIN event e ON e.id = eventSearch.rowid
                                \(CaseStore.eventJoins)
                                WHERE eventSearch MATCH ? AND +eventSearch.rowid IN (\(list))
                                ORDER BY \(order)
                                """,
                            arguments: StatementArguments([pattern.expression]) + StatementArguments(ids)
                        ).map { CaseStore.eventRow($0) }
                    }
                    return try Row.fetchAll(db, sql: sql, arguments: arguments).map { CaseStore.eventRow($0) }
                }
            }
        } catch let error as DatabaseError {
            if let stopped = meter.stopReason {
                throw StoreError(
                    .tooExpensive,
                    "the query is too expensive: stopped after \(stopped) – narrow it (more words, fewer prefix* terms, "
                        + "--since/--until, --platform or --kind) or pass --limit",
                    cause: error)
            }
            if error.resultCode == .SQLITE_ERROR {
                if pattern.isRaw {
                    throw StoreError(
                        .querySyntax,
                        "the search expression is not valid FTS5 syntax – check quotes and operators (AND, OR, NOT, NEAR(), prefix*) or drop --raw",
                        cause: error)
                }
                throw StoreError(.querySyntax, "the search text could not be used – simplify it", cause: error)
            }
            throw CaseStore.map(error, context: "search failed")
        }
        if let rowCap, rows.count > rowCap {
            throw StoreError(
                .tooExpensive,
                "the query is too expensive: more than \(rowCap) events match – narrow it (more words, --since/--until, "
                    + "--platform or --kind) or pass --limit")
        }
        return rows
    }

    /// The ids of the first `filter.limit` matches in time order (newest first unless `oldestFirst`;
    /// events without a time last), found by walking the time index, or nil when too few events match
    /// for that to pay (then each match is looked up instead): the walk reads about
    /// limit × events ÷ matches index entries, the lookup one event row per match (measured on 2.2M
    /// events: a word in 26k of them 10 ms by walking; one in 828 of them 390 ms by walking).
    static func newestMatchesByTime(
        _ db: Database, _ pattern: SearchPattern, filter: EventFilter, oldestFirst: Bool, always: Bool
    ) throws -> [Int64]? {
        // The matching ids, read once from the index's doclist with the C API (in SQL, `id IN (SELECT
        // rowid …)` built a temporary B-tree of every match and the plan choice counted them again: 16
        // of a 45 ms search on the 2.2M-event case).
        // In rowid order (FTS5 reads its doclists that way), kept as a sorted array and searched by
        // halves: a set hashed every id and grew a dozen times (26k matches for a common word on the
        // large bench case), for the few thousand lookups the walk makes.
        var matching: [Int64] = []
        let matches = try BulkStatement(db, "SELECT rowid FROM eventSearch WHERE eventSearch MATCH ? ORDER BY rowid")
        matches.bind(1, pattern.expression)
        try matches.forEachInt64 {
            matching.append($0)
            return true
        }
        func isMatching(_ id: Int64) -> Bool {
            var low = 0, high = matching.count
            while low < high {
                let middle = (low + high) / 2
                if matching[middle] < id { low = middle + 1 } else { high = middle }
            }
            return low < matching.count && matching[low] == id
        }
        if !always {
            let matches = Int64(matching.count)
            let events = try Int64.fetchOne(db, sql: "SELECT max(id) FROM eventRow") ?? 0
            // An index entry costs far less than an event row (a page fault on a big case): walk when the
            // walk reads fewer than ~20 entries per lookup it saves.
            guard matches * matches * 20 > Int64(filter.limit) * events else { return nil }
        }
        let direction = oldestFirst ? "ASC" : "DESC"
        // An ingest loading a large item drops the index until its end (DeferredIndexes); the walk
        // then sorts, which is slower but gives the same events.
        let timeIndex = try DeferredIndexes.missing(db).contains("event_time") ? "" : "INDEXED BY event_time"
        var ids: [Int64] = []
        for timed in [true, false] where ids.count < filter.limit && !matching.isEmpty {
            // Events without a time come last; a time filter leaves them out.
            if !timed && (filter.since != nil || filter.until != nil) { break }
            var arguments: StatementArguments = []
            let clauses = [timed ? "e.occurredAt IS NOT NULL" : "e.occurredAt IS NULL"] + timeClauses(filter, arguments: &arguments)
            let walk = try BulkStatement(
                db,
                """
                SELECT e.id FROM eventRow e \(timeIndex) WHERE \(clauses.joined(separator: " AND "))
                ORDER BY \(timed ? "e.occurredAt \(direction), " : "")e.id \(direction)
                """)
            try walk.setArguments(arguments)
            try walk.forEachInt64 { id in
                if isMatching(id) { ids.append(id) }
                return ids.count < filter.limit
            }
        }
        return ids
    }

    /// Every matching event in time order (events without a time last).
    public func timeline(_ filter: EventFilter, newestFirst: Bool = false) throws -> [EventRow] {
        var rows: [EventRow] = []
        try forEachTimelineEvent(filter, newestFirst: newestFirst) { rows.append($0) }
        return rows
    }

    /// Calls `body` for each event `timeline` gives, in its order, without holding them: a whole-case
    /// `timeline --format jsonl` of the medium bench case held 2.1 GB before it wrote a line. Both
    /// passes read one snapshot of the case.
    public func forEachTimelineEvent(_ filter: EventFilter, newestFirst: Bool = false, _ body: (EventRow) throws -> Void) throws {
        // Two ordered passes instead of `ORDER BY occurredAt IS NULL, ...`, which SQLite cannot serve
        // from the (occurredAt, id) index: timed events first, then (without a time filter) untimed ones.
        let direction = newestFirst ? "DESC" : "ASC"
        let hasTimeFilter = filter.since != nil || filter.until != nil
        do {
            try reading { db in
                var delivered = 0
                for timed in [true, false] {
                    if !timed && hasTimeFilter { break }
                    if filter.limit > 0 && delivered >= filter.limit { break }
                    var arguments = StatementArguments()
                    var clauses = CaseStore.whereClause(filter, arguments: &arguments)
                    clauses.append(timed ? "e.occurredAt IS NOT NULL" : "e.occurredAt IS NULL")
                    var sql = """
                        SELECT \(CaseStore.eventColumns), NULL AS snippet FROM event e
                        \(CaseStore.eventJoins)
                        WHERE \(clauses.joined(separator: " AND "))
                        ORDER BY \(timed ? "e.occurredAt \(direction), " : "")e.id \(direction)
                        """
                    if filter.limit > 0 {
                        sql += " LIMIT ?"
                        _ = arguments.append(contentsOf: [filter.limit - delivered])
                    }
                    let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                    while let row = try cursor.next() {
                        try body(CaseStore.eventRow(row))
                        delivered += 1
                    }
                }
            }
        } catch let error as DatabaseError {
            throw CaseStore.map(error, context: "cannot read case")
        }
    }

}
