import EvidenceModel

/// An event for interchange exports: the report's event plus the row ids that link it to its
/// account and conversation.
public struct InterchangeEvent: Sendable, Hashable {
    public var event: ReportDocument.Event
    public var actorAccountId: Int64?
    public var conversationId: Int64?

    public init(event: ReportDocument.Event, actorAccountId: Int64? = nil, conversationId: Int64? = nil) {
        self.event = event
        self.actorAccountId = actorAccountId
        self.conversationId = conversationId
    }
}

/// A conversation for interchange exports.
public struct InterchangeConversation: Sendable, Hashable {
    public var id: Int64
    public var platform: String
    public var key: String
    public var title: String?
    public var participantIds: [Int64]

    public init(id: Int64, platform: String, key: String, title: String?, participantIds: [Int64]) {
        self.id = id
        self.platform = platform
        self.key = key
        self.title = title
        self.participantIds = participantIds
    }
}

/// Timesketch JSONL: one JSON object per event with the three fields Timesketch requires
/// (`message`, `datetime` in ISO 8601 UTC with `Z`, `timestamp_desc`) plus `timestamp` (microseconds)
/// and Casebook's own fields (platform, kind, account, provenance). Events without a time cannot be
/// placed on a Timesketch timeline and are skipped (the caller counts them).
///
/// Related Timesketch documentation: "Import from JSON or CSV" (timesketch-import-client).
public enum TimesketchRenderer {
    /// What the time of each kind of event means.
    public static func timestampDescription(kind: String) -> String {
        switch kind {
        case "post", "repost", "comment": "Post Time"
        case "message": "Message Sent Time"
        case "login": "Login Time"
        case "logout": "Logout Time"
        case "accountCreated": "Account Creation Time"
        case "call": "Call Time"
        default: "Event Time"
        }
    }

    /// The JSON line (without newline), or nil when the event has no time.
    public static func line(_ item: InterchangeEvent, microseconds: Int64?) -> String? {
        let event = item.event
        guard let microseconds, let datetime = event.occurredAtUTC else { return nil }
        var message = "[\(event.platform) \(event.kind)]"
        if let account = event.account { message += " \(account)" }
        if let text = event.text, !text.isEmpty { message += ": " + text }
        let pairs: [(String, String)] = [
            ("message", JSONText.quote(message)), ("datetime", JSONText.quote(datetime)),
            ("timestamp_desc", JSONText.quote(timestampDescription(kind: event.kind))),
            ("timestamp", String(microseconds)),
            ("data_type", JSONText.quote("casebook:\(event.platform):\(event.kind)")),
            ("platform", JSONText.quote(event.platform)),
            ("kind", JSONText.quote(event.kind)), ("account", JSONText.optional(event.account)),
            ("conversation", JSONText.optional(event.conversation)), ("text", JSONText.optional(event.text)),
            ("time_raw", JSONText.optional(event.timeRaw)), ("record_id", String(event.id)),
            ("evidence_sha256", JSONText.quote(event.provenance.evidenceSHA256)),
            ("evidence_name", JSONText.quote(event.provenance.evidenceName)),
            ("member", JSONText.quote(event.provenance.member)),
            ("locator", JSONText.quote(event.provenance.locator)), ("parser", JSONText.quote(event.provenance.parser)),
            ("provenance", JSONText.quote(event.provenance.short)),
        ]
        return JSONText.object(pairs)
    }
}

