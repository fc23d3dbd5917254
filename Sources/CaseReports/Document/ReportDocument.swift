import EvidenceModel

/// Everything an evidence report says, as plain values in the order it is shown.
///
/// `Casebook.ReportBuilder` fills it from a case; renderers (`HTMLReportRenderer`, the CSV/JSON
/// section tables) only format it. Times are display strings already (in the report's zone) beside
/// their UTC ISO 8601 form, so renderers need no time zone data. Lists are sorted by the builder, so
/// the same case and arguments give the same document.
public struct ReportDocument: Sendable, Hashable {
    public var title: String
    public var caseDetails: CaseDetails
    public var evidence: [Evidence]
    public var warnings: [WarningCount]
    public var accounts: [Account]
    /// Identifiers seen with two or more accounts or evidence items (exact match after normalization).
    public var sharedIdentifiers: [SharedIdentifier]
    public var tags: [Tag]
    /// Present when the report was asked for a query.
    public var search: Search?
    public var timeline: Timeline
    public var activity: Activity
    /// The newest verification of each evidence item.
    public var verifications: [Verification]
    public var parsers: [Parser]
    public var runs: [Run]

    public init(
        title: String, caseDetails: CaseDetails, evidence: [Evidence] = [], warnings: [WarningCount] = [],
        accounts: [Account] = [], sharedIdentifiers: [SharedIdentifier] = [], tags: [Tag] = [], search: Search? = nil,
        timeline: Timeline = Timeline(), activity: Activity = Activity(), verifications: [Verification] = [],
        parsers: [Parser] = [], runs: [Run] = []
    ) {
        self.title = title
        self.caseDetails = caseDetails
        self.evidence = evidence
        self.warnings = warnings
        self.accounts = accounts
        self.sharedIdentifiers = sharedIdentifiers
        self.tags = tags
        self.search = search
        self.timeline = timeline
        self.activity = activity
        self.verifications = verifications
        self.parsers = parsers
        self.runs = runs
    }
}

extension ReportDocument {
    /// A label and a value, for lists of settings.
    public struct Field: Sendable, Hashable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// Who, what and how: the case section.
    public struct CaseDetails: Sendable, Hashable {
        public var caseName: String?
        public var caseNumber: String?
        public var examiner: String?
        public var agency: String?
        public var toolName: String
        public var toolVersion: String
        /// `2024a`, or `unknown`.
        public var tzdataVersion: String
        /// The only value that differs between two runs with the same case and arguments.
        public var reportTime: String
        /// `UTC` or an IANA zone name.
        public var displayZone: String
        /// The exact command, shell-quoted.
        public var commandLine: String
        /// The selection the report was made for (window, query, tagged only).
        public var selection: [Field]

        public init(
            caseName: String? = nil, caseNumber: String? = nil, examiner: String? = nil, agency: String? = nil,
            toolName: String, toolVersion: String, tzdataVersion: String, reportTime: String, displayZone: String,
            commandLine: String, selection: [Field] = []
        ) {
            self.caseName = caseName
            self.caseNumber = caseNumber
            self.examiner = examiner
            self.agency = agency
            self.toolName = toolName
            self.toolVersion = toolVersion
            self.tzdataVersion = tzdataVersion
            self.reportTime = reportTime
            self.displayZone = displayZone
            self.commandLine = commandLine
            self.selection = selection
        }
    }

    /// Where a record sits in the original evidence.
    public struct Provenance: Sendable, Hashable {
        public var evidenceSHA256: String
        public var evidenceName: String
        /// Member path chain, stored form (`outer.zip!/inner/file.js`).
        public var member: String
        public var locator: String
        /// `twitter.tweets@1`, or empty when not from a parser.
        public var parser: String

        public init(evidenceSHA256: String, evidenceName: String, member: String, locator: String, parser: String = "")
        {
            self.evidenceSHA256 = evidenceSHA256
            self.evidenceName = evidenceName
            self.member = member
            self.locator = locator
            self.parser = parser
        }

