import CaseStore
import EvidenceModel
import Foundation

/// Links between accounts and evidence items through shared identifiers, each with a strength and
/// the exact occurrences that prove it.
///
/// Strength is a number in 0…1 built from: the identifier kind (a phone or email shared by two
/// accounts says more than an IP), whether any occurrence came from a structured field rather than
/// free text, provider folding (weak forms), ranges that prove nothing (private, loopback, CGNAT,
/// link-local, multicast, reserved, unspecified), and how many independent occurrences there are.
public struct Correlator {
    public struct Options: Sendable {
        public var kind: IdentifierKind?
        /// Identifiers seen with at least this many distinct accounts (or in 2+ evidence items).
        public var minAccounts = 2
        /// Only links where two different accounts used the identifier within this many seconds.
        public var windowSeconds: Int64?
        /// Pivot values (already normalized candidates); empty for "everything shared".
        public var values: [NormalizedIdentifier] = []
        public var limit = 0
        /// Occurrences listed per link, oldest first (0: all). Strength, accounts and evidence
        /// always come from every occurrence; a window compares every timed occurrence.
        public var occurrenceLimit = 0
        public init() {}
    }

    /// One identifier and what it links.
    public struct Link: Sendable {
        public var identifier: IdentifierRow
        public var strength: Double
        /// `strong`, `moderate` or `weak`.
        public var strengthLabel: String
        /// Why the strength is what it is, in words.
        public var reasons: [String]
        public var accounts: [String]
        public var evidence: [String]
        public var occurrences: [OccurrenceRow]
        /// With a window: pairs of occurrences by different accounts within it.
        public var windowPairs: [(OccurrenceRow, OccurrenceRow)]
    }

    let store: CaseStore

    public init(store: CaseStore) { self.store = store }

    static let kindWeight: [IdentifierKind: Double] = [
        .userId: 1.0, .phone: 0.9, .email: 0.9, .device: 0.85, .advertisingId: 0.85, .handle: 0.6, .ip: 0.5,
        .url: 0.2, .domain: 0.1,
    ]
    static let meaninglessRanges: Set<String> = [
        "private", "loopback", "link-local", "cgnat", "multicast", "reserved", "unspecified",
    ]

    public func links(_ options: Options) throws -> [Link] {
        let rows: [IdentifierRow]
        if options.values.isEmpty {
            rows = try store.identifiers(kind: options.kind?.rawValue, sharedOnly: true)
                .filter { $0.accounts >= options.minAccounts || $0.evidence >= 2 }
        } else {
            rows = try store.identifiers(kind: options.kind?.rawValue, values: options.values)
        }
        let summaries = try store.occurrenceSummaries(identifierIds: rows.map(\.id))
        var links = zip(rows, summaries).map { Correlator.assess($0, $1, []) }
        if let window = options.windowSeconds {
            // Pairs need every timed occurrence of every candidate.
            let all = try store.occurrences(identifierIds: links.map(\.identifier.id))
            links = zip(links, all).compactMap { link, occurrences in
                var link = link
                link.windowPairs = Correlator.pairs(occurrences, within: window * 1_000_000)
                if link.windowPairs.isEmpty { return nil }
                link.reasons.append("\(link.windowPairs.count) use(s) by different accounts within \(window) s of each other")
                link.occurrences = options.occurrenceLimit > 0 ? Array(occurrences.prefix(options.occurrenceLimit)) : occurrences
                return link
            }
        }
        links.sort {
            if $0.strength != $1.strength { return $0.strength > $1.strength }
            if $0.accounts.count != $1.accounts.count { return $0.accounts.count > $1.accounts.count }
            return ($0.identifier.kind, $0.identifier.value) < ($1.identifier.kind, $1.identifier.value)
        }
        if options.limit > 0 { links = Array(links.prefix(options.limit)) }
        if options.windowSeconds == nil {
            // Only the links that are shown have their occurrences read.
            let listed = try store.occurrences(identifierIds: links.map(\.identifier.id), limit: options.occurrenceLimit)
            for index in links.indices { links[index].occurrences = listed[index] }
        }
        return links
    }

    /// Assesses a link from the summary of all its occurrences; `occurrences` are the ones listed.
    static func assess(_ row: IdentifierRow, _ summary: CaseStore.OccurrenceSummary, _ occurrences: [OccurrenceRow]) -> Link {
        let kind = IdentifierKind(rawValue: row.kind)
        var strength = kind.flatMap { kindWeight[$0] } ?? 0.3
        var reasons = ["\(row.kind) (base \(String(format: "%.2f", strength)))"]
        let notes = Set(row.notes.split(separator: ",").map(String.init))
        let meaningless = notes.intersection(meaninglessRanges)
        if !meaningless.isEmpty {
            strength *= 0.1
            reasons.append("\(meaningless.sorted().joined(separator: ", ")) address: shared by many, proves little")
        }
        if !summary.hasStructured {
            strength *= 0.5
            reasons.append("found only in free text, not in a structured field")
        }
        if summary.allWeak {
            strength *= 0.6
            reasons.append("matched only after provider folding (for example Gmail dots), a weak form")
        }
        if notes.contains("unresolved") {
            strength *= 0.7
            reasons.append("phone number could not be resolved to E.164")
        }
        let accounts = summary.accounts
        let evidence = summary.evidence
        if row.occurrences >= 3 {
            strength = min(1, strength * 1.1)
            reasons.append("\(row.occurrences) occurrences")
        }
        if accounts.count < 2 && evidence.count >= 2 {
            reasons.append("same identifier in \(evidence.count) evidence items")
        }
        let label = strength >= 0.75 ? "strong" : strength >= 0.4 ? "moderate" : "weak"
        return Link(
            identifier: row, strength: (strength * 100).rounded() / 100, strengthLabel: label, reasons: reasons,
            accounts: accounts, evidence: evidence, occurrences: occurrences, windowPairs: [])
    }

    /// Pairs of timed occurrences by different accounts no further apart than `window` µs.
    static func pairs(_ occurrences: [OccurrenceRow], within window: Int64) -> [(OccurrenceRow, OccurrenceRow)] {
        let timed = occurrences.filter { $0.observedAt != nil && $0.account != nil }.sorted { $0.observedAt! < $1.observedAt! }
        var result: [(OccurrenceRow, OccurrenceRow)] = []
        for (index, first) in timed.enumerated() {
            var next = index + 1
            while next < timed.count, timed[next].observedAt! - first.observedAt! <= window {
                let second = timed[next]
                if second.account != first.account || second.accountPlatform != first.accountPlatform {
                    result.append((first, second))
                }
                next += 1
            }
        }
        return result
    }

    /// Parses `90s`, `30m`, `1h`, `2d` (or plain seconds) into seconds.
    public static func parseDuration(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = trimmed.last else { return nil }
        let factors: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        if let factor = factors[unit], let value = Int64(trimmed.dropLast()), value >= 0 { return value * factor }
        if let value = Int64(trimmed), value >= 0 { return value }
        return nil
    }
}
