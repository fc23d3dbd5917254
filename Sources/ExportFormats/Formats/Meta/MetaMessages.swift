import EvidenceArchive
import EvidenceModel

/// Reads one Messenger-shaped thread file (`message_N.json`), shared by Facebook Messenger and
/// Instagram direct messages.
///
/// Shape: `{ "participants": [{"name"}], "messages": [ {sender_name, timestamp_ms, content, type,
/// photos|videos|audio_files|files|gifs [{uri, creation_timestamp}], sticker {uri}, share {link,
/// share_text}, reactions [{reaction, actor, timestamp?}], call_duration, missed, is_unsent, users,
/// ip} ], "title", "is_still_participant", "thread_type", "thread_path" }`. Messages run newest first;
/// a thread's `message_2.json` (older messages) may sit in another part of a split export, so the
/// conversation key is `thread_path` (`inbox/<folder>`), the same in every file of the thread.
enum MetaMessages {
    /// `message_1.json`, `message_12.json` (or `.html` with `suffix: ".html"`).
    static func isMessageFile(_ path: String, suffix: String = ".json") -> Bool {
        guard let name = path.split(separator: "/").last, name.hasPrefix("message_"), name.hasSuffix(suffix) else {
            return false
        }
        let number = name.dropFirst("message_".count).dropLast(suffix.count)
        return !number.isEmpty && number.allSatisfy(\.isNumber)
    }

    /// The conversation key when a file has no `thread_path`: `<box>/<thread folder>`.
    static func derivedKey(_ path: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 2 else { return path }
        let folder = parts[parts.count - 2]
        return parts.count >= 3 ? parts[parts.count - 3] + "/" + folder : folder
    }

    static func parse(_ member: ArchiveMember, context: ParseContext, platform: Platform) throws {
        MetaRecognition.noteIfUncertain(context.level.listing, context: context)
        let repairsBefore = MetaText.repairCount(in: context)
        defer { MetaText.warnRepairs(since: repairsBefore, in: context) }
        let root = try MetaJSON.read(member, context: context)
        guard root.object != nil else {
            throw ParseError(locator: "", "expected an object with participants and messages")
        }
        let key = root["thread_path"]?.nonEmptyString ?? derivedKey(member.path)
        var names: [(name: String, locator: String)] = []
        for (index, participant) in (root["participants"]?.array ?? []).enumerated() {
            let locator = "/participants/\(index)"
            guard let name = MetaText.text(participant["name"], context: context) else {
                context.warn("missing-field", "participant has no name", locator: locator)
                continue
            }
            names.append((name, locator))
        }
        emitThread(
            key: key, title: MetaText.text(root["title"], context: context), participants: names, platform: platform,
            locator: "", context: context)
        guard let messages = root["messages"]?.array else {
            context.warn("missing-field", "thread file has no messages array", locator: "/messages")
            return
        }
        for (index, message) in messages.enumerated() {
            parseMessage(
                message, locator: "/messages/\(index)", key: key, platform: platform, member: member, context: context)
        }
    }

    /// Emits one account per participant (keyed by display name) and the thread's `Conversation`;
    /// shared by the JSON and HTML readers.
    static func emitThread(
        key: String, title: String?, participants names: [(name: String, locator: String)], platform: Platform,
        locator: String, context: ParseContext
    ) {
        var participants: [AccountKey] = []
        for (name, participantLocator) in names {
            let account = AccountKey.handle(platform, name)
            if !participants.contains(account) { participants.append(account) }
            context.emit(
                .account(Account(key: account, displayName: name, provenance: context.provenance(participantLocator))))
        }
        context.emit(
            .conversation(
                Conversation(
                    platform: platform, key: key, title: title, participants: participants,
                    provenance: context.provenance(locator))))
    }

    private static let mediaKeys = ["photos", "videos", "audio_files", "files", "gifs"]

