import EvidenceArchive
import EvidenceModel

/// Facebook `profile_information.html` of the 2019+ HTML export: the export owner's profile.
///
/// Paths: `profile_information/profile_information.html` (2019-2021) and
/// `personal_information/profile_information/profile_information.html` (2022+). The page is a list of
/// label/value fields (table rows, or `Label: value` lines; see `MetaHTML.fields`): `Name`, `Emails`
/// (several values, one per `<div>`), `Previous emails`, `Phone numbers`, `Username`, `Birthday`,
/// `Gender`, `Registration date` (`Mar 01, 2012 10:15:02 am`), `Current city`, `Hometown`, `Profile URL`.
/// Emits what the JSON parser emits (`FacebookProfileParser.emitOwner`/`emitIdentifier`): the owner
/// `Account` keyed by name, one identifier record per email, previous email, phone, username and
/// profile URL, and an `.accountCreated` event at the registration date carrying birthday, gender and
/// places as details. Locators are the node paths of the rows.
public struct FacebookProfileHTMLParser: FacebookExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "facebook.profile-html", displayName: "Facebook profile (HTML)", platform: .facebook,
        version: 1, memberPatterns: [MetaOwner.facebookProfileHTMLPattern],
        prefetchPatterns: [MetaOwner.facebookProfileHTMLPattern],
        formatNotes: "profile_information.html label/value fields, 2019-2021 and 2022+ HTML trees.",
        knownLimits: "Labels are matched in English and a few German and Dutch forms; a profile in another "
            + "language yields the owner without identifiers. Family, work, education and websites are not read.")

    /// Labels per profile field, English first.
    static let labels: [String: [String]] = [
        "email": ["Emails", "Email", "Email address", "E-Mail-Adressen", "E-Mail-Adresse", "E-mailadressen"],
        "previousEmail": ["Previous emails", "Previous email", "Frühere E-Mail-Adressen"],
        "phone": ["Phone numbers", "Phone number", "Mobile", "Telefonnummern", "Telefonnummer", "Telefoonnummers"],
        "username": ["Username", "Benutzername", "Gebruikersnaam"],
        "birthday": ["Birthday", "Date of birth", "Geburtstag", "Verjaardag"],
        "gender": ["Gender", "Geschlecht", "Geslacht"],
        "registered": ["Registration date", "Joined Facebook", "Registrierungsdatum", "Registratiedatum"],
        "currentCity": ["Current city", "Aktueller Wohnort", "Huidige woonplaats"],
        "hometown": ["Hometown", "Heimatstadt", "Geboorteplaats"],
        "profileURL": ["Profile URL", "Profile link"],
    ]

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        guard let page = try MetaHTMLDocument.read(member, context: context) else { return }
        defer { withExtendedLifetime(page) {} }
        let fields = MetaHTML.fields(in: page.root)
        guard !fields.isEmpty else { throw ParseError(locator: "", "no label/value fields in the profile page") }
        func field(_ name: String) -> MetaHTML.Field? {
            for label in Self.labels[name] ?? [] {
                if let found = fields.first(where: { $0.label.lowercased() == label.lowercased() }) { return found }
            }
            return nil
        }
        let nameField = MetaHTML.field(fields, .name)
        let username = field("username")
        let ownerLocator = nameField.map { MetaHTML.nodePath($0.node) } ?? ""
        let key = FacebookProfileParser.emitOwner(
            name: nameField?.value, username: username?.value, missingLocator: "", locator: ownerLocator,
            context: context)
        let identifierFields: [(String, IdentifierKind, String)] = [
            ("email", .email, "profile.emails"), ("previousEmail", .email, "profile.previous_emails"),
            ("phone", .phone, "profile.phone_numbers"), ("username", .handle, "profile.username"),
            ("profileURL", .url, "profile.profile_uri"),
        ]
        for (name, kind, fieldName) in identifierFields {
            guard let found = field(name) else { continue }
            for value in found.value.split(separator: "\n") {
                FacebookProfileParser.emitIdentifier(
                    kind, String(value), field: fieldName, key: key, locator: MetaHTML.nodePath(found.node),
                    context: context)
            }
        }
        var details: [Event.Detail] = []
        for name in ["birthday", "gender", "currentCity", "hometown"] {
            if let found = field(name) { details.append(.init(name, found.value)) }
        }
        let registered = field("registered")
        let times = MetaHTMLTimes(context: context)
        let locator = registered.map { MetaHTML.nodePath($0.node) } ?? ownerLocator
        let created = times.parse(registered?.value, field: "registration date", locator: locator)
        times.finish()
        context.emit(
            Event(
                platform: .facebook, kind: .accountCreated, occurredAt: created, actor: key,
                text: nameField.map { "Account \($0.value) registered" }, details: details,
                provenance: context.provenance(locator)))
    }
}
