import EvidenceArchive
import EvidenceModel

/// Twitter/X direct messages, one-to-one and group.
///
/// Files: `data/direct-messages.js` and `data/direct-messages-group.js` (2022+, `window.YTD.direct_messages.part0`,
/// `window.YTD.direct_messages_group.part0`), `direct-message.js` and `direct-message-group.js` (2018-2022, at the
/// root or in `data/`). Every element is `{ "dmConversation" : { "conversationId", "messages" : [ ... ] } }`;
/// one-to-one ids are `<userIdA>-<userIdB>`, group ids a single number. Each entry of `messages` is an object
/// with one key, newest first:
/// - `messageCreate` `{ id, senderId, recipientId (1:1 only), text, createdAt, urls[{url, expanded, display}],
///   mediaUrls[], reactions[{senderId, reactionKey, eventId, createdAt}] }` → a `.message` event;
/// - `joinConversation` `{ initiatingUserId, participantsSnapshot[], createdAt }`, `participantsJoin` and
///   `participantsLeave` `{ initiatingUserId?, userIds[], createdAt }`, `conversationNameUpdate`
///   `{ initiatingUserId, name, createdAt }` → `.conversationEvent` events.
///
/// One `Conversation` is emitted per element before its events: participants from the two ids of a 1:1
/// id, or, for groups, from every sender, join snapshot and join/leave list; the title is the latest
/// `conversationNameUpdate`. Message text has t.co links replaced by `urls[].expanded` and HTML entities
/// decoded. Media URLs become attachments, pointing at `<messageId>-<file name>` in a `*_media/` folder
/// (`data/direct_messages_media/`) when the archive holds it.
public struct TwitterDirectMessagesParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.direct-messages", displayName: "Twitter direct messages", platform: .twitter, version: 1,
        memberPatterns: [
            "data/direct-messages.js", "data/direct-messages-part*.js", "data/direct-messages-group.js",
            "data/direct-messages-group-part*.js", "direct-message.js", "direct-message-part*.js",
            "direct-message-group.js", "direct-message-group-part*.js",
        ],
        formatNotes: "direct-messages(-group).js (2022+) and direct-message(-group).js (2018-2022).",
        knownLimits: "A conversation is one array element. One over 4 MiB is read message by message as its bytes "
            + "arrive, when its conversationId comes before its messages (as Twitter writes it): memory holds one "
            + "message (up to 64 MiB), not the conversation, and a group conversation's record follows its "
            + "messages. Any other conversation is held whole, up to 512 MiB. "
            + "Entry kinds other than messageCreate, joinConversation, participantsJoin, participantsLeave and "
            + "conversationNameUpdate are warned as unknown-entry and skipped.")

    /// Conversations over this many bytes are read as they arrive (`StreamedConversation`).
    public static let defaultStreamingThreshold = 4 << 20
    /// The largest conversation held whole, when it cannot be read as it arrives.
    public static let defaultMaxConversationBytes = 512 << 20

    /// Conversations larger than this many bytes are read entry by entry as they arrive.
    let streamingThreshold: Int
    /// The largest conversation held whole (one that cannot be read as it arrives).
    let maxConversationBytes: Int

    public init() { self.init(streamingThreshold: Self.defaultStreamingThreshold) }

    /// `streamingThreshold: .max` reads every conversation whole (tests compare the two ways); a small
    /// `maxConversationBytes` shows that a streamed conversation is not held.
    public init(streamingThreshold: Int, maxConversationBytes: Int = defaultMaxConversationBytes) {
        self.streamingThreshold = streamingThreshold
        self.maxConversationBytes = maxConversationBytes
    }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterDirectMessageReader(context: context, includesText: true)
            .readMember(member, streamingThreshold: streamingThreshold, maxConversationBytes: maxConversationBytes)
    }
}

/// Reads `dmConversation` elements; shared by the message and message-header parsers.
struct TwitterDirectMessageReader {
    let context: ParseContext
    /// False for the `*-headers.js` files, which carry no text, URLs or media.
    let includesText: Bool
    let mediaFiles: [String: String]

