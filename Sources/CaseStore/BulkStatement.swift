import GRDB
import GRDBSQLite

/// A prepared statement driven through the raw SQLite C API, for the paths that step many rows: the
/// ingest writer's inserts, and the integer walks of `search`.
///
/// GRDB's `StatementArguments` allocate per call; binding directly cuts the writer's cost per row
/// roughly in half (measured with `Scripts/bench`), and GRDB's cursors cost about 1,400 instructions
/// a row. Every value is still bound, never spliced into SQL.
final class BulkStatement {
    private let statement: Statement
    private let handle: OpaquePointer
    private let connection: OpaquePointer?
    /// One buffer per text parameter, owned here: text is copied into it and bound as
    /// `SQLITE_STATIC`. With `SQLITE_TRANSIENT` SQLite freed the parameter's previous copy and
    /// allocated a new one at every bind (about 700 instructions a value; the writer binds a dozen
    /// texts per event). A buffer changes only when its parameter is bound again, after the row
    /// was stepped, and lives until the statement's bindings are cleared (`deinit`).
    private var textBuffers: [(pointer: UnsafeMutableRawPointer, capacity: Int)] = []
    private static var staticText: sqlite3_destructor_type {
        unsafeBitCast(OpaquePointer(bitPattern: 0), to: sqlite3_destructor_type.self)
    }

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    deinit {
        sqlite3_clear_bindings(handle)
        for buffer in textBuffers { buffer.pointer.deallocate() }
    }

    /// Parameter `index`'s buffer, grown to hold `count` bytes.
    private func textBuffer(_ index: Int32, count: Int) -> UnsafeMutableRawPointer {
        let slot = Int(index) - 1
        while textBuffers.count <= slot { textBuffers.append((UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 1), 64)) }
        if textBuffers[slot].capacity < count {
            // Rebound below, so SQLite never keeps the old pointer.
            textBuffers[slot].pointer.deallocate()
            let capacity = max(count, textBuffers[slot].capacity * 2)
            textBuffers[slot] = (UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 1), capacity)
        }
        return textBuffers[slot].pointer
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int?) {
        bind(index, value.map(Int64.init))
    }

    func bind(_ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        value.withUTF8 { bytes in
            let buffer = textBuffer(index, count: bytes.count)
            if let base = bytes.baseAddress { buffer.copyMemory(from: base, byteCount: bytes.count) }
            sqlite3_bind_text(handle, index, buffer.assumingMemoryBound(to: CChar.self), Int32(bytes.count), BulkStatement.staticText)
        }
    }

    /// Binds GRDB arguments (for statements whose conditions are built elsewhere).
    func setArguments(_ arguments: StatementArguments) throws {
        try statement.setArguments(arguments)
    }

    /// Runs the statement once and resets it for the next row.
    func execute() throws {
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        if code != SQLITE_DONE && code != SQLITE_ROW { throw failure(code) }
    }

    /// Runs a one-row query and returns its first column as an integer, or nil when there is no row.
    func fetchInt64() throws -> Int64? {
        var value: Int64?
        try forEachInt64 { value = $0; return false }
        return value
    }

    /// Steps the query, handing each row's first column as an integer to `body` until it returns
    /// false or the rows end; then resets the statement.
    func forEachInt64(_ body: (Int64) throws -> Bool) throws {
        try forEachRow { row in try body(row.int64(0) ?? 0) }
    }

    /// Steps the query, handing each row to `body` until it returns false or the rows end; then
    /// resets the statement. The row is valid only during the call.
    func forEachRow(_ body: (Row) throws -> Bool) throws {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code) }
            if try !body(Row(handle: handle)) { return }
        }
    }

    /// The current row of a stepping statement.
    struct Row {
        let handle: OpaquePointer

        /// Column `index` as an integer, nil when NULL.
        func int64(_ index: Int32) -> Int64? {
            sqlite3_column_type(handle, index) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, index)
        }
    }

    /// The error for a failed step, with SQLite's message (read before the statement is reset).
    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) })
    }
}