/// CASE/UCO JSON-LD (CASE 1.x, UCO 1.x): evidence files as `File` (or `ObservableObject` for a
/// folder's manifest) with `ContentDataFacet` hashes (SHA256, SHA1, MD5); accounts as
/// `ApplicationAccount`; messages as `Message`, posts and comments as `Post`, other events as
/// `uco-core:Event`; conversations as `MessageThread` with a `Thread` of their messages; and the
/// provenance of every record as a `Relationship` (`Contained_Within` its evidence file, with the
/// member path in a `PathRelationFacet` and the locator in the description).
///
/// Node IRIs are `kb:<Type>-<UUID>`, UUID-shaped and derived from a case seed and row ids, so that
/// the same case gives the same graph. Nodes are written one per line as the events stream by.
public final class CASERenderer {
    public static let context = """
        {"kb":"http://example.org/kb/","co":"http://purl.org/co/",\
        "case-investigation":"https://ontology.caseontology.org/case/investigation/",\
        "uco-core":"https://ontology.unifiedcyberontology.org/uco/core/",\
        "uco-observable":"https://ontology.unifiedcyberontology.org/uco/observable/",\
        "uco-types":"https://ontology.unifiedcyberontology.org/uco/types/",\
        "xsd":"http://www.w3.org/2001/XMLSchema#"}
        """

    /// Kinds of node, each with its own code in the IRI.
    enum Node: Int {
        case investigation = 1
        case evidence, fileFacet, contentFacet, hashSHA256, hashSHA1, hashMD5, application, account
        case accountFacet, digitalAccountFacet, applicationAccountFacet, message, messageFacet, event, thread,
            threadFacet
        case threadList, relationship, pathFacet, accountRelationship, accountPathFacet

        var typeName: String {
            switch self {
            case .investigation: "Investigation"
            case .evidence: "File"
            case .fileFacet: "FileFacet"
            case .contentFacet: "ContentDataFacet"
            case .hashSHA256, .hashSHA1, .hashMD5: "Hash"
            case .application: "Application"
            case .account: "ApplicationAccount"
            case .accountFacet: "AccountFacet"
            case .digitalAccountFacet: "DigitalAccountFacet"
            case .applicationAccountFacet: "ApplicationAccountFacet"
            case .message: "Message"
            case .messageFacet: "MessageFacet"
            case .event: "Event"
            case .thread: "MessageThread"
            case .threadFacet: "MessageThreadFacet"
            case .threadList: "Thread"
            case .relationship, .accountRelationship: "Relationship"
            case .pathFacet, .accountPathFacet: "PathRelationFacet"
            }
        }
    }

    let seed: [Character]
    let sink: (String) -> Void
    let evidence: [ReportDocument.Evidence]
    let evidenceIdBySHA: [String: Int64]
    let conversations: [InterchangeConversation]
    let conversationsById: [Int64: InterchangeConversation]
    private var wroteNode = false
    private var applications: [String: Int64] = [:]
    private var threadMessages: [Int64: [Int64]] = [:]
    /// Events written, by node type name.
    public private(set) var counts: [String: Int] = [:]

