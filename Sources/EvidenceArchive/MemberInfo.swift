/// What an archive entry is.
public enum EntryType: String, Sendable, Hashable, Codable {
    case file, directory, symlink, hardlink, other
}

/// One entry of an evidence item, as its archive header (or the folder) describes it.
public struct MemberInfo: Sendable, Hashable {
    /// Member chain, outermost first; the last element is this entry's name as written in its archive.
    public var path: [String]
    public var type: EntryType
    /// The size the header declares; nil when the format does not say (streamed zip entries).
    public var declaredSize: Int64?
    public var linkTarget: String?
    public var isEncrypted: Bool
    /// Modification time from the header, seconds since the epoch.
    public var modifiedSeconds: Int64?
    /// False when the header's time is a wall clock without a zone (a zip DOS time): `modifiedSeconds`
    /// then holds that wall clock as if it were UTC, never converted with the examiner's zone.
    public var modifiedZoneKnown: Bool
    /// Problems with the name itself (see `PathCheck`), recorded rather than trusted.
    public var pathFindings: [String]
    /// The name's bytes as the archive holds them, when the reader can see them (a zip's central
    /// directory keeps bytes after a NUL that libarchive cuts off).
    public var rawName: [UInt8]?
    /// File type and permission bits (`st_mode`), when the header has them.
    public var mode: UInt32?
    /// Major and minor numbers of a device entry.
    public var device: (major: Int64, minor: Int64)? {
        get { deviceNumbers.count == 2 ? (deviceNumbers[0], deviceNumbers[1]) : nil }
        set { deviceNumbers = newValue.map { [$0.major, $0.minor] } ?? [] }
    }
    private var deviceNumbers: [Int64] = []

    public init(
        path: [String], type: EntryType, declaredSize: Int64? = nil, linkTarget: String? = nil,
        isEncrypted: Bool = false, modifiedSeconds: Int64? = nil, modifiedZoneKnown: Bool = true,
        pathFindings: [String] = [], rawName: [UInt8]? = nil, mode: UInt32? = nil
    ) {
        self.path = path
        self.type = type
        self.declaredSize = declaredSize
        self.linkTarget = linkTarget
        self.isEncrypted = isEncrypted
        self.modifiedSeconds = modifiedSeconds
        self.modifiedZoneKnown = modifiedZoneKnown
        self.pathFindings = pathFindings
        self.rawName = rawName
        self.mode = mode
    }

    /// What a special entry is (`character device`, `block device`, `FIFO`, `socket`); nil for files,
    /// folders and links.
    public var specialKind: String? {
        guard let mode else { return nil }
        switch mode & 0o170000 {
        case 0o020000: return "character device"
        case 0o060000: return "block device"
        case 0o010000: return "FIFO"
        case 0o140000: return "socket"
        default: return nil
        }
    }

    /// Setuid, setgid and sticky bits that are set, by name.
    public var specialPermissions: [String] {
        guard let mode else { return [] }
        return [(0o4000, "setuid"), (0o2000, "setgid"), (0o1000, "sticky")].filter { mode & $0.0 != 0 }.map(\.1)
    }

    /// The mode in octal as `ls`/`stat` print it (`104755`, `20666`).
    public var octalMode: String? { mode.map { String($0, radix: 8) } }

    /// The entry's own name within its archive level.
    public var name: String { path.last ?? "" }
}

/// Checks a member name as untrusted input: Casebook never writes members to disk, but names are
/// shown in reports and used to recognize exports, so suspicious ones are flagged.
public enum PathCheck {
    /// Findings for a raw member name: `absolute`, `parent-traversal`, `nul`, `control-character`,
    /// `bidi-control`, `backslash`, `empty-name`, `invalid-utf8` (the last is added by the reader,
    /// which sees bytes).
    public static func findings(for name: String) -> [String] {
        var result: [String] = []
        if name.isEmpty { result.append("empty-name") }
        if name.hasPrefix("/") || name.hasPrefix("\\") { result.append("absolute") }
        let scalars = Array(name.unicodeScalars.prefix(3))
        if scalars.count >= 2, scalars[1] == ":", scalars[0].properties.isAlphabetic { result.append("absolute") }
        if name.contains("\\") { result.append("backslash") }
        let components = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if components.contains(where: { $0 == ".." }) { result.append("parent-traversal") }
        if name.unicodeScalars.contains(where: { $0.value == 0 }) { result.append("nul") }
        if name.unicodeScalars.contains(where: { ($0.value < 0x20 && $0.value != 0) || $0.value == 0x7F }) {
            result.append("control-character")
        }
        // Bidirectional overrides make `invoice\u{202E}gnp.exe` display as `invoiceexe.png`.
        if name.unicodeScalars.contains(where: { [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069].contains($0.value) }) {
            result.append("bidi-control")
        }
        var unique: [String] = []
        for finding in result where !unique.contains(finding) { unique.append(finding) }
        return unique
    }

    /// A name safe to print in a message or a terminal: control characters, DEL, C1 controls and
    /// bidirectional overrides are written as escapes (`\n`, `\x1b`, `\u{202E}`), so a crafted member
    /// name can neither drive the examiner's terminal nor forge extra output lines.
    public static func escaped(_ name: String) -> String {
        var text = ""
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x09: text += "\\t"
            case 0x00..<0x20, 0x7F:
                let hex = String(scalar.value, radix: 16)
                text += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            case 0x80..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                text += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// A name safe to show and match: backslashes as `/`, no leading `./` or `/`, control characters
    /// replaced by U+FFFD. Matching uses this form; the raw form is kept in the member record.
    public static func normalized(_ name: String) -> String {
        var text = String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { ($0.value < 0x20 || $0.value == 0x7F) ? "\u{FFFD}" : $0 }))
        text = text.replacingBackslashes()
        while text.hasPrefix("./") { text.removeFirst(2) }
        while text.hasPrefix("/") { text.removeFirst() }
        return text
    }
}

extension String {
    fileprivate func replacingBackslashes() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\\" ? "/" : $0 }))
    }
}
