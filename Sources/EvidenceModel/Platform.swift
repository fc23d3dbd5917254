/// The service an export came from.
///
/// Raw values are stored in case databases and never change once shipped.
public enum Platform: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case twitter
    case facebook
    case instagram
    case google
    case telegram
    case whatsapp
    case discord
    case reddit
    case snapchat
    case tiktok
    case mastodon
    case linkedin
    case other

    /// The name shown to people.
    public var displayName: String {
        switch self {
        case .twitter: "Twitter/X"
        case .facebook: "Facebook"
        case .instagram: "Instagram"
        case .google: "Google"
        case .telegram: "Telegram"
        case .whatsapp: "WhatsApp"
        case .discord: "Discord"
        case .reddit: "Reddit"
        case .snapchat: "Snapchat"
        case .tiktok: "TikTok"
        case .mastodon: "Mastodon"
        case .linkedin: "LinkedIn"
        case .other: "Other"
        }
    }

    public static func < (lhs: Platform, rhs: Platform) -> Bool { lhs.rawValue < rhs.rawValue }
}
