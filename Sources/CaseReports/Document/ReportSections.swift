import EvidenceModel

/// One report section as rows, for CSV, JSON, JSONL and terminal tables.
public struct ReportSection: Sendable, Hashable {
    /// `evidence`, `timeline`, ... (what `casebook report --section` takes).
    public var name: String
    public var records: [ReportRecord]
    /// Columns for CSV and tables (flat key paths).
    public var columns: [ReportColumn]

    public init(name: String, records: [ReportRecord], columns: [ReportColumn]) {
        self.name = name
        self.records = records
        self.columns = columns
    }
}

extension ReportDocument {
    /// The names `sections` uses, in report order.
    public static let sectionNames = [
        "case", "evidence", "coverage", "unparsed-members", "warnings", "accounts", "shared-identifiers", "tags",
        "hits",
        "timeline", "activity", "verification", "parsers", "runs",
    ]

    /// Every section as flat rows, in report order.
    public var sections: [ReportSection] {
        ReportDocument.sectionNames.compactMap(section(named:))
    }

    /// The whole document as one JSON object: section name → array of rows.
    public var json: String {
        var parts: [String] = []
        for section in sections {
            let rows = section.records.map { "    " + $0.json }.joined(separator: ",\n")
            let body = section.records.isEmpty ? "[]" : "[\n" + rows + "\n  ]"
            parts.append("  " + JSONText.quote(section.name) + ": " + body)
        }
        return "{\n" + parts.joined(separator: ",\n") + "\n}\n"
    }

    private static func columns(_ keys: [String]) -> [ReportColumn] { keys.map { ReportColumn($0, $0) } }

    private static func provenanceFields(_ provenance: Provenance) -> [(String, ReportValue)] {
        [
            ("evidence", .string(provenance.evidenceSHA256)), ("evidenceName", .string(provenance.evidenceName)),
            ("member", .string(provenance.member)), ("locator", .string(provenance.locator)),
            ("parser", .string(provenance.parser)),
        ]
    }

    private static func eventRecord(_ event: Event, prefix: [(String, ReportValue)] = []) -> ReportRecord {
        ReportRecord(
            prefix + [
                ("id", .integer(event.id)), ("occurredAt", .optional(event.occurredAtUTC)),
                ("time", .string(event.time)),
                ("timeRaw", .optional(event.timeRaw)), ("platform", .string(event.platform)),
                ("kind", .string(event.kind)),
                ("account", .optional(event.account)), ("conversation", .optional(event.conversation)),
                ("text", .optional(event.text)), ("snippet", .optional(event.snippet)),
            ] + provenanceFields(event.provenance))
    }

    private static let eventColumns = [
        "id", "occurredAt", "time", "timeRaw", "platform", "kind", "account", "conversation", "text", "snippet",
        "evidence",
        "evidenceName", "member", "locator", "parser",
    ]