    init(context: ParseContext, includesText: Bool) {
        self.context = context
        self.includesText = includesText
        self.mediaFiles = includesText ? TwitterArchive.mediaFiles(in: context.level.listing) : [:]
    }

    static let conversationEventKinds: Set<String> = [
        "joinConversation", "participantsJoin", "participantsLeave", "conversationNameUpdate",
    ]

    /// Reads a member of `dmConversation` elements. One element is a whole conversation, and heavy
    /// accounts have conversations of hundreds of megabytes (132 MB in the 1M-tweet bench archive): a
    /// conversation over `streamingThreshold` bytes is read entry by entry as its bytes arrive. One
    /// whose head does not allow that is held whole, up to `maxConversationBytes`.
    func readMember(
        _ member: ArchiveMember, streamingThreshold: Int = TwitterDirectMessagesParser.defaultStreamingThreshold,
        maxConversationBytes: Int = TwitterDirectMessagesParser.defaultMaxConversationBytes
    ) throws {
        try TwitterArchive.forEachItem(
            in: member, context: context, maxElementBytes: maxConversationBytes, divertAbove: streamingThreshold,
            divert: { _, offset, locator, head, items in
                StreamedConversation(reader: self, offset: offset, locator: locator, head: head, items: &items)
            }
        ) { _, item, locator in
            read(item, locator: locator)
        }
    }

    func read(_ item: JSONValue, locator: String) {
        guard let (conversationId, conversationLocator) = header(of: item, locator: locator) else { return }
        let entries = conversation(of: item)?["messages"]?.array ?? []
        var summary = SummaryBuilder(conversationId: conversationId)
        if !summary.isOneToOne { entries.forEach { summary.note($0) } }
        context.emit(.conversation(summary.conversation(provenance: context.provenance(conversationLocator))))
        for (index, entry) in entries.enumerated() {
            emit(entry, index: index, conversationId: conversationId, conversationLocator: conversationLocator)
        }
    }

    private func conversation(of item: JSONValue) -> JSONValue? {
        item["dmConversation"].flatMap { $0.object != nil ? $0 : nil } ?? (item.object != nil ? item : nil)
    }

    /// The conversation id and locator, or nil (with a warning) when the element has neither.
    fileprivate func header(of item: JSONValue, locator: String) -> (String, String)? {
        guard
            let (conversation, conversationLocator) = TwitterArchive.record(
                in: item, key: "dmConversation", locator: locator, context: context)
        else { return nil }
        guard let conversationId = conversation["conversationId"]?.nonEmptyString else {
            context.warn("missing-field", "dmConversation has no conversationId", locator: conversationLocator)
            return nil
        }
        return (conversationId, conversationLocator)
    }

    fileprivate func emit(_ entry: JSONValue, index: Int, conversationId: String, conversationLocator: String) {
        let entryLocator = conversationLocator + "/messages/\(index)"
        guard let object = entry.object, object.members.count == 1, let only = object.members.first,
            only.value.object != nil
        else {
            context.warn(
                "unexpected-shape", "conversation entry is not an object with one key", locator: entryLocator)
            return
        }
        let bodyLocator = entryLocator + "/" + only.key
        if only.key == "messageCreate" {
            context.emit(message(only.value, conversationId: conversationId, locator: bodyLocator))
        } else if Self.conversationEventKinds.contains(only.key) {
            context.emit(
                conversationEvent(only.key, only.value, conversationId: conversationId, locator: bodyLocator))
        } else {
            context.warn("unknown-entry", "conversation entry kind is not read", locator: bodyLocator)
        }
    }

    /// Participants and title of a conversation: from the two ids of a one-to-one id, or, for groups,
    /// from every sender, join snapshot and join/leave list, the title being the latest rename.
    struct SummaryBuilder {
        let conversationId: String
        let isOneToOne: Bool
        private var participants: [String] = []
        private var seen: Set<String> = []
        private var title: (time: String, name: String)?

