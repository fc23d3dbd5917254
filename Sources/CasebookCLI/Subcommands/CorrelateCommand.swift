import ArgumentParser
import CaseReports
import CaseStore
import Casebook
import EvidenceModel
import Foundation
import Identifiers

extension CasebookCommand {
    /// `casebook correlate [VALUE]`
    struct CorrelateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correlate",
            abstract: "Identifiers shared by two or more accounts or evidence items, strongest first, with the records that prove each link.",
            discussion: """
                With VALUE, everything linked to that identifier, however each export wrote it. Strength (0-1) weighs \
                the kind (phone, email, device above IP), structured fields above free text, and discounts private or \
                reserved addresses and provider-folded (weak) email forms; the reasons are listed with each link.
                """)

        @Argument(help: "An email, phone, IP, @handle or id to pivot on.")
        var value: String?

        @Option(help: "Only this identifier kind.")
        var kind: IdentifierKind?

        @Option(help: "Identifiers seen with at least this many accounts (default 2); 2+ evidence items count too.")
        var minAccounts: Int = 2

        @Option(help: "Only links where two accounts used the identifier within this time of each other (90s, 30m, 1h, 2d).")
        var window: String?

        @Option(help: "Occurrences listed per link, oldest first (0: all). Strength, accounts and evidence always count every occurrence.")
        var occurrences: Int = 20

        @Option(help: "Also write the links as a graph: FILE.dot (Graphviz) or FILE.graphml.")
        var graph: String?

        @Option(help: "Region for a phone number typed without a country code (ISO 3166 code).")
        var defaultRegion: String?

        @OptionGroup var caseOptions: CaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let window, Correlator.parseDuration(window) == nil {
                throw ValidationError("--window '\(window)' is not a duration – use 90s, 30m, 1h or 2d")
            }
            if occurrences < 0 { throw ValidationError("--occurrences must be 0 (all) or more") }
            if let graph, !(graph.hasSuffix(".dot") || graph.hasSuffix(".graphml")) {
                throw ValidationError("--graph '\(graph)' must end in .dot or .graphml")
            }
        }

        func run() throws {
            let store = try caseOptions.openExisting()
            var options = Correlator.Options()
            options.kind = kind
            options.minAccounts = minAccounts
            options.windowSeconds = window.flatMap(Correlator.parseDuration)
            options.limit = output.limit
            options.occurrenceLimit = occurrences
            if let value {
                options.values = IdentifierNormalizer(defaultRegion: defaultRegion?.uppercased()).candidates(forQuery: value)
                if options.values.isEmpty {
                    throw CommandError(message: "'\(value)' is not an email, phone, IP, handle or id Casebook can read", status: 64)
                }
            }
            if let graph { try OutputFile.checkOutsideEvidence(graph, store: store) }
            let links = try Correlator(store: store).links(options)
            if let graph { try writeGraph(links, to: graph) }
            Console.out(render(links))
        }

        func occurrenceRecord(_ occurrence: OccurrenceRow) -> ReportRecord {
            IdentifierRecords.occurrence(occurrence)
        }

        func where_(_ occurrence: OccurrenceRow) -> String {
            Provenance.short(evidenceSHA256: occurrence.evidenceSHA256, storedMemberPath: occurrence.memberPath, locator: occurrence.locator)
        }

        func render(_ links: [Correlator.Link]) -> String {
            switch output.format {
            case .json, .jsonl:
                let records = links.map { link -> ReportRecord in
                    var record = IdentifierRecords.record(link.identifier)
                    // The count is `occurrenceCount` here: `occurrences` is the list (the same key twice
                    // made JSON whose meaning depended on the reader).
                    if let count = record.fields.firstIndex(where: { $0.key == "occurrences" }) {
                        record.fields[count] = .init(key: "occurrenceCount", value: record.fields[count].value)
                    }
                    record.fields += [
                        .init(key: "strength", value: .string(String(format: "%.2f", link.strength))),
                        .init(key: "strengthLabel", value: .string(link.strengthLabel)),
                        .init(key: "reasons", value: .array(link.reasons.map(ReportValue.string))),
                        .init(key: "linkedAccounts", value: .array(link.accounts.map(ReportValue.string))),
                        .init(key: "linkedEvidence", value: .array(link.evidence.map(ReportValue.string))),
                        .init(key: "occurrences", value: .array(link.occurrences.map { .object(occurrenceRecord($0)) })),
                    ]
                    if !link.windowPairs.isEmpty {
                        record.fields.append(
                            .init(
                                key: "windowPairs",
                                value: .array(link.windowPairs.map { pair in
                                    .array([.object(occurrenceRecord(pair.0)), .object(occurrenceRecord(pair.1))])
                                })))
                    }
                    return record
                }
                return output.format == .json ? ReportRenderer.json(records) : ReportRenderer.jsonLines(records)
            case .csv:
                var rows: [ReportRecord] = []
                for link in links {
                    for occurrence in link.occurrences {
                        rows.append(
                            ReportRecord([
                                ("identifier", .string("\(link.identifier.kind):\(link.identifier.value)")),
                                ("strength", .string(String(format: "%.2f", link.strength))),
                                ("accounts", .integer(Int64(link.accounts.count))), ("evidenceCount", .integer(Int64(link.evidence.count))),
                                ("rawValue", .string(occurrence.rawValue)), ("account", .optional(occurrence.account)),
                                ("field", .string(occurrence.field)), ("source", .string(occurrence.source)),
                                ("observedAt", .optional(occurrence.observedAt.map { Timestamp.iso8601(microseconds: $0) })),
                                ("evidence", .string(occurrence.evidenceSHA256)), ("member", .string(occurrence.memberPath)),
                                ("locator", .string(occurrence.locator)),
                            ]))
                    }
                }
                let columns = ["identifier", "strength", "accounts", "evidenceCount", "rawValue", "account", "field", "source",
                               "observedAt", "evidence", "member", "locator"].map { ReportColumn($0, $0) }
                return ReportRenderer.csv(rows, columns: columns)
            case .table:
                if links.isEmpty {
                    return value == nil
                        ? "no identifier is shared by \(minAccounts)+ accounts or 2+ evidence items\(window == nil ? "" : " within \(window!)")\n"
                        : "no identifier matches '\(value!)'\n"
                }
                var text = ""
                for link in links {
                    let row = link.identifier
                    text += "\n\(row.kind) \(row.value)\(row.notes.isEmpty ? "" : " [\(row.notes)]")  strength \(String(format: "%.2f", link.strength)) (\(link.strengthLabel))\n"
                    text += "  links \(link.accounts.count) account(s): \(link.accounts.joined(separator: ", ")); \(link.evidence.count) evidence item(s)\n"
                    text += "  because: \(link.reasons.joined(separator: "; "))\n"
                    let shown = link.windowPairs.isEmpty ? link.occurrences : link.windowPairs.flatMap { [$0.0, $0.1] }
                    let records = shown.map { occurrence in
                        ReportRecord([
                            ("rawValue", .string(occurrence.rawValue)), ("account", .optional(occurrence.account)),
                            ("field", .string(occurrence.field)),
                            ("observedAt", .optional(occurrence.observedAt.map { TimeInput.display($0, zone: nil) })),
                            ("where", .string(where_(occurrence))),
                        ])
                    }
                    text += ReportRenderer.table(
                        records,
                        columns: [
                            ReportColumn("RAW VALUE", "rawValue", maxWidth: 30), ReportColumn("ACCOUNT", "account", maxWidth: 24),
                            ReportColumn("FIELD", "field", maxWidth: 30), ReportColumn("SEEN (UTC)", "observedAt"),
                            ReportColumn("WHERE", "where", maxWidth: 90),
                        ]).split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
                        .joined(separator: "\n")
                    let hidden = link.identifier.occurrences - link.occurrences.count
                    if link.windowPairs.isEmpty && hidden > 0 {
                        text += "\n  … \(hidden) more occurrence(s), not listed; --occurrences 0 lists all"
                    }
                }
                return text
            }
        }

        func writeGraph(_ links: [Correlator.Link], to path: String) throws {
            var graph = LinkGraph()
            var seen = Set<String>()
            for link in links {
                let identifierNode = "identifier:\(link.identifier.kind):\(link.identifier.value)"
                if seen.insert(identifierNode).inserted {
                    graph.nodes.append(.init(identifier: identifierNode, type: "identifier", label: "\(link.identifier.kind) \(link.identifier.value)"))
                }
                for occurrence in link.occurrences {
                    let accountNode = occurrence.account.map { "account:\(occurrence.accountPlatform ?? ""):\($0)" }
                        ?? "evidence:\(occurrence.evidenceSHA256)"
                    if seen.insert(accountNode).inserted {
                        graph.nodes.append(
                            .init(
                                identifier: accountNode, type: occurrence.account == nil ? "evidence" : "account",
                                label: occurrence.account.map { "\(occurrence.accountPlatform ?? "") \($0)" }
                                    ?? "evidence \(occurrence.evidenceSHA256.prefix(12))"))
                    }
                    graph.edges.append(
                        .init(
                            source: accountNode, target: identifierNode, rawValue: occurrence.rawValue, field: occurrence.field,
                            provenance: where_(occurrence),
                            observedAt: occurrence.observedAt.map { Timestamp.iso8601(microseconds: $0) }))
                }
            }
            try OutputFile.write(path.hasSuffix(".dot") ? GraphRenderer.dot(graph) : GraphRenderer.graphML(graph), to: path)
        }
    }
}

typealias CorrelateCommand = CasebookCommand.CorrelateCommand
