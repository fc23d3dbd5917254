import EvidenceArchive
import EvidenceModel

/// Instagram `personal_information.html` of the HTML export: the export owner.
///
/// Paths: `account_information/personal_information.html` (2020-2023) and
/// `personal_information/personal_information/personal_information.html` (2024+). The page is a
/// table of label/value rows (`<td>Username</td><td>frida.dahl</td>`, or a label cell with the
/// value in a child `div`; see `MetaHTML.fields`) plus the profile photo as an `img`. The rows become
/// an Instagram `string_map_data` map and go through `InstagramProfileParser.emit`, so the records
/// equal the JSON ones: the owner `Account` keyed by username, identifier records for username,
/// email, phone and website, a `.profileChange` event without time. Locators are row node paths.
public struct InstagramProfileHTMLParser: InstagramExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "instagram.profile-html", displayName: "Instagram profile (HTML)", platform: .instagram,
        version: 1, memberPatterns: MetaOwner.instagramProfileHTMLPatterns,
        prefetchPatterns: MetaOwner.instagramProfileHTMLPatterns,
        formatNotes: "personal_information.html label/value rows, 2020-2023 and 2024+ HTML trees.",
        knownLimits: "Labels are matched through InstagramLabels; the profile photo is a detail, not an attachment.")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        guard let page = try MetaHTMLDocument.read(member, context: context) else { return }
        defer { withExtendedLifetime(page) {} }
        let fields = MetaHTML.fields(in: page.root)
        guard !fields.isEmpty else { throw ParseError(locator: "", "no label/value rows in the profile page") }
        let map = MetaHTML.labelMap(fields)
        let base = MetaHTML.nodePath(fields[0].node.pointee.parent ?? fields[0].node)
        var details: [Event.Detail] = []
        if let privacy = fields.first(where: { $0.label == "Private Account" }) {
            details.append(.init("privateAccount", privacy.value))
        }
        if let photo = MetaHTML.first("img", in: page.root).flatMap({ MetaHTML.attribute($0, "src") }) {
            details.append(.init("profilePhoto", photo))
        }
        Self.emitProfile(map: map, fields: fields, details: details, base: base, context: context)
    }

    private static func emitProfile(
        map: JSONValue, fields: [MetaHTML.Field], details: [Event.Detail], base: String, context: ParseContext
    ) {
        InstagramProfileParser.emit(
            map: map, extraDetails: details, locator: base, missingLocator: base,
            fieldLocator: { field in MetaHTML.field(fields, field).map { MetaHTML.nodePath($0.node) } ?? base },
            context: context)
    }
}
