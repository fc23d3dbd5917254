import EvidenceArchive
import EvidenceModel

/// Instagram login, logout and password-change history, and the sign-up record.
///
/// Paths: `login_and_account_creation/{login_activity, logout_activity, password_change_activity,
/// signup_information}.json` (2020-2023) and `security_and_login_information/login_and_profile_creation/
/// {login_activity, logout_activity, password_change_activity, signup_details,
/// instagram_signup_details}.json` (2024+). Shape: `{"account_history_login_history" |
/// "account_history_logout_history" | "account_history_password_change_history" |
/// "account_history_registration_info": [{title, string_map_data {IP Address, Time, User Agent, Cookie
/// Name, Language Code, Port, Username, Email, Phone Number, Device}}]}`, labels through
/// `InstagramLabels`. The time is the ISO `title` (explicit offset) when it parses, else
/// `Time.timestamp` (epoch seconds); when both are present and differ, a `time-mismatch` warning keeps
/// the other value visible. Emits `.login`, `.logout`, `.passwordChange` or `.accountCreated` events
/// with `.ip`, `.device` (cookie, device) and, for sign-up, `.email`, `.phone` and `.handle` identifiers.
public struct InstagramLoginsParser: InstagramExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "instagram.logins", displayName: "Instagram logins and sign-up", platform: .instagram, version: 1,
        memberPatterns: [
            "login_and_account_creation/login_activity.json", "login_and_account_creation/logout_activity.json",
            "login_and_account_creation/password_change_activity.json",
            "login_and_account_creation/signup_information.json",
            "login_and_profile_creation/login_activity.json", "login_and_profile_creation/logout_activity.json",
            "login_and_profile_creation/password_change_activity.json",
            "login_and_profile_creation/signup_details.json",
            "login_and_profile_creation/instagram_signup_details.json",
            "login_and_profile_creation/signup_information.json",
        ],
        prefetchPatterns: MetaOwner.instagramProfilePatterns,
        formatNotes: "account_history_* lists with string_map_data, 2020-2023 and 2024+ trees.",
        knownLimits: "The 2018-2020 root-level account_history.json is not read. last_known_location.json is not read.")

    public init() {}

    static func kind(for path: String) -> EventKind {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasPrefix("logout") { return .logout }
        if name.hasPrefix("password") { return .passwordChange }
        if name.contains("signup") { return .accountCreated }
        return .login
    }

    /// Emits the event of one entry from its `string_map_data` (or an HTML page's fields as such a
    /// map, see `MetaHTML.labelMap`): identifiers and details through `InstagramLabels`. Shared by the
    /// JSON and HTML parsers.
    static func emit(
        map: JSONValue, kind: EventKind, time: Timestamp?, details: [Event.Detail], listKey: String,
        owner: AccountKey, locator: String, context: ParseContext
    ) {
        var details = details
        var actor = owner
        var identifiers: [IdentifierObservation] = []
        if kind == .accountCreated, let username = InstagramLabels.value(map, .username) {
            actor = .handle(.instagram, MetaText.repair(username).text)
            identifiers.append(
                IdentifierObservation(
                    kind: .handle, raw: username, field: "\(listKey).Username", platform: .instagram,
                    observedAt: time,
                    accountKey: actor))
        }
        let identifierFields: [(InstagramLabels.Field, IdentifierKind)] = [
            (.ipAddress, .ip), (.cookieName, .device), (.device, .device), (.email, .email), (.phoneNumber, .phone),
        ]
        for (field, identifierKind) in identifierFields {
            guard let raw = InstagramLabels.value(map, field), let label = InstagramLabels.entry(map, field)?.label
            else {
                continue
            }
            identifiers.append(
                IdentifierObservation(
                    kind: identifierKind, raw: raw, field: "\(listKey).\(label)", observedAt: time,
                    accountKey: actor))
        }
        let detailFields: [(InstagramLabels.Field, String)] = [
            (.userAgent, "userAgent"), (.languageCode, "languageCode"), (.port, "port"),
        ]
        for (field, name) in detailFields {
            if let text = InstagramMaps.text(map, field, context: context) { details.append(.init(name, text)) }
        }
        context.emit(
            Event(
                platform: .instagram, kind: kind, occurredAt: time, actor: actor, details: details,
                identifiers: identifiers, provenance: context.provenance(locator)))
    }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let repairsBefore = MetaText.repairCount(in: context)
        defer { MetaText.warnRepairs(since: repairsBefore, in: context) }
        let kind = Self.kind(for: member.path)
        let owner = MetaOwner.instagram(in: context)
        try MetaJSON.forEachItem(in: member, context: context, missing: "no account_history list") { item, locator, listKey in
            guard let map = item["string_map_data"], map.object != nil else {
                context.warn("missing-field", "entry has no string_map_data", locator: locator)
                return
            }
            var details: [Event.Detail] = []
            let titleTime = item["title"]?.nonEmptyString.flatMap {
                TimestampParsing.iso8601($0, withoutOffset: .assumedUTC)
            }
            let mapTime = InstagramMaps.timestamp(map, .time, base: locator, context: context)
            if let titleTime, let mapTime, titleTime.microseconds != mapTime.microseconds {
                context.warn(
                    "time-mismatch",
                    "title and Time.timestamp give different times; the title is used, Time kept as a detail",
                    locator: locator)
                details.append(.init("timeTimestamp", mapTime.raw))
            }
            let time = titleTime ?? mapTime
            if time == nil {
                context.warn("missing-field", "entry has neither an ISO title nor a Time.timestamp", locator: locator)
            }
            Self.emit(
                map: map, kind: kind, time: time, details: details, listKey: listKey, owner: owner, locator: locator,
                context: context)
        }
    }
}
