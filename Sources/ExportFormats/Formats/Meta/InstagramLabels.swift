import EvidenceModel

/// The human labels Instagram uses as keys of `string_map_data` (`"IP Address": {"value": ...}`), in
/// one table so that localized labels can be added beside the English ones.
///
/// English labels are verified against `instagram/.../IG_public_test_file.zip` and the donors'
/// schemas; the other languages are unverified (Meta has kept English keys in every sample seen,
/// including a Spanish-language donor) and are matched only when the English label is absent.
/// Labels are compared after mojibake repair.
public enum InstagramLabels {
    /// A field Casebook reads from `string_map_data`.
    public enum Field: String, Sendable, CaseIterable {
        case ipAddress, time, userAgent, cookieName, languageCode, port, email, phoneNumber, username, name
        case dateOfBirth, gender, bio, website, device, location
    }

    /// Labels per field, English first.
    public static let table: [Field: [String]] = [
        .ipAddress: ["IP Address", "Dirección IP", "IP-Adresse", "IP-adres", "Adresse IP", "Indirizzo IP"],
        .time: ["Time", "Hora", "Uhrzeit", "Zeit", "Tijd", "Heure", "Ora"],
        .userAgent: ["User Agent", "Browser", "Agente de usuario", "User-Agent", "Agent utilisateur"],
        .cookieName: [
            "Cookie Name", "Cookie", "Datr cookie", "Nombre de la cookie", "Cookie-Name", "Cookienaam", "Nom du cookie",
        ],
        .languageCode: ["Language Code", "Código de idioma", "Sprachcode", "Taalcode", "Code de langue"],
        .port: ["Port", "Puerto", "Poort"],
        .email: ["Email", "Email address", "Correo electrónico", "E-Mail-Adresse", "E-mailadres", "Adresse e-mail"],
        .phoneNumber: ["Phone Number", "Número de teléfono", "Telefonnummer", "Numéro de téléphone"],
        .username: [
            "Username", "Nombre de usuario", "Benutzername", "Gebruikersnaam", "Nom d’utilisateur",
            "Nom d'utilisateur",
        ],
        .name: ["Name", "Full name", "Nombre", "Naam", "Nom"],
        .dateOfBirth: [
            "Date of birth", "Birthday", "Fecha de nacimiento", "Geburtsdatum", "Geboortedatum",
            "Date de naissance",
        ],
        .gender: ["Gender", "Sexo", "Geschlecht", "Geslacht", "Genre"],
        .bio: ["Bio", "Biografía", "Biografie", "Biographie"],
        .website: ["Website", "Sitio web", "Site web"],
        .device: ["Device", "Dispositivo", "Gerät", "Apparaat", "Appareil"],
        .location: ["Location", "Estimated location", "Ubicación", "Standort", "Locatie", "Lieu"],
    ]

    /// The entry for `field` in a `string_map_data` object: its label (as written) and value object.
    public static func entry(_ map: JSONValue, _ field: Field) -> (label: String, value: JSONValue)? {
        guard let object = map.object else { return nil }
        for label in table[field] ?? [] {
            for member in object.members where member.key == label || MetaText.repair(member.key).text == label {
                return (member.key, member.value)
            }
        }
        return nil
    }

    /// The non-empty `value` text of `field`, raw (not yet repaired).
    public static func value(_ map: JSONValue, _ field: Field) -> String? {
        entry(map, field)?.value["value"]?.nonEmptyString
    }
}
