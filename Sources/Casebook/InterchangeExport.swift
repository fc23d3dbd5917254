import CaseReports
import CaseStore
import EvidenceModel
import Foundation

/// Streams a case's events into interchange formats (Timesketch JSONL, CASE/UCO JSON-LD) without
/// holding them all in memory.
public enum InterchangeExport {
    /// What an export wrote.
    public struct Summary: Sendable {
        /// Events written.
        public var events = 0
        /// Events left out because the format needs a time they do not have.
        public var skippedWithoutTime = 0
        /// Nodes by type, for CASE.
        public var nodes: [String: Int] = [:]

        public init() {}
    }

    static func item(_ row: EventRow) -> InterchangeEvent {
        InterchangeEvent(
            event: ReportBuilder.event(row, zone: nil), actorAccountId: row.actorAccountId,
            conversationId: row.conversationId)
    }

    /// One Timesketch JSON line per timed event, in time order.
    public static func timesketch(store: CaseStore, filter: EventFilter, write: (String) -> Void) throws -> Summary {
        var summary = Summary()
        try store.forEachTimelineEvent(filter) { row in
            guard let line = TimesketchRenderer.line(item(row), microseconds: row.occurredAt) else {
                summary.skippedWithoutTime += 1
                return
            }
            write(line + "\n")
            summary.events += 1
        }
        return summary
    }

    /// The case as CASE/UCO JSON-LD: evidence, accounts, the filtered events, their threads and provenance.
    public static func caseJSONLD(store: CaseStore, filter: EventFilter, write: @escaping (String) -> Void) throws
        -> Summary
    {
        var options = ReportOptions()
        options.memberListCap = 0
        let evidence = try ReportBuilder.evidenceItems(store: store, rows: try store.evidenceList(), options: options)
        let accounts = try ReportBuilder.accountItems(store: store)
        let conversations = try store.conversations().map {
            InterchangeConversation(
                id: $0.id, platform: $0.platform, key: $0.conversationKey, title: $0.title,
                participantIds: $0.participantIds)
        }
        let renderer = CASERenderer(
            seed: evidence.first?.sha256 ?? "", evidence: evidence, conversations: conversations, sink: write)
        renderer.begin(
            caseName: try store.caseInfo()["caseName"], toolName: CasebookVersion.name,
            toolVersion: CasebookVersion.version,
            accounts: accounts)
        var summary = Summary()
        try store.forEachTimelineEvent(filter) { row in
            renderer.add(item(row))
            summary.events += 1
        }
        renderer.finish()
        summary.nodes = renderer.counts
        return summary
    }
}