        init(conversationId: String) {
            self.conversationId = conversationId
            let pair = conversationId.split(separator: "-", omittingEmptySubsequences: false)
            isOneToOne = pair.count == 2 && pair.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
            if isOneToOne { for part in pair { noteIdentifier(String(part)) } }
        }

        private mutating func noteIdentifier(_ identifier: String) {
            if seen.insert(identifier).inserted { participants.append(identifier) }
        }

        private mutating func noteValue(_ value: JSONValue?) {
            if let identifier = value?.nonEmptyString { noteIdentifier(identifier) }
        }

        mutating func note(_ entry: JSONValue) {
            for member in entry.object?.members ?? [] {
                let body = member.value
                noteValue(body["senderId"])
                noteValue(body["recipientId"])
                noteValue(body["initiatingUserId"])
                for identifier in (body["participantsSnapshot"]?.array ?? []) + (body["userIds"]?.array ?? []) {
                    noteValue(identifier)
                }
                if member.key == "conversationNameUpdate", let name = body["name"]?.nonEmptyString {
                    let time = body["createdAt"]?.string ?? ""
                    if title == nil || time > title!.time { title = (time, name) }
                }
            }
        }

        func conversation(provenance: Provenance) -> Conversation {
            Conversation(
                platform: .twitter, key: conversationId, title: title?.name,
                participants: participants.map { .userId(.twitter, $0) }, provenance: provenance)
        }
    }

    private func message(_ body: JSONValue, conversationId: String, locator: String) -> Event {
        let senderId = body["senderId"]?.nonEmptyString
        let recipientId = body["recipientId"]?.nonEmptyString
        let messageId = body["id"]?.nonEmptyString
        if senderId == nil { context.warn("missing-field", "messageCreate has no senderId", locator: locator) }
        let occurredAt = TwitterArchive.timestamp(
            body["createdAt"], field: "createdAt", locator: locator + "/createdAt", context: context)
        var details: [Event.Detail] = []
        if let messageId { details.append(.init("messageId", messageId)) }
        if let recipientId { details.append(.init("recipientId", recipientId)) }
        let reactions = TwitterArchive.objects(body["reactions"]).compactMap { _, reaction -> String? in
            guard let key = reaction["reactionKey"]?.nonEmptyString else { return nil }
            return key + (reaction["senderId"]?.nonEmptyString.map { " by " + $0 } ?? "")
        }
        if !reactions.isEmpty { details.append(.init("reactions", reactions.joined(separator: ", "))) }
        var identifiers: [IdentifierObservation] = []
        if let senderId {
            identifiers.append(
                IdentifierObservation(
                    kind: .userId, raw: senderId, field: "messageCreate.senderId", platform: .twitter,
                    accountKey: .userId(.twitter, senderId)))
        }
        if let recipientId {
            identifiers.append(
                IdentifierObservation(
                    kind: .userId, raw: recipientId, field: "messageCreate.recipientId", platform: .twitter,
                    accountKey: .userId(.twitter, recipientId)))
        }
        var text: String?
        var attachments: [Attachment] = []
        if includesText {
            var links: [(short: String, expanded: String)] = []
            for (_, url) in TwitterArchive.objects(body["urls"]) {
                guard let expanded = url["expanded"]?.nonEmptyString else { continue }
                links.append((url["url"]?.string ?? "", expanded))
                identifiers.append(
                    IdentifierObservation(kind: .url, raw: expanded, field: "messageCreate.urls.expanded"))
            }
            text = body["text"]?.string.map { TwitterArchive.expandedText($0, links: links) }
            for reference in (body["mediaUrls"]?.array ?? []).compactMap(\.nonEmptyString) {
                let fileName = "\(messageId ?? "")-\(TwitterArchive.urlFileName(reference))"
                attachments.append(
                    Attachment(memberPath: messageId == nil ? nil : mediaFiles[fileName], reference: reference))
            }
        }
        return Event(
            platform: .twitter, kind: .message, occurredAt: occurredAt, actor: senderId.map { .userId(.twitter, $0) },
            conversationKey: conversationId, text: text, details: details, identifiers: identifiers,
            attachments: attachments, provenance: context.provenance(locator))
    }

