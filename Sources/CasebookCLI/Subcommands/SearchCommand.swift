import ArgumentParser
import CaseReports
import CaseStore
import Casebook

extension CasebookCommand {
    /// `casebook search QUERY`
    struct SearchCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Full-text search over posts, messages and other event text, newest first.",
            discussion: """
                Words are matched as given (all must occur, diacritics ignored); "double quotes" keep a phrase \
                together. With --raw the query is FTS5 syntax: AND, OR, NOT, NEAR(a b, 5), prefix*.

                A search stops with exit status 64 ("too expensive – narrow it") when the query is longer than \
                64 KiB, runs past --time-limit, or matches more than 250,000 events without --limit.
                """)

        @Argument(help: "What to look for.")
        var query: String

        @Flag(help: "Treat the query as FTS5 syntax.")
        var raw = false

        @Flag(help: "Oldest first instead of newest first.")
        var oldestFirst = false

        @Option(help: "Stop the search after this many seconds (0 = no limit).")
        var timeLimit: Double = 30

        @Option(help: "Stop the search after this many thousand SQLite steps (0 = no limit); unlike --time-limit the point of stopping does not depend on the machine.")
        var stepLimit: Int = 0

        @OptionGroup var caseOptions: CaseOptions
        @OptionGroup var filters: EventFilterOptions
        @OptionGroup var output: OutputOptions

        /// Events returned at most when no --limit is given (memory stays bounded on a huge case).
        static let maxRowsWithoutLimit = 250_000

        func validate() throws {
            if timeLimit < 0 || !timeLimit.isFinite { throw ValidationError("--time-limit must be 0 (none) or more seconds") }
            if stepLimit < 0 { throw ValidationError("--step-limit must be 0 (none) or more") }
        }

        func run() throws {
            let pattern: SearchPattern
            if raw {
                pattern = SearchPattern(raw: query)
            } else {
                guard let plain = SearchPattern(plain: query) else {
                    throw CommandError(message: "the query has no words to search for – add letters or digits, or use --raw", status: 64)
                }
                pattern = plain
            }
            let filter = try filters.filter(limit: output.limit)
            let store = try caseOptions.openExisting()
            let budget = SearchBudget(
                seconds: timeLimit > 0 ? timeLimit : nil, kilosteps: stepLimit > 0 ? stepLimit : nil,
                maxRows: Self.maxRowsWithoutLimit)
            let rows = try store.search(pattern, filter: filter, oldestFirst: oldestFirst, budget: budget)
            Console.out(EventRecords.render(rows, format: output.format, zone: try filters.timeZone(), includeSnippet: true))
        }
    }
}

typealias SearchCommand = CasebookCommand.SearchCommand
