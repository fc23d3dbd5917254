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
        knownLimits: "A conversation is one array element; its bytes are held in memory (up to 512 MiB) and, above "
            + "4 MiB, its messages are parsed one at a time. "
            + "Entry kinds other than messageCreate, joinConversation, participantsJoin, participantsLeave and "
            + "conversationNameUpdate are warned as unknown-entry and skipped.")

    /// Conversations larger than this many bytes are read entry by entry.
    let streamingThreshold: Int

    public init() { self.init(streamingThreshold: 4 << 20) }

    /// `streamingThreshold: .max` reads every conversation whole (tests compare the two ways).
    public init(streamingThreshold: Int) { self.streamingThreshold = streamingThreshold }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let reader = TwitterDirectMessageReader(context: context, includesText: true)
        // One element is a whole conversation; heavy accounts have conversations over 64 MiB (seen in the
        // 1M-tweet bench archive), so the bound is higher here than for tweets.
        // A conversation over 4 MiB (by default) is read entry by entry from its bytes, so memory holds its bytes
        // and one message rather than a tree of the whole conversation.
        try TwitterArchive.forEachItem(
            in: member, context: context, maxElementBytes: 512 << 20, streamingAbove: streamingThreshold,
            streamed: { _, offset, bytes, locator, parser in
                try reader.read(bytes: bytes, offset: offset, locator: locator, parser: &parser)
            }
        ) { _, item, locator in
            reader.read(item, locator: locator)
        }
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

    /// Reads a large conversation from its bytes: the conversation without its messages is parsed as
    /// a tree, then the `messages` array is split and each entry parsed on its own (twice for group
    /// conversations: once for the participants and title, which come first, once for the events).
    /// Records and locators are the same as `read(_:locator:)` gives.
    ///
    /// An entry that does not parse costs that entry only: it is warned (`invalid-json` with its member
    /// offset) and kept as raw text, as a whole element would be, and the others are read.
    func read(bytes: UnsafeBufferPointer<UInt8>, offset: Int64, locator: String, parser: inout JSONParser) throws(JSONSyntaxError) {
        let wrapper = JSONMemberScanner.valueRange(of: "dmConversation", inObjectAt: 0, of: bytes)
        guard let wrapper, let messages = JSONMemberScanner.valueRange(of: "messages", inObjectAt: wrapper.lowerBound, of: bytes),
            bytes[messages.lowerBound] == UInt8(ascii: "[")
        else {
            // Not the usual shape: read it whole.
            read(try parser.parse(bytes), locator: locator)
            return
        }
        var shell = Array(bytes[..<messages.lowerBound])
        shell += Array("[]".utf8)
        shell += bytes[messages.upperBound...]
        let item = try parser.parse(shell)
        guard let (conversationId, conversationLocator) = header(of: item, locator: locator) else { return }
        let messageBytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[messages])
        func forEachEntry(reporting: Bool, _ body: (Int, JSONValue) -> Void) {
            var stream = JSONArrayStream(maxElementBytes: Int.max)
            try? stream.feed(messageBytes) { index, entryOffset, entryBytes in
                do throws(JSONSyntaxError) {
                    body(index, try parser.parse(entryBytes))
                } catch {
                    guard reporting else { return }
                    let start = offset + Int64(messages.lowerBound) + entryOffset
                    let reason = "conversation entry is not valid JSON: \(error.reason) (byte \(start + Int64(error.offset)) of member)"
                    let entryLocator = conversationLocator + "/messages/\(index)"
                    context.warn("invalid-json", reason, locator: entryLocator)
                    UnparsedText.emit(entryBytes, offset: start, reason: reason, locator: entryLocator, context: context)
                }
            }
        }
        var summary = SummaryBuilder(conversationId: conversationId)
        if !summary.isOneToOne { forEachEntry(reporting: false) { _, entry in summary.note(entry) } }
        context.emit(.conversation(summary.conversation(provenance: context.provenance(conversationLocator))))
        forEachEntry(reporting: true) { index, entry in
            emit(entry, index: index, conversationId: conversationId, conversationLocator: conversationLocator)
        }
    }

    private func conversation(of item: JSONValue) -> JSONValue? {
        item["dmConversation"].flatMap { $0.object != nil ? $0 : nil } ?? (item.object != nil ? item : nil)
    }

    /// The conversation id and locator, or nil (with a warning) when the element has neither.
    private func header(of item: JSONValue, locator: String) -> (String, String)? {
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

    private func emit(_ entry: JSONValue, index: Int, conversationId: String, conversationLocator: String) {
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