    private func conversationEvent(_ kind: String, _ body: JSONValue, conversationId: String, locator: String) -> Event
    {
        let initiator = body["initiatingUserId"]?.nonEmptyString
        let occurredAt = TwitterArchive.timestamp(
            body["createdAt"], field: "createdAt", locator: locator + "/createdAt", context: context)
        let userIds = ((body["participantsSnapshot"]?.array ?? []) + (body["userIds"]?.array ?? [])).compactMap(
            \.nonEmptyString)
        var details = [Event.Detail("eventType", kind)]
        if !userIds.isEmpty { details.append(.init("userIds", userIds.joined(separator: ","))) }
        let name = body["name"]?.nonEmptyString
        if let name { details.append(.init("name", name)) }
        var identifiers: [IdentifierObservation] = []
        if let initiator {
            identifiers.append(
                IdentifierObservation(
                    kind: .userId, raw: initiator, field: "\(kind).initiatingUserId", platform: .twitter,
                    accountKey: .userId(.twitter, initiator)))
        }
        let listField = body["participantsSnapshot"] != nil ? "participantsSnapshot" : "userIds"
        for userId in userIds {
            identifiers.append(
                IdentifierObservation(
                    kind: .userId, raw: userId, field: "\(kind).\(listField)", platform: .twitter,
                    accountKey: .userId(.twitter, userId)))
        }
        return Event(
            platform: .twitter, kind: .conversationEvent, occurredAt: occurredAt,
            actor: initiator.map { .userId(.twitter, $0) }, conversationKey: conversationId, text: name,
            details: details, identifiers: identifiers, provenance: context.provenance(locator))
    }
}

/// A `dmConversation` element too large to hold, read as its bytes arrive.
///
/// The head (the element's first bytes, past the streaming threshold) must name the conversation
/// before its `messages` array opens, as Twitter writes it; otherwise the element is not taken and is
/// read whole. The entries of `messages` are then split as they arrive and each is parsed and emitted
/// on its own, with the locators and records `TwitterDirectMessageReader.read(_:locator:)` gives. A
/// one-to-one conversation's record comes first, as when read whole; a group's participants and title
/// come from its entries, so its record follows them.
///
/// What lies outside `messages` (the head before it and what follows it) is parsed at the end, with
/// an empty array in its place, for the warnings a whole read gives. An entry that does not parse
/// costs that entry only (`invalid-json` with its member offset, and its raw text kept); so does one
/// over 64 MiB (`element-too-large`) or one the member ends inside.
final class StreamedConversation: StreamedElement {
    private let reader: TwitterDirectMessageReader
    private let locator: String
    private let conversationId: String
    private let conversationLocator: String
    /// Member offsets of the element and of its `messages` array's `[`.
    private let elementOffset: Int64
    private let messagesOffset: Int64
    private var summary: TwitterDirectMessageReader.SummaryBuilder
    /// The messages; the element's bytes after them (up to `maxEntryBytes`) are its `trailingBytes`.
    private var entries = JSONArrayStream(
        maxElementBytes: StreamedConversation.maxEntryBytes, maxTrailingBytes: StreamedConversation.maxEntryBytes)
    /// The element's bytes before the `messages` array.
    private let head: [UInt8]

    static let maxEntryBytes = 64 << 20

