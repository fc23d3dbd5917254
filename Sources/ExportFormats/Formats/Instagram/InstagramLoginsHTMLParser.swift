import EvidenceArchive
import EvidenceModel

/// Instagram login, logout and password-change history and the sign-up record in the HTML export.
///
/// Paths: `login_and_account_creation/*.html` (2020-2023) and `security_and_login_information/
/// login_and_profile_creation/{login_activity, logout_activity, password_change_activity,
/// signup_details, instagram_signup_details}.html` (2024+). Each entry is a block (see `MetaHTML`):
/// `h2` = the ISO time (`2024-03-01T10:15:02+00:00`), a table of label cells (`<td colspan=2>IP
/// Address<div><div>203.0.113.5</div></div></td>`, or two-cell rows), and a last `div` with the local
/// date text (`Mar 01, 2024 10:15:02 am`). The ISO heading is the time; without it the date text is
/// read as UTC and warned; the local date text is kept as the `localTime` detail. The fields become an
/// Instagram `string_map_data` map and go through `InstagramLoginsParser.emit`, so the events equal the
/// JSON ones: `.login`/`.logout`/`.passwordChange`/`.accountCreated` with `.ip`, `.device` (cookie)
/// identifiers, user agent, language code and port. Locators are libxml2 node paths.
public struct InstagramLoginsHTMLParser: InstagramExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "instagram.logins-html", displayName: "Instagram logins and sign-up (HTML)",
        platform: .instagram, version: 1,
        memberPatterns: [
            "login_and_account_creation/login_activity.html", "login_and_account_creation/logout_activity.html",
            "login_and_account_creation/password_change_activity.html",
            "login_and_account_creation/signup_information.html",
            "login_and_profile_creation/login_activity.html", "login_and_profile_creation/logout_activity.html",
            "login_and_profile_creation/password_change_activity.html",
            "login_and_profile_creation/signup_details.html",
            "login_and_profile_creation/instagram_signup_details.html",
        ],
        prefetchPatterns: MetaOwner.instagramProfilePatterns + MetaOwner.instagramProfileHTMLPatterns,
        formatNotes: "Blocks of ISO time heading + label table + local date, 2020-2023 and 2024+ HTML trees.",
        knownLimits: "Labels are matched through InstagramLabels (English and a few other languages).")

    let streamingThreshold: Int

    public init() { self.init(streamingThreshold: MetaHTMLPage.streamingThreshold) }

    /// A small `streamingThreshold` reads small pages without their tree too (tests compare the two ways).
    public init(streamingThreshold: Int) { self.streamingThreshold = streamingThreshold }

    static let listKeys: [EventKind: String] = [
        .login: "account_history_login_history", .logout: "account_history_logout_history",
        .passwordChange: "account_history_password_change_history",
        .accountCreated: "account_history_registration_info",
    ]

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        guard let page = try MetaHTMLPage.open(member, context: context, streamingThreshold: streamingThreshold)
        else { return }
        let kind = InstagramLoginsParser.kind(for: member.path)
        let listKey = Self.listKeys[kind] ?? "account_history"
        let owner = MetaOwner.instagram(in: context)
        let times = MetaHTMLTimes(context: context)
        try page.forEachBlock(context: context, ifNone: "no login blocks found") { block in
            let locator = MetaHTML.nodePath(block.node)
            var details: [Event.Detail] = []
            if let local = block.dateText { details.append(.init("localTime", local)) }
            let time = block.isoTime ?? times.parse(block.dateText, field: "login date", locator: locator)
            if time == nil {
                context.warn("missing-field", "entry has neither an ISO heading nor a date", locator: locator)
            }
            let fields = block.body.flatMap { MetaHTML.fields(in: $0) }
            InstagramLoginsParser.emit(
                map: MetaHTML.labelMap(fields), kind: kind, time: time, details: details, listKey: listKey,
                owner: owner, locator: locator, context: context)
        }
        times.finish()
    }
}