        /// `1a2b3c4d › data/tweets.js @ /0/tweet` (nested members joined with ›).
        public var short: String {
            EvidenceModel.Provenance.short(evidenceSHA256: evidenceSHA256, storedMemberPath: member, locator: locator)
        }
    }

    /// A member of an evidence item (for the unparsed and failed lists).
    public struct Member: Sendable, Hashable {
        public var path: String
        public var size: Int64?
        public var sha256: String?
        /// Why it failed, for failed members.
        public var problem: String?

        public init(path: String, size: Int64?, sha256: String?, problem: String? = nil) {
            self.path = path
            self.size = size
            self.sha256 = sha256
            self.problem = problem
        }
    }

    /// Member counts by status.
    public struct MemberCounts: Sendable, Hashable {
        public var parsed: Int, unparsed: Int, failed: Int, container: Int, skipped: Int

        public init(parsed: Int = 0, unparsed: Int = 0, failed: Int = 0, container: Int = 0, skipped: Int = 0) {
            self.parsed = parsed
            self.unparsed = unparsed
            self.failed = failed
            self.container = container
            self.skipped = skipped
        }
    }

    /// One evidence item with its hashes and coverage.
    public struct Evidence: Sendable, Hashable {
        public var id: Int64
        public var displayName: String
        /// `archive`, `folder` or `file`.
        public var kind: String
        public var size: Int64
        public var md5: String
        public var sha1: String
        public var sha256: String
        public var ingestedAt: String
        public var status: String
        /// Platforms recognized (`twitter, facebook`), empty when none.
        public var platforms: String
        /// When the export says it was generated, where known.
        public var generatedAt: String?
        public var examiner: String?
        public var records: Int
        public var warnings: Int
        public var members: MemberCounts
        /// Unparsed members, by path, at most `memberListCap`.
        public var unparsedMembers: [Member]
        public var failedMembers: [Member]
        /// How many members each list would hold without the cap.
        public var unparsedTotal: Int
        public var failedTotal: Int

        public init(
            id: Int64, displayName: String, kind: String, size: Int64, md5: String, sha1: String, sha256: String,
            ingestedAt: String, status: String, platforms: String, generatedAt: String? = nil, examiner: String? = nil,
            records: Int, warnings: Int, members: MemberCounts, unparsedMembers: [Member] = [],
            failedMembers: [Member] = [],
            unparsedTotal: Int? = nil, failedTotal: Int? = nil
        ) {
            self.id = id
            self.displayName = displayName
            self.kind = kind
            self.size = size
            self.md5 = md5
            self.sha1 = sha1
            self.sha256 = sha256
            self.ingestedAt = ingestedAt
            self.status = status
            self.platforms = platforms
            self.generatedAt = generatedAt
            self.examiner = examiner
            self.records = records
            self.warnings = warnings
            self.members = members
            self.unparsedMembers = unparsedMembers
            self.failedMembers = failedMembers
            self.unparsedTotal = unparsedTotal ?? unparsedMembers.count
            self.failedTotal = failedTotal ?? failedMembers.count
        }
    }

    /// Warnings of one code in one evidence item.
    public struct WarningCount: Sendable, Hashable {
        public var evidenceSHA256: String
        public var evidenceName: String
        public var source: String
        public var code: String
        public var count: Int

        public init(evidenceSHA256: String, evidenceName: String, source: String, code: String, count: Int) {
            self.evidenceSHA256 = evidenceSHA256
            self.evidenceName = evidenceName
            self.source = source
            self.code = code
            self.count = count
        }
    }

    /// An account with its identifiers and where it was seen.
    public struct Account: Sendable, Hashable {
        public var id: Int64
        public var platform: String
        public var accountKey: String
        public var handle: String?
        public var platformUserId: String?
        public var displayName: String?
        public var isExportOwner: Bool
        public var eventCount: Int
        /// `kind:value`, sorted.
        public var identifiers: [String]
        /// Where the account appears, one entry per evidence item.
        public var sightings: [Provenance]

