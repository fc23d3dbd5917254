import EvidenceArchive
import EvidenceModel

/// Facebook `profile_information.json`: the export owner's profile.
///
/// Paths: `profile_information/profile_information.json` (2018-2021) and
/// `personal_information/profile_information/profile_information.json` (2022+). Shape:
/// `{"profile_v2": {name {full_name, first_name, last_name}, emails {emails[], previous_emails[],
/// pending_emails[], ad_account_emails[]}, phone_numbers [{phone_type, phone_number, verified}],
/// username, birthday {year, month, day}, gender {gender_option}, registration_timestamp (epoch s),
/// profile_uri, previous_names [{name, timestamp}], current_city {name}, hometown {name}}}`; 2018-2019
/// files say `profile` instead of `profile_v2` and may give `name` as a plain string and phone
/// numbers as strings. Emits the owner `Account` (keyed by full name, as Messenger keys senders),
/// one identifier record per email (current, previous, pending, ad account), phone number, username
/// and profile URL, and an `.accountCreated` event at `registration_timestamp` carrying birthday,
/// gender, places and previous names as details.
public struct FacebookProfileParser: FacebookExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "facebook.profile", displayName: "Facebook profile", platform: .facebook, version: 1,
        memberPatterns: [MetaOwner.facebookProfilePattern], prefetchPatterns: [MetaOwner.facebookProfilePattern],
        formatNotes: "profile_information.json, profile (2018-2019) and profile_v2 (2020+); mojibake repaired.",
        knownLimits: "Education, work, family members and websites are not read. The account is keyed by the "
            + "owner's display name because Messenger gives no ids.")

    public init() {}

    /// Emits the owner `Account` (keyed by full name, or a placeholder with a warning when there is
    /// none) and remembers the name for the other parsers of the export; shared with the HTML parser.
    static func emitOwner(
        name: String?, username: String?, missingLocator: String, locator: String, context: ParseContext
    ) -> AccountKey {
        let key: AccountKey
        if let name {
            key = .handle(.facebook, name)
            context.state.values["facebook.ownerName"] = name
        } else {
            context.warn("missing-field", "profile has no name", locator: missingLocator)
            key = AccountKey(platform: .facebook, key: "owner:\(context.evidenceSHA256.prefix(16))")
        }
        context.emit(
            .account(
                Account(
                    key: key, handle: username, displayName: name, isExportOwner: true,
                    provenance: context.provenance(locator))))
        return key
    }

    /// Emits one identifier of the owner (usernames as Facebook handles).
    static func emitIdentifier(
        _ kind: IdentifierKind, _ raw: String, field: String, key: AccountKey, locator: String, context: ParseContext
    ) {
        let platform: Platform? = kind == .handle ? .facebook : nil
        context.emit(
            .identifier(
                IdentifierObservation(kind: kind, raw: raw, field: field, platform: platform, accountKey: key),
                context.provenance(locator)))
    }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let repairsBefore = MetaText.repairCount(in: context)
        defer { MetaText.warnRepairs(since: repairsBefore, in: context) }
        let root = try MetaJSON.read(member, context: context)
        let base = root["profile_v2"] != nil ? "/profile_v2" : "/profile"
        guard let profile = root["profile_v2"] ?? root["profile"], profile.object != nil else {
            throw ParseError(locator: "", "no profile_v2 or profile object")
        }
        var details: [Event.Detail] = []
        let nameValue = profile["name"]?["full_name"] ?? profile["name"]
        let name = MetaText.text(nameValue, rawDetail: "rawName", details: &details, context: context)
        let username = profile["username"]?.nonEmptyString
        let provenance = context.provenance(base)
        let key = Self.emitOwner(
            name: name, username: username, missingLocator: base + "/name", locator: base, context: context)
        func identifier(_ kind: IdentifierKind, _ raw: String, field: String, locator: String) {
            Self.emitIdentifier(kind, raw, field: field, key: key, locator: locator, context: context)
        }
        for list in ["emails", "previous_emails", "pending_emails", "ad_account_emails"] {
            for (index, email) in (profile["emails"]?[list]?.array ?? []).enumerated() {
                guard let raw = email.nonEmptyString else { continue }
                identifier(.email, raw, field: "profile.emails.\(list)", locator: "\(base)/emails/\(list)/\(index)")
            }
        }
        for (index, phone) in (profile["phone_numbers"]?.array ?? []).enumerated() {
            if let raw = phone.nonEmptyString {
                identifier(.phone, raw, field: "profile.phone_numbers", locator: "\(base)/phone_numbers/\(index)")
            } else if let raw = phone["phone_number"]?.nonEmptyString {
                identifier(
                    .phone, raw, field: "profile.phone_numbers", locator: "\(base)/phone_numbers/\(index)/phone_number")
            }
        }
        if let username { identifier(.handle, username, field: "profile.username", locator: base + "/username") }
        if let uri = profile["profile_uri"]?.nonEmptyString {
            identifier(.url, uri, field: "profile.profile_uri", locator: base + "/profile_uri")
        }

        if let birthday = profile["birthday"], birthday.object != nil {
            let year = birthday["year"]?.int64 ?? 0
            let month = birthday["month"]?.int64 ?? 0
            let day = birthday["day"]?.int64 ?? 0
            func pad(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
            details.append(.init("birthday", (year > 0 ? String(year) : "-") + "-\(pad(month))-\(pad(day))"))
        }
        if let gender = profile["gender"]?["gender_option"]?.nonEmptyString ?? profile["gender"]?.nonEmptyString {
            details.append(.init("gender", gender))
        }
        for place in ["current_city", "hometown"] {
            if let text = MetaText.text(profile[place]?["name"] ?? profile[place], context: context) {
                details.append(.init(place == "current_city" ? "currentCity" : "hometown", text))
            }
        }
        for previous in profile["previous_names"]?.array ?? [] {
            if let text = MetaText.text(previous["name"], context: context) {
                details.append(.init("previousName", text))
            }
        }
        let created = MetaJSON.timestamp(
            profile["registration_timestamp"], field: "registration_timestamp",
            locator: base + "/registration_timestamp",
            context: context)
        context.emit(
            Event(
                platform: .facebook, kind: .accountCreated, occurredAt: created, actor: key,
                text: name.map { "Account \($0) registered" }, details: details, provenance: provenance))
    }
}
