import EvidenceArchive
import EvidenceModel

/// Facebook `security_and_login_information/` pages of the 2019+ HTML export: logins, logouts,
/// account activity, sessions and IP address activity.
///
/// Files: `account_activity.html`, `logins_and_logouts.html`, `where_you're_logged_in.html` /
/// `where_you_re_logged_in.html`, `ip_address_activity.html` / `used_ip_addresses.html`. Each row is a
/// block (see `MetaHTML`): heading = the action (`Login`, `Logout`, `Session updated`), body = label/value
/// fields, either table rows (`<td>IP Address</td><td>203.0.113.7</td>`, 2022+) or `Label: value`
/// lines (2019-2021), last child = the date (`Mar 01, 2024 10:15:02 am`, no zone: read as UTC, one
/// `uncertain-zone` warning per page). Labels go through `InstagramLabels` (IP Address, Browser /
/// User Agent, Cookie, Location, Port, Device), so localized labels listed there are read too. Rows
/// become the same events as the JSON files (`FacebookSecurityParser.emit`): kind from the action or
/// the file, `.ip` and `.device` (cookie) identifiers observed by the export owner, user agent, site,
/// location, port and device as details. Locators are libxml2 node paths.
public struct FacebookSecurityHTMLParser: FacebookExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "facebook.security-html", displayName: "Facebook logins and security (HTML)",
        platform: .facebook, version: 1,
        memberPatterns: [
            "security_and_login_information/account_activity.html",
            "security_and_login_information/logins_and_logouts.html",
            "security_and_login_information/where_you're_logged_in.html",
            "security_and_login_information/where_you_re_logged_in.html",
            "security_and_login_information/ip_address_activity.html",
            "security_and_login_information/used_ip_addresses.html",
        ],
        prefetchPatterns: [MetaOwner.facebookProfilePattern, MetaOwner.facebookProfileHTMLPattern],
        formatNotes: "Blocks of action + label/value fields + date, 2019-2021 (Label: value lines) and 2022+ "
            + "(tables); structure-based, generated class names ignored.",
        knownLimits: "Labels are matched in the languages of InstagramLabels; unknown labels are kept as details "
            + "only when they name a site or app. Times have no zone (read as UTC, warned).")

    let streamingThreshold: Int

    public init() { self.init(streamingThreshold: MetaHTMLPage.streamingThreshold) }

    /// A small `streamingThreshold` reads small pages without their tree too (tests compare the two ways).
    public init(streamingThreshold: Int) { self.streamingThreshold = streamingThreshold }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let jsonName = String(member.path.split(separator: "/").last ?? "").replacing(".html", with: ".json")
        guard let spec = FacebookSecurityParser.spec(for: jsonName) else { return }
        guard let page = try MetaHTMLPage.open(member, context: context, streamingThreshold: streamingThreshold)
        else { return }
        let owner = MetaOwner.facebook(in: context)
        let times = MetaHTMLTimes(context: context)
        try page.forEachBlock(context: context, ifNone: "no \(spec.field) blocks found") { block in
            let locator = MetaHTML.nodePath(block.node)
            let fields = block.body.flatMap { MetaHTML.fields(in: $0) }
            let action = MetaHTML.textContent(block.heading)
            var details: [Event.Detail] = []
            if let action { details.append(.init("action", action)) }
            let time = times.parse(block.dateText, field: "\(spec.field) date", locator: locator)
            if block.dateText == nil {
                context.warn("missing-field", "\(spec.field) entry has no date", locator: locator)
            }
            let detailFields: [(InstagramLabels.Field, String)] = [
                (.userAgent, "userAgent"), (.device, "device"), (.port, "port"), (.location, "location"),
            ]
            for (field, name) in detailFields {
                if let value = MetaHTML.field(fields, field)?.value { details.append(.init(name, value)) }
            }
            for field in fields where ["Site", "App"].contains(field.label) {
                details.append(.init(field.label.lowercased(), field.value))
            }
            let ip = MetaHTML.field(fields, .ipAddress)
            let cookie = MetaHTML.field(fields, .cookieName)
            FacebookSecurityParser.emit(
                .init(
                    action: action, time: time, ip: ip?.value, ipField: "\(spec.field).\(ip?.label ?? "IP Address")",
                    cookie: cookie?.value, cookieField: "\(spec.field).\(cookie?.label ?? "Cookie")", contact: nil,
                    contactField: "", details: details),
                fallback: spec.fallback, owner: owner, locator: locator, context: context)
        }
        times.finish()
    }
}
