import EvidenceArchive
import EvidenceModel

/// Facebook `security_and_login_information/`: logins, logouts, sessions, IP activity, contact
/// verifications and password changes.
///
/// Files (2018-2021 and 2022+ trees alike; keys end in `_v2` from about 2020):
/// - `account_activity.json` → `account_activity[_v2][] {action, timestamp, ip_address, user_agent,
///   datr_cookie, city, region, country, site_name, port}`;
/// - `logins_and_logouts.json` → `account_accesses[_v2][] {action, timestamp, site, ip_address}`;
/// - `where_you're_logged_in.json` / `where_you_re_logged_in.json` → `active_sessions[_v2][]
///   {created_timestamp, updated_timestamp, ip_address, user_agent, datr_cookie, device, location, app,
///   session_type}`;
/// - `ip_address_activity.json`, `used_ip_addresses.json` → `used_ip_address[_v2][] {ip, action,
///   timestamp, user_agent}`;
/// - `email_address_verifications.json` → `contact_verifications_v2[] {contact, contact_type,
///   verification_time}` (`.emailChange`, or `.phoneChange` when the contact has no `@`);
/// - `your_account_password_information.json` / `you_account_password.json` (Accounts Center) →
///   `label_values[] {label, timestamp_value}` (`.passwordChange`; unverified beyond the schema).
///
/// The event kind comes from `action` (`Login` → `.login`, `Logout`/`Web Session Terminated` →
/// `.logout`, `Password ...` → `.passwordChange`, `Email ...`, `Phone ...`, `Account created`), else
/// the file's default. IPs become `.ip` identifiers, `datr_cookie` a `.device` identifier, user agent,
/// site, app, device, port and location details. The actor is the export owner.
public struct FacebookSecurityParser: FacebookExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "facebook.security", displayName: "Facebook logins and security", platform: .facebook, version: 1,
        memberPatterns: [
            "security_and_login_information/account_activity.json",
            "security_and_login_information/logins_and_logouts.json",
            "security_and_login_information/where_you're_logged_in.json",
            "security_and_login_information/where_you_re_logged_in.json",
            "security_and_login_information/ip_address_activity.json",
            "security_and_login_information/used_ip_addresses.json",
            "security_and_login_information/email_address_verifications.json",
            "facebook_accounts_center/your_account_password_information.json",
            "facebook_accounts_center/you_account_password.json",
        ],
        prefetchPatterns: [MetaOwner.facebookProfilePattern],
        formatNotes: "account_activity, logins_and_logouts, where_you're_logged_in, ip_address_activity, "
            + "email_address_verifications and Accounts Center password files, 2018-2024 trees.",
        knownLimits: "Action names are matched in English (and a few Dutch and German words); other languages fall "
            + "back to the file's default kind with the action kept as a detail. mobile_devices.json, browser "
            + "cookies and login protection data are not read.")

    public init() {}

    /// How one file's rows read.
    struct FileSpec {
        var listKeys: [String]
        var fallback: EventKind
        var timeKey: String
        var ipKey: String
        var field: String
    }

    static func spec(for path: String) -> FileSpec? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        switch name {
        case "account_activity.json":
            return FileSpec(
                listKeys: ["account_activity_v2", "account_activity"], fallback: .activity, timeKey: "timestamp",
                ipKey: "ip_address", field: "account_activity")
        case "logins_and_logouts.json":
            return FileSpec(
                listKeys: ["account_accesses_v2", "account_accesses"], fallback: .login, timeKey: "timestamp",
                ipKey: "ip_address", field: "account_accesses")
        case "where_you're_logged_in.json", "where_you_re_logged_in.json":
            return FileSpec(
                listKeys: ["active_sessions_v2", "active_sessions"], fallback: .login, timeKey: "created_timestamp",
                ipKey: "ip_address", field: "active_sessions")
        case "ip_address_activity.json", "used_ip_addresses.json":
            return FileSpec(
                listKeys: ["used_ip_address_v2", "used_ip_address"], fallback: .activity, timeKey: "timestamp",
                ipKey: "ip",
                field: "used_ip_address")
        case "email_address_verifications.json":
            return FileSpec(
                listKeys: ["contact_verifications_v2", "contact_verifications"], fallback: .emailChange,
                timeKey: "verification_time", ipKey: "", field: "contact_verifications")
        case "your_account_password_information.json", "you_account_password.json":
            return FileSpec(
                listKeys: ["label_values"], fallback: .passwordChange, timeKey: "timestamp_value", ipKey: "",
                field: "password")
        default:
            return nil
        }
    }

    /// The kind an `action` text names, or `fallback`.
    static func kind(forAction action: String?, fallback: EventKind) -> EventKind {
        guard let lower = action?.lowercased() else { return fallback }
        let table: [(EventKind, [String])] = [
            (.logout, ["logout", "log out", "logged out", "terminated", "uitgelogd", "abgemeldet"]),
            (.passwordChange, ["password", "wachtwoord", "passwort"]),
            (.emailChange, ["email", "e-mail"]),
            (.phoneChange, ["phone", "telefoon", "telefon"]),
            (.accountCreated, ["account created", "registration", "registered"]),
            (.login, ["login", "log in", "logged in", "session", "ingelogd", "angemeldet"]),
        ]
        for (kind, words) in table where words.contains(where: { lower.contains($0) }) { return kind }
        return fallback
    }

    /// One login, session or activity row, however the file wrote it (JSON object or HTML block).
    struct Entry {
        var action: String?
        var time: Timestamp?
        var ip: String?
        var ipField: String
        var cookie: String?
        var cookieField: String
        var contact: String?
        var contactField: String
        var details: [Event.Detail]
    }

    /// Emits the event of one row: the kind from the action (a contact makes it an email or phone
    /// change), the IP as `.ip`, the cookie as `.device`, the contact as `.email`/`.phone`, all observed
    /// by the owner at the row's time. Shared by the JSON and HTML parsers.
    static func emit(
        _ entry: Entry, fallback: EventKind, owner: AccountKey, locator: String, context: ParseContext
    ) {
        var kind = kind(forAction: entry.action, fallback: fallback)
        var identifiers: [IdentifierObservation] = []
        if let address = entry.ip {
            identifiers.append(
                IdentifierObservation(
                    kind: .ip, raw: address, field: entry.ipField, observedAt: entry.time, accountKey: owner))
        }
        if let cookie = entry.cookie {
            identifiers.append(
                IdentifierObservation(
                    kind: .device, raw: cookie, field: entry.cookieField, observedAt: entry.time, accountKey: owner))
        }
        if let contact = entry.contact {
            let isEmail = contact.contains("@")
            kind = isEmail ? .emailChange : .phoneChange
            identifiers.append(
                IdentifierObservation(
                    kind: isEmail ? .email : .phone, raw: contact, field: entry.contactField, observedAt: entry.time,
                    accountKey: owner))
        }
        context.emit(
            Event(
                platform: .facebook, kind: kind, occurredAt: entry.time, actor: owner, text: entry.action,
                details: entry.details, identifiers: identifiers, provenance: context.provenance(locator)))
    }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        guard let spec = Self.spec(for: member.path) else { return }
        let repairsBefore = MetaText.repairCount(in: context)
        defer { MetaText.warnRepairs(since: repairsBefore, in: context) }
        let owner = MetaOwner.facebook(in: context)
        try MetaJSON.forEachItem(
            in: member, context: context, keys: spec.listKeys, missing: "no list of \(spec.field) entries"
        ) { item, locator, _ in
            guard item.object != nil else {
                context.warn("unexpected-shape", "\(spec.field) entry is not an object", locator: locator)
                return
            }
            if spec.field == "password", item["timestamp_value"] == nil { return }
            var details: [Event.Detail] = []
            let action = MetaText.text(item["action"], rawDetail: "rawAction", details: &details, context: context)
            if let action { details.append(.init("action", action)) }
            let time = MetaJSON.timestamp(
                item[spec.timeKey], field: spec.timeKey, locator: "\(locator)/\(spec.timeKey)", context: context)
            if item[spec.timeKey] == nil {
                context.warn("missing-field", "\(spec.field) entry has no \(spec.timeKey)", locator: locator)
            }
            let ip = spec.ipKey.isEmpty ? nil : item[spec.ipKey]?.nonEmptyString
            let cookie = item["datr_cookie"]?.nonEmptyString
            let contact = item["contact"]?.nonEmptyString
            if let label = MetaText.text(item["label"], context: context) { details.append(.init("label", label)) }
            for (key, name) in [
                ("user_agent", "userAgent"), ("site_name", "site"), ("site", "site"), ("app", "app"),
                ("device", "device"),
                ("session_type", "sessionType"), ("port", "port"), ("location", "location"),
            ] {
                if let text = MetaText.text(item[key], context: context) { details.append(.init(name, text)) }
            }
            let place = ["city", "region", "country"].compactMap { MetaText.text(item[$0], context: context) }
            if !place.isEmpty { details.append(.init("location", place.joined(separator: ", "))) }
            if let updated = MetaJSON.timestamp(
                item["updated_timestamp"], field: "updated_timestamp", locator: "\(locator)/updated_timestamp",
                context: context)
            {
                details.append(.init("updated", updated.iso8601))
            }
            Self.emit(
                Entry(
                    action: action, time: time, ip: ip, ipField: "\(spec.field).\(spec.ipKey)", cookie: cookie,
                    cookieField: "\(spec.field).datr_cookie", contact: contact,
                    contactField: "\(spec.field).contact", details: details),
                fallback: spec.fallback, owner: owner, locator: locator, context: context)
        }
    }
}