    /// Takes the element if its head names the conversation before `messages` opens, and reads the
    /// head's entries; nil otherwise (the element is then read whole).
    init?(
        reader: TwitterDirectMessageReader, offset: Int64, locator: String, head: UnsafeRawBufferPointer,
        items: inout JSONItemReader
    ) {
        let bytes = head.bindMemory(to: UInt8.self)
        guard let wrapper = JSONMemberScanner.valueStart(of: "dmConversation", inObjectAt: 0, of: bytes),
            bytes[wrapper] == UInt8(ascii: "{"),
            let idRange = JSONMemberScanner.valueRange(of: "conversationId", inObjectAt: wrapper, of: bytes),
            let messages = JSONMemberScanner.valueStart(of: "messages", inObjectAt: wrapper, of: bytes),
            idRange.upperBound <= messages, bytes[messages] == UInt8(ascii: "[")
        else { return nil }
        // The id is decoded by a parser of its own: the whole head is parsed again at the end, with the
        // member's parser, whose notes must count each string once.
        var idParser = JSONParser()
        guard let id = (try? idParser.parse(UnsafeBufferPointer(rebasing: bytes[idRange])))?.nonEmptyString else {
            return nil
        }
        self.reader = reader
        self.locator = locator
        self.conversationId = id
        self.conversationLocator = locator + "/dmConversation"
        self.elementOffset = offset
        self.messagesOffset = offset + Int64(messages)
        self.head = Array(bytes[..<messages])
        self.summary = TwitterDirectMessageReader.SummaryBuilder(conversationId: id)
        if summary.isOneToOne { emitConversation() }
        feed(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[messages...]), reader: &items)
    }

    func feed(_ bytes: UnsafeRawBufferPointer, reader items: inout JSONItemReader) {
        // The stream throws only what its closures throw, and these do not.
        try? entries.feed(
            bytes,
            onElement: { index, offset, bytes in
                let locator = entryLocator(index)
                guard let entry = items.parse(bytes, locator: locator, what: "conversation entry", memberOffset: {
                    self.messagesOffset + offset + Int64($0)
                }) else { return }
                if !summary.isOneToOne { summary.note(entry) }
                reader.emit(entry, index: index, conversationId: conversationId, conversationLocator: conversationLocator)
            },
            onOversized: { index, offset, size in
                items.warnOversized(
                    size: size, offset: messagesOffset + offset, limit: Self.maxEntryBytes, locator: entryLocator(index))
            })
    }

    func finish(complete: Bool, reader items: inout JSONItemReader) {
        if !entries.isComplete {
            if let (index, offset, bytes) = entries.unfinishedElement {
                items.keepUnfinished(bytes, offset: messagesOffset + offset, locator: entryLocator(index))
            }
            if complete {
                reader.context.warn(
                    "invalid-json", "the conversation ends before its messages array closes; \(entries.count) entries were read",
                    locator: conversationLocator)
            }
        } else if entries.trailingOverflow {
            reader.context.warn(
                "element-too-large",
                "the conversation holds more than \(Self.maxEntryBytes) bytes after its messages; they were hashed "
                    + "with the member but not parsed", locator: conversationLocator)
        } else if complete {
            checkShell(items: &items)
        }
        if !summary.isOneToOne { emitConversation() }
    }

    /// Parses the element without its messages, for the warnings reading it whole gives. Its offsets
    /// are the head's from the element's start, and the tail's from just past the messages.
    private func checkShell(items: inout JSONItemReader) {
        let shell = head + Array("[]".utf8) + entries.trailingBytes
        let headCount = head.count
        let tailOffset = messagesOffset + (entries.endOffset ?? 0)
        let item = items.parse(shell, locator: conversationLocator, what: "the conversation outside its messages") {
            $0 < headCount ? self.elementOffset + Int64($0) : tailOffset + Int64($0 - headCount - 2)
        }
        if let item, let (id, _) = reader.header(of: item, locator: locator), id != conversationId {
            reader.context.warn(
                "unexpected-shape", "dmConversation names more than one conversationId; the first was used",
                locator: conversationLocator)
        }
    }

    private func entryLocator(_ index: Int) -> String { conversationLocator + "/messages/\(index)" }

    private func emitConversation() {
        reader.context.emit(.conversation(summary.conversation(provenance: reader.context.provenance(conversationLocator))))
    }
}