        public init(
            id: Int64, platform: String, accountKey: String, handle: String?, platformUserId: String?,
            displayName: String?,
            isExportOwner: Bool, eventCount: Int, identifiers: [String], sightings: [Provenance]
        ) {
            self.id = id
            self.platform = platform
            self.accountKey = accountKey
            self.handle = handle
            self.platformUserId = platformUserId
            self.displayName = displayName
            self.isExportOwner = isExportOwner
            self.eventCount = eventCount
            self.identifiers = identifiers
            self.sightings = sightings
        }
    }

    /// One sighting of a shared identifier.
    public struct Occurrence: Sendable, Hashable {
        public var rawValue: String
        public var account: String?
        public var field: String
        /// `structured` or `text`.
        public var source: String
        /// `exact` or `weak`.
        public var strength: String
        public var observedAt: String?
        public var eventId: Int64?
        public var provenance: Provenance

        public init(
            rawValue: String, account: String?, field: String, source: String, strength: String, observedAt: String?,
            eventId: Int64?, provenance: Provenance
        ) {
            self.rawValue = rawValue
            self.account = account
            self.field = field
            self.source = source
            self.strength = strength
            self.observedAt = observedAt
            self.eventId = eventId
            self.provenance = provenance
        }
    }

    /// An identifier shared by accounts or evidence items, with every occurrence.
    public struct SharedIdentifier: Sendable, Hashable {
        public var kind: String
        public var value: String
        public var notes: String
        public var accountCount: Int
        public var evidenceCount: Int
        public var occurrences: [Occurrence]

        public init(
            kind: String, value: String, notes: String, accountCount: Int, evidenceCount: Int, occurrences: [Occurrence]
        ) {
            self.kind = kind
            self.value = value
            self.notes = notes
            self.accountCount = accountCount
            self.evidenceCount = evidenceCount
            self.occurrences = occurrences
        }

        /// Why the identifier is listed, in words.
        public var explanation: String {
            "the same \(kind) value occurs with \(accountCount) account\(accountCount == 1 ? "" : "s") in "
                + "\(evidenceCount) evidence item\(evidenceCount == 1 ? "" : "s") (exact match after normalization)"
        }
    }

    /// An event as the report shows it.
    public struct Event: Sendable, Hashable {
        public var id: Int64
        /// In the report's display zone; empty when the event has no time.
        public var time: String
        /// ISO 8601 UTC with `Z`, nil without a time.
        public var occurredAtUTC: String?
        public var timeRaw: String?
        public var platform: String
        public var kind: String
        public var account: String?
        public var conversation: String?
        public var text: String?
        /// Search snippet with hits between « and ».
        public var snippet: String?
        public var provenance: Provenance

        public init(
            id: Int64, time: String, occurredAtUTC: String?, timeRaw: String? = nil, platform: String, kind: String,
            account: String? = nil, conversation: String? = nil, text: String? = nil, snippet: String? = nil,
            provenance: Provenance
        ) {
            self.id = id
            self.time = time
            self.occurredAtUTC = occurredAtUTC
            self.timeRaw = timeRaw
            self.platform = platform
            self.kind = kind
            self.account = account
            self.conversation = conversation
            self.text = text
            self.snippet = snippet
            self.provenance = provenance
        }
    }

    /// An examiner's tag with the event it marks.
    public struct Tag: Sendable, Hashable {
        public var id: Int64
        public var label: String
        public var note: String?
        public var examiner: String?
        public var createdAt: String
        public var event: Event

        public init(id: Int64, label: String, note: String?, examiner: String?, createdAt: String, event: Event) {
            self.id = id
            self.label = label
            self.note = note
            self.examiner = examiner
            self.createdAt = createdAt
            self.event = event
        }
    }

    /// Search hits for the report's query.
    public struct Search: Sendable, Hashable {
        public var query: String
        public var hits: [Event]
        /// Hits before the cap.
        public var total: Int

        public init(query: String, hits: [Event], total: Int) {
            self.query = query
            self.hits = hits
            self.total = total
        }
    }

