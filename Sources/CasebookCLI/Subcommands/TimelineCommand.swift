import ArgumentParser
import CaseReports
import CaseStore
import Casebook
import Identifiers

extension CasebookCommand {
    /// `casebook timeline`
    struct TimelineCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeline",
            abstract: "Every event of the case in time order, across all evidence (events without a time come last).")

        @Option(help: "Only events linked to this identifier (email, phone, IP, @handle, user id), however it was written.")
        var identifier: String?

        @Flag(help: "Newest first.")
        var newestFirst = false

        @Option(help: "Region for a phone number typed without a country code (ISO 3166 code).")
        var defaultRegion: String?

        @OptionGroup var caseOptions: CaseOptions
        @OptionGroup var filters: EventFilterOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            var filter = try filters.filter(limit: output.limit)
            if let identifier {
                let candidates = IdentifierNormalizer(defaultRegion: defaultRegion?.uppercased()).candidates(forQuery: identifier)
                guard !candidates.isEmpty else {
                    throw CommandError(message: "'\(identifier)' is not an email, phone, IP, handle or id Casebook can read", status: 64)
                }
                filter.identifiers = candidates
            }
            let store = try caseOptions.openExisting()
            let zone = try filters.timeZone()
            guard output.format != .table else {
                let rows = try store.timeline(filter, newestFirst: newestFirst)
                Console.out(EventRecords.render(rows, format: .table, zone: zone, includeSnippet: false))
                return
            }
            // CSV, JSON and JSON Lines are written as the rows are read: memory stays flat on a whole case.
            try EventRecords.stream(format: output.format, zone: zone, includeSnippet: false, to: Console.out) { body in
                try store.forEachTimelineEvent(filter, newestFirst: newestFirst, body)
            }
        }
    }
}

typealias TimelineCommand = CasebookCommand.TimelineCommand
