// libFuzzer target: every Facebook and Instagram parser but the legacy messages.htm one (FuzzMetaHTML has it): the
// JSON parsers (messages, profile, posts, comments, friends, ...) and the 2019+ HTML ones, each over the bytes as its
// member, with the same bytes prefetched as the profile so the owner lookup is fuzzed too; then the Instagram
// followers and posts and Facebook friends parsers once more with every list read as it arrives, and the HTML list and
// thread parsers once more with every page read in two passes without its tree.
import EvidenceModel
import ExportFormats
import FuzzSupport

let metaParsers = ParserRegistry.all.filter {
    ($0.descriptor.platform == .facebook || $0.descriptor.platform == .instagram)
        && $0.descriptor.identifier != FacebookLegacyMessagesParser.descriptor.identifier
}
let metaPaths = metaParsers.map { FuzzInput.concretePath($0.descriptor.memberPatterns.first ?? "x.json") }
let profilePaths = Array(Set(metaParsers.flatMap { $0.descriptor.prefetchPatterns }.map(FuzzInput.concretePath)))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    let chunkSize = FuzzInput.chunkSize(for: bytes)
    var prefetched: [String: [UInt8]] = [:]
    if chunkSize % 2 == 0 { for path in profilePaths { prefetched[path] = bytes } }
    for (parser, path) in zip(metaParsers, metaPaths) {
        FuzzInput.runParser(
            parser, path: path, bytes: bytes, listing: metaPaths + profilePaths, prefetched: prefetched,
            chunkSize: chunkSize)
    }
    // Lists are streamed only past 16 MiB; this one streams every list past 16 bytes, so that
    // `MetaJSON.forEachItem`'s streamed path meets the inputs too.
    FuzzInput.runParser(
        instance: InstagramConnectionsParser(streamingThreshold: 16),
        path: "connections/followers_and_following/followers_1.json", bytes: bytes, listing: metaPaths + profilePaths,
        prefetched: prefetched, chunkSize: chunkSize)
    FuzzInput.runParser(
        instance: FacebookFriendsParser(streamingThreshold: 16), path: "connections/followers/people_who_follow_you.json",
        bytes: bytes, listing: metaPaths + profilePaths, prefetched: prefetched, chunkSize: chunkSize)
    FuzzInput.runParser(
        instance: InstagramPostsParser(streamingThreshold: 16), path: "your_instagram_activity/content/posts_1.json",
        bytes: bytes, listing: metaPaths + profilePaths, prefetched: prefetched, chunkSize: chunkSize)
    // HTML pages are read in two passes only past 16 MiB; these parsers do it for every page.
    let streamingHTMLParsers: [(any ExportParser, String)] = [
        (InstagramConnectionsHTMLParser(streamingThreshold: 0), "connections/followers_and_following/followers_1.html"),
        (InstagramLoginsHTMLParser(streamingThreshold: 0), "security_and_login_information/login_and_profile_creation/login_activity.html"),
        (FacebookFriendsHTMLParser(streamingThreshold: 0), "friends_and_followers/friends.html"),
        (FacebookSecurityHTMLParser(streamingThreshold: 0), "security_and_login_information/account_activity.html"),
        (FacebookPostsHTMLParser(streamingThreshold: 0), "posts/your_posts_1.html"),
        (FacebookMessagesHTMLParser(streamingThreshold: 0), "messages/inbox/someone_a1b2c3/message_1.html"),
        (InstagramMessagesHTMLParser(streamingThreshold: 0), "your_instagram_activity/messages/inbox/someone_1/message_1.html"),
    ]
    for (parser, path) in streamingHTMLParsers {
        FuzzInput.runParser(
            instance: parser, path: path, bytes: bytes, listing: metaPaths + profilePaths + [path],
            prefetched: prefetched, chunkSize: chunkSize)
    }
    return 0
}