    /// One section by name, or nil for an unknown name.
    public func section(named name: String) -> ReportSection? {
        typealias Section = ReportSection
        let columns = ReportDocument.columns
        switch name {
        case "case":
            let details = caseDetails
            var fields: [(String, ReportValue)] = [
                ("title", .string(title)), ("caseName", .optional(details.caseName)),
                ("caseNumber", .optional(details.caseNumber)),
                ("examiner", .optional(details.examiner)), ("agency", .optional(details.agency)),
                ("toolName", .string(details.toolName)), ("toolVersion", .string(details.toolVersion)),
                ("tzdataVersion", .string(details.tzdataVersion)), ("reportTime", .string(details.reportTime)),
                ("displayZone", .string(details.displayZone)), ("commandLine", .string(details.commandLine)),
            ]
            fields.append(
                ("selection", .string(details.selection.map { "\($0.label)=\($0.value)" }.joined(separator: "; "))))
            return Section(name: name, records: [ReportRecord(fields)], columns: columns(fields.map(\.0)))
        case "evidence":
            let keys = [
                "id", "displayName", "kind", "size", "md5", "sha1", "sha256", "ingestedAt", "status", "platforms",
                "generatedAt", "examiner", "records", "warnings",
            ]
            let records = evidence.map { item in
                ReportRecord([
                    ("id", .integer(item.id)), ("displayName", .string(item.displayName)), ("kind", .string(item.kind)),
                    ("size", .integer(item.size)), ("md5", .string(item.md5)), ("sha1", .string(item.sha1)),
                    ("sha256", .string(item.sha256)), ("ingestedAt", .string(item.ingestedAt)),
                    ("status", .string(item.status)),
                    ("platforms", .string(item.platforms)), ("generatedAt", .optional(item.generatedAt)),
                    ("examiner", .optional(item.examiner)), ("records", .integer(Int64(item.records))),
                    ("warnings", .integer(Int64(item.warnings))),
                ])
            }
            return Section(name: name, records: records, columns: columns(keys))
        case "coverage":
            let keys = [
                "evidence", "evidenceName", "parsed", "unparsed", "failed", "containers", "skipped", "records",
                "warnings",
            ]
            let records = evidence.map { item in
                ReportRecord([
                    ("evidence", .string(item.sha256)), ("evidenceName", .string(item.displayName)),
                    ("parsed", .integer(Int64(item.members.parsed))),
                    ("unparsed", .integer(Int64(item.members.unparsed))),
                    ("failed", .integer(Int64(item.members.failed))),
                    ("containers", .integer(Int64(item.members.container))),
                    ("skipped", .integer(Int64(item.members.skipped))), ("records", .integer(Int64(item.records))),
                    ("warnings", .integer(Int64(item.warnings))),
                ])
            }
            return Section(name: name, records: records, columns: columns(keys))
        case "unparsed-members":
            let keys = ["evidence", "evidenceName", "status", "path", "size", "sha256", "problem"]
            var records: [ReportRecord] = []
            for item in evidence {
                for (status, list) in [("unparsed", item.unparsedMembers), ("failed", item.failedMembers)] {
                    for member in list {
                        records.append(
                            ReportRecord([
                                ("evidence", .string(item.sha256)), ("evidenceName", .string(item.displayName)),
                                ("status", .string(status)), ("path", .string(member.path)),
                                ("size", .optional(member.size)),
                                ("sha256", .optional(member.sha256)), ("problem", .optional(member.problem)),
                            ]))
                    }
                }
            }
            return Section(name: name, records: records, columns: columns(keys))
        case "warnings":
            let keys = ["evidence", "evidenceName", "source", "code", "count"]
            let records = warnings.map {
                ReportRecord([
                    ("evidence", .string($0.evidenceSHA256)), ("evidenceName", .string($0.evidenceName)),
                    ("source", .string($0.source)), ("code", .string($0.code)), ("count", .integer(Int64($0.count))),
                ])
            }
            return Section(name: name, records: records, columns: columns(keys))
        case "accounts":
            let keys = [
                "id", "platform", "accountKey", "handle", "platformUserId", "displayName", "exportOwner", "events",
                "identifiers", "seenIn",
            ]
            let records = accounts.map { account in
                ReportRecord([
                    ("id", .integer(account.id)), ("platform", .string(account.platform)),
                    ("accountKey", .string(account.accountKey)),
                    ("handle", .optional(account.handle)), ("platformUserId", .optional(account.platformUserId)),
                    ("displayName", .optional(account.displayName)), ("exportOwner", .bool(account.isExportOwner)),
                    ("events", .integer(Int64(account.eventCount))),
                    ("identifiers", .array(account.identifiers.map(ReportValue.string))),
                    ("seenIn", .array(account.sightings.map { .string($0.short) })),
                ])
            }
            return Section(name: name, records: records, columns: columns(keys))
        case "shared-identifiers":
            let keys =
                [
                    "identifier", "accounts", "evidenceCount", "rawValue", "account", "field", "source", "strength",
                    "observedAt", "eventId",
                ]
                + ["evidence", "evidenceName", "member", "locator", "parser"]
            var records: [ReportRecord] = []
            for shared in sharedIdentifiers {
                for occurrence in shared.occurrences {
                    records.append(
                        ReportRecord(
                            [
                                ("identifier", .string("\(shared.kind):\(shared.value)")),
                                ("accounts", .integer(Int64(shared.accountCount))),
                                ("evidenceCount", .integer(Int64(shared.evidenceCount))),
                                ("rawValue", .string(occurrence.rawValue)),
                                ("account", .optional(occurrence.account)), ("field", .string(occurrence.field)),
                                ("source", .string(occurrence.source)), ("strength", .string(occurrence.strength)),
                                ("observedAt", .optional(occurrence.observedAt)),
                                ("eventId", .optional(occurrence.eventId)),
                            ] + ReportDocument.provenanceFields(occurrence.provenance)))
                }
            }
            return Section(name: name, records: records, columns: columns(keys))
        case "tags":
            let records = tags.map { tag in
                ReportDocument.eventRecord(
                    tag.event,
                    prefix: [
                        ("tagId", .integer(tag.id)), ("label", .string(tag.label)), ("note", .optional(tag.note)),
                        ("examiner", .optional(tag.examiner)), ("taggedAt", .string(tag.createdAt)),
                    ])
            }
            return Section(
                name: name, records: records,
                columns: columns(["tagId", "label", "note", "examiner", "taggedAt"] + ReportDocument.eventColumns))
        case "hits":
            let records = (search?.hits ?? []).map { ReportDocument.eventRecord($0) }
            return Section(name: name, records: records, columns: columns(ReportDocument.eventColumns))
        case "timeline":
            let records = timeline.events.map { ReportDocument.eventRecord($0) }
            return Section(name: name, records: records, columns: columns(ReportDocument.eventColumns))
        case "activity":
            var records: [ReportRecord] = []
            for bucket in activity.buckets {
                for (index, platform) in activity.platforms.enumerated() where bucket.counts[index] > 0 {
                    records.append(
                        ReportRecord([
                            ("unit", .string(activity.unit)), ("period", .string(bucket.label)),
                            ("platform", .string(platform)),
                            ("events", .integer(Int64(bucket.counts[index]))),
                        ]))
                }
            }
            for (hour, counts) in activity.hours.enumerated() {
                for (index, platform) in activity.platforms.enumerated() where counts[index] > 0 {
                    records.append(
                        ReportRecord([
                            ("unit", .string("hour")), ("period", .string(hour < 10 ? "0\(hour)" : "\(hour)")),
                            ("platform", .string(platform)), ("events", .integer(Int64(counts[index]))),
                        ]))
                }
            }
            return Section(name: name, records: records, columns: columns(["unit", "period", "platform", "events"]))
        case "verification":
            let keys = ["evidence", "evidenceName", "result", "checkedAt", "observedSHA256", "path", "run"]
            let records = verifications.map {
                ReportRecord([
                    ("evidence", .string($0.evidenceSHA256)), ("evidenceName", .string($0.evidenceName)),
                    ("result", .string($0.result)), ("checkedAt", .optional($0.checkedAt)),
                    ("observedSHA256", .optional($0.observedSHA256)), ("path", .optional($0.path)),
                    ("run", .optional($0.runId)),
                ])
            }
            return Section(name: name, records: records, columns: columns(keys))
        case "parsers":
            let keys = [
                "identifier", "version", "platform", "name", "members", "formatNotes", "knownLimits", "usedInCase",
            ]
            let records = parsers.map { parser in
                ReportRecord([
                    ("identifier", .string(parser.identifier)), ("version", .integer(Int64(parser.version))),
                    ("platform", .string(parser.platform)), ("name", .string(parser.displayName)),
                    ("members", .array(parser.memberPatterns.map(ReportValue.string))),
                    ("formatNotes", .string(parser.formatNotes)),
                    ("knownLimits", .string(parser.knownLimits)),
                    ("usedInCase", .array(parser.usage.map { .string("\($0.label): \($0.value)") })),
                ])
            }
            return Section(name: name, records: records, columns: columns(keys))
        case "runs":
            let keys = [
                "id", "command", "toolVersion", "arguments", "examiner", "startedAt", "endedAt", "exitStatus",
                "summary",
            ]
            let records = runs.map { run in
                ReportRecord([
                    ("id", .integer(run.id)), ("command", .string(run.command)),
                    ("toolVersion", .string(run.toolVersion)),
                    ("arguments", .string(run.arguments)), ("examiner", .optional(run.examiner)),
                    ("startedAt", .string(run.startedAt)), ("endedAt", .optional(run.endedAt)),
                    ("exitStatus", .optional(run.exitStatus.map(Int64.init))), ("summary", .optional(run.summary)),
                ])
            }
            return Section(name: name, records: records, columns: columns(keys))
        default:
            return nil
        }
    }
}
