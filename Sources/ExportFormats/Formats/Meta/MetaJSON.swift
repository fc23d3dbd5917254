import EvidenceArchive
import EvidenceModel

/// Shared reading of Meta (Facebook, Instagram) "Download Your Information" JSON members.
///
/// Meta JSON files are small, one object or array each (message files are capped at about 10,000
/// messages), so a member is read whole and parsed once. Times are epoch seconds (`timestamp`,
/// `creation_timestamp`) or milliseconds (`timestamp_ms`); `0` means "no time" and is skipped.
public enum MetaJSON {
    /// Reads and parses a whole member; a member that is not JSON is unusable and throws.
    ///
    /// A member saved as UTF-16 or UTF-32 (by byte order mark, or the NUL bytes of ASCII text) is
    /// decoded first and warned `text-encoding`. A member that is not valid JSON leaves its raw text
    /// as one `.unparsedText` event (searchable) before the error marks it `failed`.
    public static func read(_ member: ArchiveMember, context: ParseContext) throws -> JSONValue {
        try read(bytes: try member.readAll(), context: context)
    }

    /// As `read(_:context:)`, for a member's bytes read already.
    static func read(bytes raw: [UInt8], context: ParseContext) throws -> JSONValue {
        let (bytes, decoder) = StreamingTextDecoder.utf8(raw)
        decoder.warnIfTranscoded(context)
        var parser = JSONParser()
        let value: JSONValue
        // A UTF-8 byte order mark is tolerated (seen in re-saved message files).
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        do {
            value = try parser.parse(start == 0 ? bytes : Array(bytes[start...]))
        } catch {
            let offset = error.offset + start
            UnparsedText.emit(
                bytes, offset: 0, reason: "not valid JSON: \(error.reason) at byte \(offset)", locator: "byte 0",
                context: context)
            throw ParseError(locator: "byte \(offset)", "not valid JSON: \(error.reason)")
        }
        if parser.notes.duplicateKeys > 0 {
            context.warn(
                "duplicate-key",
                "\(parser.notes.duplicateKeys) objects repeat a key; the last value is used, all are in the evidence",
                locator: "")
        }
        if let message = parser.notes.repairMessage(base: Int64(start)) {
            context.warn("invalid-text", message, locator: "")
        }
        return value
    }

    /// The record list of a member: the root array itself, or the array under the first of `keys`
    /// present, or else under the first member of the root object that holds an array. Returns the
    /// elements and the locator prefix (`""` or `/key`); nil when there is no list at all.
    public static func items(in root: JSONValue, keys: [String] = []) -> (
        items: [JSONValue], prefix: String, key: String
    )? {
        if let array = root.array { return (array, "", "") }
        guard let object = root.object else { return nil }
        for key in keys { if let array = object[key]?.array { return (array, "/" + escape(key), key) } }
        for member in object.members {
            if let array = member.value.array { return (array, "/" + escape(member.key), member.key) }
        }
        return nil
    }

    /// A JSON pointer token (`~` as `~0`, `/` as `~1`).
    public static func escape(_ key: String) -> String {
        guard key.contains("~") || key.contains("/") else { return key }
        var output = ""
        for character in key {
            switch character {
            case "~": output += "~0"
            case "/": output += "~1"
            default: output.append(character)
            }
        }
        return output
    }

    /// An epoch time (seconds, or milliseconds when `milliseconds`), nil when absent or `0`; a value
    /// that is not a number becomes a warning naming `field`.
    public static func timestamp(
        _ value: JSONValue?, milliseconds: Bool = false, field: String, locator: String, context: ParseContext
    ) -> Timestamp? {
        guard let value, !value.isNull, let raw = value.string, !raw.isEmpty else { return nil }
        if raw == "0" { return nil }
        if let stamp = TimestampParsing.epoch(raw, milliseconds: milliseconds) { return stamp }
        context.warn("bad-timestamp", "\(field) is not an epoch time", locator: locator)
        return nil
    }

    /// The in-archive path of a media `uri` (relative to the export root) when the listing holds it.
    ///
    /// Exports zipped with their folder (`facebook-jdoe/messages/...`) are handled by taking the
    /// member's own prefix before the uri's first component.
    public static func memberPath(forURI uri: String, member: [String], listing: ArchiveListing) -> String? {
        guard !uri.isEmpty, !uri.contains("://") else { return nil }
        if listing.contains(uri) { return uri }
        guard let current = member.last, let first = uri.split(separator: "/").first else { return nil }
        let parts = current.split(separator: "/", omittingEmptySubsequences: false)
        guard let index = parts.firstIndex(where: { $0 == first }), index > 0 else { return nil }
        let candidate = parts[..<index].joined(separator: "/") + "/" + uri
        return listing.contains(candidate) ? candidate : nil
    }