    private static func parseMessage(
        _ message: JSONValue, locator: String, key: String, platform: Platform, member: ArchiveMember,
        context: ParseContext
    ) {
        guard message.object != nil else {
            context.warn("unexpected-shape", "message is not an object", locator: locator)
            return
        }
        var details: [Event.Detail] = []
        let sender = MetaText.text(
            message["sender_name"], rawDetail: "rawSenderName", details: &details, context: context)
        if sender == nil { context.warn("missing-field", "message has no sender_name", locator: locator) }
        let actor = sender.map { AccountKey.handle(platform, $0) }
        if message["timestamp_ms"] == nil {
            context.warn("missing-field", "message has no timestamp_ms", locator: locator)
        }
        let time = MetaJSON.timestamp(
            message["timestamp_ms"], milliseconds: true, field: "timestamp_ms", locator: locator + "/timestamp_ms",
            context: context)
        let text = MetaText.text(message["content"], rawDetail: "rawText", details: &details, context: context)
        let type = message["type"]?.nonEmptyString
        if let type { details.append(.init("type", type)) }
        var kind = EventKind.message
        if type == "Call" || message["call_duration"] != nil {
            kind = .call
            if let duration = message["call_duration"]?.string { details.append(.init("callDuration", duration)) }
            if message["missed"] == .bool(true) { details.append(.init("missed", "true")) }
        } else if type == "Subscribe" || type == "Unsubscribe" {
            kind = .conversationEvent
        }
        if message["is_unsent"] == .bool(true) { details.append(.init("unsent", "true")) }
        for user in message["users"]?.array ?? [] {
            if let name = MetaText.text(user["name"], context: context) { details.append(.init("user", name)) }
        }
        var identifiers: [IdentifierObservation] = []
        if let share = message["share"] {
            if let link = share["link"]?.nonEmptyString {
                identifiers.append(
                    IdentifierObservation(
                        kind: .url, raw: link, field: "messages.share.link", observedAt: time, accountKey: actor))
            }
            if let shareText = MetaText.text(
                share["share_text"], rawDetail: "rawShareText", details: &details, context: context)
            {
                details.append(.init("shareText", shareText))
            }
        }
        if let address = message["ip"]?.nonEmptyString {
            identifiers.append(
                IdentifierObservation(
                    kind: .ip, raw: address, field: "messages.ip", observedAt: time, accountKey: actor))
        }
        var attachments: [Attachment] = []
        let listing = context.level.listing
        for mediaKey in mediaKeys {
            for item in message[mediaKey]?.array ?? [] {
                guard let uri = item["uri"]?.nonEmptyString else { continue }
                attachments.append(
                    Attachment(
                        memberPath: MetaJSON.memberPath(forURI: uri, member: context.memberPath, listing: listing),
                        reference: uri, mediaType: MetaJSON.mediaType(forKey: mediaKey)))
            }
        }
        if let uri = message["sticker"]?["uri"]?.nonEmptyString {
            attachments.append(
                Attachment(
                    memberPath: MetaJSON.memberPath(forURI: uri, member: context.memberPath, listing: listing),
                    reference: uri,
                    mediaType: "sticker"))
        }
        context.emit(
            Event(
                platform: platform, kind: kind, occurredAt: time, actor: actor, conversationKey: key, text: text,
                details: details, identifiers: identifiers, attachments: attachments,
                provenance: context.provenance(locator)))
        for (index, reaction) in (message["reactions"]?.array ?? []).enumerated() {
            let reactionLocator = locator + "/reactions/\(index)"
            var reactionDetails: [Event.Detail] = []
            let emoji = MetaText.text(
                reaction["reaction"], rawDetail: "rawText", details: &reactionDetails, context: context)
            let who = MetaText.text(
                reaction["actor"], rawDetail: "rawActor", details: &reactionDetails, context: context)
            reactionDetails.append(.init("message", locator))
            let reactionTime = MetaJSON.timestamp(
                reaction["timestamp"], field: "reactions.timestamp", locator: reactionLocator + "/timestamp",
                context: context)
            context.emit(
                Event(
                    platform: platform, kind: .reaction, occurredAt: reactionTime,
                    actor: who.map { .handle(platform, $0) },
                    conversationKey: key, text: emoji, details: reactionDetails,
                    provenance: context.provenance(reactionLocator)))
        }
    }
}
