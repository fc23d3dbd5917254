import EvidenceArchive
import EvidenceModel

/// Every parser Casebook has, in one alphabetical list (by identifier). A test checks the order,
/// uniqueness and that each parser has a sample export.
public enum ParserRegistry {
    public static let all: [any ExportParser.Type] = [
        FacebookCommentsParser.self,
        FacebookFriendsParser.self,
        FacebookFriendsHTMLParser.self,
        FacebookLegacyMessagesParser.self,
        FacebookMessagesParser.self,
        FacebookMessagesHTMLParser.self,
        FacebookPostsParser.self,
        FacebookPostsHTMLParser.self,
        FacebookProfileParser.self,
        FacebookProfileHTMLParser.self,
        FacebookSearchParser.self,
        FacebookSecurityParser.self,
        FacebookSecurityHTMLParser.self,
        InstagramConnectionsParser.self,
        InstagramConnectionsHTMLParser.self,
        InstagramLoginsParser.self,
        InstagramLoginsHTMLParser.self,
        InstagramMessagesParser.self,
        InstagramMessagesHTMLParser.self,
        InstagramPostsParser.self,
        InstagramProfileParser.self,
        InstagramProfileHTMLParser.self,
        TwitterAccountParser.self,
        TwitterAccountCreationIpParser.self,
        TwitterBlockParser.self,
        TwitterConnectedApplicationParser.self,
        TwitterDeletedTweetsParser.self,
        TwitterDeviceTokenParser.self,
        TwitterDirectMessageHeadersParser.self,
        TwitterDirectMessagesParser.self,
        TwitterEmailAddressChangeParser.self,
        TwitterFollowerParser.self,
        TwitterFollowingParser.self,
        TwitterIpAuditParser.self,
        TwitterLikeParser.self,
        TwitterManifestParser.self,
        TwitterMuteParser.self,
        TwitterNiDevicesParser.self,
        TwitterNoteTweetParser.self,
        TwitterPhoneNumberParser.self,
        TwitterProfileParser.self,
        TwitterScreenNameChangeParser.self,
        TwitterTweetsParser.self,
        TwitterUserDetailsParser.self,
    ]

    /// Patterns of members any parser wants prefetched.
    public static var prefetchPatterns: [String] {
        var patterns: [String] = []
        for parser in all { for pattern in parser.descriptor.prefetchPatterns where !patterns.contains(pattern) { patterns.append(pattern) } }
        return patterns
    }

    /// The parsers that recognize this level, and the member each claims, decided once per level.
    public static func selection(for listing: ArchiveListing) -> ParserSelection {
        var recognized: [(any ExportParser, Recognition)] = []
        for type in all {
            let parser = type.init()
            let recognition = parser.recognize(listing)
            if recognition > .no { recognized.append((parser, recognition)) }
        }
        return ParserSelection(listing: listing, parsers: recognized)
    }
}

/// The parsers chosen for one archive level.
public struct ParserSelection: Sendable {
    public let listing: ArchiveListing
    public let parsers: [(parser: any ExportParser, recognition: Recognition)]

    /// The parser that reads `path`: among those that claim it, the most certain, then the first listed.
    public func parser(for path: String) -> (any ExportParser)? {
        var best: (any ExportParser, Recognition)?
        for (parser, recognition) in parsers where parser.claims(path, in: listing) {
            if best == nil || recognition > best!.1 { best = (parser, recognition) }
        }
        return best?.0
    }

    /// Platforms recognized at this level, most certain first.
    public var platforms: [Platform] {
        var result: [Platform] = []
        for (parser, _) in parsers.sorted(by: { $0.recognition > $1.recognition })
        where !result.contains(type(of: parser).descriptor.platform) {
            result.append(type(of: parser).descriptor.platform)
        }
        return result
    }
}