    /// - Parameters:
    ///   - seed: hex text that makes this case's IRIs unique (the first evidence SHA-256, say).
    ///   - sink: receives the output text piece by piece.
    public init(
        seed: String, evidence: [ReportDocument.Evidence], conversations: [InterchangeConversation],
        sink: @escaping (String) -> Void
    ) {
        var hex = Array(seed.lowercased().filter { $0.isHexDigit })
        while hex.count < 20 { hex.append("0") }
        self.seed = hex
        self.sink = sink
        self.evidence = evidence
        self.evidenceIdBySHA = Dictionary(evidence.map { ($0.sha256, $0.id) }, uniquingKeysWith: { first, _ in first })
        self.conversations = conversations
        self.conversationsById = Dictionary(conversations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `kb:Message-1a2b3c4d-5e6f-5a7b-8c9d-0d0000000017`.
    func iri(_ node: Node, _ number: Int64) -> String {
        let s = seed
        let code = String(node.rawValue, radix: 16)
        let numberHex = String(UInt64(bitPattern: number), radix: 16)
        let tail =
            String(repeating: "0", count: max(0, 2 - code.count)) + code
            + String(repeating: "0", count: max(0, 10 - numberHex.count)) + String(numberHex.suffix(10))
        let uuid =
            String(s[0..<8]) + "-" + String(s[8..<12]) + "-5" + String(s[13..<16]) + "-8" + String(s[17..<20]) + "-"
            + tail
        return "kb:\(node.typeName)-\(uuid)"
    }

    private func reference(_ node: Node, _ number: Int64) -> String {
        JSONText.object([("@id", JSONText.quote(iri(node, number)))])
    }

    private func typed(_ type: String, _ value: String) -> String {
        JSONText.object([("@type", JSONText.quote(type)), ("@value", JSONText.quote(value))])
    }

    private func emit(_ node: String) {
        sink((wroteNode ? ",\n" : "") + "  " + node)
        wroteNode = true
    }

    /// Starts the document and writes the investigation, evidence files, applications and accounts.
    public func begin(caseName: String?, toolName: String, toolVersion: String, accounts: [ReportDocument.Account]) {
        sink("{\n\"@context\": \(CASERenderer.context),\n\"@graph\": [\n")
        let description = "Exported by \(toolName) \(toolVersion)"
        emit(
            JSONText.object([
                ("@id", JSONText.quote(iri(.investigation, 1))),
                ("@type", JSONText.quote("case-investigation:Investigation")),
                ("uco-core:name", JSONText.quote(caseName ?? "Casebook case")),
                ("uco-core:description", JSONText.quote(description)),
                ("uco-core:object", JSONText.array(evidence.map { reference(.evidence, $0.id) })),
            ]))
        for item in evidence { writeEvidence(item) }
        for account in accounts { writeAccount(account) }
    }

    private func writeEvidence(_ item: ReportDocument.Evidence) {
        let hashes: [(Node, String, String)] = [
            (.hashSHA256, "SHA256", item.sha256), (.hashSHA1, "SHA1", item.sha1), (.hashMD5, "MD5", item.md5),
        ]
        let hashNodes = hashes.map { node, method, value in
            JSONText.object([
                ("@id", JSONText.quote(iri(node, item.id))), ("@type", JSONText.quote("uco-types:Hash")),
                ("uco-types:hashMethod", JSONText.quote(method)),
                ("uco-types:hashValue", typed("xsd:hexBinary", value)),
            ])
        }
        let content = JSONText.object([
            ("@id", JSONText.quote(iri(.contentFacet, item.id))),
            ("@type", JSONText.quote("uco-observable:ContentDataFacet")),
            ("uco-observable:sizeInBytes", typed("xsd:integer", String(item.size))),
            ("uco-observable:hash", JSONText.array(hashNodes)),
        ])
        var facets = [content]
        let isFolder = item.kind == "folder"
        if !isFolder {
            facets.insert(
                JSONText.object([
                    ("@id", JSONText.quote(iri(.fileFacet, item.id))),
                    ("@type", JSONText.quote("uco-observable:FileFacet")),
                    ("uco-observable:fileName", JSONText.quote(item.displayName)),
                    ("uco-observable:sizeInBytes", typed("xsd:integer", String(item.size))),
                ]), at: 0)
        }
        var description = "Evidence #\(item.id) (\(item.kind)), status \(item.status), ingested \(item.ingestedAt)"
        if isFolder { description += "; hashes are of the folder manifest (SHA-256, size and path of every file)" }
        emit(
            JSONText.object([
                ("@id", JSONText.quote(iri(.evidence, item.id))),
                ("@type", JSONText.quote(isFolder ? "uco-observable:ObservableObject" : "uco-observable:File")),
                ("uco-core:name", JSONText.quote(item.displayName)),
                ("uco-core:description", JSONText.quote(description)),
                ("uco-core:hasFacet", JSONText.array(facets)),
            ]))
    }

    private func application(_ platform: String) -> Int64 {
        if let id = applications[platform] { return id }
        let id = Int64(applications.count + 1)
        applications[platform] = id
        let name = Platform(rawValue: platform)?.displayName ?? platform
        emit(
            JSONText.object([
                ("@id", JSONText.quote(iri(.application, id))), ("@type", JSONText.quote("uco-observable:Application")),
                ("uco-core:name", JSONText.quote(name)),
            ]))
        return id
    }

    private func writeAccount(_ account: ReportDocument.Account) {
        let app = application(account.platform)
        var digital: [(String, String)] = [
            ("@id", JSONText.quote(iri(.digitalAccountFacet, account.id))),
            ("@type", JSONText.quote("uco-observable:DigitalAccountFacet")),
        ]
        if let name = account.displayName { digital.append(("uco-observable:displayName", JSONText.quote(name))) }
        if let handle = account.handle { digital.append(("uco-observable:accountLogin", JSONText.quote(handle))) }
        let facets = [
            JSONText.object([
                ("@id", JSONText.quote(iri(.accountFacet, account.id))),
                ("@type", JSONText.quote("uco-observable:AccountFacet")),
                ("uco-observable:accountIdentifier", JSONText.quote(account.platformUserId ?? account.accountKey)),
            ]),
            JSONText.object(digital),
            JSONText.object([
                ("@id", JSONText.quote(iri(.applicationAccountFacet, account.id))),
                ("@type", JSONText.quote("uco-observable:ApplicationAccountFacet")),
                ("uco-observable:application", reference(.application, app)),
            ]),
        ]
        var description = "Casebook account #\(account.id) (\(account.accountKey))"
        if account.isExportOwner { description += "; owner of an export" }
        if !account.identifiers.isEmpty {
            description += "; identifiers: " + account.identifiers.joined(separator: ", ")
        }
        emit(
            JSONText.object([
                ("@id", JSONText.quote(iri(.account, account.id))),
                ("@type", JSONText.quote("uco-observable:ApplicationAccount")),
                ("uco-core:description", JSONText.quote(description)), ("uco-core:hasFacet", JSONText.array(facets)),
            ]))
        // One relationship per evidence item the account was seen in; numbered by account and position.
        for (index, sighting) in account.sightings.enumerated() {
            guard let evidenceId = evidenceIdBySHA[sighting.evidenceSHA256] else { continue }
            let number = account.id << 16 | Int64(index & 0xFFFF)
            writeRelationship(
                source: iri(.account, account.id), evidenceId: evidenceId, provenance: sighting,
                node: .accountRelationship,
                facet: .accountPathFacet, number: number)
        }
        counts["ApplicationAccount", default: 0] += 1
    }

    private func writeRelationship(
        source: String, evidenceId: Int64, provenance: ReportDocument.Provenance, node: Node, facet: Node, number: Int64
    ) {
        emit(
            JSONText.object([
                ("@id", JSONText.quote(iri(node, number))), ("@type", JSONText.quote("uco-core:Relationship")),
                ("uco-core:source", JSONText.array([JSONText.object([("@id", JSONText.quote(source))])])),
                ("uco-core:target", reference(.evidence, evidenceId)),
                ("uco-core:kindOfRelationship", JSONText.quote("Contained_Within")),
                ("uco-core:isDirectional", typed("xsd:boolean", "true")),
                (
                    "uco-core:description",
                    JSONText.quote(
                        "\(provenance.member) @ \(provenance.locator)"
                            + (provenance.parser.isEmpty ? "" : " (\(provenance.parser))"))
                ),
                (
                    "uco-core:hasFacet",
                    JSONText.array([
                        JSONText.object([
                            ("@id", JSONText.quote(iri(facet, number))),
                            ("@type", JSONText.quote("uco-observable:PathRelationFacet")),
                            ("uco-observable:path", JSONText.quote(provenance.member)),
                        ])
                    ])
                ),
            ]))
    }

    /// Writes one event and its provenance relationship.
    public func add(_ item: InterchangeEvent) {
        let event = item.event
        let subject: String
        switch event.kind {
        case "message", "post", "comment", "repost":
            let type = event.kind == "message" ? "uco-observable:Message" : "uco-observable:Post"
            var facet: [(String, String)] = [
                ("@id", JSONText.quote(iri(.messageFacet, event.id))),
                ("@type", JSONText.quote("uco-observable:MessageFacet")),
                ("uco-observable:messageID", JSONText.quote("casebook-event-\(event.id)")),
                ("uco-observable:application", reference(.application, application(event.platform))),
            ]
            if let text = event.text { facet.append(("uco-observable:messageText", JSONText.quote(text))) }
            if let time = event.occurredAtUTC { facet.append(("uco-observable:sentTime", typed("xsd:dateTime", time))) }
            if let actor = item.actorAccountId { facet.append(("uco-observable:from", reference(.account, actor))) }
            if let conversation = item.conversationId, event.kind == "message",
                let thread = conversationsById[conversation]
            {
                let recipients = thread.participantIds.filter { $0 != item.actorAccountId }
                if !recipients.isEmpty {
                    facet.append(("uco-observable:to", JSONText.array(recipients.map { reference(.account, $0) })))
                }
                threadMessages[conversation, default: []].append(event.id)
            }
            subject = iri(.message, event.id)
            emit(
                JSONText.object([
                    ("@id", JSONText.quote(subject)), ("@type", JSONText.quote(type)),
                    (
                        "uco-core:description",
                        JSONText.quote("Casebook record #\(event.id) (\(event.platform) \(event.kind))")
                    ),
                    ("uco-core:hasFacet", JSONText.array([JSONText.object(facet)])),
                ]))
            counts[event.kind == "message" ? "Message" : "Post", default: 0] += 1
        default:
            var fields: [(String, String)] = [
                ("@id", JSONText.quote(iri(.event, event.id))), ("@type", JSONText.quote("uco-core:Event")),
                ("uco-core:eventType", JSONText.quote(event.kind)),
                (
                    "uco-core:description",
                    JSONText.quote(
                        "Casebook record #\(event.id) (\(event.platform) \(event.kind))"
                            + (event.text.map { ": " + $0 } ?? ""))
                ),
            ]
            if let time = event.occurredAtUTC { fields.append(("uco-core:startTime", typed("xsd:dateTime", time))) }
            if let actor = item.actorAccountId {
                fields.append(("uco-core:eventContext", JSONText.array([reference(.account, actor)])))
            }
            subject = iri(.event, event.id)
            emit(JSONText.object(fields))
            counts["Event", default: 0] += 1
        }
        if let evidenceId = evidenceIdBySHA[event.provenance.evidenceSHA256] {
            writeRelationship(
                source: subject, evidenceId: evidenceId, provenance: event.provenance, node: .relationship,
                facet: .pathFacet,
                number: event.id)
        }
    }

    /// Writes the message threads and ends the document.
    public func finish() {
        for conversation in conversations {
            let messages = threadMessages[conversation.id] ?? []
            guard !messages.isEmpty || !conversation.participantIds.isEmpty else { continue }
            let thread = JSONText.object([
                ("@id", JSONText.quote(iri(.threadList, conversation.id))),
                ("@type", JSONText.quote("uco-types:Thread")),
                ("co:element", JSONText.array(messages.map { reference(.message, $0) })),
            ])
            let facet = JSONText.object([
                ("@id", JSONText.quote(iri(.threadFacet, conversation.id))),
                ("@type", JSONText.quote("uco-observable:MessageThreadFacet")),
                (
                    "uco-observable:participant",
                    JSONText.array(conversation.participantIds.map { reference(.account, $0) })
                ),
                ("uco-observable:messageThread", thread),
            ])
            emit(
                JSONText.object([
                    ("@id", JSONText.quote(iri(.thread, conversation.id))),
                    ("@type", JSONText.quote("uco-observable:MessageThread")),
                    (
                        "uco-core:name",
                        JSONText.quote(
                            conversation.title ?? "\(conversation.platform) conversation \(conversation.key)")
                    ),
                    ("uco-core:hasFacet", JSONText.array([facet])),
                ]))
            counts["MessageThread", default: 0] += 1
        }
        sink("\n]\n}\n")
    }
}
