import CaseReports
import CaseStore
import EvidenceModel
import ExportFormats
import Foundation

/// What a report is made for.
public struct ReportOptions: Sendable {
    public var title = "Casebook evidence report"
    /// Inclusive lower bound, UTC microseconds.
    public var since: Int64?
    /// Exclusive upper bound, UTC microseconds.
    public var until: Int64?
    /// `since`/`until` as the user typed them, for the case section.
    public var sinceText: String?
    public var untilText: String?
    /// Search text: plain words; `a OR b` finds either (see `ReportBuilder.searchPattern`).
    public var query: String?
    /// Pass the query to FTS5 unchanged.
    public var rawQuery = false
    /// Only tagged events in the timeline, search hits and charts.
    public var taggedOnly = false
    /// Display zone; nil is UTC.
    public var zone: TimeZone?
    /// The exact command line, shell-quoted.
    public var commandLine = ""
    public var caseNumber: String?
    public var agency: String?
    /// Overrides the examiner recorded in the case.
    public var examiner: String?
    public var timelineCap = 5_000
    public var hitCap = 1_000
    public var memberListCap = 1_000
    public var reportTime = Date()
    /// Where the tz database version is read (`# version 2024a` on the first line).
    public var tzdataPath = "/usr/share/zoneinfo/tzdata.zi"

    public init() {}
}

/// Gathers a report's plain values from a case: every list sorted explicitly, so that the same case
/// and options give the same `ReportDocument` apart from the report time.
public enum ReportBuilder {
    /// Builds the document.
    ///
    /// - Throws: `StoreError` (`.querySyntax` for a query FTS5 cannot use).
    /// Every query runs in one read transaction (`CaseStore.snapshot`): during an ingest the report
    /// is one state of the case, so its totals equal the rows it lists; an item still being ingested
    /// is listed with status `ingesting` and named under "In progress" with its records so far.
    public static func build(store: CaseStore, options: ReportOptions) throws -> ReportDocument {
        try store.snapshot { try buildInSnapshot(store: store, options: options) }
    }