    /// The timeline for the selected window.
    public struct Timeline: Sendable, Hashable {
        public var events: [Event]
        /// Events in the window before the cap.
        public var total: Int
        /// At most this many events are listed.
        public var cap: Int

        public init(events: [Event] = [], total: Int = 0, cap: Int = 5_000) {
            self.events = events
            self.total = total
            self.cap = cap
        }
    }

    /// Event counts for the activity charts.
    public struct Activity: Sendable, Hashable {
        /// One bar of the activity chart.
        public struct Bucket: Sendable, Hashable {
            /// `2021-03-22` (day or week starting that Monday) or `2021-03` (month).
            public var label: String
            /// Counts per platform, in `platforms` order.
            public var counts: [Int]

            public init(label: String, counts: [Int]) {
                self.label = label
                self.counts = counts
            }
        }

        /// `day`, `week` or `month`.
        public var unit: String
        /// Platforms in the charts, sorted.
        public var platforms: [String]
        public var buckets: [Bucket]
        /// 24 rows (hour 0–23 in the display zone), counts per platform.
        public var hours: [[Int]]
        /// The zone hours and days are counted in.
        public var zone: String

        public init(
            unit: String = "day", platforms: [String] = [], buckets: [Bucket] = [], hours: [[Int]] = [],
            zone: String = "UTC"
        ) {
            self.unit = unit
            self.platforms = platforms
            self.buckets = buckets
            self.hours = hours
            self.zone = zone
        }

        public var total: Int { buckets.reduce(0) { $0 + $1.counts.reduce(0, +) } }
    }

    /// The newest verification of an evidence item.
    public struct Verification: Sendable, Hashable {
        public var evidenceName: String
        public var evidenceSHA256: String
        /// `OK`, `CHANGED`, `MISSING`, or `NOT VERIFIED`.
        public var result: String
        public var checkedAt: String?
        public var observedSHA256: String?
        public var path: String?
        public var runId: Int64?

        public init(
            evidenceName: String, evidenceSHA256: String, result: String, checkedAt: String?, observedSHA256: String?,
            path: String?, runId: Int64?
        ) {
            self.evidenceName = evidenceName
            self.evidenceSHA256 = evidenceSHA256
            self.result = result
            self.checkedAt = checkedAt
            self.observedSHA256 = observedSHA256
            self.path = path
            self.runId = runId
        }
    }

    /// A parser of this Casebook build, with what it knowingly does not read.
    public struct Parser: Sendable, Hashable {
        public var identifier: String
        public var displayName: String
        public var platform: String
        public var version: Int
        public var memberPatterns: [String]
        public var formatNotes: String
        public var knownLimits: String
        /// Members this parser (any version) read in this case, `identifier@version: count`.
        public var usage: [Field]

        public init(
            identifier: String, displayName: String, platform: String, version: Int, memberPatterns: [String],
            formatNotes: String, knownLimits: String, usage: [Field] = []
        ) {
            self.identifier = identifier
            self.displayName = displayName
            self.platform = platform
            self.version = version
            self.memberPatterns = memberPatterns
            self.formatNotes = formatNotes
            self.knownLimits = knownLimits
            self.usage = usage
        }
    }

    /// One audit-log entry.
    public struct Run: Sendable, Hashable {
        public var id: Int64
        public var command: String
        public var toolVersion: String
        /// Shell-quoted arguments.
        public var arguments: String
        public var examiner: String?
        public var startedAt: String
        public var endedAt: String?
        public var exitStatus: Int32?
        /// `key=value` counts.
        public var summary: String?

        public init(
            id: Int64, command: String, toolVersion: String, arguments: String, examiner: String?, startedAt: String,
            endedAt: String?, exitStatus: Int32?, summary: String?
        ) {
            self.id = id
            self.command = command
            self.toolVersion = toolVersion
            self.arguments = arguments
            self.examiner = examiner
            self.startedAt = startedAt
            self.endedAt = endedAt
            self.exitStatus = exitStatus
            self.summary = summary
        }
    }
}
