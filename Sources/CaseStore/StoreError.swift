/// A failure of the case database.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }
        /// The case file cannot be created or opened.
        public static let cannotOpen = Code("cannot-open")
        /// The case file does not exist (query commands never create one).
        public static let missing = Code("missing")
        /// Another process holds the write lock.
        public static let busy = Code("busy")
        /// A raw FTS5 query is not valid syntax.
        public static let querySyntax = Code("query-syntax")
        /// A query is too long, runs past its time or work limit, or matches too many rows.
        public static let tooExpensive = Code("too-expensive")
        /// A query has nothing to search for.
        public static let emptyQuery = Code("empty-query")
        /// The disk is full or another I/O error occurred.
        public static let ioError = Code("io-error")
        /// The case was written by a newer Casebook.
        public static let newerSchema = Code("newer-schema")
        /// The case file fails SQLite's checks (a damaged page, a malformed record).
        public static let corrupt = Code("corrupt")
        /// The file is not a Casebook case (not SQLite, or an SQLite file of another program).
        public static let notACase = Code("not-a-case")
        /// A record named by id (an event to tag, say) is not in the case.
        public static let notFound = Code("not-found")
        public static let other = Code("other")
    }

    public var code: Code
    public var message: String
    public var cause: (any Error)?

    public init(_ code: Code, _ message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { message }
}
