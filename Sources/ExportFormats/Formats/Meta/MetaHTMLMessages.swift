import CLibXML2
import EvidenceArchive
import EvidenceModel

/// Reads one Messenger-shaped thread page (`message_N.html`) of a 2019+ HTML export, shared by
/// Facebook Messenger and Instagram direct messages.
///
/// Shape (class names vary, structure does not): the page `<title>` is the thread title, a line
/// `Participants: A, B and C` names the participants (when absent, the senders are used), and each
/// message is a block (see `MetaHTML`): heading = sender (`div` in 2019-2021, `h2` since 2022), body
/// = content (`<div><div></div><div>text</div>…`, media as `img`/`video`/`audio` `src` and file
/// links, shared links as `a href`, reactions as `ul > li` "👍Name"), last child = date text
/// (`Mar 01, 2024 10:15:02 am`, no zone). The conversation key is `<box>/<thread folder>`, the same as
/// the JSON `thread_path`, so HTML and JSON files of one thread join.
enum MetaHTMLMessages {
    static func parse(_ member: ArchiveMember, context: ParseContext, platform: Platform) throws {
        MetaRecognition.noteIfUncertain(context.level.listing, context: context)
        guard let page = try MetaHTMLDocument.read(member, context: context) else { return }
        defer { withExtendedLifetime(page) {} }
        let key = MetaMessages.derivedKey(member.path)
        let blocks = MetaHTML.blocks(in: page.root)
        var names: [(name: String, locator: String)] = []
        MetaHTML.walk(page.root) { node in
            guard names.isEmpty, let text = MetaHTML.ownText(node) else { return names.isEmpty }
            guard let range = text.firstRange(of: "Participants:") ?? text.firstRange(of: "Teilnehmer:") else {
                return true
            }
            let locator = MetaHTML.nodePath(node)
            var list = String(text[range.upperBound...]).trimmingSpaces
            if let and = list.ranges(of: " and ").last {
                list.replaceSubrange(and, with: ", ")
            }
            names = list.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
                .map { ($0, locator) }
            return false
        }
        if names.isEmpty {
            for block in blocks {
                guard let sender = MetaHTML.textContent(block.heading), !names.contains(where: { $0.name == sender })
                else { continue }
                names.append((sender, MetaHTML.nodePath(block.heading)))
            }
        }
        MetaMessages.emitThread(
            key: key, title: MetaHTML.title(page.root), participants: names, platform: platform, locator: "",
            context: context)
        if blocks.isEmpty { context.warn("missing-field", "no message blocks found", locator: "") }
        let times = MetaHTMLTimes(context: context)
        for block in blocks {
            readMessage(block, key: key, platform: platform, times: times, context: context)
        }
        times.finish()
    }

    private static func readMessage(
        _ block: MetaHTML.Block, key: String, platform: Platform, times: MetaHTMLTimes, context: ParseContext
    ) {
        let locator = MetaHTML.nodePath(block.node)
        let sender = MetaHTML.textContent(block.heading)
        if sender == nil { context.warn("missing-field", "message has no sender", locator: locator) }
        let actor = sender.map { AccountKey.handle(platform, $0) }
        let time = times.parse(block.dateText, field: "message date", locator: locator)
        var texts: [String] = []
        var identifiers: [IdentifierObservation] = []
        var attachments: [Attachment] = []
        var reactions: [(node: xmlNodePtr, text: String)] = []
        var seen = Set<String>()
        for body in block.body {
            if let text = MetaHTML.lines(body, skipping: ["ul"]) { texts.append(text) }
            MetaHTML.walk(body) { node in
                if MetaHTML.elementName(node) == "li", let text = MetaHTML.textContent(node) {
                    reactions.append((node, text))
                }
                return true
            }
            for (element, value) in MetaHTML.references(in: body) where seen.insert(value).inserted {
                if value.hasPrefix("http://") || value.hasPrefix("https://") {
                    identifiers.append(
                        IdentifierObservation(
                            kind: .url, raw: value, field: "messages.link", observedAt: time, accountKey: actor))
                    continue
                }
                let mediaType = ["img": "photo", "video": "video", "audio": "audio"][element] ?? "file"
                attachments.append(
                    Attachment(
                        memberPath: MetaJSON.memberPath(
                            forURI: value, member: context.memberPath, listing: context.level.listing),
                        reference: value, mediaType: mediaType))
            }
        }
        context.emit(
            Event(
                platform: platform, kind: .message, occurredAt: time, actor: actor, conversationKey: key,
                text: texts.isEmpty ? nil : texts.joined(separator: "\n"), identifiers: identifiers,
                attachments: attachments, provenance: context.provenance(locator)))
        for (node, text) in reactions {
            // "👍Anna Krogh": the emoji, then the name from the first letter on.
            let split = text.firstIndex { $0.isLetter } ?? text.endIndex
            let emoji = String(text[..<split]).trimmingSpaces
            let name = String(text[split...]).trimmingSpaces
            context.emit(
                Event(
                    platform: platform, kind: .reaction, occurredAt: nil,
                    actor: name.isEmpty ? nil : .handle(platform, name), conversationKey: key,
                    text: emoji.isEmpty ? nil : emoji, details: [.init("message", locator)],
                    provenance: context.provenance(MetaHTML.nodePath(node))))
        }
    }
}
