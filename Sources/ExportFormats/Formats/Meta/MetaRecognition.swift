import EvidenceArchive
import EvidenceModel

/// What a Meta export level looks like, judged from member paths only.
public struct MetaLayout: Sendable, Hashable {
    /// Facebook or Instagram; nil when the level is not a Meta export.
    public var platform: Platform?
    public var format: Format
    public var generation: Generation
    public var recognition: Recognition
    /// Why the recognition is only `.possible` (for example a localized export), empty when certain.
    public var note: String

    public enum Format: String, Sendable, Hashable { case json, html, unknown }

    public enum Generation: String, Sendable, Hashable {
        /// Facebook's single HTML site with `html/messages.htm` (about 2010-2017).
        case legacyHTML
        /// Facebook 2018-2021 tree (`messages/`, `posts/`, `profile_information/` at the root);
        /// Instagram 2020-2023 tree (`account_information/`, `login_and_account_creation/`, `content/`).
        case tree2018
        /// Facebook 2022+ (`your_facebook_activity/`, `your_activity_across_facebook/`,
        /// `personal_information/`, `connections/`); Instagram 2024+ (`your_instagram_activity/`).
        case tree2022
        case unknown
    }
}

/// Recognizes Facebook and Instagram DYI exports (JSON or HTML, every tree since 2018, the legacy
/// single HTML site) from member paths.
///
/// Folder names are English in every export seen (including the Dutch and Spanish donors' schemas
/// in `../shared/fixtures`); a level that has Meta's file shapes (`message_N.json`, `*_1.json`
/// beside `message_N` threads) but none of the English folder names is reported `.possible` with a
/// note that it may be a localized export, rather than ignored.
public enum MetaRecognition {
    static let facebookFolders2022: Set<String> = [
        "your_facebook_activity", "your_activity_across_facebook", "apps_and_websites_off_of_facebook",
    ]
    static let facebookFolders2018: Set<String> = [
        "profile_information", "friends_and_followers", "comments_and_reactions", "your_interactions_on_facebook",
        "facebook_gaming", "posts", "friends", "about_you", "search_history", "apps_and_websites",
    ]
    static let instagramFolders2024: Set<String> = [
        "your_instagram_activity", "apps_and_websites_off_of_instagram", "instagram_ads_and_businesses",
    ]
    static let instagramFolders2020: Set<String> = [
        "account_information", "login_and_account_creation", "followers_and_following", "recent_searches",
        "content",
    ]

    /// The layout of a level.
    public static func layout(_ listing: ArchiveListing) -> MetaLayout {
        var folders = Set<String>()
        var jsonCount = 0
        var htmlCount = 0
        var messageFiles = false
        var legacyMessages = false
        var legacyIndex = false
        for path in listing.paths {
            let parts = path.split(separator: "/")
            for part in parts.dropLast() { folders.insert(String(part)) }
            guard let name = parts.last else { continue }
            if name.hasSuffix(".json") { jsonCount += 1 }
            if name.hasSuffix(".html") || name.hasSuffix(".htm") { htmlCount += 1 }
            if name.hasPrefix("message_"), name.hasSuffix(".json") || name.hasSuffix(".html") { messageFiles = true }
            if name == "messages.htm", parts.count >= 2, parts[parts.count - 2] == "html" { legacyMessages = true }
            if name == "index.htm" { legacyIndex = true }
        }
        let format: MetaLayout.Format = jsonCount >= htmlCount ? (jsonCount > 0 ? .json : .unknown) : .html
        if !instagramFolders2024.isDisjoint(with: folders) {
            return MetaLayout(
                platform: .instagram, format: format, generation: .tree2022, recognition: .certain, note: "")
        }
        if !facebookFolders2022.isDisjoint(with: folders) {
            return MetaLayout(
                platform: .facebook, format: format, generation: .tree2022, recognition: .certain, note: "")
        }
        let instagram2020 = instagramFolders2020.intersection(folders).count
        if instagram2020 >= 2 || folders.contains("login_and_account_creation") {
            return MetaLayout(
                platform: .instagram, format: format, generation: .tree2018, recognition: .certain, note: "")
        }
        if !facebookFolders2018.isDisjoint(with: folders)
            || (folders.contains("security_and_login_information") && !folders.contains("login_and_profile_creation"))
        {
            return MetaLayout(
                platform: .facebook, format: format, generation: .tree2018, recognition: .certain, note: "")
        }
        if folders.contains("login_and_profile_creation") || folders.contains("followers_and_following") {
            return MetaLayout(
                platform: .instagram, format: format, generation: .tree2022, recognition: .certain, note: "")
        }
        if legacyMessages {
            return MetaLayout(
                platform: .facebook, format: .html, generation: .legacyHTML,
                recognition: legacyIndex ? .certain : .possible,
                note: legacyIndex ? "" : "html/messages.htm without index.htm")
        }
        if messageFiles {
            // Thread folders under an inbox we cannot name: Messenger-shaped, platform unknown.
            let english = folders.contains("inbox") && folders.contains("messages")
            return MetaLayout(
                platform: .facebook, format: format, generation: .unknown, recognition: .possible,
                note: english
                    ? "messages/inbox without other Facebook or Instagram folders; read as Facebook Messenger"
                    : "Meta message files under folder names Casebook does not know (a localized export?)")
        }
        return MetaLayout(platform: nil, format: .unknown, generation: .unknown, recognition: .no, note: "")
    }

    /// How sure the Facebook parsers may be that the level is theirs.
    public static func facebook(_ listing: ArchiveListing) -> Recognition {
        let layout = layout(listing)
        return layout.platform == .facebook ? layout.recognition : .no
    }

    /// How sure the Instagram parsers may be that the level is theirs. Messenger-shaped threads whose
    /// platform cannot be told are `.possible` for Instagram too (Facebook is listed first and wins).
    public static func instagram(_ listing: ArchiveListing) -> Recognition {
        let layout = layout(listing)
        if layout.platform == .instagram { return layout.recognition }
        if layout.generation == .unknown, layout.recognition == .possible { return .possible }
        return .no
    }

    /// Warns once per level when the layout is only `.possible`, so the reason is not lost.
    static func noteIfUncertain(_ listing: ArchiveListing, context: ParseContext) {
        let flag = "meta.layoutNoted"
        guard context.state.values[flag] == nil else { return }
        context.state.values[flag] = "1"
        let layout = layout(listing)
        guard layout.recognition == .possible, !layout.note.isEmpty else { return }
        context.warn("uncertain-layout", layout.note, locator: "")
    }
}
