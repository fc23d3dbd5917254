import EvidenceArchive
import EvidenceModel

/// Instagram `personal_information.json`: the export owner.
///
/// Paths: `account_information/personal_information.json` (2020-2023) and
/// `personal_information/personal_information/personal_information.json` (2024+). Shape:
/// `{"profile_user": [{title, media_map_data {"Profile Photo" {uri}}, string_map_data {Email, Phone
/// Number, Username, Name, Bio, Gender, Date of birth, Website, Private Account: {value}}}]}` (labels
/// through `InstagramLabels`). Emits the owner `Account` (keyed by username), identifier records for
/// username, email, phone and website, and a `.profileChange` event without time that keeps name,
/// birthday, gender, bio and privacy as details.
public struct InstagramProfileParser: InstagramExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "instagram.profile", displayName: "Instagram profile", platform: .instagram, version: 1,
        memberPatterns: MetaOwner.instagramProfilePatterns, prefetchPatterns: MetaOwner.instagramProfilePatterns,
        formatNotes: "profile_user[].string_map_data, 2020-2023 and 2024+ trees; labels in a table for localization.",
        knownLimits: "Threads (text_post_app_*) profiles in the same file are not read; the profile photo is not "
            + "kept as an attachment.")

    public init() {}

    /// Emits the owner account, identifier records and the `.profileChange` event from a
    /// `string_map_data` map (or an HTML page's fields as such a map); `extraDetails` follow the
    /// labelled details. Shared by the JSON and HTML parsers.
    static func emit(
        map: JSONValue?, extraDetails: [Event.Detail], locator base: String, missingLocator: String,
        fieldLocator: (InstagramLabels.Field) -> String, context: ParseContext
    ) {
        let username = InstagramMaps.text(map, .username, context: context)
        let key: AccountKey
        if let username {
            key = .handle(.instagram, username)
            context.state.values["instagram.ownerUsername"] = username
        } else {
            context.warn("missing-field", "profile has no Username", locator: missingLocator)
            key = AccountKey(platform: .instagram, key: "owner:\(context.evidenceSHA256.prefix(16))")
        }
        let name = InstagramMaps.text(map, .name, context: context)
        let provenance = context.provenance(base)
        context.emit(
            .account(
                Account(key: key, handle: username, displayName: name, isExportOwner: true, provenance: provenance)))
        let identifierFields: [(InstagramLabels.Field, IdentifierKind)] = [
            (.username, .handle), (.email, .email), (.phoneNumber, .phone), (.website, .url),
        ]
        for (field, kind) in identifierFields {
            guard let map, let label = InstagramLabels.entry(map, field)?.label,
                let raw = InstagramLabels.value(map, field)
            else { continue }
            context.emit(
                .identifier(
                    IdentifierObservation(
                        kind: kind, raw: raw, field: "personal_information.\(label)",
                        platform: kind == .handle ? .instagram : nil, accountKey: key),
                    context.provenance(fieldLocator(field))))
        }
        var details: [Event.Detail] = []
        let detailFields: [(InstagramLabels.Field, String)] = [
            (.name, "name"), (.dateOfBirth, "birthday"), (.gender, "gender"), (.bio, "bio"),
        ]
        for (field, label) in detailFields {
            if let text = InstagramMaps.text(map, field, context: context) { details.append(.init(label, text)) }
        }
        details += extraDetails
        context.emit(
            Event(
                platform: .instagram, kind: .profileChange, occurredAt: nil, actor: key,
                text: username.map { "Profile @\($0)" }, details: details, provenance: provenance))
    }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let repairsBefore = MetaText.repairCount(in: context)
        defer { MetaText.warnRepairs(since: repairsBefore, in: context) }
        let root = try MetaJSON.read(member, context: context)
        guard let (items, prefix, _) = MetaJSON.items(in: root, keys: ["profile_user"]), let entry = items.first else {
            throw ParseError(locator: "", "no profile_user entry")
        }
        let base = prefix + "/0"
        let map = entry["string_map_data"]
        var details: [Event.Detail] = []
        if let privacy = map?["Private Account"]?["value"]?.nonEmptyString {
            details.append(.init("privateAccount", privacy))
        }
        if let photo = entry["media_map_data"]?["Profile Photo"]?["uri"]?.nonEmptyString {
            details.append(.init("profilePhoto", photo))
        }
        Self.emit(
            map: map, extraDetails: details, locator: base, missingLocator: base + "/string_map_data",
            fieldLocator: { InstagramMaps.locator(base, map, $0, "value") }, context: context)
    }
}
