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
    /// Reads one thread page; a page over `streamingThreshold` bytes is read in two passes
    /// (`MetaHTMLThreadReader`).
    static func parse(
        _ member: ArchiveMember, context: ParseContext, platform: Platform,
        streamingThreshold: Int = MetaHTMLPage.streamingThreshold
    ) throws {
        MetaRecognition.noteIfUncertain(context.level.listing, context: context)
        guard let page = try MetaHTMLPage.open(member, context: context, streamingThreshold: streamingThreshold)
        else { return }
        let reader = MetaHTMLThreadReader(key: MetaMessages.derivedKey(member.path), platform: platform, context: context)
        try page.walk(context: context, release: reader.release, finish: reader.finish)
        if reader.messages == 0 { context.warn("missing-field", "no message blocks found", locator: "") }
        reader.times.finish()
    }

    /// The participants named by a `Participants: A, B and C` line at or below `node` (the first such line
    /// with a name, in document order), each with the line's locator; empty when there is none.
    static func participantsLine(at node: xmlNodePtr, includingSelf: Bool) -> [(name: String, locator: String)] {
        var names: [(name: String, locator: String)] = []
        func visit(_ node: xmlNodePtr) -> Bool {
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
        if !includingSelf || visit(node) { MetaHTML.walk(node, visit) }
        return names
    }
    static func readMessage(
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

/// The walk of `MetaHTMLMessages`. Read whole, `finish` reads the page. Read in two passes
/// (`MetaHTMLPage.walk`), finished parts of the page arrive through `release` in document order: the thread's
/// record needs its title (the page's first `<title>`) and its participants line first, so a part holding
/// messages waits until both have been seen (for a page without them, until the page ends, when the senders
/// name the participants as a whole read does); then its messages are read and it is freed.
final class MetaHTMLThreadReader {
    let key: String
    let platform: Platform
    let context: ParseContext
    let times: MetaHTMLTimes
    private(set) var messages = 0
    private var title: String?
    private var titleSeen = false
    private var names: [(name: String, locator: String)] = []
    private var headed = false

    init(key: String, platform: Platform, context: ParseContext) {
        self.key = key
        self.platform = platform
        self.context = context
        times = MetaHTMLTimes(context: context)
    }

    /// A finished child of an open list element, in document order: whether it may be freed.
    func release(_ parent: xmlNodePtr, _ child: xmlNodePtr, _ followed: Bool) -> Bool {
        guard child.pointee.type == XML_ELEMENT_NODE else { return true }
        if !titleSeen, let found = MetaHTML.elementName(child) == "title" ? child : MetaHTML.first("title", in: child) {
            titleSeen = true
            title = MetaHTML.textContent(found)
        }
        if names.isEmpty { names = MetaHTMLMessages.participantsLine(at: child, includingSelf: true) }
        var blocks: [MetaHTML.Block] = []
        MetaHTML.forEachBlock(at: child) { blocks.append($0) }
        guard !blocks.isEmpty else { return true }
        guard headed || (titleSeen && !names.isEmpty) else { return false }
        read(blocks)
        return true
    }

    /// What is left of the page (all of it, read whole).
    func finish(_ root: xmlNodePtr) {
        if !titleSeen {
            titleSeen = true
            title = MetaHTML.title(root)
        }
        if names.isEmpty { names = MetaHTMLMessages.participantsLine(at: root, includingSelf: false) }
        read(MetaHTML.blocks(in: root))
    }

    private func read(_ blocks: [MetaHTML.Block]) {
        if !headed {
            if names.isEmpty {
                for block in blocks {
                    guard let sender = MetaHTML.textContent(block.heading), !names.contains(where: { $0.name == sender })
                    else { continue }
                    names.append((sender, MetaHTML.nodePath(block.heading)))
                }
            }
            MetaMessages.emitThread(
                key: key, title: title, participants: names, platform: platform, locator: "", context: context)
            headed = true
        }
        for block in blocks {
            messages += 1
            MetaHTMLMessages.readMessage(block, key: key, platform: platform, times: times, context: context)
        }
    }
}
