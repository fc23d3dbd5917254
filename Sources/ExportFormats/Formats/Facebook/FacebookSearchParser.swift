import EvidenceArchive
import EvidenceModel

/// Facebook search history.
///
/// Paths: `search_history/your_search_history.json` (2018-2021), `logged_information/search/
/// your_search_history.json` (2022+). Shape: `{"searches_v2" | "searches": [{timestamp, data [{text}],
/// attachments [{data [{text}]}], title}]}`. Emits one `.search` per entry with the query (from
/// `data`, else `attachments`) as text, repaired, and `title` as a detail.
public struct FacebookSearchParser: FacebookExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "facebook.search", displayName: "Facebook search history", platform: .facebook, version: 1,
        memberPatterns: ["search_history/your_search_history.json", "search/your_search_history.json"],
        prefetchPatterns: [MetaOwner.facebookProfilePattern],
        formatNotes: "your_search_history.json, searches (2018-2019) and searches_v2 (2020+).",
        knownLimits: "Group and Marketplace searches in other files are not read.")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let repairsBefore = MetaText.repairCount(in: context)
        defer { MetaText.warnRepairs(since: repairsBefore, in: context) }
        let owner = MetaOwner.facebook(in: context)
        try MetaJSON.forEachItem(
            in: member, context: context, keys: ["searches_v2", "searches"], missing: "no list of searches"
        ) { item, locator, _ in
            var details: [Event.Detail] = []
            let time = MetaJSON.timestamp(
                item["timestamp"], field: "timestamp", locator: locator + "/timestamp", context: context)
            let candidates =
                (item["data"]?.array ?? []) + (item["attachments"]?.array ?? []).flatMap { $0["data"]?.array ?? [] }
            let query = candidates.lazy.compactMap { $0["text"] }.first
            let text = MetaText.text(query, rawDetail: "rawText", details: &details, context: context)
            if text == nil { context.warn("missing-field", "search entry has no text", locator: locator) }
            if let title = MetaText.text(item["title"], rawDetail: "rawTitle", details: &details, context: context) {
                details.append(.init("title", title))
            }
            context.emit(
                Event(
                    platform: .facebook, kind: .search, occurredAt: time, actor: owner, text: text, details: details,
                    provenance: context.provenance(locator)))
        }
    }
}