    /// The media kind Meta's key names (`photos` → `photo`).
    static func mediaType(forKey key: String) -> String {
        switch key {
        case "photos": "photo"
        case "videos": "video"
        case "audio_files": "audio"
        case "files": "file"
        case "gifs": "gif"
        case "sticker": "sticker"
        default: key
        }
    }
}

/// The export owner of a Meta export, from the prefetched profile file.
enum MetaOwner {
    static let facebookProfilePattern = "profile_information/profile_information.json"
    static let facebookProfileHTMLPattern = "profile_information/profile_information.html"
    static let instagramProfilePatterns = [
        "personal_information/personal_information.json", "account_information/personal_information.json",
    ]
    static let instagramProfileHTMLPatterns = [
        "personal_information/personal_information.html", "account_information/personal_information.html",
    ]

    /// The Facebook owner's key (`handle:<full name>`, as message senders are keyed), or a placeholder
    /// with one warning per level when the export holds no readable profile.
    static func facebook(in context: ParseContext) -> AccountKey {
        if let name = context.state.values["facebook.ownerName"] { return .handle(.facebook, name) }
        if let (_, bytes) = context.prefetched(matching: facebookProfilePattern) {
            var parser = JSONParser()
            if let root = try? parser.parse(bytes), let name = facebookOwnerName(root) {
                context.state.values["facebook.ownerName"] = name
                return .handle(.facebook, name)
            }
        }
        if let (_, bytes) = context.prefetched(matching: facebookProfileHTMLPattern),
            let name = htmlField(bytes, .name)
        {
            context.state.values["facebook.ownerName"] = name
            return .handle(.facebook, name)
        }
        return placeholder(.facebook, file: "profile_information.json", in: context)
    }

    /// `profile_v2.name.full_name` (2020+), `profile.name.full_name` (2019) or `profile.name` (2018).
    static func facebookOwnerName(_ root: JSONValue) -> String? {
        guard let profile = root["profile_v2"] ?? root["profile"] else { return nil }
        let raw = profile["name"]?["full_name"]?.nonEmptyString ?? profile["name"]?.nonEmptyString
        return raw.map { MetaText.repair($0).text }
    }

    /// The Instagram owner's key (`handle:<username>`), or a placeholder with one warning per level.
    static func instagram(in context: ParseContext) -> AccountKey {
        if let name = context.state.values["instagram.ownerUsername"] { return .handle(.instagram, name) }
        for pattern in instagramProfilePatterns {
            guard let (_, bytes) = context.prefetched(matching: pattern) else { continue }
            var parser = JSONParser()
            guard let root = try? parser.parse(bytes) else { continue }
            let entry = (root["profile_user"]?.array?.first) ?? root
            if let map = entry["string_map_data"], let username = InstagramLabels.value(map, .username) {
                let text = MetaText.repair(username).text
                context.state.values["instagram.ownerUsername"] = text
                return .handle(.instagram, text)
            }
        }
        for pattern in instagramProfileHTMLPatterns {
            guard let (_, bytes) = context.prefetched(matching: pattern), let username = htmlField(bytes, .username)
            else { continue }
            context.state.values["instagram.ownerUsername"] = username
            return .handle(.instagram, username)
        }
        return placeholder(.instagram, file: "personal_information.json", in: context)
    }

    /// The value of a labelled field of a prefetched HTML profile page.
    private static func htmlField(_ bytes: [UInt8], _ field: InstagramLabels.Field) -> String? {
        guard !MetaHTML.containsEntityDeclaration(bytes), let page = MetaHTMLDocument.parse(bytes, name: "profile.html")
        else { return nil }
        return withExtendedLifetime(page) {
            MetaHTML.field(MetaHTML.fields(in: page.root), field)?.value
        }
    }

    private static func placeholder(_ platform: Platform, file: String, in context: ParseContext) -> AccountKey {
        let flag = "\(platform.rawValue).ownerWarned"
        if context.state.values[flag] == nil {
            context.state.values[flag] = "1"
            context.warn(
                "owner-unknown", "no readable \(file) in this export; records are attributed to an unnamed owner",
                locator: "")
        }
        return AccountKey(platform: platform, key: "owner:\(context.evidenceSHA256.prefix(16))")
    }
}
