import ArgumentParser
import CaseReports
import CaseStore
import Casebook
import EvidenceModel
import Foundation

/// `--case`: which case file to use.
struct CaseOptions: ParsableArguments {
    @Option(name: .customLong("case"), help: "The case file (SQLite). Default: ./casebook.db")
    var casePath: String = "casebook.db"

    /// Opens the case for a query: read-only, nothing is written to the case file.
    func openExisting() throws -> CaseStore {
        try CaseStore(path: casePath, create: false, readOnly: true)
    }

    /// Opens the case for a command that records something (tag, verify): it must pass
    /// `PRAGMA quick_check` first, so that nothing is written into a damaged case.
    func openForWriting() throws -> CaseStore {
        let store = try CaseStore(path: casePath, create: false, quickCheck: true)
        if store.isReadOnly {
            throw CommandError(
                message: "cannot write case database at '\(casePath)' (its file or folder is read-only) – copy the case to a writable folder",
                status: 73)
        }
        return store
    }
}

/// An option's value named by its raw text (`--format csv`, `--platform twitter`).
///
/// ArgumentParser's own defaults for such enums render every value with `String(describing:)`,
/// and every option's default the same way, each time a command is parsed: in the statically linked
/// binary each of those looked up protocol conformances across the whole binary (6M instructions,
/// 4 % of a `search`). The raw text is what they rendered.
public protocol RawTextArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension RawTextArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public var defaultValueDescription: String { rawValue }
}

extension OutputFormat: RawTextArgument {}
extension Platform: RawTextArgument {}
extension EventKind: RawTextArgument {}
extension IdentifierKind: RawTextArgument {}

/// `--format` and `--limit`, shared by every listing command.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, csv, json or jsonl.")
    var format: OutputFormat = .table

    @Option(help: "Rows at most (0 = all).")
    var limit: Int = 0

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
    }
}

/// Filters shared by search and timeline.
struct EventFilterOptions: ParsableArguments {
    @Option(help: "Only events at or after this time (2021-01-01, 2021-01-01T10:00, or with Z/offset; read in --tz).")
    var since: String?

    @Option(help: "Only events before this time.")
    var until: String?

    @Option(help: "Only this platform (repeatable).")
    var platform: [Platform] = []

    @Option(help: "Only events whose actor is this account (@handle, handle or user id).")
    var account: String?

    @Option(help: "Only this kind of event (post, message, login, ...; repeatable).")
    var kind: [EventKind] = []

    @Option(help: "Time zone for display and for times typed without an offset (IANA name, e.g. Europe/Berlin). Stored times stay UTC.")
    var tz: String?

    func timeZone() throws -> TimeZone? {
        guard let tz else { return nil }
        guard let zone = TimeZone(identifier: tz) else {
            throw ValidationError("unknown time zone '\(tz)' – use an IANA name such as Europe/Berlin or UTC")
        }
        return zone
    }

    func filter(limit: Int) throws -> EventFilter {
        var filter = EventFilter()
        let zone = try timeZone()
        if let since {
            guard let value = TimeInput.parse(since, zone: zone) else {
                throw ValidationError("--since '\(since)' is not a date or time – use 2021-01-01 or 2021-01-01T10:00")
            }
            filter.since = value
        }
        if let until {
            guard let value = TimeInput.parse(until, zone: zone) else {
                throw ValidationError("--until '\(until)' is not a date or time – use 2021-06-30 or 2021-06-30T23:59")
            }
            filter.until = value
        }
        filter.platforms = platform
        filter.kinds = kind
        filter.account = account
        filter.limit = limit
        return filter
    }
}
