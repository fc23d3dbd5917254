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
                """)

        @Argument(help: "What to look for.")
        var query: String

        @Flag(help: "Treat the query as FTS5 syntax.")
        var raw = false

        @Flag(help: "Oldest first instead of newest first.")
        var oldestFirst = false

        @OptionGroup var caseOptions: CaseOptions
        @OptionGroup var filters: EventFilterOptions
        @OptionGroup var output: OutputOptions

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
            let rows = try store.search(pattern, filter: filter, oldestFirst: oldestFirst)
            Console.out(EventRecords.render(rows, format: output.format, zone: try filters.timeZone(), includeSnippet: true))
        }
    }
}

typealias SearchCommand = CasebookCommand.SearchCommand