    static func buildInSnapshot(store: CaseStore, options: ReportOptions) throws -> ReportDocument {
        let zone = options.zone
        let info = try store.caseInfo()
        var filter = EventFilter()
        filter.since = options.since
        filter.until = options.until
        filter.taggedOnly = options.taggedOnly

        var selection: [ReportDocument.Field] = []
        selection.append(.init("Window", windowDescription(options)))
        if let query = options.query {
            selection.append(.init("Query", query + (options.rawQuery ? " (FTS5 syntax)" : "")))
        }
        selection.append(.init("Events", options.taggedOnly ? "tagged events only" : "all events"))
        let evidenceRows = try store.evidenceList()
        var recordsSoFar: [Int64: Int] = [:]
        for row in evidenceRows where row.status == EvidenceStatus.ingesting.rawValue {
            let count = try store.eventKindCounts(evidenceId: row.id).reduce(0) { $0 + $1.count }
            recordsSoFar[row.id] = count
            selection.append(
                .init(
                    "In progress",
                    "\(row.displayName): \(count) records so far, ingest in progress – not complete; "
                        + "this report shows the case as it was when the report began"))
        }
        let details = ReportDocument.CaseDetails(
            caseName: info["caseName"], caseNumber: options.caseNumber ?? info["caseNumber"],
            examiner: options.examiner ?? info["examiner"], agency: options.agency ?? info["agency"],
            toolName: CasebookVersion.name, toolVersion: CasebookVersion.version,
            tzdataVersion: tzdataVersion(path: options.tzdataPath),
            reportTime: TimeInput.display(Int64(options.reportTime.timeIntervalSince1970 * 1_000_000), zone: zone),
            displayZone: zone?.identifier ?? "UTC", commandLine: options.commandLine, selection: selection)

        let evidence = try evidenceItems(store: store, rows: evidenceRows, options: options, recordsSoFar: recordsSoFar)
        let names = Dictionary(
            evidenceRows.map { ($0.sha256, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let warnings = try store.warningSummary().map { summary -> ReportDocument.WarningCount in
            ReportDocument.WarningCount(
                evidenceSHA256: summary.evidenceSHA256, evidenceName: names[summary.evidenceSHA256] ?? "",
                source: summary.source,
                code: summary.code, count: summary.count)
        }
        let accounts = try accountItems(store: store)
        let shared = try sharedIdentifiers(store: store, zone: zone)
        let tags = try store.tags().map { tag -> ReportDocument.Tag in
            ReportDocument.Tag(
                id: tag.id, label: tag.label, note: tag.note, examiner: tag.examiner,
                createdAt: TimeInput.display(tag.createdAt, zone: zone), event: event(tag.event, zone: zone))
        }
        let search = try searchHits(store: store, filter: filter, options: options)
        var timelineFilter = filter
        timelineFilter.limit = options.timelineCap
        let timelineEvents = try store.timeline(timelineFilter).map { event($0, zone: zone) }
        let timeline = ReportDocument.Timeline(
            events: timelineEvents, total: try store.eventCount(filter), cap: options.timelineCap)
        let activity = activityCounts(try store.eventTimes(filter), zone: zone)
        let verifications = try verificationItems(store: store, rows: evidenceRows, zone: zone)
        let parsers = try parserItems(store: store)
        let runs = try store.runs().map(runItem)

        return ReportDocument(
            title: options.title, caseDetails: details, evidence: evidence, warnings: warnings, accounts: accounts,
            sharedIdentifiers: shared, tags: tags, search: search, timeline: timeline, activity: activity,
            verifications: verifications, parsers: parsers, runs: runs)
    }

    static func evidenceItems(
        store: CaseStore, rows: [EvidenceRow], options: ReportOptions, recordsSoFar: [Int64: Int] = [:]
    ) throws -> [ReportDocument.Evidence] {
        var evidence: [ReportDocument.Evidence] = []
        for row in rows {
            let summary = try store.memberSummary(evidenceId: row.id)
            let unparsed = try store.members(evidenceId: row.id, status: "unparsed")
            let failed = try store.members(evidenceId: row.id).filter {
                $0.status == "failed" || $0.status == "reading"
            }
            var unparsedMembers: [ReportDocument.Member] = []
            for member in unparsed.prefix(options.memberListCap) {
                unparsedMembers.append(
                    ReportDocument.Member(path: member.path, size: member.size, sha256: member.sha256))
            }
            var failedMembers: [ReportDocument.Member] = []
            for member in failed.prefix(options.memberListCap) {
                failedMembers.append(
                    ReportDocument.Member(
                        path: member.path, size: member.size, sha256: member.sha256, problem: member.error))
            }
            let counts = ReportDocument.MemberCounts(
                parsed: summary.parsed, unparsed: summary.unparsed, failed: summary.failed,
                container: summary.container,
                skipped: summary.skipped)
            evidence.append(
                ReportDocument.Evidence(
                    id: row.id, displayName: row.displayName, kind: row.kind, size: row.size, md5: row.md5,
                    sha1: row.sha1,
                    sha256: row.sha256, ingestedAt: TimeInput.display(row.ingestStartedAt, zone: options.zone),
                    status: row.status,
                    platforms: row.platforms.split(separator: ",").map(String.init).sorted().joined(separator: ", "),
                    examiner: row.examiner, records: recordsSoFar[row.id] ?? row.recordCount, warnings: row.warningCount,
                    members: counts,
                    unparsedMembers: unparsedMembers, failedMembers: failedMembers, unparsedTotal: unparsed.count,
                    failedTotal: failed.count))
        }
        return evidence
    }

    static func accountItems(store: CaseStore) throws -> [ReportDocument.Account] {
        let sightings = try store.accountSightings()
        var accounts: [ReportDocument.Account] = []
        for row in try store.accounts() {
            var places: [ReportDocument.Provenance] = []
            for sighting in sightings[row.id] ?? [] {
                places.append(
                    ReportDocument.Provenance(
                        evidenceSHA256: sighting.evidenceSHA256, evidenceName: sighting.evidenceName,
                        member: sighting.memberPath,
                        locator: sighting.locator))
            }
            accounts.append(
                ReportDocument.Account(
                    id: row.id, platform: row.platform, accountKey: row.accountKey, handle: row.handle,
                    platformUserId: row.platformUserId, displayName: row.displayName, isExportOwner: row.isExportOwner,
                    eventCount: row.eventCount, identifiers: row.identifiers.sorted(), sightings: places))
        }
        return accounts
    }

    static func sharedIdentifiers(store: CaseStore, zone: TimeZone?) throws -> [ReportDocument.SharedIdentifier] {
        var shared: [ReportDocument.SharedIdentifier] = []
        let rows = try store.identifiers(sharedOnly: true)
        for (row, rowOccurrences) in zip(rows, try store.occurrences(identifierIds: rows.map(\.id))) {
            var occurrences: [ReportDocument.Occurrence] = []
            for occurrence in rowOccurrences {
                let provenance = ReportDocument.Provenance(
                    evidenceSHA256: occurrence.evidenceSHA256, evidenceName: occurrence.evidenceName,
                    member: occurrence.memberPath,
                    locator: occurrence.locator)
                occurrences.append(
                    ReportDocument.Occurrence(
                        rawValue: occurrence.rawValue, account: occurrence.account, field: occurrence.field,
                        source: occurrence.source, strength: occurrence.strength,
                        observedAt: occurrence.observedAt.map { TimeInput.display($0, zone: zone) },
                        eventId: occurrence.eventId,
                        provenance: provenance))
            }
            shared.append(
                ReportDocument.SharedIdentifier(
                    kind: row.kind, value: row.value, notes: row.notes, accountCount: row.accounts,
                    evidenceCount: row.evidence,
                    occurrences: occurrences))
        }
        return shared
    }

    static func searchHits(store: CaseStore, filter: EventFilter, options: ReportOptions) throws -> ReportDocument
        .Search?
    {
        guard let query = options.query else { return nil }
        guard let pattern = searchPattern(query, raw: options.rawQuery) else {
            throw StoreError(
                .emptyQuery, "the query has no words to search for – add letters or digits, or use --raw-query")
        }
        let all = try store.search(pattern, filter: filter)
        let hits = all.prefix(options.hitCap).map { event($0, zone: options.zone) }
        return ReportDocument.Search(query: query, hits: hits, total: all.count)
    }

    static func verificationItems(store: CaseStore, rows: [EvidenceRow], zone: TimeZone?) throws -> [ReportDocument
        .Verification]
    {
        var latest: [Int64: VerificationRow] = [:]
        for check in try store.verifications(latestOnly: true) { latest[check.evidenceId] = check }
        var items: [ReportDocument.Verification] = []
        for row in rows {
            if let check = latest[row.id] {
                items.append(
                    ReportDocument.Verification(
                        evidenceName: row.displayName, evidenceSHA256: row.sha256, result: check.result.rawValue,
                        checkedAt: TimeInput.display(check.checkedAt, zone: zone), observedSHA256: check.observedSHA256,
                        path: check.path, runId: check.runId))
            } else {
                items.append(
                    ReportDocument.Verification(
                        evidenceName: row.displayName, evidenceSHA256: row.sha256, result: "NOT VERIFIED",
                        checkedAt: nil,
                        observedSHA256: nil, path: nil, runId: nil))
            }
        }
        return items
    }

    static func parserItems(store: CaseStore) throws -> [ReportDocument.Parser] {
        let usage = try store.parserUsage()
        let descriptors = ParserRegistry.all.map { $0.descriptor }.sorted { $0.identifier < $1.identifier }
        var parsers: [ReportDocument.Parser] = []
        for descriptor in descriptors {
            var used: [ReportDocument.Field] = []
            for entry in usage where entry.parser == descriptor.identifier {
                used.append(ReportDocument.Field("\(entry.parser)@\(entry.version)", String(entry.members)))
            }
            parsers.append(
                ReportDocument.Parser(
                    identifier: descriptor.identifier, displayName: descriptor.displayName,
                    platform: descriptor.platform.displayName, version: descriptor.version,
                    memberPatterns: descriptor.memberPatterns, formatNotes: descriptor.formatNotes,
                    knownLimits: descriptor.knownLimits, usage: used))
        }
        return parsers
    }

    static func runItem(_ run: RunRow) -> ReportDocument.Run {
        ReportDocument.Run(
            id: run.id, command: run.command, toolVersion: run.toolVersion,
            arguments: run.arguments.map(shellWord).joined(separator: " "), examiner: run.examiner,
            startedAt: TimeInput.display(run.startedAt, zone: nil),
            endedAt: run.endedAt.map { TimeInput.display($0, zone: nil) },
            exitStatus: run.exitStatus, summary: run.summary.map(summaryText))
    }

    /// A stored event as the report shows it.
    public static func event(_ row: EventRow, zone: TimeZone?) -> ReportDocument.Event {
        ReportDocument.Event(
            id: row.id, time: TimeInput.display(row.occurredAt, zone: zone, precision: row.timePrecision),
            occurredAtUTC: row.occurredAt.map { Timestamp.iso8601(microseconds: $0, precision: .second) },
            timeRaw: row.timeRaw,
            platform: row.platform, kind: row.kind, account: row.account, conversation: row.conversation,
            text: row.text,
            snippet: row.snippet,
            provenance: .init(
                evidenceSHA256: row.evidenceSHA256, evidenceName: row.evidenceName, member: row.memberPath,
                locator: row.locator,
                parser: "\(row.parser)@\(row.parserVersion)"))
    }

    /// Plain words (all must occur); `a OR b` (upper-case OR between words, as in the issue's
    /// `station OR ticket`) finds either side. Each side is quoted term by term, so nothing the user
    /// typed reaches FTS5 as syntax. With `raw`, the text is FTS5 syntax as `casebook search --raw`.
    public static func searchPattern(_ text: String, raw: Bool) -> SearchPattern? {
        if raw { return SearchPattern(raw: text) }
        let sides = text.components(separatedBy: " OR ").compactMap { SearchPattern(plain: $0) }
        guard !sides.isEmpty else { return nil }
        if sides.count == 1 { return sides[0] }
        return SearchPattern(raw: sides.map { "(" + $0.expression + ")" }.joined(separator: " OR "))
    }

    /// The tz database version, from the first line of `tzdata.zi` (`# version 2024a`), else `unknown`.
    public static func tzdataVersion(path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "unknown" }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 128)) ?? Data(), as: UTF8.self)
        let firstLine = head.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        guard firstLine.hasPrefix("# version ") else { return "unknown" }
        let version = firstLine.dropFirst("# version ".count).trimmingCharacters(in: .whitespaces)
        return version.isEmpty ? "unknown" : version
    }

    static func windowDescription(_ options: ReportOptions) -> String {
        switch (options.sinceText, options.untilText) {
        case (nil, nil): return "whole case"
        case (let since?, nil): return "from \(since)"
        case (nil, let until?): return "before \(until)"
        case (let since?, let until?): return "from \(since) until \(until) (exclusive)"
        }
    }

    /// Events per day (spans up to 92 days), week (up to two years; weeks start on Monday) or month,
    /// and per hour of day, in the display zone; buckets between the first and last are filled with zeros.
    public static func activityCounts(_ times: [(occurredAt: Int64, platform: String)], zone: TimeZone?)
        -> ReportDocument.Activity
    {
        let zoneName = zone?.identifier ?? "UTC"
        guard !times.isEmpty else { return .init(zone: zoneName) }
        let platforms = Array(Set(times.map(\.platform))).sorted()
        let platformIndex = Dictionary(uniqueKeysWithValues: platforms.enumerated().map { ($0.element, $0.offset) })
        var hours = Array(repeating: Array(repeating: 0, count: platforms.count), count: 24)
        var localDays: [(day: Int64, platform: Int)] = []
        localDays.reserveCapacity(times.count)
        for time in times {
            let offset =
                zone.map { $0.secondsFromGMT(for: Date(timeIntervalSince1970: Double(time.occurredAt) / 1_000_000)) }
                ?? 0
            let local = time.occurredAt + Int64(offset) * 1_000_000
            let seconds = local >= 0 ? local / 1_000_000 : (local - 999_999) / 1_000_000
            let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let hour = Int((seconds - day * 86_400) / 3_600)
            let index = platformIndex[time.platform]!
            hours[hour][index] += 1
            localDays.append((day, index))
        }
        let first = localDays.map(\.day).min()!
        let last = localDays.map(\.day).max()!
        let span = last - first
        let unit = span <= 92 ? "day" : span <= 731 ? "week" : "month"
        func label(_ day: Int64) -> String {
            let civil = CivilTime(microseconds: day * 86_400_000_000, offsetSeconds: 0)
            let text = civil.formatted(precision: .day, zoneSuffix: "")
            return unit == "month" ? String(text.prefix(7)) : String(text.prefix(10))
        }
        func bucketStart(_ day: Int64) -> Int64 {
            switch unit {
            case "week":
                // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
                let weekday = ((day + 3) % 7 + 7) % 7
                return day - weekday
            case "month":
                let civil = CivilTime(microseconds: day * 86_400_000_000, offsetSeconds: 0)
                return (CivilTime(year: civil.year, month: civil.month, day: 1).microseconds() ?? 0) / 86_400_000_000
            default:
                return day
            }
        }
        func next(_ start: Int64) -> Int64 {
            switch unit {
            case "week": return start + 7
            case "month":
                let civil = CivilTime(microseconds: start * 86_400_000_000, offsetSeconds: 0)
                let year = civil.month == 12 ? civil.year + 1 : civil.year
                let month = civil.month == 12 ? 1 : civil.month + 1
                return (CivilTime(year: year, month: month, day: 1).microseconds() ?? 0) / 86_400_000_000
            default: return start + 1
            }
        }
        var counts: [Int64: [Int]] = [:]
        for entry in localDays {
            counts[bucketStart(entry.day), default: Array(repeating: 0, count: platforms.count)][entry.platform] += 1
        }
        var buckets: [ReportDocument.Activity.Bucket] = []
        var start = bucketStart(first)
        let end = bucketStart(last)
        while start <= end {
            buckets.append(
                .init(label: label(start), counts: counts[start] ?? Array(repeating: 0, count: platforms.count)))
            start = next(start)
        }
        return .init(unit: unit, platforms: platforms, buckets: buckets, hours: hours, zone: zoneName)
    }

    static func shellWord(_ text: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:@,+%")
        if !text.isEmpty && text.allSatisfy({ safe.contains($0) }) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `{"ok":2,"changed":0}` as `changed=0 ok=2` (keys sorted).
    static func summaryText(_ json: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return json
        }
        return object.keys.sorted().map { "\($0)=\(object[$0].map { "\($0)" } ?? "")" }.joined(separator: " ")
    }
}
